"""A sparkline: the last years of one indicator in a small line, for a dashboard tile."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from careboard.charts import sentences, svg
from careboard.charts.chart import Chart
from careboard.charts.drawing import marker, segments, series_table
from careboard.charts.points import Point, unit_name
from careboard.charts.scale import Axis

WIDTH, HEIGHT, PAD = 120.0, 36.0, 5.0


def sparkline(
    points: Sequence[Point],
    *,
    unit: str,
    title: str,
    chart_id: str,
    england: Mapping[str, float | None] | None = None,
) -> Chart:
    """Points oldest first. Missing figures break the line and leave a short tick on the
    baseline; the latest figure has a larger marker."""
    values = [p.value for p in points if p.value is not None]
    axis = Axis.fit(
        values, start=HEIGHT - PAD, end=PAD, ticks=2, percent=unit_name(unit) == "percent"
    )
    step = (WIDTH - 2 * PAD) / max(len(points) - 1, 1)
    xs = [PAD + i * step if len(points) > 1 else WIDTH / 2 for i in range(len(points))]
    positions = [
        (x, axis.position(p.value)) if p.value is not None else None
        for x, p in zip(xs, points, strict=True)
    ]
    body = [
        svg.element(
            "line",
            x1=PAD,
            y1=HEIGHT - 1,
            x2=WIDTH - PAD,
            y2=HEIGHT - 1,
            class_="cb-chart__axis",
            stroke="currentColor",
        )
    ]
    body += segments(positions, "cb-chart__council", stroke="currentColor", stroke_width=2)
    last_shown = max((i for i, pos in enumerate(positions) if pos is not None), default=None)
    for i, position in enumerate(positions):
        if position is None:
            body.append(
                svg.element(
                    "line",
                    x1=xs[i],
                    y1=HEIGHT - 6,
                    x2=xs[i],
                    y2=HEIGHT - 1,
                    class_="cb-chart__gap",
                    stroke="currentColor",
                    stroke_width=1.5,
                )
            )
            continue
        size = 3.5 if i == last_shown else 2.0
        body.append(marker("circle", *position, size, "cb-chart__marker cb-chart__marker--council"))
    england_values = dict(england or {})
    summary = sentences.summary(points, unit, england=england_values)
    table = series_table(f"{title}: figures by period", "Value", points, unit)
    document = svg.document(
        chart_id,
        title=title,
        description=summary,
        width=WIDTH,
        height=HEIGHT,
        kind="sparkline",
        body=body,
    )
    return Chart(document, title, summary, table)
