"""The final progress report to the scrutiny committee on the 2013 recommendations (seed 003).

RAG is exactly as the report states it; the narratives are paraphrased. Recommendations the
report never mentions (5, 8, 14, 16, 22) get no update at all, so they show "No progress
reported". The report is undated; REPORTED_ON is explained in docs/data-notes.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careboard.demo.data.records import PlanRecord

REPORTED_ON = date(2016, 3, 1)
REPORTED_BY = "Director of Children's Services, final progress report to scrutiny committee"

GREEN, AMBER = "green", "amber"


@dataclass(frozen=True)
class ReportedStatus:
    numbers: tuple[int, ...]
    rag: str
    narrative: str


_HOUSING = (
    "Housing and children's services reviewed supported living together, reshaped it and "
    "created smaller 24-hour staffed homes for care leavers and homeless 16-17 year olds. An "
    "independent review (September 2015) on widening accommodation options led to a simpler "
    "placement request process in Liquid Logic and more commissioning capacity. Care leavers "
    "now visit supported living providers; the group had a report on this in January 2016."
)
_EMPLOYMENT = (
    "Personal coaches helped lift the share of care leavers in education, employment or "
    "training at 19 from 37% to 68% over four years; 9 care leavers took ring-fenced Wirral "
    "Apprentice places and 16 have used Get Real. Plans for more internal apprenticeships and "
    "work experience went to the group in December 2015."
)
_EDUCATION = (
    "Education Progress Officers now sit with the CLA teams and PEPs are completed in Liquid "
    "Logic, with designated teachers due to get access from April 2016. Still to do, and "
    "carried into the next plan: officers tracking pupil progress rather than quality-checking "
    "PEPs, tracking Pupil Premium use, an overall review of whether the Personal Education "
    "Allowance makes a difference, and closer links between the new CLA teams and schools."
)

STATUSES: tuple[ReportedStatus, ...] = (
    ReportedStatus(
        (1,),
        GREEN,
        "The Children in Care Council was trained in recruitment and now helps "
        "appoint social workers and managers, up to Head of Service; it has worked "
        "on care plans, a life skills programme, foster carer recruitment and a "
        "complaints tutorial. The Right Side of Care website launched in February "
        "2015, the Wirral Promise was refreshed and re-signed, and a local "
        "university hosts visits for children looked after.",
    ),
    ReportedStatus(
        (2,),
        GREEN,
        "Foster carer payments now depend on attending training and continuing "
        "professional development; supervision file audits continue and may "
        "include training attendance.",
    ),
    ReportedStatus(
        (4,),
        GREEN,
        "Peer support and annual reviews of carers' support are in place, with "
        "groups for connected carers, teenage carers and carers' own children, a "
        "weekly drop-in and a quarterly newsletter.",
    ),
    ReportedStatus(
        (6, 9),
        GREEN,
        "Since June 2015 the Pathway Team is part of four new Children Looked After "
        "teams, so young people no longer change team and social worker at 16, as "
        "they had asked.",
    ),
    ReportedStatus(
        (7, 10, 11),
        GREEN,
        "Staying Put policy and procedures were updated and more young people stay "
        "with their foster carers after 18; payment changes are planned for 2016. "
        "The care leavers' financial policy and the foster carer payments guide "
        "were revised, with child-friendly versions, to be reviewed every year.",
    ),
    ReportedStatus(
        (12,),
        AMBER,
        "Workshops helped the CLA teams write more outcome-focused pathway plans, "
        "but quality still varies. Service and team development plans and interim "
        "social work capacity are in place; pathway planning, care leaver "
        "performance reporting and Personal Adviser capacity continue as ongoing "
        "work.",
    ),
    ReportedStatus((23, 24, 25), GREEN, _HOUSING),
    ReportedStatus((3, 18, 19, 20, 21), GREEN, _EMPLOYMENT),
    ReportedStatus((13, 15, 17), AMBER, _EDUCATION),
)

# The RAG the report gives each recommendation it mentions, by number.
RAG_BY_NUMBER: dict[int, str] = {
    number: status.rag for status in STATUSES for number in status.numbers
}

# The plan the Amber recommendations were carried into (named in seed 003; its contents
# are not in the seeds).
NEXT_PLAN = PlanRecord(
    slug="corporate-parenting-action-plan-2016-18",
    title="Corporate Parenting Group Strategy Action Plan 2016-18",
    short_title="Corporate Parenting Action Plan 2016-18",
    starts_on=date(2016, 4, 1),
    ends_on=date(2018, 3, 31),
    status="closed",
    section_label="Objective",
    source=(
        "Named in the final progress report to scrutiny (seed 003) as the plan that takes "
        "the Amber recommendations; the seeds do not include the plan itself"
    ),
    summary=(
        "Only the items carried forward from 2014-16 are known from the seeds. The demo "
        "reuses the 2014-16 objectives so each carried item keeps its objective."
    ),
    previous_plan_slug="corporate-parenting-strategy-2014-16",
)
