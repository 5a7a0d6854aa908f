"""'You said, we did': staff write an answer; a second person approves it for the public site."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from careboard.accounts.permissions import has_permission, requires, signed_in_user
from careboard.voice.forms import YouSaidWeDidForm
from careboard.voice.models import YouSaidWeDid


@requires("voice.triage")
def entry_list(request: HttpRequest) -> HttpResponse:
    form = YouSaidWeDidForm(request.POST or None)
    can_manage = has_permission(request.user, "voice.manage")
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            entry = form.save(commit=False)
            entry.written_by = signed_in_user(request)
            entry.save()
            messages.success(request, "Saved. Someone else must approve it before it is public.")
            return redirect("voice:you_said_we_did")
    return render(
        request,
        "voice/you_said_we_did.html",
        {
            "entries": YouSaidWeDid.objects.select_related("priority", "action", "written_by"),
            "form": form,
            "can_manage": can_manage,
        },
    )


@require_POST
@requires("voice.manage")
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(YouSaidWeDid, pk=pk)
    if entry.written_by_id == request.user.pk:
        messages.error(request, "Someone other than the writer must approve it.")
    elif not entry.approved:
        entry.approved, entry.approved_by = True, signed_in_user(request)
        entry.published_on = timezone.localdate()
        entry.save()
        messages.success(request, "Approved: it is now on the public site.")
    return redirect("voice:you_said_we_did")
