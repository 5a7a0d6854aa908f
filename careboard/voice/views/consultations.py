"""Consultations: create one, enter a group's answers, read the (suppressed) results."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from careboard.accounts.permissions import has_permission, requires, signed_in_user
from careboard.voice.consultations import results
from careboard.voice.forms import ConsultationForm, answers_form
from careboard.voice.models import Consultation, ConsultationQuestion, ConsultationResponse


@requires("voice.triage")
def consultation_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "voice/consultations.html",
        {
            "consultations": Consultation.objects.all(),
            "can_manage": has_permission(request.user, "voice.manage"),
        },
    )


@requires("voice.manage")
def consultation_new(request: HttpRequest) -> HttpResponse:
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            consultation = form.save(commit=False)
            consultation.created_by = signed_in_user(request)
            consultation.save()
            for order, (text, choices) in enumerate(form.cleaned_data["questions"], start=1):
                ConsultationQuestion.objects.create(
                    consultation=consultation, order=order, text=text, choices=choices
                )
        messages.success(request, f"Consultation '{consultation.title}' created.")
        return redirect("voice:consultation", consultation.slug)
    return render(request, "voice/consultation_form.html", {"form": form})


@requires("voice.triage")
def consultation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = get_object_or_404(Consultation, slug=slug)
    form = answers_form(consultation, request.POST or None)
    if request.method == "POST":
        if not has_permission(request.user, "voice.manage"):
            raise PermissionDenied
        if form.is_valid():
            ConsultationResponse.objects.create(
                consultation=consultation,
                channel=ConsultationResponse.Channel.ON_BEHALF,
                session_note=request.POST.get("session_note", "")[:200],
                answers={name[1:]: value for name, value in form.cleaned_data.items()},
            )
            messages.success(request, "Answers added.")
            return redirect("voice:consultation", consultation.slug)
    return render(
        request,
        "voice/consultation.html",
        {
            "consultation": consultation,
            "results": results(consultation),
            "form": form,
            "responses": consultation.responses.count(),
            "can_manage": has_permission(request.user, "voice.manage"),
        },
    )
