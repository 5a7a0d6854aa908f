"""The Right Side of Care: the public site for children in care and care leavers.

No sign-in, no tracking, no third-party scripts. Nothing a child wrote is shown here.
"""

from __future__ import annotations

from collections import Counter

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from careboard.strategy.models import Action, Plan, Priority
from careboard.strategy.rag import NO_PROGRESS_REPORTED
from careboard.voice.forms import FeedbackForm, answers_form
from careboard.voice.models import (
    ABOUT_PRIORITY_NUMBER,
    About,
    Consultation,
    ConsultationResponse,
    YouSaidWeDid,
)
from careboard.voice.services import allow_submission, take_feedback

PLAIN_TITLES = {number: About(about).label for about, number in ABOUT_PRIORITY_NUMBER.items()}


def _active_plan() -> Plan | None:
    return Plan.objects.filter(status=Plan.Status.ACTIVE).order_by("-starts_on").first()


def plain_title(priority: Priority) -> str:
    """The priority in the words of the public form, or its own title."""
    return PLAIN_TITLES.get(priority.number, priority.title)


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "public/home.html", {"plan": _active_plan()})


def promises(request: HttpRequest) -> HttpResponse:
    plan = _active_plan()
    priorities = [
        {"title": plain_title(p), "line": p.child_friendly}
        for p in (plan.priorities.all() if plan else [])
    ]
    return render(request, "public/promises.html", {"plan": plan, "priorities": priorities})


def changes(request: HttpRequest) -> HttpResponse:
    entries = YouSaidWeDid.objects.filter(approved=True, published_on__isnull=False)
    return render(request, "public/changes.html", {"entries": entries.select_related("priority")})


def progress(request: HttpRequest) -> HttpResponse:
    """How the plan's actions are going, per priority. Counts of actions, never of children."""
    plan = _active_plan()
    rows = []
    if plan:
        actions = Action.objects.filter(plan=plan).with_status()
        for priority in plan.priorities.all():
            counts = Counter(action.status for action in actions.filter(priority=priority))
            rows.append(
                {
                    "title": plain_title(priority),
                    "done": counts["green"],
                    "going": counts["amber"],
                    "stuck": counts["red"],
                    "not_yet": counts[NO_PROGRESS_REPORTED],
                }
            )
    return render(request, "public/progress.html", {"plan": plan, "rows": rows})


def care_councils(request: HttpRequest) -> HttpResponse:
    return render(request, "public/care_councils.html")


def help_now(request: HttpRequest) -> HttpResponse:
    return render(request, "public/help.html")


def _client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


@require_http_methods(["GET", "POST"])
def feedback(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if not allow_submission(_client_address(request)):
            return render(request, "public/slow_down.html", status=429)
        if form.is_valid():
            if not form.is_spam:
                data = form.cleaned_data
                take_feedback(
                    about=data["about"],
                    whats_good=data["whats_good"].strip(),
                    whats_not_good=data["whats_not_good"].strip(),
                    ideas=data["ideas"].strip(),
                    age_band=data["age_band"],
                    contact_name=data["contact_name"].strip()
                    if data["wants_contact"] == "yes"
                    else "",
                    contact_how=data["contact_how"].strip()
                    if data["wants_contact"] == "yes"
                    else "",
                )
            return redirect("public:thanks")
    else:
        form = FeedbackForm()
    return render(request, "public/feedback.html", {"form": form})


def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "public/thanks.html")


def consultations(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    open_now = Consultation.objects.filter(opens_on__lte=today, closes_on__gte=today)
    return render(request, "public/consultations.html", {"consultations": open_now})


@require_http_methods(["GET", "POST"])
def consultation(request: HttpRequest, slug: str) -> HttpResponse:
    asked = get_object_or_404(Consultation, slug=slug)
    if not asked.is_open(timezone.localdate()):
        return render(request, "public/consultation_closed.html", {"consultation": asked})
    form = answers_form(asked, request.POST or None)
    if request.method == "POST":
        if not allow_submission(_client_address(request)):
            return render(request, "public/slow_down.html", status=429)
        if form.is_valid():
            ConsultationResponse.objects.create(
                consultation=asked,
                channel=ConsultationResponse.Channel.ONLINE,
                answers={name[1:]: value for name, value in form.cleaned_data.items()},
            )
            return redirect("public:thanks")
    return render(request, "public/consultation.html", {"consultation": asked, "form": form})
