"""A fictional forward plan for the demo: the 2023-24 board year of the 2022-25 strategy,
one meeting per priority (seed 001: each meeting themed on a priority), with people,
apologies and decisions. Names are invented. Safe to run twice: meetings are matched by
plan and date.

The demo loader (careboard/demo/loader.py) calls this for the 2022-25 strategy; so does the
board pack benchmark.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from careboard.governance.agenda import build_agenda
from careboard.governance.models import Decision, Meeting, Participant
from careboard.strategy.models import Plan

MEETING_DATES = (
    datetime.date(2023, 6, 13),
    datetime.date(2023, 9, 12),
    datetime.date(2023, 12, 12),
    datetime.date(2024, 3, 12),
)

Kind = Participant.Kind
PEOPLE = (
    ("Cllr Alex Example", "Chair, Lead Member for Children's Services", Kind.MEMBER),
    ("Cllr Bea Sample", "Elected member", Kind.MEMBER),
    ("Cllr Cal Demo", "Elected member", Kind.MEMBER),
    ("Dana Officer", "Director of Children, Families and Education", Kind.OFFICER),
    ("Eli Officer", "Head of Permanence", Kind.OFFICER),
    ("Fay Officer", "Virtual School Head", Kind.OFFICER),
    ("Gus Partner", "Designated Nurse, NHS", Kind.PARTNER),
    ("Hal Partner", "Police partnership lead", Kind.PARTNER),
    ("Children Looked After Council representative", "", Kind.CARE_COUNCIL),
    ("Care Leavers Council representative", "", Kind.CARE_COUNCIL),
)


@transaction.atomic
def create_demo_meetings(plan: Plan) -> list[Meeting]:
    priorities = list(plan.priorities.order_by("number"))
    meetings = []
    for index, date in enumerate(MEETING_DATES):
        theme = priorities[index % len(priorities)] if priorities else None
        meeting, created = Meeting.objects.get_or_create(
            plan=plan,
            date=date,
            defaults={"theme": theme, "venue": "Committee Room 1, Town Hall"},
        )
        meetings.append(meeting)
        if not created:
            continue
        build_agenda(meeting)
        for number, (name, role, kind) in enumerate(PEOPLE):
            apologies = number == (index + 1) % len(PEOPLE)  # one apology per meeting
            Participant.objects.create(
                meeting=meeting,
                name=name,
                role=role,
                kind=kind,
                attendance=Participant.Attendance.APOLOGIES
                if apologies
                else Participant.Attendance.PRESENT,
            )
        title = theme.title if theme else "the strategy"
        Decision.objects.create(
            meeting=meeting, order=1, text=f"Note the progress report on {title}"
        )
        Decision.objects.create(
            meeting=meeting,
            order=2,
            text="Agree the actions the care councils asked for in their verdict",
        )
    return meetings
