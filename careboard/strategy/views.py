"""Pages of the strategy & action tracker. Thin: the work is in services, forms and exports."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careboard.accounts.permissions import has_permission, requires
from careboard.core.locking import EditConflict
from careboard.indicators.models import CatalogueEntry
from careboard.strategy import exports, services
from careboard.strategy.forms import CarryForwardForm, ProgressUpdateForm, TrackerFilterForm
from careboard.strategy.models import Action, Plan, Priority
from careboard.strategy.rag import RAG_MEANINGS, STATUS_CHOICES, Rag


def _overview(request: HttpRequest, plan: Plan | None) -> HttpResponse:
    context: dict[str, Any] = {"plan": plan}
    if plan is not None:
        context.update(
            priorities=services.priority_summaries(plan),
            principles=plan.principles.all(),
            governance=plan.governance.all(),
            other_plans=Plan.objects.exclude(pk=plan.pk),
            has_recommendations=plan.actions.filter(kind=Action.Kind.RECOMMENDATION).exists(),
            carried_into_plans=Plan.objects.filter(actions__carried_from__plan=plan).distinct(),
            can_manage=has_permission(request.user, "strategy.manage_plans"),
        )
    return render(request, "strategy/overview.html", context)


@require_GET
@requires("strategy.view")
def home(request: HttpRequest) -> HttpResponse:
    return _overview(request, services.current_plan())


@require_GET
@requires("strategy.view")
def plan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _overview(request, get_object_or_404(Plan, slug=slug))


@require_GET
@requires("strategy.view")
def priority_detail(request: HttpRequest, slug: str, priority_slug: str) -> HttpResponse:
    priority = get_object_or_404(
        Priority.objects.select_related("plan"), plan__slug=slug, slug=priority_slug
    )
    actions = services.sort_actions(services.tracker_queryset().filter(priority=priority), "")
    return render(
        request,
        "strategy/priority.html",
        {
            "plan": priority.plan,
            "priority": priority,
            "rows": [(a, services.is_overdue(a)) for a in actions],
            "counts": services.StatusCounts.of(a.status for a in actions),
            "indicators": CatalogueEntry.objects.filter(priority=priority),
        },
    )


@require_GET
@requires("strategy.view")
def tracker(request: HttpRequest) -> HttpResponse:
    form = TrackerFilterForm(request.GET or None)
    filters = form.filters()
    actions = services.tracker_actions(filters, form.sort_order())
    today = services.today()
    return render(
        request,
        "strategy/tracker.html",
        {
            "form": form,
            "filtered": any(filters.values()),
            "rows": [(a, services.is_overdue(a, today)) for a in actions],
            "counts": services.StatusCounts.of(a.status for a in actions),
            "query": request.GET.urlencode(),
            "can_export": has_permission(request.user, "strategy.export"),
            "own_actions": f"?owner={request.user.pk}"
            if Action.objects.filter(owner=request.user.pk).exists()
            else "",
        },
    )


@require_GET
@requires("strategy.export")
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in exports.FORMATS:
        raise Http404("Unknown export format")
    form = TrackerFilterForm(request.GET or None)
    actions = services.tracker_actions(form.filters(), form.sort_order())
    response = HttpResponse(exports.export(actions, fmt), content_type=exports.FORMATS[fmt])
    filename = f"careboard-actions-{services.today().isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _action_page(
    request: HttpRequest,
    action: Action,
    form: ProgressUpdateForm | None = None,
    conflict: bool = False,
    status: int = 200,
) -> HttpResponse:
    can_update = services.can_update(request.user, action)
    if can_update and form is None:
        form = ProgressUpdateForm(
            initial=ProgressUpdateForm.initial_for(action.version, services.today())
        )
    history = list(action.history())
    return render(
        request,
        "strategy/action.html",
        {
            "action": action,
            "plan": action.plan,
            "overdue": services.is_overdue(action),
            "addresses": services.sort_actions(action.recommendations.with_status(), ""),
            "addressed_by": services.sort_actions(action.addressed_by.with_status(), ""),
            "carried_into": action.carried_into if services.was_carried_forward(action) else None,
            "history": history,
            "newest": history[0] if history else None,
            "rag_meanings": [
                (code, label, RAG_MEANINGS[Rag(code)])
                for code, label in STATUS_CHOICES
                if code in RAG_MEANINGS
            ],
            "can_update": can_update,
            "form": form if can_update else None,
            "conflict": conflict,
        },
        status=status,
    )


def _get_action(pk: int) -> Action:
    return get_object_or_404(
        Action.objects.with_status().select_related(
            "plan", "priority", "owner", "carried_from__plan"
        ),
        pk=pk,
    )


@require_GET
@requires("strategy.view")
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _action_page(request, _get_action(pk))


@require_POST
@requires("strategy.update_action")
def action_update(request: HttpRequest, pk: int) -> HttpResponse:
    action = _get_action(pk)
    if not services.can_update(request.user, action):
        raise PermissionDenied
    form = ProgressUpdateForm(request.POST)
    if not form.is_valid():
        return _action_page(request, action, form)
    try:
        services.record_progress(
            action,
            expected_version=form.cleaned_data["version"],
            reported_on=form.cleaned_data["reported_on"],
            narrative=form.cleaned_data["narrative"],
            rag=form.rag_value,
            author=request.user,
        )
    except EditConflict as conflict:
        return _action_page(
            request,
            _get_action(pk),
            form.with_version(conflict.current.version),
            conflict=True,
            status=409,
        )
    messages.success(request, f"Progress on {action.reference} recorded.")
    return redirect(action)


@require_GET
@requires("strategy.view")
def register(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "strategy/register.html",
        {
            "registers": services.recommendation_register(),
        },
    )


@require_http_methods(["GET", "POST"])
@requires("strategy.manage_plans")
def carry_forward(request: HttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Plan, slug=slug)
    form = CarryForwardForm(request.POST if request.method == "POST" else None, source=source)
    error = ""
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["target"]
        try:
            done = services.carry_forward(source, target, request.user)
        except services.CarryForwardError as refused:
            error = str(refused)
        else:
            messages.success(
                request,
                f"{len(done.to_carry)} Amber items carried into {target.short_title}"
                + (
                    f"; {len(done.already_carried)} had been carried before."
                    if done.already_carried
                    else "."
                ),
            )
            return redirect(reverse("strategy:tracker") + f"?plan={target.slug}")
    amber = services.amber_items(source)
    return render(
        request,
        "strategy/carry_forward.html",
        {
            "plan": source,
            "form": form,
            "amber": [(item, services.was_carried_forward(item)) for item in amber],
            "to_carry": sum(1 for item in amber if not services.was_carried_forward(item)),
            "error": error,
        },
        status=400 if error or form.errors else 200,
    )
