"""The 2014-16 action plan (seed 004) and the 2016 final scrutiny report's RAG (seed 003)."""

from __future__ import annotations

from datetime import date

from careboard.demo.data.action_plan_2014_16 import SLUG as PLAN_2014_16
from careboard.demo.data.scrutiny_report_2016 import NEXT_PLAN
from careboard.demo.loader import LoadSummary
from careboard.strategy.models import Action, Plan, ProgressUpdate

# Read from seed 003, Appendix 1: "Progress against Recommendation(s) ...: Green/Amber".
REPORTED_IN_003 = {
    1: "green",
    2: "green",
    4: "green",
    6: "green",
    9: "green",
    7: "green",
    10: "green",
    11: "green",
    12: "amber",
    23: "green",
    24: "green",
    25: "green",
    3: "green",
    18: "green",
    19: "green",
    20: "green",
    21: "green",
    13: "amber",
    15: "amber",
    17: "amber",
}
# Cited in seed 004 but never reported on in seed 003.
NOT_REPORTED_IN_003 = {5, 8, 14, 16, 22}


def _recommendations() -> dict[int, Action]:
    items = Action.objects.filter(plan__slug=PLAN_2014_16, kind="recommendation").with_status()
    return {int(item.reference.removeprefix("R")): item for item in items}


def test_six_objectives_in_the_plans_order(demo: LoadSummary) -> None:
    plan = Plan.objects.get(slug=PLAN_2014_16)
    assert plan.section_label == "Objective"
    assert [p.title for p in plan.priorities.all()] == [
        "Listen to children and young people and demonstrate that we have taken action to respond",
        "Actions to support corporate parents in carrying out their responsibilities",
        "Actions to engage the rest of the Council in corporate parenting",
        "Being Healthy",
        "Staying Safe",
        "Enjoying and Achieving Economic Wellbeing",
    ]


def test_every_rag_is_exactly_what_003_reports(demo: LoadSummary) -> None:
    recommendations = _recommendations()
    assert set(recommendations) == set(range(1, 26))
    assert {n: r.status for n, r in recommendations.items() if n in REPORTED_IN_003} == (
        REPORTED_IN_003
    )
    for number in NOT_REPORTED_IN_003:
        assert recommendations[number].status == "none"
        assert not recommendations[number].updates.exists()
    assert not ProgressUpdate.objects.filter(rag="red", action__plan__slug=PLAN_2014_16)


def test_003_updates_are_dated_and_attributed_to_the_report(demo: LoadSummary) -> None:
    update = _recommendations()[12].updates.get()
    assert update.reported_on == date(2016, 3, 1)
    assert update.reported_by == (
        "Director of Children's Services, final progress report to scrutiny committee"
    )
    assert update.author is None


def test_recommendations_sit_under_004s_objectives_and_link_to_actions(
    demo: LoadSummary,
) -> None:
    recommendations = _recommendations()
    objective = {n: r.priority.number for n, r in recommendations.items() if r.priority}
    assert objective[1] == objective[8] == 1
    assert objective[22] == 4  # Being Healthy in 004; seed 003 says Objective 4 has none
    assert {n for n, o in objective.items() if o == 5} == {2, 4, 5, 6, 7, 9, 10, 11, 12, 23, 24, 25}
    assert {n for n, o in objective.items() if o == 6} == {3, 13, 14, 15, 16, 17, 18, 19, 20, 21}

    def addressed_by(number: int) -> list[str]:
        return sorted(recommendations[number].addressed_by.values_list("reference", flat=True))

    assert addressed_by(1) == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"]
    assert addressed_by(23) == addressed_by(25) == ["5.19", "5.20", "5.21"]
    assert addressed_by(21) == ["6.1", "6.15"]
    assert addressed_by(22) == ["4.1", "4.2", "4.3"]


def test_actions_keep_timescale_and_due_date(demo: LoadSummary) -> None:
    plan = Plan.objects.get(slug=PLAN_2014_16)
    first = plan.actions.get(reference="1.1")
    assert (first.timescale, first.due_on) == ("June 2014 and annually", date(2014, 6, 30))
    ongoing = plan.actions.get(reference="4.1")
    assert (ongoing.timescale, ongoing.due_on) == ("Ongoing", None)


def test_004_progress_to_date_has_no_rag(demo: LoadSummary) -> None:
    updates = ProgressUpdate.objects.filter(action__plan__slug=PLAN_2014_16, action__kind="action")
    assert sorted(updates.values_list("action__reference", flat=True)) == [
        "4.1",
        "4.2",
        "4.3",
        "5.19",
        "5.20",
    ]
    assert set(updates.values_list("rag", flat=True)) == {None}


def test_amber_recommendations_are_carried_into_2016_18(demo: LoadSummary) -> None:
    plan = Plan.objects.get(slug=NEXT_PLAN.slug)
    assert plan.previous_plan is not None
    assert plan.previous_plan.slug == PLAN_2014_16
    carried = {a.reference: a for a in plan.actions.select_related("carried_from__plan")}
    assert sorted(carried) == ["R12", "R13", "R15", "R17"]
    for reference, item in carried.items():
        assert item.carried_from is not None
        assert (item.carried_from.plan.slug, item.carried_from.reference) == (
            PLAN_2014_16,
            reference,
        )
        assert item.carried_from.carried_into == item
        assert [u.rag for u in item.history()] == ["amber"]
