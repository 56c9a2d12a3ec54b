"""The report's chart: how many module places went to a first, second, ... choice."""

from __future__ import annotations

from spil.core.charts import PALETTE, ChartView, svg_data_uri, svg_render


def _cell(n: int | None) -> str:
    return "minder dan 5" if n is None else str(n)


def keuzes_chart(counts: dict[str, int | None]) -> ChartView:
    """Bar chart of the shown (not suppressed) cells, with the table of every cell."""
    import altair as alt

    shown = [{"keus": k, "plaatsen": n} for k, n in counts.items() if n is not None]
    svg_uri = ""
    if shown:
        chart = (
            alt.Chart(alt.Data(values=shown))
            .mark_bar(color=PALETTE["blauw"])
            .encode(
                x=alt.X("keus:N", title="keus binnen het doel", sort=None),
                y=alt.Y("plaatsen:Q", title="moduleplaatsen"),
            )
            .properties(width=360, height=200)
        )
        svg_uri = svg_data_uri(svg_render(chart))
    total = sum(n for n in counts.values() if n is not None)
    first = counts.get("keus 1")
    summary = (
        f"{first} van de getoonde {total} moduleplaatsen gingen naar een eerste keus."
        if first is not None
        else "Te weinig plaatsen per keus om cijfers te tonen."
    )
    return ChartView(
        svg_uri=svg_uri,
        alt="Staafdiagram: moduleplaatsen per keus.",
        summary=summary + " Aantallen onder 5 worden niet getoond.",
        caption="Moduleplaatsen per keus",
        headers=["Keus", "Moduleplaatsen"],
        rows=[[k, _cell(n)] for k, n in counts.items()],
        numeric={1},
        table_id="keuzes",
    )
