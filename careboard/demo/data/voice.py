"""Fictional voice-of-the-child demo data: feedback, one consultation, verdicts, answers.

Nothing here was said by a real young person. The consultation follows the one the care
councils ran on the 2022-25 priorities (seed 001, 3.6: shared with the board on 11 January
2022; it led to the priorities being reworded); its answer counts are invented.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class FeedbackRecord(NamedTuple):
    number: int
    received: dt.datetime
    about: str
    good: str
    not_good: str
    ideas: str
    age_band: str
    status: str
    theme: str = ""
    sentiment: str = ""
    contact_how: str = ""


def _at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day + "T16:30:00+00:00")


FEEDBACK: tuple[FeedbackRecord, ...] = (
    FeedbackRecord(
        1,
        _at("2024-01-15"),
        "health",
        "My gym and swim pass is the best thing, I go three times a week",
        "Waited months to talk to someone about my feelings",
        "",
        "16_17",
        "triaged",
        "Waiting for emotional support",
        "mixed",
    ),
    FeedbackRecord(
        2,
        _at("2024-01-22"),
        "independence",
        "The cooking session at the hub was fun",
        "",
        "More sessions about money and paying bills",
        "18_21",
        "responded",
        "Life skills",
        "positive",
    ),
    FeedbackRecord(
        3,
        _at("2024-02-03"),
        "homes",
        "",
        "I moved three times this year and had to change school again",
        "",
        "11_15",
        "triaged",
        "Placement moves",
        "negative",
    ),
    FeedbackRecord(
        4,
        _at("2024-02-10"),
        "homes",
        "My foster carer helps me with homework and makes me laugh",
        "",
        "",
        "11_15",
        "closed",
        "Good carers",
        "positive",
    ),
    FeedbackRecord(
        5,
        _at("2024-02-18"),
        "education",
        "",
        "",
        "Work experience at the council for care leavers",
        "18_21",
        "new",
    ),
    FeedbackRecord(
        6,
        _at("2024-02-26"),
        "other",
        "",
        "I don't feel safe walking home from college in the dark",
        "",
        "16_17",
        "triaged",
        "Feeling safe",
        "negative",
        "Through my personal adviser",
    ),
    FeedbackRecord(
        7,
        _at("2024-03-04"),
        "independence",
        "",
        "Nobody told me what happens when I turn 18",
        "A checklist for turning 18",
        "16_17",
        "new",
    ),
    FeedbackRecord(
        8,
        _at("2024-03-09"),
        "health",
        "The new crisis team came quickly when I needed them",
        "",
        "",
        "18_21",
        "triaged",
        "Mental health crisis support",
        "positive",
    ),
    FeedbackRecord(
        9,
        _at("2024-03-14"),
        "education",
        "",
        "My PEP meeting was moved three times",
        "",
        "11_15",
        "new",
    ),
    FeedbackRecord(
        10,
        _at("2024-03-20"),
        "homes",
        "",
        "",
        "More flats near the college for care leavers",
        "18_21",
        "triaged",
        "Homes for care leavers",
        "mixed",
    ),
    FeedbackRecord(
        11,
        _at("2024-03-25"),
        "health",
        "I like my dentist, she is kind",
        "",
        "",
        "under_11",
        "closed",
        "Health checks",
        "positive",
    ),
    FeedbackRecord(
        12,
        _at("2024-03-28"),
        "other",
        "",
        "Sometimes I think about running away from my placement",
        "",
        "11_15",
        "new",
    ),
)

CONSULTATION_SLUG = "priorities-2022"
CONSULTATION = {
    "title": "Our promises for 2022 to 2025: what matters most to you?",
    "purpose": "The care councils asked children in care and care leavers which promises "
    "matter most and whether the words are easy to understand.",
    "opens_on": dt.date(2021, 12, 1),
    "closes_on": dt.date(2022, 1, 7),
}
# (question, answers, invented count for each answer)
QUESTIONS: tuple[tuple[str, tuple[str, ...], tuple[int, ...]], ...] = (
    (
        "Which promise matters most to you?",
        (
            "Being happy and healthy",
            "Learning life skills and getting ready for 18",
            "Having a good home with the right people",
            "School, college and work",
        ),
        (14, 9, 17, 3),
    ),
    ("Are the promises easy to understand?", ("Yes", "A bit", "No"), (11, 20, 12)),
)


class VerdictRecord(NamedTuple):
    council: str
    heard_on: dt.date
    priority: int
    verdict: str
    said: str


VERDICTS: tuple[VerdictRecord, ...] = (
    VerdictRecord(
        "cla",
        dt.date(2022, 7, 12),
        1,
        "same",
        "Young people like the gym passes but say they wait too long for someone to talk to.",
    ),
    VerdictRecord(
        "cla",
        dt.date(2023, 7, 11),
        1,
        "better",
        "The crisis team is known and trusted; waiting times still worry some.",
    ),
    VerdictRecord(
        "care_leavers",
        dt.date(2022, 10, 4),
        2,
        "same",
        "Life skills sessions are good but not everyone knows about them.",
    ),
    VerdictRecord(
        "care_leavers",
        dt.date(2023, 10, 3),
        2,
        "better",
        "More young people have been to the hub; turning 18 still feels sudden.",
    ),
    VerdictRecord(
        "cla",
        dt.date(2023, 1, 17),
        3,
        "worse",
        "Several members moved home more than once this year.",
    ),
    VerdictRecord(
        "care_leavers", dt.date(2024, 1, 16), 3, "same", "Not enough flats near college or work."
    ),
    VerdictRecord(
        "cla", dt.date(2023, 4, 18), 4, "better", "PEPs feel more about what young people want."
    ),
    VerdictRecord(
        "care_leavers",
        dt.date(2024, 4, 16),
        4,
        "same",
        "Apprenticeships are good; more work experience is needed.",
    ),
)

# (priority number, you said, we did, published on; None = waiting for approval)
YOU_SAID_WE_DID: tuple[tuple[int, str, str, dt.date | None], ...] = (
    (
        2,
        "The words in our promises were hard to understand.",
        "The care councils helped us rewrite them in plain words before the board agreed them.",
        dt.date(2022, 3, 15),
    ),
    (
        1,
        "Keeping fit helps you feel better, but the gym costs too much.",
        "Care leavers can now get a free gym and swim pass.",
        dt.date(2022, 6, 1),
    ),
    (
        2,
        "You want to learn to cook, budget and pay bills before you leave care.",
        "The Care Leavers Hub runs SKILLZ sessions, and we tell carers and social workers about "
        "them so more of you can go.",
        dt.date(2023, 9, 1),
    ),
    (
        3,
        "There are not enough flats near college for care leavers.",
        "We are looking for new homes for care leavers with the housing team.",
        None,
    ),
)
