"""In a real browser: an action owner records progress with a new RAG and sees it on the
tracker and in the history; the strategy pages pass axe-core's WCAG 2.2 AA rules.

Uses the browser fixtures of tests/e2e (Chromium through Playwright, axe-core from npm).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from careboard.accounts.models import Role, User
from tests.e2e.browser import axe_violations, describe, sign_in
from tests.strategy.conftest import Scrutiny

PASSWORD = "correct horse battery staple"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_owner_records_progress_and_sees_it_everywhere(page: Page, scrutiny: Scrutiny) -> None:
    owner: User = scrutiny.owner
    owner.set_password(PASSWORD)
    owner.save()
    sign_in(page, owner.username, PASSWORD)

    page.goto(scrutiny.a51.get_absolute_url())
    page.get_by_label("What has happened since the last update?").fill(
        "Supported accommodation reviewed with the housing team."
    )
    page.get_by_label("Amber").check()
    page.get_by_role("button", name="Save progress update").click()

    expect(page.get_by_role("alert")).to_contain_text("Progress on 5.1 recorded.")
    history = page.locator("#history + table")
    expect(history.locator("tbody tr").first).to_contain_text(
        "Supported accommodation reviewed with the housing team."
    )
    page.goto("/actions/?kind=action")
    expect(page.locator("tbody tr").first.locator('[data-label="Status"]')).to_have_text("Amber")


def test_strategy_pages_have_no_accessibility_violations(page: Page, scrutiny: Scrutiny) -> None:
    User.objects.create_user("board", password=PASSWORD, role=Role.BOARD_MEMBER)
    sign_in(page, "board", PASSWORD)

    found = {}
    for path in ["/", "/actions/", "/recommendations/", scrutiny.r12.get_absolute_url()]:
        page.goto(path)
        found[path] = describe(axe_violations(page))

    assert found == dict.fromkeys(found, "")
