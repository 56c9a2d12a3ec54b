"""The network's charts: sector bars (altair → SVG on the server) and the co-attendance graph
as plain SVG. Every chart is shown with a table of the same numbers and a one-line summary."""

from __future__ import annotations

from html import escape

import networkx as nx

from spil.core.charts import alt, vl_convert

FONT = "Arial, Helvetica, sans-serif"
# Distinguishable colours with at least 3:1 contrast against white.
PALETTE = ("#1d4e89", "#b15a00", "#2f7d32", "#8e2b6b", "#595959", "#00677f", "#8a5a00", "#5b3c99")


def sector_bars_svg(rows: list[dict]) -> str:
    """Horizontal bars: hours per sector, with the own target as a tick where set."""
    values = [{"sector": r["naam"], "uren": r["uren"]} for r in rows]
    order = [r["naam"] for r in rows]
    bars = (
        alt.Chart(alt.Data(values=values))
        .mark_bar(color="#2f7d32")
        .encode(
            y=alt.Y("sector:N", title=None, sort=order, axis=alt.Axis(labelLimit=320)),
            x=alt.X("uren:Q", title="Uren"),
        )
        .properties(width=360, height=max(60, 26 * len(rows)))
    )
    chart = bars.configure(font=FONT).configure_axis(
        labelFontSize=12, titleFontSize=13, labelColor="#1a1a1a", titleColor="#1a1a1a"
    )
    return vl_convert.vegalite_to_svg(chart.to_dict())


def graph_svg(
    graph: nx.Graph, labels: dict[str, str], community: dict[str, int], *, limit: int = 120
) -> tuple[str, int]:
    """The graph drawn with a seeded layout (the same picture every time). Only the `limit`
    best-connected people are drawn; the list and table next to it hold everyone. Returns the
    SVG markup and the number of people drawn."""
    nodes = sorted(graph.nodes, key=lambda n: (-graph.degree(n), labels.get(n, n)))[:limit]
    sub = graph.subgraph(nodes)
    if not nodes:
        return "", 0
    pos = nx.spring_layout(sub, seed=20, k=None) if len(nodes) > 1 else {nodes[0]: (0.0, 0.0)}
    width, height, margin = 720, 480, 40

    def xy(n):
        x, y = pos[n]
        return margin + (x + 1) / 2 * (width - 2 * margin), margin + (y + 1) / 2 * (
            height - 2 * margin
        )

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        'class="spil-graph__svg" role="img" aria-labelledby="graaf-titel graaf-uitleg">',
        '<title id="graaf-titel">Netwerk van je contacten</title>',
        '<desc id="graaf-uitleg">Elke stip is een persoon; een lijn betekent dat twee mensen '
        "samen bij een afspraak waren. Dezelfde gegevens staan in de lijst en de tabel.</desc>",
    ]
    for a, b in sub.edges:
        (x1, y1), (x2, y2) = xy(a), xy(b)
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            'stroke="#767676" stroke-width="1"/>'
        )
    for n in nodes:
        x, y = xy(n)
        colour = PALETTE[(community.get(n, 1) - 1) % len(PALETTE)]
        label = escape(labels.get(n, n))
        parts.append(
            f'<g><circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="{colour}" stroke="#ffffff" '
            f'stroke-width="1.5"><title>{label}</title></circle>'
            f'<text x="{x + 9:.1f}" y="{y + 4:.1f}" font-size="11" font-family="{FONT}" '
            f'fill="#1a1a1a">{label}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts), len(nodes)
