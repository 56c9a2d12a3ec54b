"""Charts for every app: Vega-Lite specs built with altair, rendered to SVG on the server.

A chart is never the only carrier of its numbers: show it with
`{% include "components/chart.html" with chart=... %}`, which renders the SVG, a one-sentence
summary and the table with the same numbers (`ChartView`). altair and vl-convert are imported
only when a chart is drawn (`alt` and `vl_convert` below are lazy stand-ins), so they cost
nothing at start-up (about 0.4 s otherwise; check with `python -X importtime`).

Rendering a Vega-Lite chart to SVG costs ~50 ms, more than the rest of a page: views keep
the result in Django's cache with `spil.core.chart_cache.cached_chart` (this module stays pure,
so that the apps' chart modules can import it without Django).
"""

from __future__ import annotations

import base64
import importlib
from dataclasses import dataclass, field
from typing import Any


class _LazyModule:
    """A module imported on first attribute access: `alt.Chart(...)` imports altair then."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self._name), attribute)


alt: Any = _LazyModule("altair")
vl_convert: Any = _LazyModule("vl_convert")


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
