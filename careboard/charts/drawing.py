"""Pieces shared by the charts: marker shapes, the hatch pattern, line segments, tables."""

from __future__ import annotations

from collections.abc import Sequence

from careboard.charts import svg
from careboard.charts.chart import Cell, Row, Table
from careboard.charts.points import Point, point_text


def marker(shape: str, x: float, y: float, size: float, css: str) -> str:
    """A point marker, so that series differ by shape as well as colour."""
    if shape == "square":
        return svg.element(
            "rect", x=x - size, y=y - size, width=2 * size, height=2 * size, class_=css
        )
    if shape == "diamond":
        corners = [
            (x, y - size * 1.3),
            (x + size * 1.3, y),
            (x, y + size * 1.3),
            (x - size * 1.3, y),
        ]
        return svg.element("polygon", points=_points(corners), class_=css)
    return svg.element("circle", cx=x, cy=y, r=size, class_=css)


def _points(pairs: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{svg.number(x)},{svg.number(y)}" for x, y in pairs)


def segments(
    positions: Sequence[tuple[float, float] | None], css: str, **attrs: svg.Attribute
) -> list[str]:
    """Polylines through consecutive positions; None (a period without a figure) breaks the
    line, so a gap is never drawn as if the figure were known. A lone point gets no line."""
    lines: list[str] = []
    run: list[tuple[float, float]] = []
    for position in [*positions, None]:
        if position is not None:
            run.append(position)
            continue
        if len(run) > 1:
            lines.append(
                svg.element("polyline", points=_points(run), class_=css, fill="none", **attrs)
            )
        run = []
    return lines


def hatch_pattern(pattern_id: str, css: str) -> str:
    """Diagonal lines in the current colour: a fill that reads without colour."""
    return svg.element(
        "pattern",
        [
            svg.element(
                "line", x1=0, y1=0, x2=0, y2=6, class_=css, stroke="currentColor", stroke_width=2
            )
        ],
        id=pattern_id,
        width=6,
        height=6,
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )


def period_rows(points: Sequence[Point], unit: str) -> list[Row]:
    return [Row(p.label, (Cell(point_text(p, unit), p.value),)) for p in points]


def series_table(
    caption: str,
    first: str,
    points: Sequence[Point],
    unit: str,
    extra: Sequence[tuple[str, dict[str, Cell]]] = (),
) -> Table:
    """One row per period: the council's figure, then any other columns (England, target...)
    that have at least one figure."""
    used = [(name, cells) for name, cells in extra if cells]
    rows = tuple(
        Row(
            p.label,
            (
                Cell(point_text(p, unit), p.value),
                *(cells.get(p.label, Cell("–")) for _, cells in used),
            ),
        )
        for p in points
    )
    return Table(caption, ("Period", first, *(name for name, _ in used)), rows)
