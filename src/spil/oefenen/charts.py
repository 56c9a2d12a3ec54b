"""The debrief chart: each state variable over the choices, as SVG rendered on the server.

The page shows the same numbers in a table and a one-sentence summary beside it.
"""

from __future__ import annotations

# Distinguishable for common colour-vision deficiencies, each at least 3:1 against white.
PALETTE = ["#1d4e89", "#b15a00", "#2f7d32", "#7a3e9d", "#767676"]


def state_chart_svg(*, rows: list[dict], labels: dict[str, str]) -> str:
    import altair as alt
    import vl_convert

    values = [
        {"moment": row["moment"], "volgorde": index, "variabele": labels[key], "waarde": row[key]}
        for index, row in enumerate(rows)
        for key in labels
    ]
    order = [row["moment"] for row in rows]
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_line(point=True, strokeWidth=2)
        .encode(
            x=alt.X("moment:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("waarde:Q", scale=alt.Scale(domain=[0, 100]), title="Waarde (0-100)"),
            color=alt.Color(
                "variabele:N",
                scale=alt.Scale(domain=list(labels.values()), range=PALETTE[: len(labels)]),
                title=None,
            ),
            strokeDash=alt.StrokeDash("variabele:N", title=None),
        )
        .properties(width=560, height=260)
        .configure(font="Arial, Helvetica, sans-serif")
        .configure_axis(
            labelFontSize=12, titleFontSize=13, labelColor="#1a1a1a", titleColor="#1a1a1a"
        )
        .configure_legend(labelFontSize=12, orient="bottom")
    )
    return vl_convert.vegalite_to_svg(chart.to_dict())


def state_summary(*, rows: list[dict], labels: dict[str, str]) -> str:
    """One sentence: which variable rose most and which fell most over the play."""
    if len(rows) < 2:
        return "Je hebt nog geen keuzes gemaakt."
    first, last = rows[0], rows[-1]
    changes = {key: last[key] - first[key] for key in labels}
    up = max(changes, key=lambda k: changes[k])
    down = min(changes, key=lambda k: changes[k])
    parts = []
    if changes[up] > 0:
        parts.append(f"{labels[up].lower()} steeg het meest (+{changes[up]})")
    if changes[down] < 0:
        parts.append(f"{labels[down].lower()} daalde het meest ({changes[down]})")
    if not parts:
        return "Over het hele scenario bleef alles gelijk."
    sentence = " en ".join(parts)
    return f"Over {len(rows) - 1} keuzes {sentence}."
