"""Administrators create, see and revoke data-feed tokens."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from careboard.accounts.permissions import requires, signed_in_user
from careboard.api.models import ApiToken


@requires("api.manage_tokens")
def tokens(request: HttpRequest) -> HttpResponse:
    new_key = None
    error = None
    if request.method == "POST":
        name = request.POST.get("name", "").strip()
        if not name:
            error = "Enter who will use the token"
        elif len(name) > 100:
            error = "Name must be 100 characters or fewer"
        else:
            _, new_key = ApiToken.issue(name, signed_in_user(request))
    return render(
        request,
        "api/tokens.html",
        {
            "tokens": ApiToken.objects.select_related("created_by"),
            "new_key": new_key,
            "error": error,
        },
    )


@require_POST
@requires("api.manage_tokens")
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, revoked_at__isnull=True)
    token.revoke()
    messages.success(request, f"Token '{token.name}' revoked. It no longer works.")
    return redirect("api:tokens")
