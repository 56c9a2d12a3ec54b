"""Trend charts (SVG via altair, like the agenda-spiegel's), each shown with a table and a
one-sentence summary built from the same numbers."""

from __future__ import annotations

import base64

from spil.core.charts import alt, vl_convert
from spil.core.charts import chart_config as _config

from .vragen import KWALITEITEN, TOONSOORTEN

PALETTE = ["#1d4e89", "#b15a00", "#2f7d32", "#6a3d9a", "#595959", "#a6192e", "#00677f"]


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def scores_svg(points: list[dict]) -> str:
    """Lines: each quality's balance position (-2..2) per month."""
    labels = [k.label for k in KWALITEITEN]
    values = [
        {"maand": p["sleutel"], "kwaliteit": k.label, "positie": p["scores"][k.key]}
        for p in points
        for k in KWALITEITEN
        if k.key in p["scores"]
    ]
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_line(point=True)
        .encode(
            x=alt.X("maand:O", title="Maand"),
            y=alt.Y(
                "positie:Q",
                title="Te weinig (−2) … in balans (0) … te veel (+2)",
                scale=alt.Scale(domain=[-2, 2]),
            ),
            color=alt.Color(
                "kwaliteit:N", title="Kwaliteit", scale=alt.Scale(domain=labels, range=PALETTE)
            ),
        )
        .properties(width=max(260, 60 * len(points)), height=240)
    )
    return vl_convert.vegalite_to_svg(_config(chart).to_dict())


def toon_svg(points: list[dict]) -> str:
    """Stacked bars: the 100 points over the five tone styles per quarter."""
    labels = [t.label for t in TOONSOORTEN]
    values = [
        {
            "kwartaal": p["sleutel"],
            "toonsoort": t.label,
            "volgorde": i,
            "punten": p["toon"].get(t.key, 0),
        }
        for p in points
        for i, t in enumerate(TOONSOORTEN)
    ]
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_bar()
        .encode(
            x=alt.X("kwartaal:O", title="Kwartaal"),
            y=alt.Y("punten:Q", title="Punten (samen 100)", stack="zero"),
            color=alt.Color(
                "toonsoort:N",
                title="Toonsoort",
                sort=labels,
                scale=alt.Scale(domain=labels, range=PALETTE[:5]),
            ),
            order=alt.Order("volgorde:Q"),
        )
        .properties(width=max(200, 60 * len(points)), height=240)
    )
    return vl_convert.vegalite_to_svg(_config(chart).to_dict())


def scores_summary(points: list[dict]) -> str:
    if len(points) < 2:
        return ""
    first, last = points[0]["scores"], points[-1]["scores"]
    moved = [
        (abs(last[k.key]) - abs(first[k.key]), k)
        for k in KWALITEITEN
        if k.key in first and k.key in last
    ]
    if not moved:
        return "Er zijn nog geen twee maanden met dezelfde kwaliteit gescoord."
    change, kwaliteit = min(moved, key=lambda m: (m[0], m[1].label))
    if change < 0:
        return (
            f"Van {points[0]['sleutel']} tot {points[-1]['sleutel']} kwam "
            f"'{kwaliteit.label}' het meest richting balans."
        )
    worst, kwaliteit = max(moved, key=lambda m: (m[0], m[1].label))
    if worst > 0:
        return (
            f"Van {points[0]['sleutel']} tot {points[-1]['sleutel']} raakte "
            f"'{kwaliteit.label}' het verst uit balans."
        )
    return f"Van {points[0]['sleutel']} tot {points[-1]['sleutel']} bleven je scores gelijk."


def toon_summary(points: list[dict]) -> str:
    if not points:
        return ""
    last = points[-1]["toon"]
    top = max(TOONSOORTEN, key=lambda t: last.get(t.key, 0))
    text = (
        f"In {points[-1]['sleutel']} gaf je de meeste punten aan '{top.label}' "
        f"({last.get(top.key, 0)} van 100)"
    )
    if len(points) >= 2:
        before = points[-2]["toon"]
        text += f"; het kwartaal ervoor {before.get(top.key, 0)}"
    return text + "."


def aspects_svg(quarters: list[str], rows: list[dict]) -> str:
    """Stacked bars: answered aspect questions per quarter, coloured by dimension."""
    from .vragen import DIMENSIES

    labels = list(DIMENSIES.values())
    totals: dict[tuple[str, str], int] = {}
    for row in rows:
        for quarter, count in zip(quarters, row["aantallen"], strict=True):
            key = (quarter, DIMENSIES[row["dimensie"]])
            totals[key] = totals.get(key, 0) + count
    values = [
        {"kwartaal": q, "dimensie": d, "volgorde": labels.index(d), "antwoorden": n}
        for (q, d), n in totals.items()
    ]
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_bar()
        .encode(
            x=alt.X("kwartaal:O", title="Kwartaal"),
            y=alt.Y("antwoorden:Q", title="Beantwoorde vragen", stack="zero"),
            color=alt.Color(
                "dimensie:N",
                title="Dimensie",
                sort=labels,
                scale=alt.Scale(domain=labels, range=PALETTE[:3]),
            ),
            order=alt.Order("volgorde:Q"),
        )
        .properties(width=max(200, 60 * len(quarters)), height=220)
    )
    return vl_convert.vegalite_to_svg(_config(chart).to_dict())


def aspects_summary(quarters: list[str], rows: list[dict]) -> str:
    """One sentence: which aspect got most answers, and which got none yet."""
    total = {row["label"]: sum(row["aantallen"]) for row in rows}
    answered = sum(total.values())
    if not answered:
        return "Je hebt nog geen afgeronde antwoorden over aspecten."
    most = max(total, key=lambda label: (total[label], label))
    never = [label.lower() for label, n in total.items() if n == 0]
    span = quarters[0] if len(quarters) == 1 else f"{quarters[0]} tot en met {quarters[-1]}"
    text = (
        f"Van {span} beantwoordde je {answered} vragen over aspecten, de meeste over "
        f"{most.lower()} ({total[most]})"
    )
    if never:
        text += f"; nog geen over {', '.join(never)}"
    return text + "."
