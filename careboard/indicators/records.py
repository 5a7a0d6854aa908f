"""Recording values, targets and status overrides: a new row supersedes, nothing is overwritten.

Each function writes inside one transaction, locks the period's current row, leaves it in the
history (`is_current` false, `superseded_at` set) and adds the new one; the audit trail
records both saves with who acted. Recording the same figures again changes nothing, so
re-running an import or an upload is harmless. The stored judgement is refreshed afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from careboard.indicators import judgements
from careboard.indicators.models import (
    CatalogueEntry,
    IndicatorValue,
    Recorded,
    StatusOverride,
    Target,
    ValueSource,
)
from careboard.indicators.periods import period_kind


@dataclass(frozen=True)
class NewValue:
    """The figures of one value, before it is recorded."""

    value: float | None
    numerator: int | None = None
    denominator: int | None = None
    cohort_size: int | None = None
    flags: tuple[str, ...] = field(default_factory=tuple)
    note: str = ""


def who(user: Any) -> str:
    """How the history names whoever recorded a row: a person's name, or a command's."""
    if user is None:
        return "system"
    if isinstance(user, str):
        return user
    name = str(user.get_full_name()).strip()
    return f"{name} ({user.get_username()})" if name else str(user.get_username())


def _author(by: Any) -> dict[str, Any]:
    user = None if by is None or isinstance(by, str) else by
    return {"recorded_by": user, "recorded_by_label": who(by)}


def _supersede(current: Recorded) -> None:
    current.is_current = False
    current.superseded_at = timezone.now()
    current.save()


def record_value(
    entry: CatalogueEntry, year: int, new: NewValue, *, source: ValueSource, by: Any
) -> IndicatorValue | None:
    """Record `new` as the entry's value for the period ending in `year`.

    Returns the new row, or None when the current value already has exactly these figures.
    Does not refresh the judgement (callers recording many values refresh once at the end).
    """
    kind = period_kind(entry)
    with transaction.atomic():
        current = (
            IndicatorValue.objects.select_for_update()
            .filter(entry=entry, year=year, is_current=True)
            .order_by("pk")  # the default ordering joins a nullable table: no FOR UPDATE
            .first()
        )
        if current is not None and _same_value(current, new):
            return None
        if current is not None:
            _supersede(current)
        return IndicatorValue.objects.create(
            entry=entry,
            year=year,
            period_label=kind.label(year),
            period_end=kind.end(year),
            value=new.value,
            numerator=new.numerator,
            denominator=new.denominator,
            cohort_size=new.cohort_size,
            flags=list(new.flags),
            note=new.note,
            source=source,
            **_author(by),
        )


def _same_value(current: IndicatorValue, new: NewValue) -> bool:
    return (
        current.value == new.value
        and current.numerator == new.numerator
        and current.denominator == new.denominator
        and current.cohort_size == new.cohort_size
        and list(current.flags) == list(new.flags)
        and current.note == new.note
    )


def enter_value(
    entry: CatalogueEntry, year: int, new: NewValue, *, source: ValueSource, by: Any
) -> IndicatorValue | None:
    """Record one value and refresh the entry's judgements (a form or a single change)."""
    with transaction.atomic():
        row = record_value(entry, year, new, source=source, by=by)
        if row is not None:
            judgements.refresh(entry)
    return row


def set_target(
    entry: CatalogueEntry,
    year: int,
    value: float,
    tolerance: float,
    *,
    reason: str,
    by: Any,
    refresh: bool = True,
) -> Target | None:
    """Set the target for a period; None when the current target is already the same."""
    if tolerance < 0:
        raise ValueError("a tolerance cannot be negative")
    with transaction.atomic():
        current = (
            Target.objects.select_for_update()
            .filter(entry=entry, year=year, is_current=True)
            .order_by("pk")  # the default ordering joins a nullable table: no FOR UPDATE
            .first()
        )
        if (
            current is not None
            and current.value == value
            and current.tolerance == tolerance
            and current.reason == reason
        ):
            return None
        if current is not None:
            _supersede(current)
        target = Target.objects.create(
            entry=entry,
            year=year,
            period_label=period_kind(entry).label(year),
            value=value,
            tolerance=tolerance,
            reason=reason,
            **_author(by),
        )
        if refresh:
            judgements.refresh(entry)
    return target


class OverrideRefused(ValueError):
    """A status set by hand without a reason, or on an indicator with no RAG."""


def override_status(
    entry: CatalogueEntry, year: int, status: str, *, reason: str, by: Any
) -> StatusOverride:
    """Set the RAG status of a period by hand. A reason is required."""
    cleaned = " ".join(reason.split())
    if not cleaned:
        raise OverrideRefused("Give the reason for setting the status by hand")
    if entry.polarity == CatalogueEntry.Polarity.CONTEXTUAL:
        raise OverrideRefused("A contextual indicator has no RAG status to set")
    with transaction.atomic():
        current = (
            StatusOverride.objects.select_for_update()
            .filter(entry=entry, year=year, is_current=True)
            .order_by("pk")  # the default ordering joins a nullable table: no FOR UPDATE
            .first()
        )
        if current is not None:
            _supersede(current)
        override = StatusOverride.objects.create(
            entry=entry,
            year=year,
            period_label=period_kind(entry).label(year),
            status=status,
            reason=cleaned,
            **_author(by),
        )
        judgements.refresh(entry)
    return override


def clear_override(entry: CatalogueEntry, year: int) -> bool:
    """Go back to the calculated status; the cleared override stays in the history (the
    audit trail names who cleared it)."""
    with transaction.atomic():
        current = (
            StatusOverride.objects.select_for_update()
            .filter(entry=entry, year=year, is_current=True)
            .order_by("pk")  # the default ordering joins a nullable table: no FOR UPDATE
            .first()
        )
        if current is None:
            return False
        _supersede(current)
        judgements.refresh(entry)
    return True
