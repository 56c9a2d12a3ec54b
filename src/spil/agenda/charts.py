"""The mirror's charts: Vega-Lite specs built with altair, rendered to SVG on the server.

Every chart is shown next to a table with the same numbers and a one-sentence summary, so the
SVG is an illustration, not the only carrier of the information.
"""

from __future__ import annotations

from spil.core.charts import PALETTE, alt, svg_render

from .analysis import without_leave
from .classification import DOMAIN_LABELS, DOMAINS, WORK_DOMAINS

COLOURS = {
    "college": PALETTE["blauw"],
    "organisatie": PALETTE["oranje"],
    "omgeving": PALETTE["groen"],
    "overig": PALETTE["grijs"],
}
# All-day leave is shown in days in the table, not as hours of overig: 45 hours of holiday
# would dwarf every other bar.
# "Overige afspraken": what fits none of the three (leave is counted apart, in days).
PERIOD_LABELS = {**DOMAIN_LABELS, "overig": "Overige afspraken"}


def period_hours(period: dict) -> dict[str, float]:
    """Hours per domain of a Bucket.as_dict() row as the chart and its table show them: one
    decimal, all-day leave left out of overig."""
    minutes = without_leave(period["minuten"], period["verlof_minuten"])
    return {domain: round(minutes[domain] / 60, 1) for domain in DOMAINS}


def weekly_bars_svg(weeks: list[dict], *, include_overig: bool = True) -> str:
    """Stacked bars: hours per domain per ISO week, leave not counted as hours (see
    `period_hours`). `weeks` are Bucket.as_dict() rows."""
    domains = [d for d in DOMAINS if include_overig or d != "overig"]
    values = [
        {
            "sleutel": week["sleutel"],
            "domein": PERIOD_LABELS[domain],
            "volgorde": DOMAINS.index(domain),
            "uren": hours[domain],
        }
        for week in weeks
        for hours in (period_hours(week),)
        for domain in domains
    ]
    labels = [PERIOD_LABELS[d] for d in domains]
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_bar()
        .encode(
            x=alt.X("sleutel:N", title="Week", axis=alt.Axis(labelExpr="slice(datum.value, 6)")),
            y=alt.Y("uren:Q", title="Uren", stack="zero"),
            color=alt.Color(
                "domein:N",
                title="Domein",
                scale=alt.Scale(domain=labels, range=[COLOURS[d] for d in domains]),
                sort=labels,
            ),
            order=alt.Order("volgorde:Q"),
        )
        .properties(width=max(240, 22 * len(weeks)), height=260)
    )
    return svg_render(chart)


def shares_svg(comparison: list[dict]) -> str:
    """Grouped bars: own share, own target and survey figure per work domain, in percent."""
    kinds = ["Jouw verdeling", "Jouw doel", "Enquête (gemiddeld)"]
    values = []
    for row in comparison:
        for kind, value in zip(
            kinds, (row["aandeel"], row["doel"], row["referentie"]), strict=True
        ):
            values.append({"domein": row["label"], "soort": kind, "procent": value})
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_bar()
        .encode(
            x=alt.X(
                "domein:N",
                title=None,
                sort=[DOMAIN_LABELS[d] for d in WORK_DOMAINS],
                axis=alt.Axis(labelAngle=0),
            ),
            xOffset=alt.XOffset("soort:N", sort=kinds),
            y=alt.Y("procent:Q", title="Procent van de tijd", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "soort:N",
                title=None,
                sort=kinds,
                scale=alt.Scale(
                    domain=kinds,
                    range=[PALETTE["blauw"], PALETTE["oranje"], PALETTE["donkergrijs"]],
                ),
            ),
        )
        .properties(width=360, height=240)
    )
    return svg_render(chart)
