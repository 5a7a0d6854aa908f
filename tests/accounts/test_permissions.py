"""The permission matrix and how views declare what they need (careboard.accounts.permissions)."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.views import View

from careboard.accounts.models import Role, User
from careboard.accounts.permissions import MATRIX, has_permission, required_permission, requires


def test_administrators_may_do_everything_except_see_contact_details() -> None:
    for permission, roles in MATRIX.items():
        assert roles <= set(Role), permission
    # Contact details of young people are for participation and safeguarding staff only.
    assert {p for p, roles in MATRIX.items() if Role.ADMINISTRATOR not in roles} <= {
        "voice.contact_details"
    }


def test_an_unknown_permission_is_a_bug_found_at_import() -> None:
    with pytest.raises(KeyError, match="add it to the matrix"):
        requires("strategy.delete_everything")


def test_function_and_class_based_views_declare_their_permission() -> None:
    @requires("audit.view")
    def audit_page(request: HttpRequest) -> HttpResponse:
        return HttpResponse()

    @method_decorator(requires("strategy.manage_plans"), name="dispatch")
    class PlanEditor(View):
        pass

    def undeclared(request: HttpRequest) -> HttpResponse:
        return HttpResponse()

    assert required_permission(audit_page) == "audit.view"
    assert required_permission(PlanEditor.as_view()) == "strategy.manage_plans"
    assert required_permission(undeclared) is None


@pytest.mark.django_db
def test_an_inactive_account_has_no_permissions() -> None:
    auditor = User.objects.create_user("r.auditor", role=Role.AUDITOR, is_active=False)
    assert not has_permission(auditor, "audit.view")
