"""A benchmark bar chart: the council beside England, the statistical-neighbour average and
each statistical neighbour, for one period. Horizontal bars, so names stay readable on a
phone; bars differ by fill pattern as well as colour."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from careboard.charts import sentences, svg
from careboard.charts.chart import Cell, Chart, Row, Table
from careboard.charts.drawing import hatch_pattern
from careboard.charts.points import SYMBOL_MEANINGS, number_text, unit_name, value_text
from careboard.charts.scale import Axis

WIDTH = 640.0
LABELS, RIGHT, TOP, ROW, BAR = 230.0, 96.0, 8.0, 28.0, 18.0
FONT = 13
KINDS = ("council", "england", "average", "neighbour")


@dataclass(frozen=True, slots=True)
class Bar:
    """One area's figure; `kind` is council, england, average or neighbour."""

    name: str
    value: float | None
    kind: str = "neighbour"
    symbol: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"a bar is one of {KINDS}, not {self.kind!r}")

    @property
    def reason(self) -> str:
        return SYMBOL_MEANINGS.get(self.symbol, f"not published ({self.symbol})")

    def text(self, unit: str) -> str:
        if self.value is not None:
            return value_text(self.value, unit)
        return f"{self.symbol} ({self.reason})" if self.symbol else "Not published"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def benchmark_chart(
    bars: Sequence[Bar], *, unit: str, title: str, chart_id: str, period: str
) -> Chart:
    """Bars in the order given (council, England, average, then neighbours is usual)."""
    ident = svg.safe_id(chart_id)
    height = TOP + ROW * len(bars) + 28
    values = [b.value for b in bars if b.value is not None]
    axis = Axis.fit(
        values,
        start=LABELS,
        end=WIDTH - RIGHT,
        include_zero=True,
        percent=unit_name(unit) == "percent",
    )
    zero = axis.position(0.0)
    body = [svg.element("defs", [hatch_pattern(f"{ident}-hatch", "cb-chart__hatch")])]
    for tick in axis.ticks():
        x = axis.position(tick)
        body.append(
            svg.element(
                "line",
                x1=x,
                y1=TOP,
                x2=x,
                y2=height - 24,
                class_="cb-chart__grid",
                stroke="currentColor",
                stroke_width=1,
            )
        )
        body.append(
            svg.text(
                number_text(tick, unit),
                x=x,
                y=height - 8,
                text_anchor="middle",
                font_size=FONT,
                class_="cb-chart__tick",
            )
        )
    for i, bar in enumerate(bars):
        y = TOP + ROW * i + (ROW - BAR) / 2
        middle = y + BAR / 2 + 4
        weight = "bold" if bar.kind == "council" else None
        body.append(
            svg.text(
                bar.name,
                x=LABELS - 8,
                y=middle,
                text_anchor="end",
                font_size=FONT,
                font_weight=weight,
                class_="cb-chart__legend",
            )
        )
        if bar.value is None:
            body.append(
                svg.text(
                    bar.text(unit), x=zero + 6, y=middle, font_size=FONT, class_="cb-chart__symbol"
                )
            )
            continue
        end = axis.position(bar.value)
        left, right = min(zero, end), max(zero, end)
        fill = f"url(#{ident}-hatch)" if bar.kind == "england" else "currentColor"
        body.append(
            svg.element(
                "rect",
                x=left,
                y=y,
                width=max(right - left, 1.0),
                height=BAR,
                fill=fill,
                stroke="currentColor",
                stroke_width=1.5,
                class_=f"cb-chart__bar cb-chart__bar--{bar.kind}",
            )
        )
        body.append(
            svg.text(
                value_text(bar.value, unit),
                x=right + 6,
                y=middle,
                font_size=FONT,
                font_weight=weight,
                class_="cb-chart__label",
            )
        )
    body.append(
        svg.element(
            "line",
            x1=zero,
            y1=TOP,
            x2=zero,
            y2=height - 24,
            class_="cb-chart__axis",
            stroke="currentColor",
            stroke_width=2,
        )
    )
    summary = benchmark_summary(bars, unit, period)
    table = Table(
        f"{title}: {period}",
        ("Area", period),
        tuple(Row(bar.name, (Cell(bar.text(unit), bar.value),)) for bar in bars),
    )
    document = svg.document(
        chart_id,
        title=title,
        description=summary,
        width=WIDTH,
        height=height,
        kind="benchmark",
        body=body,
    )
    return Chart(document, title, summary, table)


def benchmark_summary(bars: Sequence[Bar], unit: str, period: str) -> str:
    council = next((b for b in bars if b.kind == "council"), None)
    england = next((b.value for b in bars if b.kind == "england"), None)
    average = next((b.value for b in bars if b.kind == "average"), None)
    if council is None or council.value is None:
        name = council.name if council else "The council"
        known = [
            f"England {value_text(england, unit)}" if england is not None else "",
            f"{sentences.NEIGHBOURS} {value_text(average, unit)}" if average is not None else "",
        ]
        said = "; ".join(part for part in known if part)
        reason = council.reason if council else "not given"
        return f"No figure for {name} in {period} ({reason})" + (f"; {said}." if said else ".")
    sentence = f"{council.name} {value_text(council.value, unit)} in {period}"
    sentence += sentences.benchmarks(council.value, unit, england=england, neighbours=average)
    group = [b.value for b in bars if b.kind in ("council", "neighbour") and b.value is not None]
    if len(group) > 1:
        rank = 1 + sum(1 for v in group if v > council.value)
        sentence += f"; {ordinal(rank)} highest of {len(group)} with its statistical neighbours"
    return sentence + "."
