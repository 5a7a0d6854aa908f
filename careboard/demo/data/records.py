"""Plain records the demo data modules are written in; the loader turns them into rows.

Each record carries the key the loader matches on (a slug, a reference or a code), so
loading twice finds the rows from the first time instead of adding new ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class PlanRecord:
    slug: str
    title: str
    short_title: str
    starts_on: date
    ends_on: date
    status: str
    section_label: str
    source: str
    vision: str = ""
    underpinning_principle: str = ""
    summary: str = ""
    previous_plan_slug: str = ""


@dataclass(frozen=True)
class PriorityRecord:
    number: int
    slug: str
    title: str
    child_friendly: str = ""
    progress_narrative: str = ""


@dataclass(frozen=True)
class GovernanceRecord:
    order: int
    name: str
    role: str
    members: str = ""


@dataclass(frozen=True)
class UpdateRecord:
    """A progress report. `rag` is None when the source gives no status."""

    reported_on: date
    narrative: str
    rag: str | None = None
    reported_by: str = ""
    author_username: str = ""


@dataclass(frozen=True)
class ActionRecord:
    reference: str
    priority: int
    title: str
    kind: str = "action"
    aim: str = ""
    responsibility: str = ""
    timescale: str = ""
    due_on: date | None = None
    intended_outcome: str = ""
    source: str = ""
    owner_username: str = ""
    recommendations: tuple[str, ...] = ()
    updates: tuple[UpdateRecord, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class IndicatorRecord:
    """One "Measuring Success" line. `priority` 0 means the vision indicators."""

    priority: int
    strategy_wording: str
    code: str
    source: str
    unit: str
    polarity: str
    period: str
    definition: str
    owner: str = ""
    note: str = ""


@dataclass(frozen=True)
class UserRecord:
    username: str
    role: str
    first_name: str
    last_name: str
    job_title: str
    team: str = ""
    is_staff: bool = False
    is_superuser: bool = False
