"""Indicator values and benchmarks in the feed, under disclosure control (issue 6)."""

import datetime as dt

import pytest

from careboard.accounts.models import Role, User
from careboard.api.models import ApiToken
from careboard.indicators.models import CatalogueEntry, ValueSource
from careboard.indicators.records import NewValue, record_value, set_target
from careboard.strategy.models import Plan
from careboard.voice.services import take_feedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def key():
    admin = User.objects.create_user("admin", role=Role.ADMINISTRATOR)
    return ApiToken.issue("Power BI", admin)[1]


@pytest.fixture
def plan():
    return Plan.objects.create(
        title="Strategy 2022-25",
        short_title="2022-25",
        slug="s",
        starts_on=dt.date(2022, 4, 1),
        ends_on=dt.date(2025, 3, 31),
    )


def entry(plan, code, unit, polarity="higher", order=1):
    return CatalogueEntry.objects.create(
        plan=plan,
        order=order,
        strategy_wording=code,
        code=code,
        source="ssda903",
        unit=unit,
        polarity=polarity,
    )


def get(client, url, key):
    return client.get(url, HTTP_AUTHORIZATION=f"Bearer {key}")


def test_values_carry_counts_rag_and_reason(client, plan, key):
    foster = entry(plan, "foster_placement_pct", "percent")
    record_value(foster, 2024, NewValue(71.4, 500, 700), source=ValueSource.COMPUTED, by="test")
    set_target(foster, 2024, 70, 2, reason="Stay above England", by="test")
    (item,) = get(client, "/api/v1/values?code=foster_placement_pct", key).json()["items"]
    assert (item["value"], item["numerator"], item["denominator"]) == (71.4, 500, 700)
    assert item["status"] == "green"
    assert "70" in item["reason"]


def test_small_numbers_are_withheld_with_their_numerator_and_denominator(client, plan, key):
    mothers = entry(plan, "uasc_count_31mar", "count", "contextual", order=2)
    record_value(mothers, 2024, NewValue(3, 3), source=ValueSource.COMPUTED, by="test")
    health = entry(plan, "oc2_dental_check_pct", "percent", order=3)
    record_value(health, 2024, NewValue(87.5, 7, 8), source=ValueSource.COMPUTED, by="test")
    items = {i["code"]: i for i in get(client, "/api/v1/values", key).json()["items"]}
    for code in ("uasc_count_31mar", "oc2_dental_check_pct"):
        assert items[code]["value"] is None
        assert items[code]["value_text"] == "c"
        assert (items[code]["numerator"], items[code]["denominator"]) == (None, None)
        assert items[code]["withheld_note"]
    csv_text = get(client, "/api/v1/values?format=csv", key).content.decode()
    assert "87.5" not in csv_text
    assert ",7,8," not in csv_text


def test_benchmarks_come_from_the_shipped_dfe_snapshot(client, key):
    items = get(client, "/api/v1/benchmarks?code=foster_placement_pct&limit=500", key).json()
    by_year = {i["year"]: i for i in items["items"]}
    assert by_year[2025]["england"] == 67
    assert by_year[2025]["council"] is not None


def test_nothing_a_child_wrote_reaches_any_endpoint(client, plan, key):
    take_feedback(
        about="homes",
        whats_good="Zebrafish umbrella 4471",
        whats_not_good="",
        ideas="",
        age_band="",
    )
    for path in [
        "/api/v1/plans",
        "/api/v1/actions",
        "/api/v1/indicators",
        "/api/v1/values",
        "/api/v1/benchmarks",
        "/api/v1/openapi.json",
    ]:
        assert "Zebrafish" not in get(client, path, key).content.decode()
