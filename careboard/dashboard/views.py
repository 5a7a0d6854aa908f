"""The board dashboard: the overview, one page per indicator, and a print view."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from careboard.accounts.permissions import requires
from careboard.dashboard.indicator import indicator_page
from careboard.dashboard.overview import current_dashboard_plan, sections
from careboard.indicators.entry_views import find_entry
from careboard.strategy.models import Plan


def _other_plans(plan: Plan | None) -> list[Plan]:
    plans = Plan.objects.filter(indicators__isnull=False).distinct()
    return list(plans.exclude(pk=plan.pk) if plan else plans)


@require_GET
@requires("indicators.view")
def overview(request: HttpRequest) -> HttpResponse:
    plan = current_dashboard_plan(request.GET.get("plan"))
    context: dict[str, object] = {"plan": plan, "other_plans": _other_plans(plan)}
    if plan is not None:
        choice, found = sections(plan, request.GET)
        context.update(choice=choice, sections=found)
    return render(request, "dashboard/overview.html", context)


@require_GET
@requires("indicators.view")
def print_view(request: HttpRequest) -> HttpResponse:
    """The overview as it may leave the staff site on paper: disclosure control applied."""
    plan = current_dashboard_plan(request.GET.get("plan"))
    context: dict[str, object] = {"plan": plan}
    if plan is not None:
        choice, found = sections(plan, request.GET, for_publication=True)
        context.update(choice=choice, sections=found)
    return render(request, "dashboard/print.html", context)


@require_GET
@requires("indicators.view")
def indicator(request: HttpRequest, code: str) -> HttpResponse:
    entry = find_entry(code)
    page = indicator_page(entry, request.GET, settings.CAREBOARD_COUNCIL_NAME)
    return render(request, "dashboard/indicator.html", {"page": page, "entry": entry})
