"""The August 2013 scrutiny review's recommendations, as the 2014-16 plan cites them.

The seeds never quote the recommendations themselves: seed 004 embeds each one as
"*(Recommendation N)" against an objective of its action plan, and seed 003 describes
what each one is about. The titles below paraphrase those. `objective` is the 2014-16
plan's objective (1-6, numbered as seed 003 numbers them) under which seed 004 puts it;
see docs/data-notes.md where seed 003 disagrees.
"""

from __future__ import annotations

from dataclasses import dataclass

SOURCE = (
    "Scrutiny Review of Outcomes for Looked After Children (August 2013), recommendation as "
    "cited in the Corporate Parenting Strategy 2014-16 action plan (seed 004)"
)


@dataclass(frozen=True)
class Recommendation:
    number: int
    objective: int
    title: str
    responsibility: str

    @property
    def reference(self) -> str:
        return f"R{self.number}"


_FUTURE_ED = (
    "Make sure children looked after are ready for further education, training and "
    "employment when they leave care"
)
_HOUSING = "Make sure care leavers can get suitable accommodation and tenancies of their own"
_PEPS = (
    "Put the education needs of children looked after first through high-quality "
    "personal education plans"
)

RECOMMENDATIONS: tuple[Recommendation, ...] = (
    Recommendation(
        1,
        1,
        "Put raising the aspirations of children looked after at the centre of "
        "the Corporate Parenting Group's decision making",
        "Children in Care Services",
    ),
    Recommendation(
        2,
        5,
        "Make sure foster carers are supported, trained and skilled to meet the "
        "needs of every child in foster care, as the regulations and national "
        "minimum standards require",
        "Fostering Service Team Leader",
    ),
    Recommendation(
        3,
        6,
        "Make sure every placement builds independent living skills and opens "
        "up employment and training opportunities",
        "Fostering Service Team Manager",
    ),
    Recommendation(
        4,
        5,
        "Give foster carers access to support that makes a difference",
        "Fostering Service Team Leader",
    ),
    Recommendation(
        5,
        5,
        "Give carers of children with special educational or behavioural needs "
        "the right training and support",
        "Fostering Service Team Leader",
    ),
    Recommendation(
        6,
        5,
        "Organise children's social care around the needs of children looked "
        "after, with as few transfers as possible and a stable workforce",
        "Head of Specialist Services",
    ),
    Recommendation(
        7,
        5,
        "Make advice on financial entitlements available, consistent and timely",
        "Senior Manager, Children in Care",
    ),
    Recommendation(
        8,
        1,
        "Communicate better with children looked after through an updated "
        "'Right Side of Care' website, apps and texts",
        "Children in Care Services",
    ),
    Recommendation(
        9,
        5,
        "Move young people to the Pathway Team at the right time for each of them",
        "Senior Manager, Children in Care",
    ),
    Recommendation(
        10,
        5,
        "Give more support to young people who were in care after their 18th birthday",
        "Pathways Team Leader and Children in Care Services",
    ),
    Recommendation(
        11, 5, "Raise the profile of the Independent Visitors Service", "Inclusion Team"
    ),
    Recommendation(
        12,
        5,
        "Make sure young people understand their pathway plan and have every "
        "chance to take part in it",
        "Senior Manager, Children in Care",
    ),
    Recommendation(
        13,
        6,
        "Build stronger working relationships between schools and social workers",
        "Senior Manager, Children in Care and Virtual Head Teacher",
    ),
    Recommendation(14, 6, _PEPS, "Senior Manager, Children in Care and Virtual Head Teacher"),
    Recommendation(
        15,
        6,
        "Hold children looked after's reviews and personal education plans as "
        "the regulations require",
        "Corporate Safeguarding Manager",
    ),
    Recommendation(16, 6, _PEPS, "Senior Manager, Children in Care and Virtual Head Teacher"),
    Recommendation(
        17,
        6,
        "Make sure the Personal Education Allowance meets each child's identified needs",
        "Virtual Head Teacher",
    ),
    Recommendation(18, 6, _FUTURE_ED, "14-19 Team and Senior Manager, Children in Care"),
    Recommendation(19, 6, _FUTURE_ED, "14-19 Team and Senior Manager, Children in Care"),
    Recommendation(20, 6, _FUTURE_ED, "14-19 Team and Senior Manager, Children in Care"),
    Recommendation(
        21,
        6,
        "Widen vocational and academic employment opportunities for care leavers",
        "14-19 Team",
    ),
    Recommendation(
        22,
        4,
        "Spot medical, developmental and emotional difficulties early and "
        "support children in care who have them",
        "Designated Doctor and Nurse for Looked After Children",
    ),
    Recommendation(23, 5, _HOUSING, "Regeneration (Housing) lead and Pathway Team Manager"),
    Recommendation(24, 5, _HOUSING, "Regeneration (Housing) lead and Pathway Team Manager"),
    Recommendation(25, 5, _HOUSING, "Regeneration (Housing) lead and Pathway Team Manager"),
)
