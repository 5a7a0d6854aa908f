"""What young people said about a priority, for pages the whole board reads.

Themes come from triaged feedback, counted by year; small counts are suppressed even on the
staff site, because board members are not the triage team and must not be able to pick out
one young person. Never the words themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractYear

from careboard.analytics.disclosure import Shown, protect_count
from careboard.strategy.models import Priority
from careboard.voice.models import CareCouncilVerdict, Feedback


@dataclass(frozen=True)
class ThemeCount:
    theme: str
    year: int
    count: Shown


def themes(priority: Priority) -> list[ThemeCount]:
    rows = (
        Feedback.objects.filter(priority=priority)
        .exclude(status=Feedback.Status.NEW)
        .exclude(theme="")
        .annotate(year=ExtractYear("created_at"))
        .values("theme", "year")
        .annotate(n=Count("id"))
        .order_by("-year", "theme")
    )
    return [ThemeCount(r["theme"], r["year"], protect_count(r["n"])) for r in rows]


def verdicts(priority: Priority) -> list[CareCouncilVerdict]:
    return list(CareCouncilVerdict.objects.filter(priority=priority).order_by("-heard_on"))
