"""The board's overview: tiles per indicator, honest gaps, actions linked to the tracker."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from defusedxml.ElementTree import fromstring

from careboard.accounts.models import Role
from careboard.strategy.models import Action, ProgressUpdate
from tests.dashboard.page_reading import links, svg_title, svgs, text

LONG_AGO = datetime.date(2020, 1, 1)


def test_tiles_show_value_status_word_reason_and_benchmarks(board, board_member):
    page = text(board_member.get("/dashboard/").content)
    assert "Figures for 2024-25" in page
    assert (
        "Foster placement pct 70% in 2024-25 Red Red: 70% is 10 points below the 80% target" in page
    )
    assert "England: 67% Statistical neighbours: 67.3%" in page  # DfE 2024-25 snapshot


def test_gaps_are_said_in_words(board, board_member):
    page = text(board_member.get("/dashboard/").content)
    assert "Kinship carers supported pct Awaiting data in 2024-25 No status" in page
    earlier = text(board_member.get("/dashboard/?year=2024").content)
    assert "Uasc count 31mar Not derivable in 2023-24 No 2023 return to compare with" in earlier


def test_vision_comes_first_then_each_priority(board, board_member):
    page = text(board_member.get("/dashboard/").content)
    vision = page.index("Vision Progress8 average -0.9")
    assert vision < page.index("Priority 3: Stable homes Foster placement pct")


def test_tiles_with_figures_have_a_sparkline_that_parses_with_a_title(board, board_member):
    content = board_member.get("/dashboard/").content
    charts = [fromstring(svg) for svg in svgs(content)]
    assert all(chart.get("role") == "img" for chart in charts)
    # Three indicators have figures; the one awaiting data has no empty chart.
    assert [svg_title(svg) for svg in svgs(content)] == [
        "Progress8 average: last 5 periods",
        "Foster placement pct: last 5 periods",
        "Uasc count 31mar: last 5 periods",
    ]


def test_tile_titles_link_to_the_indicator_page_keeping_the_period(board, board_member):
    found = dict(links(board_member.get("/dashboard/?year=2024&compare=2023").content))
    assert found["Foster placement pct"] == (
        "/dashboard/indicators/foster_placement_pct/?year=2024&compare=2023"
    )


def test_action_counts_link_to_the_tracker_filtered_by_priority_and_status(
    board, board_member, homes
):
    found = dict(links(board_member.get("/dashboard/").content))
    red = found["1 Red actions in Priority 3: Stable homes"]
    assert urlsplit(red).path == "/actions/"
    assert parse_qs(urlsplit(red).query) == {
        "plan": ["cla-2022-25"],
        "priority": [str(homes.pk)],
        "status": ["red"],
    }
    none = found["1 No progress reported actions in Priority 3: Stable homes"]
    assert parse_qs(urlsplit(none).query)["status"] == ["none"]
    overdue = found["1 overdue in Priority 3: Stable homes"]
    tracker = text(board_member.get(overdue).content)
    assert "Recruit more foster carers" in tracker
    assert "Open a new children's home" not in tracker


def test_comparing_two_years_shows_the_change(board, board_member):
    page = text(board_member.get("/dashboard/?year=2025&compare=2024").content)
    assert "Figures for 2024-25, compared with 2023-24" in page
    assert "2023-24: 79% (Down 9 points since)" in page


def test_overview_reads_stored_rows_in_a_few_queries(
    board, board_member, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        response = board_member.get("/dashboard/")
    assert response.status_code == 200


def test_a_catalogue_without_values_yet(awaiting, board_member):
    page = text(board_member.get("/dashboard/").content)
    assert "No indicator values have been recorded for this plan yet" in page


def test_no_catalogue_at_all(plan, board_member):
    page = text(board_member.get("/dashboard/").content)
    assert "No plan has an indicator catalogue yet" in page


@pytest.mark.parametrize("role", list(Role))
def test_every_staff_role_may_read_the_dashboard(board, client_as, role):
    assert client_as(role).get("/dashboard/").status_code == 200


def test_anonymous_people_are_sent_to_sign_in(board, client):
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")


def test_the_navigation_names_the_dashboard(board, board_member):
    found = dict(links(board_member.get("/").content))
    assert found["Dashboard"] == "/dashboard/"


def test_at_a_glance_counts_statuses_per_section(board, board_member):
    page = text(board_member.get("/dashboard/").content)
    glance = page[page.index("At a glance") : page.index("Vision Progress8")]
    # Vision: Progress 8 has no target. Priority 3: foster Red; UASC contextual; one awaiting.
    assert "Section Red Amber Green No RAG Actions overdue" in glance
    assert "Vision 0 0 0 1 –" in glance
    assert "Priority 3: Stable homes 1 0 0 2 1" in glance


def test_completed_actions_are_green_and_never_overdue(board, board_member, plan, homes):
    # strategy.services.overdue_q: past its due date and not completed (Green).
    done = Action.objects.create(
        plan=plan, priority=homes, reference="3.3", title="Review placements", due_on=LONG_AGO
    )
    ProgressUpdate.objects.create(action=done, reported_on=LONG_AGO, narrative="Done.", rag="green")
    going = Action.objects.create(plan=plan, priority=homes, reference="3.4", title="Train staff")
    ProgressUpdate.objects.create(
        action=going, reported_on=LONG_AGO, narrative="Half way.", rag="amber"
    )
    found = dict(links(board_member.get("/dashboard/").content))
    assert "1 Green actions in Priority 3: Stable homes" in found
    assert "1 Amber actions in Priority 3: Stable homes" in found
    assert "1 overdue in Priority 3: Stable homes" in found
    assert "All 4 actions for Priority 3: Stable homes in the tracker" in found
