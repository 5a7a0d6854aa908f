"""The entry page shows values, RAG words and reasons; analysts enter values, targets and
statuses; board members read only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from careboard.accounts.models import Role
from careboard.indicators.models import (
    CatalogueEntry,
    IndicatorValue,
    StatusOverride,
    Target,
    ValueSource,
)
from careboard.indicators.records import NewValue, enter_value, set_target

ClientAs = Callable[[Role], Client]


def test_entry_page_shows_values_status_reason_and_target_history(
    client_as: ClientAs, peps: CatalogueEntry
) -> None:
    set_target(peps, 2025, 80, 5, reason="Agreed by the board", by="analyst")
    enter_value(peps, 2024, NewValue(78.0, 39, 50), source=ValueSource.MANUAL, by="analyst")
    enter_value(peps, 2025, NewValue(71.0, 71, 100), source=ValueSource.MANUAL, by="analyst")

    page = client_as(Role.BOARD_MEMBER).get(reverse("indicators:entry", args=[peps.code]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "2024-25" in html
    assert "71 of 100" in html
    assert 'cb-rag cb-rag--red">Red</strong>' in html
    assert "Red: 71% is 9 points below the 80% target (tolerance 5); down 7 points on 2024" in html
    assert "Agreed by the board" in html
    assert "Enter a value" not in html  # board members read only
    assert "Set the status by hand" not in html


def test_analysts_see_the_links_to_change_things(client_as: ClientAs, peps: CatalogueEntry) -> None:
    enter_value(peps, 2025, NewValue(71.0), source=ValueSource.MANUAL, by="analyst")
    html = (
        client_as(Role.PERFORMANCE_ANALYST)
        .get(reverse("indicators:entry", args=[peps.code]))
        .content.decode()
    )
    assert reverse("indicators:enter_value", args=[peps.code]) in html
    assert reverse("indicators:targets", args=[peps.code]) in html
    assert reverse("indicators:override", args=[peps.code, 2025]) in html


def test_an_analyst_enters_a_value(client_as: ClientAs, peps: CatalogueEntry) -> None:
    response = client_as(Role.PERFORMANCE_ANALYST).post(
        reverse("indicators:enter_value", args=[peps.code]),
        {"period": "2024-25", "value": "84.5", "numerator": "", "denominator": "", "note": "ePEP"},
    )
    assert response.status_code == 302
    row = IndicatorValue.objects.get(entry=peps, is_current=True)
    assert (row.year, row.value, row.source, row.note) == (2025, 84.5, "manual", "ePEP")
    assert row.recorded_by_label == "Pat Lee (performance_analyst)"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"period": "2024/25", "value": "50"},
            "Enter the period as a year to 31 March, like 2024-25",
        ),
        ({"period": "2024-26", "value": "50"}, "the second part must be the year after 2024"),
        ({"period": "2024-25", "value": "101"}, "Enter a percentage from 0 to 100"),
        ({"period": "2024-25", "value": "-3"}, "Enter a percentage from 0 to 100"),
        ({"period": "2024-25", "value": "lots"}, "Enter a number, like 71 or 70.5"),
        ({"period": "2024-25", "value": "=1+1"}, "Enter a number, like 71 or 70.5"),
        ({"period": "2024-25", "value": "50", "numerator": "2.5"}, "Enter a whole number"),
        (
            {"period": "2024-25", "value": "50", "numerator": "30", "denominator": "40"},
            "30 of 40 is 75.0%, not 50%",
        ),
        ({"period": "", "value": ""}, "Enter the period"),
    ],
)
def test_values_are_checked_against_unit_and_period(
    client_as: ClientAs, peps: CatalogueEntry, fields: dict[str, str], message: str
) -> None:
    response = client_as(Role.PERFORMANCE_ANALYST).post(
        reverse("indicators:enter_value", args=[peps.code]), fields
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_academic_years_and_negative_scores(client_as: ClientAs, progress8: CatalogueEntry) -> None:
    client = client_as(Role.PERFORMANCE_ANALYST)
    url = reverse("indicators:enter_value", args=[progress8.code])
    refused = client.post(url, {"period": "2024-25", "value": "-1.31"})
    assert "Enter the period as an academic year, like 2024/25" in refused.content.decode()
    assert client.post(url, {"period": "2024/25", "value": "-1.31"}).status_code == 302
    assert IndicatorValue.objects.get(entry=progress8).value == -1.31


def test_counts_must_be_whole(client_as: ClientAs, kooth: CatalogueEntry) -> None:
    response = client_as(Role.PERFORMANCE_ANALYST).post(
        reverse("indicators:enter_value", args=[kooth.code]), {"period": "2024-25", "value": "3.5"}
    )
    assert "Enter a whole number, 0 or more" in response.content.decode()


def test_903_indicators_are_not_entered_by_hand(
    client_as: ClientAs, foster: CatalogueEntry
) -> None:
    url = reverse("indicators:enter_value", args=[foster.code])
    assert client_as(Role.PERFORMANCE_ANALYST).get(url).status_code == 404


def test_an_analyst_sets_a_target(client_as: ClientAs, peps: CatalogueEntry) -> None:
    response = client_as(Role.PERFORMANCE_ANALYST).post(
        reverse("indicators:targets", args=[peps.code]),
        {"period": "2025-26", "target": "85", "tolerance": "3", "reason": "Board, June 2025"},
    )
    assert response.status_code == 302
    target = Target.objects.get(entry=peps)
    assert (target.year, target.value, target.tolerance) == (2026, 85, 3)


def test_a_status_set_by_hand_needs_a_reason_and_is_shown(
    client_as: ClientAs, peps: CatalogueEntry
) -> None:
    set_target(peps, 2025, 80, 5, reason="", by="analyst")
    enter_value(peps, 2025, NewValue(71.0), source=ValueSource.MANUAL, by="analyst")
    client = client_as(Role.PERFORMANCE_ANALYST)
    url = reverse("indicators:override", args=[peps.code, 2025])

    refused = client.post(url, {"status": "amber", "reason": "  "})
    assert "Enter the reason for setting the status by hand" in refused.content.decode()
    assert not StatusOverride.objects.exists()

    assert client.post(url, {"status": "amber", "reason": "Late recording"}).status_code == 302
    html = client.get(reverse("indicators:entry", args=[peps.code])).content.decode()
    assert "Set by hand" in html
    assert "Amber (set by hand: Late recording; calculated Red)" in html


@pytest.mark.parametrize("role", [Role.BOARD_MEMBER, Role.ACTION_OWNER, Role.AUDITOR])
def test_readers_cannot_change_anything(
    client_as: ClientAs, peps: CatalogueEntry, role: Role
) -> None:
    enter_value(peps, 2025, NewValue(71.0), source=ValueSource.MANUAL, by="analyst")
    client = client_as(role)
    for url, data in [
        (reverse("indicators:enter_value", args=[peps.code]), {"period": "2024-25", "value": "9"}),
        (reverse("indicators:targets", args=[peps.code]), {"period": "2024-25", "target": "9"}),
        (reverse("indicators:override", args=[peps.code, 2025]), {"status": "red", "reason": "x"}),
        (reverse("indicators:upload"), {}),
        (reverse("indicators:template", args=["csv"]), None),
    ]:
        response = client.get(url) if data is None else client.post(url, data)
        assert response.status_code == 403, url
    assert IndicatorValue.objects.get(entry=peps).value == 71.0


def test_catalogue_shows_the_latest_value_and_status(
    client_as: ClientAs, peps: CatalogueEntry
) -> None:
    set_target(peps, 2025, 80, 5, reason="", by="analyst")
    enter_value(peps, 2025, NewValue(82.0), source=ValueSource.MANUAL, by="analyst")
    html = client_as(Role.BOARD_MEMBER).get(reverse("indicators:catalogue")).content.decode()
    assert '82% <span class="govuk-body-s">(2024-25)</span>' in html
    assert 'cb-rag--green">Green' in html


def test_two_analysts_entering_the_same_period_the_second_sees_a_conflict(
    client_as: ClientAs, peps: CatalogueEntry
) -> None:
    # security.md: two people saving the same record: one wins, the other sees a conflict.
    url = reverse("indicators:enter_value", args=[peps.code])
    first, second = client_as(Role.PERFORMANCE_ANALYST), client_as(Role.ADMINISTRATOR)
    opened = second.get(url).context["form"]["opened_at"].value()
    assert first.post(url, {"period": "2024-25", "value": "80"}).status_code == 302

    clash = second.post(url, {"period": "2024-25", "value": "75", "opened_at": opened})
    html = clash.content.decode()
    assert clash.status_code == 200
    assert "Pat Lee (performance_analyst) recorded a value for 2024-25 while you were" in html
    assert IndicatorValue.objects.get(entry=peps, is_current=True).value == 80.0

    again = clash.context["form"]["opened_at"].value()
    assert (
        second.post(url, {"period": "2024-25", "value": "75", "opened_at": again}).status_code
        == 302
    )
    assert IndicatorValue.objects.get(entry=peps, is_current=True).value == 75.0
    assert IndicatorValue.objects.filter(entry=peps).count() == 2
