"""The Django admin, if a council routes it, can show audit events but never change them."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import RequestFactory

from careboard.accounts.models import Role, User
from careboard.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_even_a_superuser_cannot_add_change_or_delete_audit_events() -> None:
    request = RequestFactory().get("/admin/core/auditevent/")
    request.user = User.objects.create_superuser("root", role=Role.ADMINISTRATOR)
    event_admin = admin.site._registry[AuditEvent]

    assert not event_admin.has_add_permission(request)
    assert not event_admin.has_change_permission(request)
    assert not event_admin.has_delete_permission(request)
    assert "after" in event_admin.get_readonly_fields(request)
