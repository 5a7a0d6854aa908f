"""The indicator catalogue: the strategy's "Measuring Success" list, and one page per entry."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from careboard.accounts.permissions import requires
from careboard.indicators.models import CatalogueEntry
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


@require_GET
@requires("indicators.view")
def catalogue(request: HttpRequest) -> HttpResponse:
    plan = catalogue_plan(request.GET.get("plan"))
    context: dict[str, object] = {"plan": plan}
    if plan is not None:
        entries = plan.indicators.all()
        context.update(
            sections=catalogue_sections(plan),
            total=entries.count(),
            from_903=entries.filter(source=CatalogueEntry.Source.SSDA903).count(),
            manual=entries.filter(source=CatalogueEntry.Source.MANUAL).count(),
            other_plans=Plan.objects.filter(indicators__isnull=False)
            .exclude(pk=plan.pk)
            .distinct(),
        )
    return render(request, "indicators/catalogue.html", context)


@require_GET
@requires("indicators.view")
def entry(request: HttpRequest, code: str) -> HttpResponse:
    """One indicator; the newest plan's entry when several plans use the same code."""
    found = (
        CatalogueEntry.objects.filter(code=code)
        .select_related("plan", "priority")
        .order_by("-plan__starts_on")
        .first()
    )
    if found is None:
        raise Http404("No indicator with that code.")
    return render(request, "indicators/entry.html", {"entry": found, "plan": found.plan})
