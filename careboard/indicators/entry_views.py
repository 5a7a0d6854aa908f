"""One indicator's pages: values by year with their judgement, and the analysts' forms
(enter a value, set a target, set a status by hand)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from careboard.accounts.permissions import has_permission, requires
from careboard.indicators.forms import OverrideForm, TargetForm, ValueForm
from careboard.indicators.models import (
    CatalogueEntry,
    IndicatorValue,
    Judgement,
    StatusOverride,
    Target,
    ValueSource,
)
from careboard.indicators.periods import period_kind
from careboard.indicators.records import (
    NewValue,
    OverrideRefused,
    clear_override,
    enter_value,
    override_status,
    set_target,
)


def find_entry(code: str) -> CatalogueEntry:
    """The entry with this code; the newest plan's when several plans use the code."""
    found = (
        CatalogueEntry.objects.filter(code=code)
        .select_related("plan", "priority")
        .order_by("-plan__starts_on")
        .first()
    )
    if found is None:
        raise Http404("No indicator with that code.")
    return found


@dataclass(frozen=True)
class YearRow:
    """One period on the entry page: its current value and stored judgement."""

    year: int
    period_label: str
    value: IndicatorValue | None
    judgement: Judgement | None


def year_rows(entry: CatalogueEntry) -> list[YearRow]:
    values = {v.year: v for v in entry.values.filter(is_current=True)}
    judged = {j.year: j for j in entry.judgements.all()}
    kind = period_kind(entry)
    return [
        YearRow(year, kind.label(year), values.get(year), judged.get(year))
        for year in sorted(set(values) | set(judged), reverse=True)
    ]


def _conflict(form: ValueForm | TargetForm, model: type[IndicatorValue] | type[Target]) -> bool:
    """True (with a form error) when someone recorded the same period after the form opened;
    saving again replaces their row, which stays in the history."""
    newer = form.changed_meanwhile(model)
    if newer is None:
        return False
    what = "value" if model is IndicatorValue else "target"
    newer_value = getattr(newer, "value", "")
    form.add_error(
        None,
        f"{newer.recorded_by_label} recorded a {what} for {newer.period_label} while you were "
        f"typing ({newer_value}). Nothing has been saved. Check the figures and save again "
        f"to replace it.",
    )
    form.reopen()
    return True


@require_GET
@requires("indicators.view")
def entry(request: HttpRequest, code: str) -> HttpResponse:
    found = find_entry(code)
    context = {
        "entry": found,
        "plan": found.plan,
        "rows": year_rows(found),
        "targets": Target.objects.filter(entry=found).order_by("-year", "-recorded_at"),
        "overrides": StatusOverride.objects.filter(entry=found).order_by("-year", "-recorded_at"),
        "history": IndicatorValue.objects.filter(entry=found, is_current=False).order_by(
            "-year", "-recorded_at"
        ),
        "can_manage": has_permission(request.user, "indicators.manage"),
        "period_kind": period_kind(found),
    }
    return render(request, "indicators/entry.html", context)


@require_http_methods(["GET", "POST"])
@requires("indicators.manage")
def enter(request: HttpRequest, code: str) -> HttpResponse:
    """Enter a value by hand (manual indicators only: the others come from the 903 return)."""
    found = find_entry(code)
    if found.source != CatalogueEntry.Source.MANUAL:
        raise Http404("This indicator is computed from the 903 return.")
    form = ValueForm(found, request.POST or None)
    if request.method == "POST" and form.is_valid() and not _conflict(form, IndicatorValue):
        data = form.cleaned_data
        saved = enter_value(
            found,
            data["period"],
            NewValue(
                value=data["value"],
                numerator=data["numerator"],
                denominator=data["denominator"],
                note=data["note"].strip(),
            ),
            source=ValueSource.MANUAL,
            by=request.user,
        )
        label = period_kind(found).label(data["period"])
        messages.success(
            request,
            f"Value for {label} recorded." if saved else f"{label} already had this value.",
        )
        return redirect("indicators:entry", code=found.code)
    return render(request, "indicators/enter_value.html", {"entry": found, "form": form})


@require_http_methods(["GET", "POST"])
@requires("indicators.manage")
def targets(request: HttpRequest, code: str) -> HttpResponse:
    found = find_entry(code)
    if found.polarity == CatalogueEntry.Polarity.CONTEXTUAL:
        messages.info(request, "A contextual indicator has no target: it is shown with its trend.")
        return redirect("indicators:entry", code=found.code)
    form = TargetForm(found, request.POST or None)
    if request.method == "POST" and form.is_valid() and not _conflict(form, Target):
        data = form.cleaned_data
        saved = set_target(
            found,
            data["period"],
            data["target"],
            data["tolerance"],
            reason=data["reason"].strip(),
            by=request.user,
        )
        label = period_kind(found).label(data["period"])
        messages.success(
            request, f"Target for {label} set." if saved else f"{label} already had this target."
        )
        return redirect("indicators:targets", code=found.code)
    history = Target.objects.filter(entry=found).order_by("-year", "-recorded_at")
    return render(
        request, "indicators/targets.html", {"entry": found, "form": form, "history": history}
    )


@require_http_methods(["GET", "POST"])
@requires("indicators.manage")
def override(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """Set the RAG status of one period by hand (with a reason), or go back to the calculated."""
    found = find_entry(code)
    judgement = Judgement.objects.filter(entry=found, year=year).first()
    if judgement is None or found.polarity == CatalogueEntry.Polarity.CONTEXTUAL:
        raise Http404("No status to set for this period.")
    if request.method == "POST" and request.POST.get("action") == "clear":
        if clear_override(found, year):
            messages.success(request, f"{judgement.period_label}: back to the calculated status.")
        return redirect("indicators:entry", code=found.code)
    form = OverrideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            override_status(
                found,
                year,
                form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except OverrideRefused as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, f"{judgement.period_label}: status set by hand.")
            return redirect(reverse("indicators:entry", args=[found.code]) + "#values")
    return render(
        request,
        "indicators/override.html",
        {"entry": found, "judgement": judgement, "form": form},
    )
