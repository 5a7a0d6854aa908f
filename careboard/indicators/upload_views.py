"""The manual-values template: download it (CSV or XLSX), fill it in, upload it."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from careboard.accounts.permissions import requires
from careboard.indicators.forms import UploadForm
from careboard.indicators.template_files import template_csv, template_xlsx
from careboard.indicators.uploads import (
    MAX_ERRORS_SHOWN,
    UploadRefused,
    check_rows,
    read_table,
    record_rows,
)

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@require_GET
@requires("indicators.manage")
def template(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404("Choose csv or xlsx.")
    today = timezone.localdate()
    content = template_csv(today) if fmt == "csv" else template_xlsx(today)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="careboard-manual-indicators-{today:%Y-%m-%d}.{fmt}"'
    )
    return response


@require_http_methods(["GET", "POST"])
@requires("indicators.manage")
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"form": form, "shown_at_most": MAX_ERRORS_SHOWN}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            checked = check_rows(read_table(upload.name or "", upload.read()))
        except UploadRefused as problem:
            form.add_error("file", str(problem))
        else:
            if checked.ok and not checked.rows:
                form.add_error("file", "No values to record: every value cell is empty")
            elif checked.ok:
                outcome = record_rows(checked.rows, by=request.user)
                messages.success(
                    request,
                    f"{outcome.recorded} value(s) recorded, {outcome.unchanged} unchanged, "
                    f"{checked.skipped_blank} row(s) left blank.",
                )
                return redirect("indicators:upload")
            else:
                context["problems"] = checked.problems[:MAX_ERRORS_SHOWN]
                context["problem_count"] = len(checked.problems)
    return render(request, "indicators/upload.html", context)
