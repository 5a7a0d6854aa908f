"""The 2022-25 strategy as seeds 000 and 001 give it."""

from __future__ import annotations

from careboard.demo.data.strategy_2022_25 import SLUG
from careboard.demo.loader import LoadSummary
from careboard.indicators.models import CatalogueEntry
from careboard.strategy.models import Plan


def test_vision_priorities_principles_and_governance(demo: LoadSummary) -> None:
    plan = Plan.objects.get(slug=SLUG)
    assert plan.vision.startswith("To ensure children looked after and care leavers are valued")
    assert "voice of the child" in plan.underpinning_principle
    assert list(plan.priorities.values_list("number", "title")) == [
        (1, "Emotional and physical health and wellbeing"),
        (2, "Independence and transition to adulthood"),
        (3, "Positive Lived Experiences"),
        (4, "Education and employment"),
    ]
    assert all(p.child_friendly and p.progress_narrative for p in plan.priorities.all())
    assert plan.principles.count() == 7  # seed 001, paragraph 3.1
    assert list(plan.governance.values_list("name", flat=True)) == [
        "Partnership for Children, Young People and Families",
        "Children, Young People and Education Committee",
        "Corporate Parenting Board",
        "Corporate Parenting Operational Group",
    ]
    board = plan.governance.get(name="Corporate Parenting Board")
    assert "Care Leavers Council" in board.members
    assert "Head of Permanence" in plan.governance.get(order=4).role


def test_measuring_success_list_by_section(demo: LoadSummary) -> None:
    entries = CatalogueEntry.objects.filter(plan__slug=SLUG)
    by_section: dict[int, int] = {}
    for entry in entries.select_related("priority"):
        section = entry.priority.number if entry.priority else 0
        by_section[section] = by_section.get(section, 0) + 1
    # Seed 000 lists 8 vision lines (one, "Number of care leavers", split into 17-18 and
    # 19-21 here), then 9, 7, 13 and 14 lines under priorities 1 to 4.
    assert by_section == {0: 9, 1: 9, 2: 7, 3: 13, 4: 14}
    assert entries.count() == 52


def test_903_codes_are_computed_and_the_rest_entered_by_hand(demo: LoadSummary) -> None:
    from_903 = set(
        CatalogueEntry.objects.filter(plan__slug=SLUG, source="ssda903").values_list(
            "code", flat=True
        )
    )
    assert from_903 == {
        "cla_count_31mar",
        "cla_starters",
        "ceased_adopted_pct",
        "foster_placement_pct",
        "placed_outside_la_pct",
        "care_leavers_19_21_count",
        "care_leavers_17_18_count",
        "oc2_sdq_completed_pct",
        "oc2_health_assessment_pct",
        "oc2_dental_check_pct",
        "care_leavers_19_21_in_touch_pct",
        "sw_changes_2plus_pct",
        "placement_moves_2plus_2yr_pct",
        "adoption_a2_days",
        "adoption_a10_days",
        "adoption_a20_days",
        "long_term_foster_pct",
        "care_leavers_17_18_suitable_accom_pct",
        "care_leavers_19_21_suitable_accom_pct",
        "care_leavers_17_18_eet_pct",
        "care_leavers_19_21_eet_pct",
        "care_leavers_19_21_higher_education_pct",
        "care_leavers_apprenticeship_count",
    }
    in_touch = CatalogueEntry.objects.get(code="care_leavers_19_21_in_touch_pct")
    assert in_touch.strategy_wording == "% Percentage of Care Leavers in Touch Every 8 Weeks"
    assert "Proxy" in in_touch.note
    assert CatalogueEntry.objects.get(code="persistent_absence_pct").polarity == "lower"
    assert CatalogueEntry.objects.get(code="cla_count_31mar").polarity == "contextual"


def test_illustrative_actions_are_labelled_and_some_are_overdue(demo: LoadSummary) -> None:
    plan = Plan.objects.get(slug=SLUG)
    actions = list(plan.actions.with_status())
    assert actions
    assert all(a.source.startswith("Illustrative") for a in actions)
    assert {a.priority.number for a in actions if a.priority} == {1, 2, 3, 4}
    statuses = {a.status for a in actions}
    assert statuses == {"green", "amber", "red", "none"}
    # Not completed and due before the strategy ended (31 March 2025): overdue.
    overdue = sorted(
        a.reference for a in actions if a.status != "green" and a.due_on and a.due_on < plan.ends_on
    )
    assert overdue == ["1.2", "1.3", "2.2", "2.3", "3.1", "4.2"]
