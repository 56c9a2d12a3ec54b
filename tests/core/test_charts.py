import altair as alt
from django.template.loader import render_to_string
from django.test import RequestFactory

from spil.core.charts import ChartView, svg_data_uri, svg_render
from spil.core.htmx import htmx_refresh, is_htmx


def test_a_chart_renders_to_svg_in_house_style():
    chart = (
        alt.Chart(alt.Data(values=[{"wie": "a", "n": 1}, {"wie": "b", "n": 3}]))
        .mark_bar()
        .encode(x="wie:N", y="n:Q")
    )
    svg = svg_render(chart)
    assert svg.startswith("<svg") and "Arial" in svg
    assert svg_data_uri(svg).startswith("data:image/svg+xml;base64,")


def test_the_chart_component_shows_summary_and_the_same_numbers_as_a_table():
    view = ChartView(
        svg_uri="data:image/svg+xml;base64,AA==",
        alt="Staafgrafiek van contacten per sector.",
        summary="Zorg had de meeste contacten.",
        caption="Contacten per sector",
        headers=["Sector", "Contacten"],
        rows=[["Zorg", 3], ["Onderwijs", 1]],
        numeric={1},
        table_id="sectoren",
    )
    html = render_to_string("components/chart.html", {"chart": view})
    assert "Zorg had de meeste contacten." in html
    assert 'aria-labelledby="sectoren-kop"' in html and 'id="sectoren-kop"' in html
    assert '<th class="utrecht-table__cell spil-table__row-header" scope="row">Zorg</th>' in html
    assert 'utrecht-table__cell--numeric">3</td>' in html
    assert "De cijfers staan in de tabel eronder." in html


def test_htmx_helpers():
    factory = RequestFactory()
    assert is_htmx(factory.get("/", headers={"HX-Request": "true"}))
    assert not is_htmx(factory.get("/"))

    class Response(dict):
        pass

    assert htmx_refresh(Response())["HX-Refresh"] == "true"
