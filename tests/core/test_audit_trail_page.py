"""The audit trail page at /audit/: chain status, newest first, diffs, filters, pages, read-only."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from careboard.accounts.models import Role, User
from careboard.core.audit_context import acting_as
from careboard.core.models import AuditEvent
from careboard.strategy.models import Plan, Principle

pytestmark = pytest.mark.django_db

AUDIT = "/audit/"


@pytest.fixture
def auditor(client: Client) -> Client:
    client.force_login(User.objects.create_user("r.auditor", role=Role.AUDITOR))
    return client


@pytest.fixture
def renamed_plan() -> Plan:
    with acting_as("load_demo"):
        plan = Plan.objects.create(
            title="Action plan 2014-16",
            short_title="2014-16",
            slug="plan-2014-16",
            starts_on=datetime.date(2014, 4, 1),
            ends_on=datetime.date(2016, 3, 31),
        )
        plan.title = "Corporate parenting action plan 2014-16"
        plan.save()
    return plan


def page(client: Client, query: str = "") -> str:
    response = client.get(AUDIT + query)
    assert response.status_code == 200
    return response.content.decode()


def test_an_intact_chain_is_reported_at_the_top(auditor: Client, renamed_plan: Plan) -> None:
    html = page(auditor)
    assert "Chain status" in html
    assert "Intact" in html
    assert html.index("Intact") < html.index(" events, newest first")


def test_a_tampered_event_is_named_in_the_chain_status(auditor: Client, renamed_plan: Plan) -> None:
    created = AuditEvent.objects.order_by("id").first()
    assert created is not None
    AuditEvent.objects.filter(pk=created.pk).update(actor_label="someone else")

    html = page(auditor)

    assert "Chain status: broken" in html
    assert f'<a href="#event-{created.pk}">Event {created.pk}</a>: content does not match' in html
    assert "Intact" not in html


def test_events_are_newest_first_with_before_and_after(auditor: Client, renamed_plan: Plan) -> None:
    html = page(auditor)

    created_at = html.index("Created plan")
    updated_at = html.index("Updated plan")
    assert updated_at < created_at
    update_section = html[updated_at:created_at]
    assert "Action plan 2014-16" in update_section  # before
    assert "Corporate parenting action plan 2014-16" in update_section  # after
    assert "by load_demo" in update_section


def test_the_record_type_filter_narrows_the_list(auditor: Client, renamed_plan: Plan) -> None:
    with acting_as("load_demo"):
        Principle.objects.create(plan=renamed_plan, order=1, text="Listen to young people")

    html = page(auditor, "?model=strategy.Principle")

    assert "1 event, newest first" in html
    assert "Listen to young people" in html
    assert "Updated plan" not in html


def test_twenty_five_events_a_page_and_filters_kept_between_pages(
    auditor: Client, renamed_plan: Plan
) -> None:
    with acting_as("load_demo"):
        for order in range(1, 31):
            Principle.objects.create(plan=renamed_plan, order=order, text=f"Principle {order}")

    first = page(auditor, "?model=strategy.Principle")
    second = page(auditor, "?model=strategy.Principle&page=2")

    assert first.count('class="govuk-table"') == 25
    assert "Page 1 of 2" in first
    assert 'href="?model=strategy.Principle&amp;page=2"' in first
    assert second.count('class="govuk-table"') == 5
    assert "Principle 1<" in second  # the oldest is last


def test_the_page_offers_no_way_to_change_the_trail(auditor: Client, renamed_plan: Plan) -> None:
    html = page(auditor)
    assert 'method="post"' not in html.split('id="main-content"')[1].lower()
    assert auditor.post(AUDIT, {}).status_code == 405


def test_an_impossible_date_range_is_explained_and_linked_to_its_field(auditor: Client) -> None:
    html = page(auditor, "?changed_from=2016-03-03&changed_to=2016-03-01")

    assert "<title>Error: Audit trail" in html
    assert (
        '<a href="#id_changed_to">The end date must be the same as or after the start</a>' in html
    )
