"""The one permission matrix: which roles may do what on the staff site (security.md).

Views name a permission with `@requires("...")`; the matrix test walks every URL as every
role. Object-level rules (an owner edits only their own actions) live beside the objects.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase

from careboard.accounts.models import Role, User

ALL_STAFF = frozenset(Role)

MATRIX: dict[str, frozenset[Role]] = {
    # Strategy & actions
    "strategy.view": ALL_STAFF,
    "strategy.export": ALL_STAFF,
    "strategy.update_action": frozenset({Role.ADMINISTRATOR, Role.ACTION_OWNER}),
    "strategy.manage_plans": frozenset({Role.ADMINISTRATOR}),
    # Indicators
    "indicators.view": ALL_STAFF,
    "indicators.manage": frozenset({Role.ADMINISTRATOR, Role.PERFORMANCE_ANALYST}),
    # Voice of the child: what young people wrote, and how to reach those who asked
    "voice.triage": frozenset(
        {Role.ADMINISTRATOR, Role.PARTICIPATION_WORKER, Role.SAFEGUARDING_LEAD}
    ),
    "voice.contact_details": frozenset({Role.PARTICIPATION_WORKER, Role.SAFEGUARDING_LEAD}),
    "voice.manage": frozenset({Role.ADMINISTRATOR, Role.PARTICIPATION_WORKER}),
    # Board governance: meetings, forward plan, board packs and reports
    "governance.view": ALL_STAFF,
    "governance.manage": frozenset({Role.ADMINISTRATOR}),
    # Data feed tokens
    "api.manage_tokens": frozenset({Role.ADMINISTRATOR}),
    # 903 imports: upload, check and store returns; read the history and reports
    "ingest.import": frozenset({Role.ADMINISTRATOR, Role.PERFORMANCE_ANALYST}),
    "ingest.view": frozenset({Role.ADMINISTRATOR, Role.PERFORMANCE_ANALYST, Role.AUDITOR}),
    # Audit trail
    "audit.view": frozenset({Role.ADMINISTRATOR, Role.AUDITOR}),
}


def has_permission(user: Any, permission: str) -> bool:
    if permission not in MATRIX:
        raise KeyError(f"Unknown permission {permission!r}: add it to the matrix.")
    return bool(user.is_authenticated and user.is_active and user.role in MATRIX[permission])


def requires(
    permission: str,
) -> Callable[[Callable[..., HttpResponseBase]], Callable[..., HttpResponseBase]]:
    """View decorator: anonymous people are sent to sign in; others without the role get 403."""
    if permission not in MATRIX:
        raise KeyError(f"Unknown permission {permission!r}: add it to the matrix.")

    def decorator(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_permission(request.user, permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorator


def required_permission(view: Callable[..., Any]) -> str | None:
    """The permission a URL's view declares with @requires, or None if it declares none.

    Works for function views and for class-based views whose `dispatch` is decorated with
    `method_decorator(requires(...), name="dispatch")`.
    """
    declared = getattr(view, "required_permission", None)
    if declared is None:
        view_class = getattr(view, "view_class", None)
        declared = getattr(getattr(view_class, "dispatch", None), "required_permission", None)
    return declared


def signed_in_user(request: HttpRequest) -> User:
    """The signed-in user of a view already guarded by @requires."""
    user = request.user
    assert isinstance(user, User), "use inside a view guarded by @requires"
    return user
