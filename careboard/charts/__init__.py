"""Accessible charts drawn on the server as SVG: pure functions from figures to a `Chart`
(the SVG with a title and description, the sentence that summarises it, and its data table).

No chart library: none of those available writes SVG with a title, a description and no
inline styles, and these three charts are small. Colours come from classes styled in
assets/scss/_charts.scss; shapes, dashes and patterns carry the meaning as well, so the
charts read in forced-colours mode, in print and without colour.
"""

from careboard.charts.benchmark import Bar, benchmark_chart
from careboard.charts.chart import Cell, Chart, Row, Table
from careboard.charts.points import Point, TargetBand, point_text, value_text
from careboard.charts.sparkline import sparkline
from careboard.charts.trend import trend_chart

__all__ = [
    "Bar",
    "Cell",
    "Chart",
    "Point",
    "Row",
    "Table",
    "TargetBand",
    "benchmark_chart",
    "point_text",
    "sparkline",
    "trend_chart",
    "value_text",
]
