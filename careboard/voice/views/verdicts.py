"""Care council verdicts: better, the same or worse, kept over time."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from careboard.accounts.permissions import has_permission, requires, signed_in_user
from careboard.voice.forms import VerdictForm
from careboard.voice.models import CareCouncilVerdict


@requires("voice.triage")
def verdict_list(request: HttpRequest) -> HttpResponse:
    form = VerdictForm(request.POST or None)
    can_manage = has_permission(request.user, "voice.manage")
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            verdict = form.save(commit=False)
            verdict.recorded_by = signed_in_user(request)
            verdict.save()
            messages.success(request, "Verdict recorded.")
            return redirect("voice:verdicts")
    verdicts = CareCouncilVerdict.objects.select_related("priority__plan", "action")
    return render(
        request,
        "voice/verdicts.html",
        {
            "verdicts": verdicts,
            "form": form,
            "can_manage": can_manage,
        },
    )
