"""Staff pages for what young people tell us: the triage queue and each item."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from careboard.accounts.permissions import has_permission, requires, signed_in_user
from careboard.core.locking import EditConflict, save_if_unchanged
from careboard.voice.forms import TriageForm
from careboard.voice.models import Feedback

STATUS_ORDER = Case(
    When(status=Feedback.Status.NEW, then=Value(0)),
    When(status=Feedback.Status.TRIAGED, then=Value(1)),
    When(status=Feedback.Status.RESPONDED, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


@requires("voice.triage")
def queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "open")
    items = Feedback.objects.select_related("priority").order_by(
        "-urgent", STATUS_ORDER, "created_at"
    )
    if status == "open":
        items = items.exclude(status=Feedback.Status.CLOSED)
    elif status in Feedback.Status.values:
        items = items.filter(status=status)
    page = Paginator(items, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "voice/queue.html",
        {
            "page": page,
            "status": status,
            "statuses": Feedback.Status.choices,
            "urgent_open": Feedback.objects.filter(urgent=True)
            .exclude(status=Feedback.Status.CLOSED)
            .count(),
        },
    )


@requires("voice.triage")
def item(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = get_object_or_404(Feedback.objects.select_related("priority"), pk=pk)
    conflict = None
    if request.method == "POST":
        form = TriageForm(request.POST, instance=feedback)
        if form.is_valid():
            triaged = form.save(commit=False)
            triaged.triaged_by = signed_in_user(request)
            if triaged.status == Feedback.Status.CLOSED and triaged.closed_at is None:
                triaged.closed_at = timezone.now()
            try:
                save_if_unchanged(triaged, form.cleaned_data["version"])
            except EditConflict as clash:
                conflict = clash.current
            else:
                messages.success(request, f"Feedback {feedback.pk} saved.")
                return redirect("voice:queue")
    else:
        form = TriageForm(instance=feedback)
    show_contact = has_permission(request.user, "voice.contact_details")
    return render(
        request,
        "voice/item.html",
        {
            "feedback": feedback,
            "form": form,
            "conflict": conflict,
            "contact": getattr(feedback, "contact", None) if show_contact else None,
            "show_contact": show_contact,
        },
    )
