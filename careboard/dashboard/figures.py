"""One indicator's figure for one period as the dashboard shows it, from stored rows only.

A period is in one of these states, each said in words: a figure; awaiting data (no value
recorded); not derivable (the 903 return cannot give it that year); no children in the
group; or, where figures leave the staff site (the print view), suppressed ("c") or not
published ("x") by disclosure control (`careboard.indicators.publication`). Staff pages
show exact figures, as the indicator pages do, and say when a figure would be suppressed
if published.
"""

from __future__ import annotations

from dataclasses import dataclass

from careboard.analytics.disclosure import NOT_AVAILABLE, SUPPRESSED
from careboard.charts import Point
from careboard.indicators.models import CatalogueEntry, IndicatorValue, Judgement
from careboard.indicators.periods import period_kind
from careboard.indicators.publication import protected, published
from careboard.indicators.status_words import status_word

STATE_WORDS = {
    "value": "",
    "awaiting": "Awaiting data",
    "not_derivable": "Not derivable",
    "empty_cohort": "No children in the group",
    "suppressed": "Suppressed",
    "unpublished": "Not published",
}
STATE_SYMBOLS = {"suppressed": SUPPRESSED, "unpublished": NOT_AVAILABLE, "not_derivable": "x"}
STATE_SYMBOLS |= {"empty_cohort": "z"}


@dataclass(frozen=True)
class YearFigure:
    """What the dashboard says about one indicator in one period."""

    year: int
    label: str
    value: float | None
    state: str  # "value" or a key of STATE_WORDS
    note: str
    numerator: int | None
    denominator: int | None
    status: str  # green / amber / red, or "" (see status_word)
    status_word: str  # always a word: "Red", "Contextual", "No target", "No status"
    sentence: str
    overridden: bool
    caveat: str
    england: float | None
    neighbours: float | None
    neighbours_counted: int
    target: float | None
    tolerance: float | None
    quartile: str
    publication_note: str  # on staff pages: why the figure would be withheld if published

    @property
    def state_words(self) -> str:
        return STATE_WORDS[self.state]

    @property
    def status_css(self) -> str:
        if self.status:
            return self.status
        return "contextual" if self.status_word == "Contextual" else "none"

    def point(self) -> Point:
        return Point(self.label, self.value, STATE_SYMBOLS.get(self.state, ""))


@dataclass(frozen=True, slots=True)
class Earlier:
    """What a sparkline needs of an earlier period's stored value (read without building
    model instances, which is most of the overview's cost)."""

    value: float | None
    numerator: int | None
    denominator: int | None
    flags: list[str]

    FIELDS = ("value", "numerator", "denominator", "flags")


def quick_point(
    entry: CatalogueEntry, year: int, earlier: Earlier | None, *, for_publication: bool = False
) -> Point:
    """The period as a chart point: exact, or under disclosure control for publication."""
    label = period_kind(entry).label(year)
    if earlier is None:
        return Point(label, None)
    if earlier.value is None:
        state = "not_derivable" if "not_derivable" in earlier.flags else "awaiting"
        if "empty_cohort" in earlier.flags:
            state = "empty_cohort"
        return Point(label, None, STATE_SYMBOLS.get(state, ""))
    if for_publication:
        row = IndicatorValue(
            entry=entry,
            value=earlier.value,
            numerator=earlier.numerator,
            denominator=earlier.denominator,
        )
        shown, _ = protected(row)
        if shown.value is None:
            return Point(label, None, SUPPRESSED if shown.suppressed else NOT_AVAILABLE)
    return Point(label, earlier.value)


def _state(row: IndicatorValue | None) -> str:
    if row is None:
        return "awaiting"
    if row.value is not None:
        return "value"
    if "not_derivable" in row.flags:
        return "not_derivable"
    if "empty_cohort" in row.flags:
        return "empty_cohort"
    return "awaiting"


def year_figure(
    entry: CatalogueEntry,
    year: int,
    row: IndicatorValue | None,
    judgement: Judgement | None,
    *,
    for_publication: bool = False,
) -> YearFigure:
    """The period's figure from its current value row and stored judgement (either may be
    missing). With `for_publication`, disclosure control decides what is shown."""
    if row is not None:
        row.entry = entry  # the caller's entry: disclosure control reads its unit
    state = _state(row)
    value = row.value if row is not None else None
    numerator = row.numerator if row is not None else None
    denominator = row.denominator if row is not None else None
    status = judgement.status if judgement else ""
    sentence = judgement.sentence if judgement else ""
    note = row.note if row is not None and state in ("not_derivable", "empty_cohort") else ""
    publication_note = ""
    if row is not None and row.value is not None:
        shown, why = protected(row)
        if shown.value is None and not for_publication:
            publication_note = why or "not published"
        elif shown.value is None:
            state = "suppressed" if shown.suppressed else "unpublished"
            out = published(row, judgement)
            value, numerator, denominator = None, None, None
            status, sentence, note = out.status, out.sentence, why or ""
    caveat = row.note if row is not None and "data_quality" in row.flags else ""
    if caveat and note == caveat:  # an empty group's note is its caveat: say it once
        note = ""
    return YearFigure(
        year=year,
        label=judgement.period_label if judgement else period_kind(entry).label(year),
        value=value,
        state=state,
        note=note,
        numerator=numerator,
        denominator=denominator,
        status=status,
        status_word=status_word(entry, status, judgement),
        sentence=sentence,
        overridden=bool(judgement and judgement.overridden) and bool(status),
        caveat=caveat,
        england=judgement.england if judgement else None,
        neighbours=judgement.neighbours if judgement else None,
        neighbours_counted=judgement.neighbours_counted if judgement else 0,
        target=judgement.target_value if judgement else None,
        tolerance=judgement.target_tolerance if judgement else None,
        quartile=judgement.quartile if judgement and state == "value" else "",
        publication_note=publication_note,
    )
