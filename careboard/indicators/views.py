"""The indicator catalogue: the strategy's "Measuring Success" list, and one page per entry."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from careboard.accounts.permissions import requires
from careboard.indicators.models import CatalogueEntry, Judgement
from careboard.strategy.models import Plan, Priority


@dataclass(frozen=True)
class CatalogueSection:
    """The vision indicators (priority None) or one priority's indicators."""

    priority: Priority | None
    entries: list[CatalogueEntry]

    @property
    def heading(self) -> str:
        if self.priority is None:
            return "Vision"
        return f"{self.priority.plan.section_label} {self.priority.number}: {self.priority.title}"


def catalogue_plan(slug: str | None) -> Plan | None:
    """The plan asked for, else the newest plan that has a catalogue."""
    plans = Plan.objects.filter(indicators__isnull=False).distinct()
    if slug:
        return plans.filter(slug=slug).first()
    return plans.first()


def catalogue_sections(plan: Plan) -> list[CatalogueSection]:
    """Vision first, then each priority in order, each holding its entries in list order."""
    entries: QuerySet[CatalogueEntry] = plan.indicators.select_related("priority__plan")
    vision = [entry for entry in entries if entry.priority_id is None]
    sections = [CatalogueSection(None, vision)] if vision else []
    for priority in plan.priorities.select_related("plan"):
        sections.append(
            CatalogueSection(priority, [e for e in entries if e.priority_id == priority.pk])
        )
    return sections


def latest_judgements(plan: Plan) -> dict[int, Judgement]:
    """Each entry's newest judgement that has a value, by entry id."""
    latest: dict[int, Judgement] = {}
    for judgement in Judgement.objects.filter(entry__plan=plan, value__isnull=False).order_by(
        "year"
    ):
        latest[judgement.entry_id] = judgement
    return latest


@require_GET
@requires("indicators.view")
def catalogue(request: HttpRequest) -> HttpResponse:
    plan = catalogue_plan(request.GET.get("plan"))
    context: dict[str, object] = {"plan": plan}
    if plan is not None:
        entries = plan.indicators.all()
        sections = catalogue_sections(plan)
        latest = latest_judgements(plan)
        for section in sections:
            for item in section.entries:
                item.latest = latest.get(item.pk)  # type: ignore[attr-defined]
        context.update(
            sections=sections,
            any_values=bool(latest),
            total=entries.count(),
            from_903=entries.filter(source=CatalogueEntry.Source.SSDA903).count(),
            manual=entries.filter(source=CatalogueEntry.Source.MANUAL).count(),
            other_plans=Plan.objects.filter(indicators__isnull=False)
            .exclude(pk=plan.pk)
            .distinct(),
        )
    return render(request, "indicators/catalogue.html", context)
