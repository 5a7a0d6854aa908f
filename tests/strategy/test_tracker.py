"""The action tracker: filters, sorting and the overdue rule, through the page itself."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.strategy.conftest import Scrutiny


def references(client: Client, query: str = "") -> list[str]:
    """The references in the tracker table, in the order shown."""
    page = client.get(reverse("strategy:tracker") + query).content.decode()
    return re.findall(r'data-label="Reference">([^<]+)<', page)


@pytest.mark.django_db
def test_default_order_is_by_section_then_natural_reference(
    scrutiny: Scrutiny, board_member: Client
) -> None:
    assert references(board_member) == ["R1", "5.1", "R7", "R12", "R13"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?status=amber", ["R12", "R13"]),
        ("?status=none", ["R7"]),  # nobody has reported on R7
        ("?status=red", ["5.1"]),
        ("?kind=action", ["5.1"]),
        ("?priority={safe}", ["5.1", "R7", "R12"]),
        ("?owner={olive}", ["5.1", "R12"]),
        ("?owner={olive}&status=amber", ["R12"]),
        ("?plan=cpp-2014-16&kind=recommendation", ["R1", "R7", "R12", "R13"]),
    ],
)
def test_filters(scrutiny: Scrutiny, board_member: Client, query: str, expected: list) -> None:
    assert scrutiny.a51.priority is not None
    query = query.format(safe=scrutiny.a51.priority.pk, olive=scrutiny.owner.pk)

    assert references(board_member, query) == expected


@pytest.mark.django_db
def test_an_unknown_filter_value_is_reported_and_ignored(
    scrutiny: Scrutiny, board_member: Client
) -> None:
    response = board_member.get(reverse("strategy:tracker") + "?plan=no-such-plan&kind=action")

    assert "Select a plan from the list" in response.content.decode()
    assert references(board_member, "?plan=no-such-plan&kind=action") == ["5.1"]


@pytest.mark.django_db
def test_overdue_means_past_due_and_not_green(scrutiny: Scrutiny, board_member: Client) -> None:
    from careboard.strategy.rag import Rag
    from tests.strategy.conftest import MARCH_2016
    from tests.strategy.factories import make_action, report

    done = make_action(scrutiny.plan, "5.2", due_on=scrutiny.a51.due_on)
    report(done, Rag.GREEN, MARCH_2016)  # completed late is not overdue
    make_action(scrutiny.plan, "5.3")  # no due date: cannot be overdue

    assert references(board_member, "?overdue=on") == ["5.1"]
    page = board_member.get(reverse("strategy:tracker")).content.decode()
    assert page.count(">Overdue</strong>") == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("reference", ["5.1", "R1", "R7", "R12", "R13"]),
        ("-reference", ["R13", "R12", "R7", "R1", "5.1"]),
        ("status", ["5.1", "R12", "R13", "R7", "R1"]),  # worst first: Red, Amber, none, Green
        ("due", ["5.1", "R1", "R7", "R12", "R13"]),  # undated last, in default order
        ("updated", ["5.1", "R1", "R12", "R13", "R7"]),
    ],
)
def test_sorting(scrutiny: Scrutiny, board_member: Client, sort: str, expected: list) -> None:
    assert references(board_member, f"?sort={sort}") == expected


@pytest.mark.django_db
def test_sort_links_keep_filters_and_flip_direction(
    scrutiny: Scrutiny, board_member: Client
) -> None:
    page = board_member.get(reverse("strategy:tracker") + "?status=amber&sort=due").content
    html = page.decode()

    assert (
        'aria-sort="ascending"><a class="govuk-link cb-sort-link" '
        'href="?status=amber&amp;sort=-due"' in html
    )
    assert "export.csv?status=amber&amp;sort=due" in html


@pytest.mark.django_db
def test_the_sort_list_works_where_headings_are_hidden(
    scrutiny: Scrutiny, board_member: Client
) -> None:
    """On a phone the table's headings are hidden, so the filter form offers the orders."""
    page = board_member.get(reverse("strategy:tracker") + "?sort=status").content.decode()

    assert '<option value="status" selected>Status, worst first</option>' in page
    assert references(board_member, "?sort=-updated") == ["R1", "R12", "R13", "5.1", "R7"]


@pytest.mark.django_db
def test_an_unknown_sort_order_is_reported(scrutiny: Scrutiny, board_member: Client) -> None:
    page = board_member.get(reverse("strategy:tracker") + "?sort=secret").content.decode()

    assert "Select an order from the list" in page
    assert references(board_member, "?sort=secret") == ["R1", "5.1", "R7", "R12", "R13"]


@pytest.mark.django_db
def test_owners_get_a_link_to_their_own_actions(scrutiny: Scrutiny, board_member: Client) -> None:
    from tests.strategy.conftest import signed_in

    page = signed_in(scrutiny.owner).get(reverse("strategy:tracker")).content.decode()

    assert f'href="?owner={scrutiny.owner.pk}">Show only the actions you update' in page
    assert "Show only the actions you update" not in (
        board_member.get(reverse("strategy:tracker")).content.decode()
    )


@pytest.mark.django_db
def test_the_tracker_does_not_query_per_row(
    scrutiny: Scrutiny, board_member: Client, django_assert_max_num_queries: Any
) -> None:
    from tests.strategy.factories import make_action

    for number in range(20):
        make_action(scrutiny.plan, f"9.{number}", owner=scrutiny.owner)
    with django_assert_max_num_queries(15):
        board_member.get(reverse("strategy:tracker"))
