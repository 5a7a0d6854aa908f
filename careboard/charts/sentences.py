"""The sentences that say what a chart shows, for its <desc> and the text beside it:
"Up from 78% in 2023-24 to 81% in 2024-25, above England (79%); meets the 80% target."
Above and below are plain positions: whether that is good is the RAG status's job."""

from __future__ import annotations

from collections.abc import Sequence

from careboard.charts.points import Point, TargetBand, number_text, value_text

NEIGHBOURS = "the statistical-neighbour average"


def first_upper(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def relation(value: float, other: float, unit: str) -> str:
    """ "above", "below" or "the same as", judged on the figures as printed."""
    if number_text(value, unit) == number_text(other, unit):
        return "the same as"
    return "above" if value > other else "below"


def change(points: Sequence[Point], unit: str) -> str:
    """How the latest figure compares with the one before it, naming the periods; says so
    when the latest period has no figure, or when there is only one figure."""
    if not points:
        return "No figures yet"
    shown = [p for p in points if p.value is not None]
    if not shown:
        reasons = sorted({p.reason for p in points})
        span = points[0].label if len(points) == 1 else f"{points[0].label} to {points[-1].label}"
        return f"No figures to show for {span} ({'; '.join(reasons)})"
    prefix = ""
    latest = points[-1]
    if latest.value is None:
        prefix = f"No figure for {latest.label} ({latest.reason}). "
    last = shown[-1]
    assert last.value is not None
    now = value_text(last.value, unit)
    if len(shown) == 1:
        return f"{prefix}{first_upper(now)} in {last.label}, the only period with a figure"
    before = shown[-2]
    assert before.value is not None
    then = value_text(before.value, unit)
    if number_text(last.value, unit) == number_text(before.value, unit):
        return f"{prefix}Unchanged at {now} from {before.label} to {last.label}"
    direction = "Up" if last.value > before.value else "Down"
    return f"{prefix}{direction} from {then} in {before.label} to {now} in {last.label}"


def benchmarks(value: float, unit: str, *, england: float | None, neighbours: float | None) -> str:
    """ ", above England (79%) and below the statistical-neighbour average (82%)", or ""."""
    compared = []
    if england is not None:
        compared.append((relation(value, england, unit), "England", england))
    if neighbours is not None:
        compared.append((relation(value, neighbours, unit), NEIGHBOURS, neighbours))
    if not compared:
        return ""
    parts = [f"{compared[0][0]} {compared[0][1]} ({value_text(compared[0][2], unit)})"]
    if len(compared) == 2:
        word, name, figure = compared[1]
        shared = word == compared[0][0]
        parts.append(f"{'' if shared else word + ' '}{name} ({value_text(figure, unit)})")
    return ", " + " and ".join(parts)


def target(value: float, band: TargetBand, unit: str) -> str:
    """ "meets the 80% target", "misses the 80% target, within its tolerance of 2"..."""
    aim = f"the {value_text(band.value, unit)} target"
    if band.meets(value):
        return f"meets {aim}"
    if band.tolerance == 0:
        return f"misses {aim}"
    tolerance = number_text(band.tolerance, unit)
    if band.within_tolerance(value):
        return f"misses {aim}, within its tolerance of {tolerance}"
    return f"misses {aim} by more than its tolerance of {tolerance}"


def summary(
    points: Sequence[Point],
    unit: str,
    *,
    england: dict[str, float | None] | None = None,
    neighbours: dict[str, float | None] | None = None,
    targets: dict[str, TargetBand] | None = None,
) -> str:
    """The whole sentence: the change, the benchmarks and the target of the latest figure
    (looked up by its period label)."""
    sentence = change(points, unit)
    shown = [p for p in points if p.value is not None]
    if shown:
        last = shown[-1]
        assert last.value is not None
        sentence += benchmarks(
            last.value,
            unit,
            england=(england or {}).get(last.label),
            neighbours=(neighbours or {}).get(last.label),
        )
        band = (targets or {}).get(last.label)
        if band is not None:
            sentence += "; " + target(last.value, band, unit)
    return sentence + "."
