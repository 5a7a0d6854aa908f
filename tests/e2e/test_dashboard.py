"""The board dashboard in a real browser: journey 4 ("why is this red?", product.md) in two
clicks from signing in, and no WCAG 2.2 AA violations on the overview or an indicator page,
on a desktop and on a phone."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from careboard.accounts.models import Role, User

# The small board of tests/dashboard: a Red 903 indicator with a target and benchmarks, a
# contextual small count, a negative vision score, one awaiting data, two actions.
from tests.dashboard.conftest import (  # noqa: F401 - fixtures
    actions,
    awaiting,
    board,
    foster,
    homes,
    progress8,
    uasc,
)
from tests.e2e.browser import axe_violations, describe, sign_in

PASSWORD = "correct horse battery staple"
PHONE: ViewportSize = {"width": 375, "height": 740}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture
def councillor(request: pytest.FixtureRequest) -> User:
    request.getfixturevalue("board")
    return User.objects.create_user(
        "councillor", password=PASSWORD, role=Role.BOARD_MEMBER, first_name="Sam"
    )


@pytest.mark.django_db(transaction=True)
def test_a_board_member_reaches_why_an_indicator_is_red_in_two_clicks(page: Page, councillor):
    sign_in(page, "councillor", PASSWORD)
    page.get_by_role("link", name="Dashboard", exact=True).click()  # click 1
    expect(page.get_by_role("heading", level=1)).to_have_text("Board dashboard")
    page.get_by_role("link", name="Foster placement pct").click()  # click 2
    expect(page).to_have_url("/dashboard/indicators/foster_placement_pct/?year=2025")
    expect(page.get_by_role("heading", level=1)).to_have_text("Foster placement pct")
    expect(page.get_by_text("Red: 70% is 10 points below the 80% target").first).to_be_visible()
    expect(page.get_by_role("img", name="Foster placement pct: trend")).to_be_visible()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_overview_and_indicator_page_pass_axe(page: Page, councillor, viewport):
    if viewport:
        page.set_viewport_size(viewport)
    sign_in(page, "councillor", PASSWORD)
    failures = {}
    for path in ("/dashboard/", "/dashboard/indicators/foster_placement_pct/?compare=2023"):
        page.goto(path)
        violations = axe_violations(page)
        if violations:
            failures[path] = describe(violations)
        name = "indicator" if "indicators" in path else "overview"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shot = SCREENSHOTS / f"dashboard-{name}-{'phone' if viewport else 'desktop'}.png"
        page.screenshot(path=str(shot), full_page=True)
    assert failures == {}


@pytest.mark.django_db(transaction=True)
def test_charts_stay_visible_in_forced_colours(page: Page, councillor):
    sign_in(page, "councillor", PASSWORD)
    page.emulate_media(forced_colors="active")
    page.goto("/dashboard/indicators/foster_placement_pct/")
    line = page.locator(".cb-chart__line--council").first
    stroke = line.evaluate("element => getComputedStyle(element).stroke")
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert stroke != background
    assert stroke not in ("none", "")


@pytest.mark.django_db(transaction=True)
def test_dashboard_pages_fit_a_phone_without_sideways_scrolling(page: Page, councillor):
    page.set_viewport_size(PHONE)
    sign_in(page, "councillor", PASSWORD)
    widths = {}
    for path in ("/dashboard/", "/dashboard/indicators/foster_placement_pct/?compare=2023"):
        page.goto(path)
        widths[path] = page.evaluate("() => document.documentElement.scrollWidth")
    assert widths == dict.fromkeys(widths, PHONE["width"])
