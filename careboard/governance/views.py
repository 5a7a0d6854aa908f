"""Staff pages for board governance: the forward plan, meetings and report downloads.

Board members (every staff role) read; administrators create and edit meetings.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from careboard.accounts.permissions import has_permission, requires
from careboard.core.locking import EditConflict, save_if_unchanged
from careboard.governance.agenda import build_agenda
from careboard.governance.forms import DecisionFormSet, MeetingForm, ParticipantFormSet
from careboard.governance.models import Meeting
from careboard.governance.reports.board_pack import build_board_pack
from careboard.governance.reports.child_friendly import build_child_friendly
from careboard.governance.reports.kinds import FORMATS
from careboard.governance.reports.kinds import render as render_report
from careboard.governance.reports.progress import build_progress_report
from careboard.governance.reports.scrutiny import build_scrutiny_report
from careboard.governance.services import (
    create_board_action,
    forward_plan,
    meeting_actions,
    municipal_year,
)
from careboard.strategy.models import Plan


@requires("governance.view")
def meeting_list(request: HttpRequest) -> HttpResponse:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = municipal_year(timezone.localdate())
    plans_with_recommendations = Plan.objects.filter(actions__kind="recommendation").distinct()
    return render(
        request,
        "governance/forward_plan.html",
        {
            "forward": forward_plan(year),
            "previous_year": year - 1,
            "next_year": year + 1,
            "can_manage": has_permission(request.user, "governance.manage"),
            "scrutiny_plans": plans_with_recommendations,
            "formats": list(FORMATS),
        },
    )


@requires("governance.view")
def meeting_detail(request: HttpRequest, meeting: int) -> HttpResponse:
    found = get_object_or_404(Meeting.objects.select_related("plan", "theme"), pk=meeting)
    return render(
        request,
        "governance/meeting.html",
        {
            "meeting": found,
            "participants": found.participants.all(),
            "agenda": found.agenda.all(),
            "decisions": found.decisions.select_related("action"),
            "actions": meeting_actions(found) if found.theme_id else None,
            "can_manage": has_permission(request.user, "governance.manage"),
            "formats": list(FORMATS),
        },
    )


@requires("governance.manage")
def meeting_create(request: HttpRequest) -> HttpResponse:
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            meeting = form.save()
            build_agenda(meeting)
        return redirect("governance:meeting_edit", meeting=meeting.pk)
    return render(request, "governance/meeting_form.html", {"form": form, "meeting": None})


@requires("governance.manage")
def meeting_edit(request: HttpRequest, meeting: int) -> HttpResponse:
    found = get_object_or_404(Meeting, pk=meeting)
    theme_before = found.theme_id
    data = request.POST if request.method == "POST" else None
    form = MeetingForm(data, instance=found)
    people = ParticipantFormSet(data, instance=found, prefix="people")
    decisions = DecisionFormSet(data, instance=found, prefix="decisions")
    context = {"form": form, "people": people, "decisions": decisions, "meeting": found}
    if data is None:
        return render(request, "governance/meeting_form.html", context)
    if not (form.is_valid() and people.is_valid() and decisions.is_valid()):
        return render(request, "governance/meeting_form.html", context)
    try:
        with transaction.atomic():
            edited = save_if_unchanged(form.save(commit=False), form.cleaned_data["version"])
            people.save()
            decisions.save()
            for decision_form in decisions.forms:
                if decision_form.wants_board_action():
                    create_board_action(
                        decision_form.instance,
                        decision_form.cleaned_data["action_title"],
                        decision_form.cleaned_data["action_owner"],
                        decision_form.cleaned_data["action_due"],
                    )
            if edited.theme_id != theme_before:
                build_agenda(edited)
    except EditConflict as conflict:
        context["conflict"] = conflict.current
        return render(request, "governance/meeting_form.html", context, status=409)
    return redirect("governance:meeting", meeting=edited.pk)


def _download(report_bytes: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(report_bytes, content_type=FORMATS[fmt][1])
    # Always a download: the HTML report carries its own print styles, which the staff
    # site's Content-Security-Policy would (rightly) block if it were shown in place.
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@requires("governance.view")
def board_pack(request: HttpRequest, meeting: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("Unknown format")
    found = get_object_or_404(Meeting.objects.select_related("plan", "theme"), pk=meeting)
    public = request.GET.get("public") == "1"
    report = build_board_pack(found, public=public)
    name = f"board-pack-{found.date:%Y-%m-%d}" + ("-public" if public else "")
    return _download(render_report(report, fmt), fmt, name)


@requires("governance.view")
def progress_report(request: HttpRequest, plan_slug: str, fmt: str) -> HttpResponse:
    """Twelve months from the plan's start (or from ?since=YYYY-MM-DD)."""
    if fmt not in FORMATS:
        raise Http404("Unknown format")
    plan = get_object_or_404(Plan, slug=plan_slug)
    try:
        since = datetime.date.fromisoformat(request.GET.get("since", ""))
    except ValueError:
        since = None
    public = request.GET.get("public") == "1"
    report = build_progress_report(plan, since, public=public)
    name = f"progress-report-{plan.slug}" + ("-public" if public else "")
    return _download(render_report(report, fmt), fmt, name)


@requires("governance.view")
def child_friendly(request: HttpRequest, plan_slug: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("Unknown format")
    plan = get_object_or_404(Plan, slug=plan_slug)
    report = build_child_friendly(plan)
    return _download(render_report(report, fmt), fmt, f"child-friendly-summary-{plan.slug}")


@requires("governance.view")
def scrutiny_report(request: HttpRequest, plan_slug: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("Unknown format")
    plan = get_object_or_404(Plan, slug=plan_slug)
    report = build_scrutiny_report(plan)
    return _download(render_report(report, fmt), fmt, f"scrutiny-report-{plan.slug}")
