"""A trend chart: the council's figure by period against its target band, with England and
the statistical-neighbour average as comparison lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from careboard.charts import sentences, svg
from careboard.charts.chart import Cell, Chart
from careboard.charts.drawing import hatch_pattern, marker, segments, series_table
from careboard.charts.points import Point, TargetBand, number_text, unit_name, value_text
from careboard.charts.scale import Axis

WIDTH, HEIGHT = 640.0, 320.0
LEFT, RIGHT, TOP, BOTTOM = 64.0, 64.0, 56.0, 40.0
FONT = 13


def _series(labels: Sequence[str], values: Mapping[str, float | None]) -> list[float | None]:
    return [values.get(label) for label in labels]


def trend_chart(
    points: Sequence[Point],
    *,
    unit: str,
    title: str,
    chart_id: str,
    targets: Mapping[str, TargetBand] | None = None,
    england: Mapping[str, float | None] | None = None,
    neighbours: Mapping[str, float | None] | None = None,
    council_name: str = "This council",
) -> Chart:
    """Points oldest first; `targets`, `england` and `neighbours` are keyed by period label."""
    targets = dict(targets or {})
    england = dict(england or {})
    neighbours = dict(neighbours or {})
    labels = [p.label for p in points]
    ident = svg.safe_id(chart_id)
    everything = [p.value for p in points if p.value is not None]
    everything += [v for v in _series(labels, england) if v is not None]
    everything += [v for v in _series(labels, neighbours) if v is not None]
    for label in labels:
        if label in targets:
            everything += [targets[label].low, targets[label].high]
    axis = Axis.fit(
        everything, start=HEIGHT - BOTTOM, end=TOP, percent=unit_name(unit) == "percent"
    )
    plot_width = WIDTH - LEFT - RIGHT
    step = plot_width / max(len(points), 1)
    xs = [LEFT + step * (i + 0.5) for i in range(len(points))]

    defs = svg.element("defs", [hatch_pattern(f"{ident}-hatch", "cb-chart__hatch")])
    body = [defs, *_grid(axis, unit)]
    legend: list[tuple[str, str]] = [("council", council_name)]
    if any(label in targets for label in labels):
        body += _target_bands(labels, xs, step, axis, targets, ident)
        legend.append(("target", "Target"))
        if any(targets[label].tolerance > 0 for label in labels if label in targets):
            legend.append(("tolerance", "Tolerance (Amber)"))
    for name, values, shape, css in (
        ("England", england, "square", "england"),
        ("Statistical neighbours", neighbours, "diamond", "neighbours"),
    ):
        series = _series(labels, values)
        if all(v is None for v in series):
            continue
        legend.append((css, name))
        positions = [
            (x, axis.position(v)) if v is not None else None
            for x, v in zip(xs, series, strict=True)
        ]
        body += segments(
            positions,
            f"cb-chart__line cb-chart__line--{css}",
            stroke="currentColor",
            stroke_width=2,
            stroke_dasharray="6 4" if css == "england" else "2 3",
        )
        body += [
            marker(shape, *pos, 4, f"cb-chart__marker cb-chart__marker--{css}")
            for pos in positions
            if pos
        ]
    positions = [
        (x, axis.position(p.value)) if p.value is not None else None
        for x, p in zip(xs, points, strict=True)
    ]
    body += segments(
        positions, "cb-chart__line cb-chart__line--council", stroke="currentColor", stroke_width=3
    )
    for x, point, position in zip(xs, points, positions, strict=True):
        if position is None:
            body.append(
                svg.text(
                    point.symbol or "–",
                    x=x,
                    y=HEIGHT - BOTTOM - 6,
                    text_anchor="middle",
                    font_size=FONT,
                    class_="cb-chart__symbol",
                )
            )
            continue
        body.append(marker("circle", *position, 5, "cb-chart__marker cb-chart__marker--council"))
    shown = [(x, p, pos) for x, p, pos in zip(xs, points, positions, strict=True) if pos]
    if shown:
        x, point, (_, y) = shown[-1]
        assert point.value is not None
        # Beside the point, to the right: other series share its x, never its right side.
        body.append(
            svg.text(
                value_text(point.value, unit),
                x=x + 9,
                y=y + 4,
                text_anchor="start",
                font_size=FONT,
                font_weight="bold",
                class_="cb-chart__label",
            )
        )
    body += _period_labels(labels, xs)
    body += _legend(legend, ident)

    summary = sentences.summary(
        points, unit, england=england, neighbours=neighbours, targets=targets
    )
    extra = [
        (
            "Target",
            {
                label: Cell(_target_text(band, unit), band.value)
                for label, band in targets.items()
                if label in labels
            },
        ),
        (
            "England",
            {
                label: Cell(value_text(v, unit), v)
                for label, v in england.items()
                if v is not None and label in labels
            },
        ),
        (
            "Statistical neighbours",
            {
                label: Cell(value_text(v, unit), v)
                for label, v in neighbours.items()
                if v is not None and label in labels
            },
        ),
    ]
    table = series_table(f"{title}: figures by period", council_name, points, unit, extra)
    document = svg.document(
        chart_id,
        title=title,
        description=summary,
        width=WIDTH,
        height=HEIGHT,
        kind="trend",
        body=body,
    )
    return Chart(document, title, summary, table)


def _target_text(band: TargetBand, unit: str) -> str:
    if band.tolerance == 0:
        return value_text(band.value, unit)
    return f"{value_text(band.value, unit)} (tolerance {number_text(band.tolerance, unit)})"


def _grid(axis: Axis, unit: str) -> list[str]:
    parts = []
    for tick in axis.ticks():
        y = axis.position(tick)
        parts.append(
            svg.element(
                "line",
                x1=LEFT,
                y1=y,
                x2=WIDTH - RIGHT,
                y2=y,
                class_="cb-chart__grid",
                stroke="currentColor",
                stroke_width=1 if tick else 1.5,
            )
        )
        parts.append(
            svg.text(
                value_text(tick, unit) if unit_name(unit) == "percent" else number_text(tick, unit),
                x=LEFT - 8,
                y=y + 4,
                text_anchor="end",
                font_size=FONT,
                class_="cb-chart__tick",
            )
        )
    return parts


def _target_bands(
    labels: Sequence[str],
    xs: Sequence[float],
    step: float,
    axis: Axis,
    targets: Mapping[str, TargetBand],
    ident: str,
) -> list[str]:
    parts = []
    for label, x in zip(labels, xs, strict=True):
        band = targets.get(label)
        if band is None:
            continue
        left, right = x - step / 2, x + step / 2
        if band.tolerance > 0:
            top, bottom = axis.position(band.high), axis.position(band.low)
            parts.append(
                svg.element(
                    "rect",
                    x=left,
                    y=top,
                    width=right - left,
                    height=bottom - top,
                    fill=f"url(#{ident}-hatch)",
                    class_="cb-chart__band",
                )
            )
        y = axis.position(band.value)
        parts.append(
            svg.element(
                "line",
                x1=left,
                y1=y,
                x2=right,
                y2=y,
                class_="cb-chart__target",
                stroke="currentColor",
                stroke_width=2,
                stroke_dasharray="10 4",
            )
        )
    return parts


def _period_labels(labels: Sequence[str], xs: Sequence[float]) -> list[str]:
    every = 1 if len(labels) <= 7 else (len(labels) + 6) // 7  # at most seven labels fit
    last = len(labels) - 1
    return [
        svg.text(
            label,
            x=x,
            y=HEIGHT - BOTTOM + 20,
            text_anchor="middle",
            font_size=FONT,
            class_="cb-chart__tick",
        )
        for i, (label, x) in enumerate(zip(labels, xs, strict=True))
        if (last - i) % every == 0
    ]


def _legend(items: Sequence[tuple[str, str]], ident: str) -> list[str]:
    parts, x, y = [], LEFT, 20.0
    for css, name in items:
        if x + 40 + 7.5 * len(name) > WIDTH and x > LEFT:
            x, y = LEFT, y + 20
        parts.append(_legend_key(css, x, y - 4, ident))
        parts.append(svg.text(name, x=x + 30, y=y, font_size=FONT, class_="cb-chart__legend"))
        x += 44 + 7.2 * len(name)
    return parts


def _legend_key(css: str, x: float, y: float, ident: str) -> str:
    if css == "tolerance":
        return svg.element(
            "rect",
            x=x,
            y=y - 6,
            width=24,
            height=12,
            fill=f"url(#{ident}-hatch)",
            class_="cb-chart__band",
        )
    if css == "target":
        return svg.element(
            "line",
            x1=x,
            y1=y,
            x2=x + 24,
            y2=y,
            class_="cb-chart__target",
            stroke="currentColor",
            stroke_width=2,
            stroke_dasharray="10 4",
        )
    dash = {"england": "6 4", "neighbours": "2 3"}.get(css)
    shape = {"england": "square", "neighbours": "diamond"}.get(css, "circle")
    line = svg.element(
        "line",
        x1=x,
        y1=y,
        x2=x + 24,
        y2=y,
        class_=f"cb-chart__line cb-chart__line--{css}",
        stroke="currentColor",
        stroke_width=3 if css == "council" else 2,
        stroke_dasharray=dash,
    )
    return line + marker(shape, x + 12, y, 4, f"cb-chart__marker cb-chart__marker--{css}")
