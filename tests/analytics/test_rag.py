"""RAG judgements and their sentences (architecture.md section 4), one test per branch."""

import pytest

from careboard.analytics.rag import (
    Benchmarks,
    Previous,
    Status,
    Target,
    Targets,
    judge,
    status_of,
)

ENGLAND_81 = Benchmarks(england=81, neighbours=78, quartile="C")


def test_red_with_trend_england_neighbours_and_quartile() -> None:
    # the example in architecture.md: 71% against 80% with tolerance 5 is 9 points short
    judgement = judge(
        71,
        year=2025,
        unit="percent",
        polarity="higher",
        target=Target(80, 5),
        previous=Previous(2024, 75),
        benchmarks=ENGLAND_81,
    )
    assert judgement.status is Status.RED
    assert judgement.sentence == (
        "Red: 71% is 9 points below the 80% target (tolerance 5); down 4 points on 2024; "
        "England 81%; statistical neighbours 78%; quartile C, the third quarter of councils."
    )
    assert not judgement.overridden


def test_amber_within_the_tolerance() -> None:
    judgement = judge(
        77, year=2025, unit="percent", polarity="higher", target=Target(80, 5),
        previous=Previous(2024, 77), benchmarks=Benchmarks(england=81),
    )  # fmt: skip
    assert judgement.status is Status.AMBER
    assert judgement.sentence == (
        "Amber: 77% is 3 points below the 80% target, within the tolerance of 5; "
        "the same as 2024; England 81%."
    )


def test_green_above_the_target() -> None:
    judgement = judge(
        82, year=2025, unit="percent", polarity="higher", target=Target(80, 5),
        previous=Previous(2024, 81), benchmarks=Benchmarks(england=81, quartile="A"),
    )  # fmt: skip
    assert judgement.status is Status.GREEN
    assert judgement.sentence == (
        "Green: 82% is 2 points above the 80% target; up 1 point on 2024; England 81%; "
        "quartile A, the best quarter of councils."
    )


def test_green_exactly_on_target() -> None:
    judgement = judge(80, year=2025, unit="percent", polarity="higher", target=Target(80, 5))
    assert judgement.sentence == "Green: 80% meets the 80% target; no England figure."


def test_lower_is_better_in_days() -> None:
    # adoption A1: 480 days against a 426-day target, tolerance 30 -> 54 days too long: Red
    judgement = judge(
        480, year=2025, unit="days", polarity="lower", target=Target(426, 30),
        previous=Previous(2024, 500),
    )  # fmt: skip
    assert judgement.status is Status.RED
    assert judgement.sentence == (
        "Red: 480 days is 54 days above the 426-day target (tolerance 30); "
        "down 20 days on 2024; no England figure."
    )


def test_lower_is_better_below_target_is_green() -> None:
    judgement = judge(
        9, year=2025, unit="percent", polarity="lower", target=Target(10, 1),
        benchmarks=Benchmarks(england=10, neighbours=10.4, quartile="B"),
    )  # fmt: skip
    assert judgement.status is Status.GREEN
    assert judgement.sentence == (
        "Green: 9% is 1 point below the 10% target; England 10%; statistical neighbours "
        "10.4%; quartile B, the second quarter of councils."
    )


def test_a_score_with_decimals_and_red_without_tolerance() -> None:
    # SDQ average, lower is better: 15.2 against 14.9 with no tolerance
    judgement = judge(
        15.2, year=2025, unit="score", polarity="lower", target=Target(14.9),
        previous=Previous(2024, 14.4), benchmarks=Benchmarks(england=14.9),
    )  # fmt: skip
    assert judgement.status is Status.RED
    assert judgement.sentence == (
        "Red: 15.2 is 0.3 above the 14.9 target; up 0.8 on 2024; England 14.9."
    )


def test_a_count_with_thousands() -> None:
    judgement = judge(
        1250, year=2025, unit="count", polarity="higher", target=Target(1200, 50),
        previous=Previous(2024, 1180), benchmarks=Benchmarks(england=81770),
    )  # fmt: skip
    assert judgement.sentence == (
        "Green: 1,250 is 50 above the 1,200 target; up 70 on 2024; England 81,770."
    )


def test_contextual_indicator_has_no_rag_only_trend_and_benchmarks() -> None:
    judgement = judge(
        681, year=2025, unit="count", polarity="contextual", target=Target(700, 10),
        previous=Previous(2024, 766), benchmarks=Benchmarks(england=81770, quartile="A"),
    )  # fmt: skip
    assert judgement.status is None
    assert judgement.sentence == (
        "No RAG status (contextual indicator): 681; down 85 on 2024; England 81,770."
    )


def test_no_target_set() -> None:
    judgement = judge(
        57, year=2025, unit="percent", polarity="higher", target=None,
        previous=Previous(2024, 56), benchmarks=Benchmarks(england=54, neighbours=51.3),
    )  # fmt: skip
    assert judgement.status is None
    assert judgement.sentence == (
        "No target set: 57%; up 1 point on 2024; England 54%; statistical neighbours 51.3%."
    )


def test_missing_value_and_missing_previous_value() -> None:
    missing = judge(None, year=2025, unit="percent", polarity="higher", target=Target(80))
    assert missing.status is None
    assert missing.sentence == "No figure for 2025, so no RAG status; no England figure."
    no_previous = judge(
        70, year=2025, unit="percent", polarity="higher", target=Target(60),
        previous=Previous(2024, None),
    )  # fmt: skip
    assert no_previous.sentence == (
        "Green: 70% is 10 points above the 60% target; no figure for 2024; no England figure."
    )


def test_suppressed_value_shows_neither_value_trend_nor_quartile() -> None:
    judgement = judge(
        40, year=2025, unit="percent", polarity="higher", target=Target(80, 5),
        previous=Previous(2024, 50), benchmarks=Benchmarks(england=81, quartile="D"),
        suppressed=True,
    )  # fmt: skip
    assert judgement.status is None
    assert judgement.sentence == (
        "Not shown: too few children are counted to publish this figure safely, so it has "
        "no RAG status; England 81%."
    )
    assert "40" not in judgement.sentence


def test_override_needs_a_reason_and_says_so() -> None:
    judgement = judge(
        71, year=2025, unit="percent", polarity="higher", target=Target(80, 5),
        benchmarks=Benchmarks(england=81),
        override=Status.AMBER, override_reason="  12 late health checks  confirmed done ",
    )  # fmt: skip
    assert judgement.status is Status.AMBER
    assert judgement.calculated is Status.RED
    assert judgement.overridden
    assert judgement.override_reason == "12 late health checks confirmed done"
    assert judgement.sentence == (
        "Amber (set by hand: 12 late health checks confirmed done; calculated Red). "
        "Red: 71% is 9 points below the 80% target (tolerance 5); England 81%."
    )


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_override_without_a_reason_is_refused(reason: str | None) -> None:
    with pytest.raises(ValueError, match="needs a reason"):
        judge(
            71, year=2025, unit="percent", polarity="higher", target=Target(80, 5),
            override=Status.GREEN, override_reason=reason,
        )  # fmt: skip


def test_override_of_a_contextual_indicator_is_refused() -> None:
    with pytest.raises(ValueError, match="contextual"):
        judge(
            681, year=2025, unit="count", polarity="contextual", target=None,
            override=Status.GREEN, override_reason="board decision",
        )  # fmt: skip


def test_a_reason_without_an_override_is_refused() -> None:
    with pytest.raises(ValueError, match="no status to set"):
        judge(71, year=2025, unit="percent", polarity="higher", target=None, override_reason="x")


@pytest.mark.parametrize(
    ("value", "polarity", "status"),
    [
        (80, "higher", Status.GREEN),
        (75, "higher", Status.AMBER),  # exactly at the edge of the tolerance
        (74.9, "higher", Status.RED),
        (80, "lower", Status.GREEN),
        (85, "lower", Status.AMBER),
        (85.1, "lower", Status.RED),
    ],
)
def test_band_edges(value: float, polarity: str, status: Status) -> None:
    assert status_of(value, Target(80, 5), polarity) is status


def test_targets_by_indicator_and_year() -> None:
    targets = Targets()
    targets.set("oc2_dental_check_pct", 2025, 85, tolerance=5)
    assert targets.get("oc2_dental_check_pct", 2025) == Target(85, 5)
    assert targets.get("oc2_dental_check_pct", 2024) is None


def test_bad_inputs_are_refused() -> None:
    with pytest.raises(ValueError, match="tolerance cannot be negative"):
        Target(80, -1)
    with pytest.raises(ValueError, match="unknown unit"):
        judge(1, year=2025, unit="pounds", polarity="higher", target=None)
    with pytest.raises(ValueError, match="unknown polarity"):
        judge(1, year=2025, unit="count", polarity="up", target=None)
