"""The Children Looked After & Care Leavers Strategy 2022-25 (seeds 000 and 001).

Titles, child-friendly lines and the vision keep the strategy's own short wording; the
progress narratives and the seven principles are paraphrased. The strategy has no
numbered action plan, so ILLUSTRATIVE_ACTIONS are made up for the demo from its own
"we want to..." statements and say so in their `source`.
"""

from __future__ import annotations

from datetime import date

from careboard.demo.data.records import (
    ActionRecord,
    GovernanceRecord,
    PlanRecord,
    PriorityRecord,
    UpdateRecord,
)

SLUG = "cla-care-leavers-strategy-2022-25"

PLAN = PlanRecord(
    slug=SLUG,
    title="Children Looked After and Care Leavers Strategy 2022-25",
    short_title="CLA & Care Leavers Strategy 2022-25",
    starts_on=date(2022, 4, 1),
    ends_on=date(2025, 3, 31),
    status="active",
    section_label="Priority",
    source=(
        "Children Looked After and Care Leavers Strategy 2022-25, presented to the "
        "Corporate Parenting Board on 15 March 2022 (seeds 000 and 001)"
    ),
    vision=(
        "To ensure children looked after and care leavers are valued, listened to and "
        "supported to be aspirational and achieve their full potential."
    ),
    underpinning_principle=(
        "The voice of the child. Because young people asked for it, what children and "
        "young people tell us is the foundation for planning, reviewing and judging "
        "outcomes, and it runs through every priority."
    ),
    summary=(
        "Set by the Corporate Parenting Board after a board session (2 November 2021), a "
        "survey answered by 43 Children's Services staff (1-10 December 2021), a "
        "consultation designed and run by the care councils (reported 11 January 2022) and "
        "an operational workshop (15 December 2021). On 15 March 2022 the board was asked "
        "to endorse it and to receive a progress update in 12 months. Its key performance "
        "indicators feed a dashboard built by the Children's Data and Insight Team, and "
        "the care councils tell the board whether things have got better."
    ),
)

# The seven corporate parenting principles (seed 001, paragraph 3.1), in our own words.
PRINCIPLES: tuple[str, ...] = (
    "Act in children's and young people's best interests and promote their physical and "
    "mental health and wellbeing.",
    "Encourage children and young people to say what they think, wish and feel.",
    "Take their views, wishes and feelings into account.",
    "Help them reach, and get the most from, services of the council and its partners.",
    "Hold high ambitions for them and work for the best possible outcomes.",
    "Keep them safe and give them stability at home, in relationships and in education or work.",
    "Get them ready for adult life and living independently.",
)

GOVERNANCE: tuple[GovernanceRecord, ...] = (
    GovernanceRecord(
        1,
        "Partnership for Children, Young People and Families",
        "The wider partnership whose framework the strategy supports.",
    ),
    GovernanceRecord(
        2,
        "Children, Young People and Education Committee",
        "The council committee; its chair also chairs the Corporate Parenting Board.",
    ),
    GovernanceRecord(
        3,
        "Corporate Parenting Board",
        "Owns the strategy and holds officers and partners to account for delivering it. "
        "Chaired by the Lead Member for Children's Services; each meeting is themed on "
        "one priority.",
        members=(
            "Elected members, senior council officers, foster carers, partners from "
            "education, health, social care and the police; the Children Looked After "
            "Council and the Care Leavers Council are core members and drive the agenda."
        ),
    ),
    GovernanceRecord(
        4,
        "Corporate Parenting Operational Group",
        "Delivers the strategy's actions. Led by the Head of Permanence, who reports "
        "regularly to the board.",
        members="Operational leads from Children's Services and partners.",
    ),
)

PRIORITIES: tuple[PriorityRecord, ...] = (
    PriorityRecord(
        1,
        "emotional-and-physical-health-and-wellbeing",
        "Emotional and physical health and wellbeing",
        child_friendly=(
            "Making sure you are happy and healthy all the way through your childhood and "
            "into adulthood. Enabling you to build positive relationships, strengthen your "
            "sense of identity and understand your life experiences."
        ),
        progress_narrative=(
            "In the last three years the council commissioned OOMOO as a tailored emotional "
            "health and wellbeing offer, set up a new mental health crisis team covering "
            "children looked after and other front-line services, and gave care leavers gym "
            "and swim passes. Recording of Strengths and Difficulties Questionnaires and the "
            "timeliness of health assessments and reviews have improved. Next: give children "
            "looked after a strong voice in the new mental health and wellbeing "
            "transformation programme, find out why some young people say they do not feel "
            "safe (at home, at school, in the community) and plan joint responses, and use "
            "surveys and health assessments to see each young person's wider needs."
        ),
    ),
    PriorityRecord(
        2,
        "independence-and-transition-to-adulthood",
        "Independence and transition to adulthood",
        child_friendly=(
            "Focussing on helping you learn 'life skills' from an early age and getting "
            "everything in place so you can live independently, whilst receiving support as "
            "you need it, after you turn 18."
        ),
        progress_narrative=(
            "The Care Leavers Hub now offers one place to learn life skills and build "
            "independence, and new transition protocols and pathways make the routes to "
            "support clearer. Next: promote the SKILLZ programme to practitioners and foster "
            "carers so more young people are referred; make every move at 18 (staying put, "
            "adult services or independent living) seamless; review referrals between "
            "children's and adult social care, including for young people with SEND after "
            "the recent SEND inspection; and open a communication route, such as surgeries, "
            "between social workers and the permanence and assessment teams."
        ),
    ),
    PriorityRecord(
        3,
        "positive-lived-experiences",
        "Positive Lived Experiences",
        child_friendly=(
            "Making sure there are enough of the right people to look after you in suitable "
            "homes whether this is a short or long stay/time."
        ),
        progress_narrative=(
            "The Partnership Accommodation Programme, four projects on residential and short "
            "break homes, is reshaping local residential care. Ofsted's recent focused visit "
            "recognised the fostering service's improvement. Next: review the fostering offer "
            "with dedicated training and recruitment support, build a support offer for "
            "special guardians that fits each family, and try new kinds of accommodation, "
            "above all for care leavers at risk of homelessness."
        ),
    ),
    PriorityRecord(
        4,
        "education-and-employment",
        "Education and employment",
        child_friendly=(
            "Ensuring that you do well and have the right support in school and have great "
            "opportunities to access employment."
        ),
        progress_narrative=(
            "The Virtual School has changed how education is planned for children looked "
            "after, and its outcomes-based use of funding targets each child's needs. Next: "
            "inclusion work tied to the SEND transformation programme; jobs and work "
            "experience for care leavers through new and existing council contracts, working "
            "with the Corporate Procurement Team on social value; and using the Care Leaver "
            "Covenant to open opportunities across council departments."
        ),
    ),
)

ILLUSTRATIVE = (
    "Illustrative demo action drawn from the 2022-25 strategy text; the strategy has no "
    "numbered action plan"
)
OWNER = "owner"

ILLUSTRATIVE_ACTIONS: tuple[ActionRecord, ...] = (
    ActionRecord(
        "1.1",
        1,
        "Give children looked after a strong voice in the mental health and wellbeing "
        "transformation programme",
        responsibility="Participation and Engagement with health partners",
        timescale="March 2023",
        due_on=date(2023, 3, 31),
        intended_outcome="The new programme is designed around what children looked after need.",
        source=ILLUSTRATIVE,
        owner_username=OWNER,
        updates=(
            UpdateRecord(
                date(2022, 10, 12),
                "Care council members joined the first two "
                "design workshops; a young people's reference group is being set up.",
                "amber",
                author_username=OWNER,
            ),
            UpdateRecord(
                date(2023, 3, 20),
                "The reference group reviewed the draft service "
                "model and its changes were accepted.",
                "green",
                author_username=OWNER,
            ),
        ),
    ),
    ActionRecord(
        "1.2",
        1,
        "Find out why some young people say they do not feel safe and agree joint responses",
        responsibility="Corporate Parenting Operational Group",
        timescale="September 2023",
        due_on=date(2023, 9, 30),
        intended_outcome="Young people report feeling safer where they live and learn.",
        source=ILLUSTRATIVE,
        updates=(
            UpdateRecord(
                date(2023, 6, 5),
                "Survey questions agreed with the care councils.",
                "amber",
                reported_by="Corporate Parenting Operational Group",
            ),
            UpdateRecord(
                date(2023, 11, 8),
                "The survey has not gone out; no analysis yet.",
                "red",
                reported_by="Corporate Parenting Operational Group",
            ),
        ),
    ),
    ActionRecord(
        "1.3",
        1,
        "Use SDQ and health assessment findings to plan for each young person's wider needs",
        responsibility="Designated Nurse for Children Looked After",
        timescale="March 2024",
        due_on=date(2024, 3, 31),
        source=ILLUSTRATIVE,
    ),
    ActionRecord(
        "2.1",
        2,
        "Market the SKILLZ programme to practitioners and foster carers to raise referrals",
        responsibility="Care Leavers Hub",
        timescale="December 2022",
        due_on=date(2022, 12, 31),
        intended_outcome="More young people are referred to SKILLZ sessions.",
        source=ILLUSTRATIVE,
        owner_username=OWNER,
        updates=(
            UpdateRecord(
                date(2022, 12, 14),
                "Briefings given to all CLA teams and at the "
                "foster carer forum; referrals up on the previous quarter.",
                "green",
                author_username=OWNER,
            ),
        ),
    ),
    ActionRecord(
        "2.2",
        2,
        "Review referrals between children's and adult social care at 18, including for "
        "young people with SEND",
        responsibility="Head of Permanence with Adult Social Care",
        timescale="December 2023",
        due_on=date(2023, 12, 31),
        intended_outcome="Referrals are timely and transition plans are in place before 18.",
        source=ILLUSTRATIVE,
        updates=(
            UpdateRecord(
                date(2023, 9, 19),
                "Joint protocol drafted; sign-off by adult services still awaited.",
                "amber",
                reported_by="Head of Permanence",
            ),
        ),
    ),
    ActionRecord(
        "2.3",
        2,
        "Run surgeries where social workers can consult the permanence and assessment teams "
        "on transition pathways",
        responsibility="Permanence and assessment teams",
        timescale="June 2023",
        due_on=date(2023, 6, 30),
        source=ILLUSTRATIVE,
    ),
    ActionRecord(
        "3.1",
        3,
        "Review the fostering offer, with dedicated training and recruitment support",
        responsibility="Fostering Service",
        timescale="March 2023",
        due_on=date(2023, 3, 31),
        intended_outcome="More foster carers are recruited and stay with us.",
        source=ILLUSTRATIVE,
        owner_username=OWNER,
        updates=(
            UpdateRecord(
                date(2023, 2, 2),
                "Carer survey done; new training calendar drafted.",
                "amber",
                author_username=OWNER,
            ),
            UpdateRecord(
                date(2023, 10, 4),
                "Recruitment campaign delayed to the new year.",
                "amber",
                author_username=OWNER,
            ),
        ),
    ),
    ActionRecord(
        "3.2",
        3,
        "Develop a support offer for special guardians tailored to each family",
        responsibility="Permanence Service",
        timescale="March 2024",
        due_on=date(2024, 3, 31),
        source=ILLUSTRATIVE,
        updates=(
            UpdateRecord(
                date(2024, 3, 12),
                "Offer launched with a peer support group.",
                "green",
                reported_by="Head of Permanence",
            ),
        ),
    ),
    ActionRecord(
        "3.3",
        3,
        "Explore new accommodation models for care leavers at risk of homelessness",
        responsibility="Commissioning with Housing",
        timescale="March 2025",
        due_on=date(2025, 3, 31),
        source=ILLUSTRATIVE,
        updates=(
            UpdateRecord(
                date(2024, 6, 3),
                "Two options costed; a pilot is being scoped.",
                "amber",
                reported_by="Commissioning",
            ),
        ),
    ),
    ActionRecord(
        "4.1",
        4,
        "Engage members and officers with the Care Leaver Covenant and plan which departments "
        "take on which themes",
        responsibility="Participation and Engagement",
        timescale="March 2023",
        due_on=date(2023, 3, 31),
        intended_outcome="Council departments offer care leavers concrete opportunities.",
        source=ILLUSTRATIVE,
        owner_username=OWNER,
        updates=(
            UpdateRecord(
                date(2023, 3, 1),
                "Member briefing held; five departments have named covenant leads.",
                "green",
                author_username=OWNER,
            ),
        ),
    ),
    ActionRecord(
        "4.2",
        4,
        "Find jobs and work experience for care leavers in new and existing council contracts, "
        "with the Corporate Procurement Team (social value)",
        responsibility="Corporate Procurement Team and Care Leavers Service",
        timescale="March 2024",
        due_on=date(2024, 3, 31),
        intended_outcome="Contracts include care leaver opportunities as social value.",
        source=ILLUSTRATIVE,
        owner_username=OWNER,
        updates=(
            UpdateRecord(
                date(2024, 1, 15),
                "Social value clause drafted; not yet in any tender.",
                "amber",
                author_username=OWNER,
            ),
        ),
    ),
    ActionRecord(
        "4.3",
        4,
        "Align the Virtual School's inclusion work with the SEND transformation programme",
        responsibility="Virtual School",
        timescale="March 2025",
        due_on=date(2025, 3, 31),
        source=ILLUSTRATIVE,
    ),
)
