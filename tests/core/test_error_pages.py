"""The 403 and 404 pages explain themselves in plain words (GOV.UK patterns)."""

from __future__ import annotations

import pytest
from django.test import Client

from careboard.accounts.models import Role, User

pytestmark = pytest.mark.django_db


def test_a_role_without_permission_gets_the_403_page_naming_their_role(client: Client) -> None:
    client.force_login(User.objects.create_user("b.member", role=Role.BOARD_MEMBER))

    response = client.get("/audit/")

    assert response.status_code == 403
    html = response.content.decode()
    assert "You do not have permission to see this page" in html
    assert "(Board member)" in html


def test_an_unknown_address_gets_the_404_page(client: Client) -> None:
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "If you typed the web address, check it is correct." in response.content.decode()
