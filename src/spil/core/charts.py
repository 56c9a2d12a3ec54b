"""Charts for every app: Vega-Lite specs built with altair, rendered to SVG on the server.

A chart is never the only carrier of its numbers: show it with
`{% include "components/chart.html" with chart=... %}`, which renders the SVG, a one-sentence
summary and the table with the same numbers (`ChartView`). altair and vl-convert are imported
only when a chart is drawn, so they cost nothing at start-up.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

# Distinguishable for common colour-vision deficiencies and at least 3:1 against white.
PALETTE = {
    "blauw": "#1d4e89",
    "oranje": "#b15a00",
    "groen": "#2f7d32",
    "grijs": "#767676",
    "paars": "#6a3d9a",
    "donkergrijs": "#595959",
}
SERIES = tuple(PALETTE.values())
FONT = "Arial, Helvetica, sans-serif"
TEXT_COLOUR = "#1a1a1a"


def chart_config(chart):
    """Spil's house style on an altair chart: font, readable axis and legend text."""
    return (
        chart.configure(font=FONT)
        .configure_axis(
            labelFontSize=12, titleFontSize=13, labelColor=TEXT_COLOUR, titleColor=TEXT_COLOUR
        )
        .configure_legend(labelFontSize=12, titleFontSize=13, orient="bottom")
    )


def svg_render(chart) -> str:
    """The chart (altair, house style applied here) as an SVG string."""
    import vl_convert

    return vl_convert.vegalite_to_svg(chart_config(chart).to_dict())


def svg_data_uri(svg: str) -> str:
    """An SVG as a data: URI for an <img>, so it needs no separate request."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@dataclass
class ChartView:
    """What `components/chart.html` shows: the image, its summary and the same numbers."""

    svg_uri: str
    alt: str
    summary: str
    caption: str
    headers: list[str]
    rows: list[list[Any]]
    # Column indexes (0-based) that hold numbers: right-aligned.
    numeric: set[int] = field(default_factory=set)
    table_id: str = "tabel"
