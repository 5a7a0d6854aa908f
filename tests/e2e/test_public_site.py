"""The Right Side of Care in a real browser: accessibility and the feedback journey."""

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from careboard.accounts.models import Role, User
from careboard.voice.models import Feedback
from tests.e2e.browser import axe_violations, describe, sign_in

PUBLIC_PATHS = [
    "/public/",
    "/public/our-promises/",
    "/public/you-said-we-did/",
    "/public/how-it-is-going/",
    "/public/care-councils/",
    "/public/get-help-now/",
    "/public/have-your-say/",
    "/public/tell-us/",
    "/public/tell-us/thank-you/",
]


@pytest.mark.django_db(transaction=True)
def test_every_public_page_passes_axe(page: Page):
    failures = {}
    for path in PUBLIC_PATHS:
        page.goto(path)
        violations = axe_violations(page)
        if violations:
            failures[path] = describe(violations)
    assert failures == {}


@pytest.mark.django_db(transaction=True)
def test_a_young_person_can_send_feedback_with_the_keyboard_only(page: Page):
    page.goto("/public/tell-us/")
    # Tab from the top of the page to the first radio button, as a keyboard user would.
    first_choice = page.get_by_label("Being happy and healthy")
    for _ in range(40):
        page.keyboard.press("Tab")
        if first_choice.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the first choice could not be reached with the Tab key")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.type("I like my gym pass")
    page.keyboard.press("Tab")
    page.keyboard.type("Waiting a long time to see someone")
    page.get_by_role("button", name="Send").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for telling us")
    feedback = Feedback.objects.get()
    assert (feedback.about, feedback.whats_good, feedback.whats_not_good) == (
        "health",
        "I like my gym pass",
        "Waiting a long time to see someone",
    )


@pytest.mark.django_db(transaction=True)
def test_errors_are_announced_and_link_to_the_question(page: Page):
    page.goto("/public/tell-us/")
    page.get_by_role("button", name="Send").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Choose what you want to tell us about")
    summary.get_by_role("link", name="Choose what you want to tell us about").click()
    expect(page.get_by_label("Being happy and healthy")).to_be_focused()
    assert axe_violations(page) == []


@pytest.mark.django_db(transaction=True)
def test_urgent_feedback_reaches_the_top_of_the_triage_queue(page: Page):
    User.objects.create_user(
        "lead", password="a long test password", email="lead@x.example", role=Role.SAFEGUARDING_LEAD
    )
    page.goto("/public/tell-us/")
    page.get_by_label("Something else").check()
    page.get_by_label("What is good?").fill("Nothing much")
    page.get_by_label("What is not good?").fill("I don't feel safe at home")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for telling us")
    assert len(mail.outbox) == 1

    sign_in(page, "lead", "a long test password")
    page.goto("/voice/")
    first_row = page.locator("tbody tr").first
    expect(first_row).to_contain_text("Urgent: not safe")
    first_row.get_by_role("link").click()
    page.get_by_label("Status").select_option("triaged")
    page.get_by_label("Theme").fill("Feeling safe at home")
    page.get_by_role("button", name="Save triage").click()
    expect(
        page.get_by_role("alert").or_(page.locator(".govuk-notification-banner"))
    ).to_contain_text("saved")
    assert Feedback.objects.get().status == "triaged"
