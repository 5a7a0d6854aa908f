import pytest
from playwright.sync_api import Page, expect

from careboard.accounts.models import Role, User
from tests.e2e.browser import axe_violations, describe, sign_in

PASSWORD = "correct horse battery staple"


def test_sign_in_page_has_no_accessibility_violations(page: Page):
    page.goto("/accounts/sign-in/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to careboard")
    violations = axe_violations(page)
    assert violations == [], describe(violations)


@pytest.mark.django_db(transaction=True)
def test_wrong_password_shows_an_error_summary_linked_to_the_field(page: Page):
    User.objects.create_user("board", password=PASSWORD, role=Role.BOARD_MEMBER)
    sign_in(page, "board", "not the password")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(page).to_have_title("Error: Sign in – careboard – Wirral Council")
