"""Tiny synthetic governance data: a 2014-16 plan with scrutiny recommendations (seed 003's
shape), a 2022-25 plan with a themed meeting, and helpers to read the files reports make."""

from __future__ import annotations

import datetime
import re
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from careboard.accounts.models import Role, User
from careboard.governance.agenda import build_agenda
from careboard.governance.models import Decision, Meeting, Participant
from careboard.indicators.models import CatalogueEntry, ValueSource
from careboard.indicators.records import NewValue, enter_value, set_target
from careboard.strategy.models import Action, Plan, Priority
from careboard.strategy.rag import Rag
from careboard.voice.models import About, Feedback
from tests.strategy.factories import make_action, make_plan, make_priority, make_user, report

MARCH_2016 = datetime.date(2016, 3, 1)
RECOMMENDATION = Action.Kind.RECOMMENDATION


@dataclass
class ScrutinyPlan:
    plan: Plan
    next_plan: Plan


@pytest.fixture
def scrutiny_plan(db: None) -> ScrutinyPlan:
    """Three objectives; recommendations rated Green, Amber or not at all.

    Objective 1: R1 Green, R3 Amber.  Objective 2: no recommendations.
    Objective 5: R7 and R10 Green with one shared narrative, R12 Green in 2015 then Amber in
    2016 (the newest rating counts), R5 never reported, R8 reported without a rating.
    Expected counts: Green 3, Amber 2, Red 0, no progress reported 2; carried forward: 3, 12.
    """
    plan = make_plan("cpp-2014-16", title="Corporate Parenting Action Plan 2014-16")
    listen = make_priority(plan, 1, "Listen to children and young people")
    make_priority(plan, 2, "Support corporate parents")
    safe = make_priority(plan, 5, "Staying safe")

    def recommendation(reference: str, title: str, objective: Priority) -> Action:
        return make_action(plan, reference, title, objective, kind=RECOMMENDATION)

    r1 = recommendation("R1", "Raise the aspirations of children looked after", listen)
    r3 = recommendation("R3", "Offer work placements to care leavers", listen)
    r5 = recommendation("R5", "Review respite for foster carers", safe)
    r7 = recommendation("R7", "Explain financial settlements to young people", safe)
    r8 = recommendation("R8", "Publish the independent visitor offer", safe)
    r10 = recommendation("R10", "Support young people after their 18th birthday", safe)
    r12 = recommendation("R12", "Young people understand their pathway plan", safe)
    red_action = make_action(plan, "5.1", "An ordinary action, not a recommendation", safe)

    report(r1, Rag.GREEN, MARCH_2016, "The care council helps recruit social workers.")
    report(r3, Rag.AMBER, MARCH_2016, "More apprenticeships are planned for next year.")
    shared = "The staying put policy and the financial guide were rewritten for young people."
    report(r7, Rag.GREEN, MARCH_2016, shared)
    report(r10, Rag.GREEN, MARCH_2016, shared)
    report(r8, None, MARCH_2016, "Discussed; no rating given.")
    report(r12, Rag.GREEN, datetime.date(2015, 1, 5), "Early view, later revised.")
    report(r12, Rag.AMBER, MARCH_2016, "Pathway plan quality is still variable.")
    report(red_action, Rag.RED, MARCH_2016, "Not started.")
    assert r5.updates.count() == 0

    next_plan = make_plan(
        "cpp-2016-18",
        title="Corporate Parenting Action Plan 2016-18",
        short_title="Action plan 2016-18",
        starts_on=datetime.date(2016, 4, 1),
        ends_on=datetime.date(2018, 3, 31),
        previous_plan=plan,
    )
    make_action(next_plan, "R12", r12.title, kind=RECOMMENDATION, carried_from=r12)
    return ScrutinyPlan(plan, next_plan)


@dataclass
class ThemedMeeting:
    plan: Plan
    homes: Priority
    meeting: Meeting
    previous: Meeting
    following: Meeting


JUNE_MEETING = datetime.date(2026, 6, 10)


def _feedback(about: str, status: str, on: datetime.date, text: str) -> Feedback:
    item = Feedback.objects.create(about=about, status=status, whats_not_good=text)
    moment = timezone.make_aware(datetime.datetime.combine(on, datetime.time(12)))
    Feedback.objects.filter(pk=item.pk).update(created_at=moment)
    return item


@pytest.fixture
def themed_meeting(db: None) -> ThemedMeeting:
    """The June 2026 meeting, themed on Priority 3 (homes), between March and September.

    Priority 3's actions on 10 June: 3.1 overdue (due 1 May, never rated); 3.2 due 1 August
    and updated in April (due before September, changed since March); 3.3 Green (complete);
    3.4 due in December, updated in May (changed only). 1.1 belongs to another priority.
    """
    plan = make_plan(
        "strategy-2022-25",
        title="Children Looked After and Care Leavers Strategy 2022-2025",
        starts_on=datetime.date(2022, 4, 1),
        ends_on=datetime.date(2027, 3, 31),
        section_label="Priority",
    )
    health = make_priority(plan, 1, "Emotional and physical health and wellbeing")
    make_priority(plan, 2, "Independence and transition to adulthood")
    homes = make_priority(plan, 3, "Positive lived experiences")
    owner = make_user("olive", Role.ACTION_OWNER, email="olive@example.org")

    def action(reference: str, priority: Priority, due: datetime.date) -> Action:
        return make_action(
            plan, reference, f"Action {reference}", priority, owner=owner, due_on=due
        )

    action("3.1", homes, datetime.date(2026, 5, 1))
    a32 = action("3.2", homes, datetime.date(2026, 8, 1))
    a33 = action("3.3", homes, datetime.date(2026, 2, 1))
    a34 = action("3.4", homes, datetime.date(2026, 12, 1))
    action("1.1", health, datetime.date(2026, 5, 1))
    report(a32, Rag.AMBER, datetime.date(2026, 4, 20), "Recruitment campaign launched.")
    report(a33, Rag.GREEN, datetime.date(2026, 1, 10), "New homes opened.")
    report(a34, Rag.AMBER, datetime.date(2026, 5, 5), "Consultant appointed.")

    previous = Meeting.objects.create(date=datetime.date(2026, 3, 11), plan=plan, theme=health)
    meeting = Meeting.objects.create(date=JUNE_MEETING, plan=plan, theme=homes, venue="Town Hall")
    following = Meeting.objects.create(date=datetime.date(2026, 9, 9), plan=plan)
    build_agenda(meeting)
    Participant.objects.create(
        meeting=meeting, name="Cllr Ann Example", kind=Participant.Kind.MEMBER, role="Chair"
    )
    Participant.objects.create(
        meeting=meeting,
        name="Sam Example",
        kind=Participant.Kind.CARE_COUNCIL,
        attendance=Participant.Attendance.APOLOGIES,
    )
    Decision.objects.create(meeting=meeting, order=1, text="Note the fostering recruitment plan")
    Decision.objects.create(
        meeting=meeting, order=2, text="Agree the minutes", status=Decision.Status.AGREED
    )

    triaged = Feedback.Status.TRIAGED
    for _ in range(3):
        _feedback(About.HOMES, triaged, datetime.date(2026, 5, 2), "SECRET my carer shouts")
    _feedback(About.EDUCATION, Feedback.Status.RESPONDED, datetime.date(2026, 4, 1), "SECRET")
    _feedback(About.HOMES, Feedback.Status.NEW, datetime.date(2026, 5, 3), "SECRET untriaged")
    _feedback(About.HEALTH, triaged, datetime.date(2026, 2, 1), "SECRET before the window")
    return ThemedMeeting(plan, homes, meeting, previous, following)


@dataclass
class MeetingIndicators:
    foster: CatalogueEntry
    custody: CatalogueEntry


def _entry(plan: Plan, priority: Priority, order: int, code: str, **fields: str) -> CatalogueEntry:
    return CatalogueEntry.objects.create(
        plan=plan,
        priority=priority,
        order=order,
        code=code,
        strategy_wording=fields.pop("wording"),
        source="manual",
        period="As reported locally",
        **fields,
    )


@pytest.fixture
def meeting_indicators(themed_meeting: ThemedMeeting) -> MeetingIndicators:
    """Two indicators of the 2022-25 plan, with figures up to 2025-26 (the June 2026 meeting).

    Priority 3: "Children placed in foster care" (%, higher is better), 60% of 50 children
    in 2021-22 rising to 70% of 60 in 2024-25, against a target of 68% (tolerance 2): Green.
    In 2025-26 a new local group of 7 children: 3 of 7 = 42.857...%, staff see "42.9%";
    disclosure control withholds it in a public pack (fewer than 10 children).
    Priority 1: "Young people in custody" (count, lower is better): 4 in 2025-26, a count
    of 1 to 5, withheld as "c" in public.
    """
    plan = themed_meeting.plan
    health = plan.priorities.get(number=1)
    foster = _entry(
        plan,
        themed_meeting.homes,
        1,
        "foster_local_pct",
        wording="Children placed in foster care",
        unit="%",
        polarity="higher",
    )
    custody = _entry(
        plan,
        health,
        2,
        "custody_count",
        wording="Young people in custody",
        unit="count",
        polarity="lower",
    )
    figures = {2022: (30, 50), 2023: (31, 50), 2024: (39, 60), 2025: (42, 60), 2026: (3, 7)}
    for year, (numerator, denominator) in figures.items():
        set_target(foster, year, 68.0, 2.0, reason="Fostering plan", by="test", refresh=False)
        enter_value(
            foster,
            year,
            NewValue(100 * numerator / denominator, numerator, denominator),
            source=ValueSource.MANUAL,
            by="test",
        )
    enter_value(custody, 2026, NewValue(4.0), source=ValueSource.MANUAL, by="test")
    return MeetingIndicators(foster, custody)


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


# --- Reading the files reports make ------------------------------------------------------


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_info(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in out.splitlines())
    }


def style_of(paragraph: Any) -> str:
    """A python-docx paragraph's style name ("Heading 1", "Normal", ...)."""
    return paragraph.style.name if paragraph.style is not None else ""


def docx_headings(document: Any) -> list[tuple[str, str]]:
    """(style, text) of every title and heading paragraph, in order."""
    return [
        (style_of(p), p.text)
        for p in document.paragraphs
        if style_of(p).startswith(("Heading", "Title"))
    ]


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF's bytes with every compressed stream inflated (object streams included)."""
    inflated = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            inflated.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(inflated)


def prose(html: str) -> str:
    """Headings, paragraphs and list items, each ending a sentence (as the public pages'
    readability test reads them)."""
    main = html.split("<main>", 1)[1].split("</main>", 1)[0]
    blocks = re.findall(r"<(h[1-3]|p|li)\b[^>]*>(.*?)</\1>", main, flags=re.S)
    sentences = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", b)).strip() for _, b in blocks]
    return " ".join(s if s.endswith((".", "?", "!")) else s + "." for s in sentences if s)
