"""One indicator: "why is this red?" (product.md, journey 4) answered on one page."""

import pytest
from defusedxml.ElementTree import fromstring

from careboard.analytics.ssda903.findings import WarningCount
from careboard.analytics.ssda903.store import Store
from careboard.indicators import judgements
from careboard.indicators.computed import compute_indicators
from careboard.indicators.models import ValueSource
from careboard.indicators.records import NewValue, record_value
from careboard.voice.models import CareCouncilVerdict, Council
from tests.analytics.indicators.builders import child, episode, tables
from tests.dashboard.conftest import entry
from tests.dashboard.page_reading import links, svg_title, svgs, text

FOSTER = "/dashboard/indicators/foster_placement_pct/"


def test_the_reason_comes_first(board, board_member):
    page = text(board_member.get(FOSTER).content)
    headline = page[page.index("Foster placement pct 70%") :]
    assert headline.startswith(
        "Foster placement pct 70% in 2024-25 Red Red: 70% is 10 points below the 80% target "
        "(tolerance 5); down 9 points on 2024"
    )


def test_trend_and_benchmark_charts_with_titles_summaries_and_tables(board, board_member):
    content = board_member.get(FOSTER).content
    titles = {svg_title(svg) for svg in svgs(content)}
    assert all(fromstring(svg).get("role") == "img" for svg in svgs(content))
    assert titles == {
        "Foster placement pct: trend",
        "Foster placement pct: compared with England and statistical neighbours",
    }
    page = text(content)
    assert (
        "Down from 79% in 2023-24 to 70% in 2024-25, above England (67%) and the "
        "statistical-neighbour average (67.3%); misses the 80% target by more than its "
        "tolerance of 5." in page
    )
    # The trend's table: every period with the value recorded, the target and England.
    assert "2023-24 79% 80% (tolerance 5) 67% 67%" in page
    assert "2024-25 70% 80% (tolerance 5) 67% 67.3%" in page
    # The benchmark's table names each statistical neighbour (DfE 2024-25 snapshot).
    assert "Statistical neighbours (average of 10) 67.3%" in page


def test_definition_numerator_and_denominator_from_the_registry(board, board_member):
    page = text(board_member.get(FOSTER).content)
    assert "What it measures Children looked after at 31 March whose open episode" in page
    assert "Numerator and denominator 2024-25: 140 of 200 children" in page


def test_figures_by_period_and_target_history(board, board_member):
    page = text(board_member.get(FOSTER).content)
    assert "2024-25 70% 140 of 200 Red" in page
    assert "2020-21 75% 150 of 200 No target" in page
    assert "Target history" in page
    assert "Board target" in page


def test_related_actions_with_overdue_marked(board, board_member):
    content = board_member.get(FOSTER).content
    page = text(content)
    assert "3.1 Recruit more foster carers Not set 31 Jan 2020 Overdue Red" in page
    assert "3.2 Open a new children's home Not set 31 Jan 2099 No progress reported" in page
    assert "Recruit more foster carers" in dict(links(content))


def test_what_young_people_said_about_the_priority(board, board_member, homes):
    CareCouncilVerdict.objects.create(
        priority=homes,
        council=Council.CLA,
        heard_on="2025-01-15",
        verdict=CareCouncilVerdict.Verdict.WORSE,
        what_they_said="Too many moves between homes.",
    )
    page = text(board_member.get(FOSTER).content)
    assert "What young people said" in page
    assert "Too many moves between homes." in page


def test_data_quality_notes_say_what_is_missing(board, board_member):
    page = text(board_member.get("/dashboard/indicators/uasc_count_31mar/").content)
    assert "2023-24: not derivable: No 2023 return to compare with" in page
    assert "2024-25: if published, c: a number from 1 to 5" in page


def test_comparing_two_periods_side_by_side(board, board_member):
    page = text(board_member.get(FOSTER + "?year=2025&compare=2023").content)
    assert "2024-25 compared with 2022-23" in page
    assert "Value 78% 70% (Down 8 points)" in page
    assert "Counted 156 of 200 140 of 200" in page
    assert "Status No target Red" in page


def test_an_earlier_period_can_be_chosen(board, board_member):
    page = text(board_member.get(FOSTER + "?year=2024").content)
    assert "Foster placement pct 79% in 2023-24 Amber" in page


def test_no_benchmark_when_dfe_publishes_none(board, board_member):
    page = text(board_member.get("/dashboard/indicators/kinship_carers_supported_pct/").content)
    assert "Awaiting data: no value has been recorded for this indicator yet." in page
    assert "The DfE does not publish this indicator for councils" in page


def test_negative_scores_and_a_vision_indicator(board, board_member):
    page = text(board_member.get("/dashboard/indicators/progress8_average/").content)
    assert "Progress8 average -0.9 in 2024/25" in page
    assert "This is a vision indicator: every priority's actions serve it." in page


@pytest.mark.django_db
def test_an_unknown_indicator_is_not_found(board_member):
    assert board_member.get("/dashboard/indicators/no_such_thing/").status_code == 404


def test_a_data_quality_caveat_and_an_empty_group_are_noted(plan, homes, board_member):
    # engine.py: `data_quality` flags rows that carry the indicator's caveat; an empty
    # cohort has no value ("No children in the group").
    found = entry(plan, homes, 5, "care_leavers_19_21_in_touch_pct", source="ssda903")
    record_value(
        found,
        2024,
        NewValue(None, 0, 0, flags=("empty_cohort",)),
        source=ValueSource.COMPUTED,
        by="test",
    )
    record_value(
        found,
        2025,
        NewValue(90.0, 18, 20, flags=("data_quality",), note="2 care leavers with no OC3 row"),
        source=ValueSource.COMPUTED,
        by="test",
    )
    judgements.refresh(found)
    page = text(board_member.get(f"/dashboard/indicators/{found.code}/").content)
    assert "2023-24: no children in the group" in page
    assert "2024-25: data-quality caveat: 2 care leavers with no OC3 row" in page
    overview = text(board_member.get("/dashboard/").content)
    assert "Data-quality caveat: 2 care leavers with no OC3 row" in overview


def test_validation_warnings_in_the_store_are_data_quality_notes(
    plan, homes, board_member, tmp_path
):
    # A warning on Episodes.PLACE in the 2024-25 return, which foster placements read.
    found = entry(plan, homes, 5, "foster_placement_pct", source="ssda903")
    store = tmp_path / "store.duckdb"
    Store(store).load(
        2025,
        tables(child("C1"), episode("C1", "2024-06-01", place="U1"), year=2025),
        warnings=[WarningCount(2025, "episodes", "PLACE", "383", 2)],
    )
    compute_indicators(store, by="test")
    caveat = (
        "2 validation warnings in the 2024-25 return affect a field this figure uses: "
        "rule 383 on Episodes.PLACE (2)"
    )
    page = text(board_member.get(f"/dashboard/indicators/{found.code}/").content)
    assert f"2024-25: data-quality caveat: {caveat}" in page
    overview = text(board_member.get("/dashboard/").content)
    assert f"Data-quality caveat: {caveat}" in overview


def test_an_empty_group_with_a_caveat_says_it_once(plan, homes, board_member):
    found = entry(plan, homes, 5, "care_leavers_19_21_in_touch_pct", source="ssda903")
    caveat = "1 validation warning in the 2024-25 return affects a table this figure uses"
    record_value(
        found,
        2025,
        NewValue(None, 0, 0, flags=("empty_cohort", "data_quality"), note=caveat),
        source=ValueSource.COMPUTED,
        by="test",
    )
    judgements.refresh(found)
    page = text(board_member.get(f"/dashboard/indicators/{found.code}/").content)
    assert "2024-25: no children in the group" in page
    assert f"2024-25: data-quality caveat: {caveat}" in page
    assert page.count(caveat) == 1
