"""Indicator figures as they may leave the staff site (API, exports, public board packs).

Staff pages show exact values. Anything published goes through `published()`, which applies
`careboard.analytics.disclosure.protect_indicator` (counts of 1 to 5, percentages of fewer
than 10 children, averages over 1 to 5 children are withheld as "c") and re-words the
judgement so that a withheld value appears neither as a status, a trend nor a quartile.
A percentage or average recorded without its counts cannot be checked, so it is not
published either ("x", with a note saying why).
"""

from __future__ import annotations

from dataclasses import dataclass

from careboard.analytics.disclosure import NOT_AVAILABLE, Shown, protect_indicator
from careboard.analytics.rag import Benchmarks, Previous, judge
from careboard.analytics.rag import Target as RagTarget
from careboard.indicators.models import IndicatorValue, Judgement
from careboard.indicators.periods import rag_unit

UNCHECKED_NOTE = (
    "x: not published because it was recorded without the numbers of children counted, "
    "which disclosure control needs"
)


@dataclass(frozen=True, slots=True)
class Published:
    text: str  # the figure as printed: "71.5", "c" or "x"
    value: float | None
    note: str | None
    status: str  # "green" / "amber" / "red", or "" for no status
    sentence: str


def protected(row: IndicatorValue) -> tuple[Shown, str | None]:
    """The value under disclosure control, and the note to print beside it."""
    unit = rag_unit(row.entry)
    if row.value is None:
        return Shown(None), None
    if unit != "count" and (row.numerator is None or row.denominator is None):
        return Shown(None), UNCHECKED_NOTE
    shown = protect_indicator(unit, row.value, row.numerator, row.denominator)
    return shown, shown.note


def published(row: IndicatorValue, judgement: Judgement | None) -> Published:
    shown, note = protected(row)
    withheld = row.value is not None and shown.value is None
    if judgement is None:
        return Published(shown.text, shown.value, note, "", "")
    if not withheld:
        return Published(shown.text, shown.value, note, judgement.status, judgement.sentence)
    if not shown.suppressed:  # recorded without its counts
        return Published(NOT_AVAILABLE, None, note, "", "Not published: no counts to check.")
    entry = row.entry
    result = judge(
        row.value,
        year=judgement.year,
        unit=rag_unit(entry),
        polarity=entry.polarity,
        target=(
            RagTarget(judgement.target_value, judgement.target_tolerance or 0)
            if judgement.target_value is not None
            else None
        ),
        previous=(
            Previous(judgement.year - 1, judgement.previous_value)
            if judgement.previous_value is not None
            else None
        ),
        benchmarks=Benchmarks(england=judgement.england, neighbours=judgement.neighbours),
        suppressed=True,
    )
    return Published(shown.text, None, note, "", result.sentence)
