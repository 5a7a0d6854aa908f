"""Wirral's Corporate Parenting Strategy 2014-16, "The Right Side of Care" (seed 004).

Its action plan has six sections, each a table of Objective, Responsibility, Timescale,
Action, Outcome and Progress to date. Actions and outcomes are paraphrased; the
responsibility and timescale keep the plan's words (a named officer is replaced by the
role). The due date is worked out from the timescale by the loader. Where a row of the
table has an empty objective cell, the action serves the objective above it.
"""

from __future__ import annotations

from datetime import date

from careboard.demo.data.records import ActionRecord, PlanRecord, PriorityRecord, UpdateRecord

SLUG = "corporate-parenting-strategy-2014-16"
SOURCE = "Corporate Parenting Strategy 2014-16 action plan (seed 004)"

PLAN = PlanRecord(
    slug=SLUG,
    title="Corporate Parenting Strategy 2014-16: The Right Side of Care",
    short_title="Corporate Parenting Strategy 2014-16",
    starts_on=date(2014, 4, 1),
    ends_on=date(2016, 3, 31),
    status="closed",
    section_label="Objective",
    source="Wirral Council Corporate Parenting Strategy 2014-2016 and action plan (seed 004)",
    vision=(
        "Wirral Council and its partners parent the children in their care as they would "
        "their own: loyal support, high ambitions and the voice of the child at the centre."
    ),
    underpinning_principle=(
        "Within the strategic priorities (being healthy, staying safe, enjoying and "
        "achieving economic wellbeing) the voice of the child comes first."
    ),
    summary=(
        "The Corporate Parenting Group's two-year work plan (April 2014 to March 2016). Most "
        "actions come from the August 2013 scrutiny review of outcomes for looked after "
        "children, whose recommendations the group oversees; others were added because "
        "they also improve outcomes for children in care and care leavers."
    ),
)

OBJECTIVES: tuple[PriorityRecord, ...] = (
    PriorityRecord(
        1,
        "listen-to-children-and-young-people",
        "Listen to children and young people and demonstrate that we have taken action to respond",
    ),
    PriorityRecord(
        2,
        "support-corporate-parents",
        "Actions to support corporate parents in carrying out their responsibilities",
    ),
    PriorityRecord(
        3,
        "engage-the-rest-of-the-council",
        "Actions to engage the rest of the Council in corporate parenting",
    ),
    PriorityRecord(4, "being-healthy", "Being Healthy"),
    PriorityRecord(5, "staying-safe", "Staying Safe"),
    PriorityRecord(
        6, "enjoying-and-achieving-economic-wellbeing", "Enjoying and Achieving Economic Wellbeing"
    ),
)

# The plan's "Progress to date" column is undated; see docs/data-notes.md for this date.
PROGRESS_TO_DATE_ON = date(2014, 12, 2)
PROGRESS_TO_DATE_BY = "Corporate Parenting Strategy 2014-16 action plan, progress to date"


def _progress(text: str) -> UpdateRecord:
    return UpdateRecord(PROGRESS_TO_DATE_ON, text, None, reported_by=PROGRESS_TO_DATE_BY)


CIC = "Children in Care Services"
SM_CIC = "Senior Manager, Children in Care"
FSTL = "Fostering Service Team Leader"
VHT = "Virtual Head Teacher"
SM_VHT = "Senior Manager, Children in Care and Virtual Head Teacher"
HEALTH = "Designated Doctor and Nurse for Looked After Children"
HOUSING = "Regeneration (Housing) lead and Pathway Team Manager"

ASPIRATIONS = (
    "Make raising the aspirations of looked after children central to the Group's decision making"
)
HEALTH_AIM = (
    "Identify earlier, and support, children in care with medical, developmental or "
    "emotional difficulties"
)
PEP_AIM = "Prioritise the education needs of looked after children through high-quality PEPs"
TENANCY_AIM = "Care leavers can get suitable accommodation and tenancies of their own"
READY_AIM = (
    "Looked after children are ready for further education, training and employment "
    "when they leave care"
)
SEN_AIM = (
    "Placements for children with special educational and behavioural needs come with "
    "the right training and support"
)


def _a(
    reference: str,
    aim: str,
    responsibility: str,
    timescale: str,
    title: str,
    outcome: str = "",
    recs: tuple[str, ...] = (),
    updates: tuple[UpdateRecord, ...] = (),
) -> ActionRecord:
    return ActionRecord(
        reference=reference,
        priority=int(reference.split(".")[0]),
        title=title,
        aim=aim,
        responsibility=responsibility,
        timescale=timescale,
        intended_outcome=outcome,
        source=SOURCE,
        recommendations=recs,
        updates=updates,
    )


ACTIONS: tuple[ActionRecord, ...] = (
    # 1. Listen to children and young people
    _a(
        "1.1",
        ASPIRATIONS,
        CIC,
        "June 2014 and annually",
        "Refresh 'the Promise' and give it a higher profile in how services are planned",
        "Services are shaped with children in care and reflect their wishes and feelings",
        ("R1",),
    ),
    _a(
        "1.2",
        ASPIRATIONS,
        CIC,
        "August 2014",
        "Children In Care Council members take recruitment and selection training",
        "Children in care help choose staff and improve the services they get",
        ("R1",),
    ),
    _a(
        "1.3",
        ASPIRATIONS,
        CIC,
        "March 2015",
        "Offer recruitment and selection training to 15-20 more children in care",
        "",
        ("R1",),
    ),
    _a(
        "1.4",
        ASPIRATIONS,
        CIC,
        "November 2014",
        "Hold a 'Take Over Day' so children see decisions being made and aim higher",
        "",
        ("R1",),
    ),
    _a(
        "1.5",
        ASPIRATIONS,
        "14-19 Team",
        "April 2015",
        "Keep building the programme of visits to higher education for looked after children",
        "Feedback gathered, and a count of young people who go on to attend",
        ("R1",),
    ),
    _a(
        "1.6",
        ASPIRATIONS,
        "Pathway Team/ Service Manager, Looked After Children",
        "October 2014",
        "Evaluate the Care Leavers Charter, and support and set up the 'New Belongings' project",
        "Judged against an outcomes framework (e.g. NEET young people starting courses); young "
        "people know about it; regular updates",
        ("R1",),
    ),
    _a(
        "1.7",
        ASPIRATIONS,
        SM_CIC,
        "July 2014",
        "Corporate Parenting Group members meet the Children In Care Council to hear about life "
        "in care and act on what they hear",
        "Feedback from the Children in Care Council",
        ("R1",),
    ),
    _a(
        "1.8",
        "Communicate better with looked after children through an updated 'Right Side "
        "of Care' website and more use of apps and texts",
        CIC,
        "March 2015",
        "Keep the Corporate Parenting Group updated on the website project and check what "
        "information children actually receive",
        "More ways to share information with children in care and hear their views on services",
        ("R8",),
    ),
    # 2. Support corporate parents
    _a(
        "2.1",
        "Corporate parents help identify their own training needs and take part in training",
        "All",
        "July 2014",
        "Identify regular training for Corporate Parenting Group members",
        "Members are equipped for the role and hold officers to account",
    ),
    _a(
        "2.2",
        "The Corporate Parenting Group is briefed on the Children In Care Council's "
        "work plan for the next 12 months",
        CIC,
        "July 2014",
        "Give the group quarterly updates",
        "Services reflect what children in care say and support them better",
    ),
    _a(
        "2.3",
        "Elected members and officers work together so group members are supported",
        "All",
        "Ongoing",
        "The group meets regularly as a priority, with reports sent out before meetings",
        "The Corporate Parenting Support Plan shows better services and outcomes",
    ),
    _a(
        "2.4",
        "The Corporate Parenting Group challenges officers on performance outcomes",
        "All",
        "Ongoing",
        "Name officers to report to the group on performance in particular services",
        "Officers are held to account and show how services improve outcomes",
    ),
    # 3. Engage the rest of the Council
    _a(
        "3.1",
        "Keep elected members and council staff aware of their corporate parenting "
        "responsibilities",
        "Lead Member, Director & Heads of Service",
        "September 2015",
        "Hold a corporate parenting conference for council staff, professionals and elected "
        "members",
        "Better understanding joins up services and adds support for care leavers",
    ),
    _a(
        "3.2",
        "Council staff know more about their corporate parenting responsibilities",
        "Director & Heads of Service",
        "March 2015",
        "Find training opportunities, possibly a compulsory e-learning module on the e-nable site",
        "Better understanding joins up services and adds support for care leavers",
    ),
    _a(
        "3.3",
        "Use every chance to raise the profile of looked after children and care "
        "leavers, with targets for sharing good news",
        "Director and Heads of Service",
        "October 2014",
        "Feature looked after children in the Families and Wellbeing newsletter and One "
        "Council magazine",
        "Services understand care leavers' challenges and support them more; the group sees "
        "care leaver performance information regularly",
    ),
    # 4. Being Healthy
    _a(
        "4.1",
        HEALTH_AIM,
        HEALTH,
        "Ongoing",
        "Complete initial and review health assessments within the statutory timescales",
        "A rising share of health assessments done on time",
        ("R22",),
        (
            _progress(
                "Timeliness has started to improve; the council and health are reviewing "
                "and developing their shared procedures."
            ),
        ),
    ),
    _a(
        "4.2",
        HEALTH_AIM,
        HEALTH,
        "Ongoing",
        "Quality-assess initial and review health assessments",
        "Children's health, development and wellbeing needs are better identified and met",
        ("R22",),
        (
            _progress(
                "Quality assurance of initial and review assessments has begun and continues."
            ),
        ),
    ),
    _a(
        "4.3",
        HEALTH_AIM,
        HEALTH,
        "April 2015",
        "Review and extend the use of the SDQ, including a questionnaire after six months in care",
        "Emotional and behavioural difficulties are spotted and supported earlier",
        ("R22",),
        (_progress("Early talks under way between the Partnership CAMHS team and the council."),),
    ),
    _a(
        "4.4",
        "Improve the health of looked after children",
        "LAC Service Manager",
        "October 2015",
        "Take the Healthier Homes initiative beyond independent residential homes by briefing "
        "and training foster carers in the Healthier Homes Fostering Standards, checked at "
        "carer reviews",
        "Clear health standards for children in foster care; more support for care leavers "
        "aged 18-21",
    ),
    _a(
        "4.5",
        "Improve the health of looked after children",
        "LAC Service Manager",
        "October 2015",
        "Agree with health how best to help care leavers aged 18-21 manage their health",
        "Care leavers get lifestyle advice and more health support",
    ),
    _a(
        "4.6",
        "Share looked after children's health information in good time",
        "Senior Manager, Children in Care and designated health professionals",
        "April 2015",
        "Give the designated nurses access to the new children's IT system so Initial Health "
        "Assessment referrals arrive sooner",
        "Health assessments are on time and quality assured so services start at the right time",
    ),
    _a(
        "4.7",
        "Share looked after children's health information in good time",
        "Senior Manager, Children in Care and designated health professionals",
        "April 2015",
        "Designated nurses write a yearly report on looked after children's health, naming "
        "gaps and proposing fixes",
        "Health needs and outcomes are assessed every year",
    ),
    # 5. Staying Safe
    _a(
        "5.1",
        "More support for young people who were in care after their 18th birthday",
        "Pathways Team Leader and Children in Care Services",
        "December 2014",
        "Run a 12-month 'Staying Put' pilot",
        "More young people can stay with their foster carers after 18",
        ("R10",),
    ),
    _a(
        "5.2",
        "More support for young people who were in care after their 18th birthday",
        "Pathways Team Leader and Children in Care Services",
        "July 2014 and ongoing",
        "Offer care leavers more one-to-one sessions and drop-ins",
        "",
        ("R10",),
    ),
    _a(
        "5.3",
        "Enough suitable placements for the varied needs of Wirral's children",
        SM_CIC,
        "September 2014",
        "Revise the Sufficiency Strategy and refresh the needs assessment to find gaps",
        "A range of placements matches the assessed needs of looked after children",
    ),
    _a(
        "5.4",
        "Foster carers are supported, trained and skilled as regulations and national "
        "standards require",
        FSTL,
        "March 2015",
        "With foster carers, change the payments guide so fees depend on meeting training "
        "requirements",
        "Carers keep developing and can meet children's varied needs",
        ("R2",),
    ),
    _a(
        "5.5",
        "Foster carers are supported, trained and skilled as regulations and national "
        "standards require",
        FSTL,
        "March 2015",
        "Make training easier to attend (childcare, venues, times), involving carers",
        "",
        ("R2",),
    ),
    _a(
        "5.6",
        "Foster carers are supported, trained and skilled as regulations and national "
        "standards require",
        FSTL,
        "March 2015",
        "Review existing training and write a new training strategy with carers",
        "Attendance at foster carer training is measured",
        ("R2",),
    ),
    _a(
        "5.7",
        "Foster carers have access to support that makes a difference",
        FSTL,
        "March 2015",
        "Review the support groups, ask carers what works, set up mentoring by higher-banded "
        "carers and redesign groups or add online forums if needed",
        "Better support improves placement stability",
        ("R4",),
    ),
    _a(
        "5.8",
        SEN_AIM,
        FSTL,
        "March 2015",
        "Review training for carers and social workers on special educational and behavioural "
        "needs",
        "Children live with carers who have the skills their needs call for",
        ("R5",),
    ),
    _a(
        "5.9",
        SEN_AIM,
        FSTL,
        "January 2016",
        "Design and deliver new training if needed",
        "An enhanced training strategy and workforce development plan",
        ("R5",),
    ),
    _a(
        "5.10",
        SEN_AIM,
        FSTL,
        "March 2015",
        "Identify fostered children with special educational needs and make sure their carers "
        "know how to support their learning, with training where needed",
        "",
        ("R5",),
    ),
    _a(
        "5.11",
        "",
        FSTL,
        "March 2015",
        "Develop the strategy for more, and more varied, foster carers based on unmet need",
    ),
    _a(
        "5.12",
        "",
        "Fostering Service Team Leader and Adolescent Support Team Manager",
        "February 2015",
        "Develop and evaluate the Placement Stability Model to prevent placements breaking down",
    ),
    _a(
        "5.13",
        "Children's social care is organised around looked after children, with few "
        "transfers and a stable workforce",
        "Head of Specialist Services",
        "March 2015",
        "Implement the Future Council service redesign, the social worker progression and "
        "supervision policies, and explore multi-functional teams to cut case transfers "
        "(subject to Future Council)",
        "Sharper focus on outcomes; better-trained social workers with more time for families",
        ("R6",),
    ),
    _a(
        "5.14",
        "Advice on financial entitlements is available, consistent and timely",
        SM_CIC,
        "August 2014",
        "Give social workers, foster carers and professionals clear information on the "
        "financial entitlements of children in care and care leavers",
        "Young people know what they are entitled to and can ask for it themselves",
        ("R7",),
    ),
    _a(
        "5.15",
        "Advice on financial entitlements is available, consistent and timely",
        CIC,
        "August 2014",
        "Tell children about entitlements when they come into care and keep them updated via "
        "the website and apps, in young-people-friendly versions, after consulting the "
        "Children In Care Council",
        "",
        ("R7",),
    ),
    _a(
        "5.16",
        "Transfer to the Pathway Team is timely and based on each young person's needs",
        SM_CIC,
        "December 2014",
        "Work out what it would take, and cost, for the Pathway Team to take young people "
        "before 16",
        "More flexible transfer timing and fewer disruptions around GCSEs; a report on use and "
        "effectiveness",
        ("R9",),
    ),
    _a(
        "5.17",
        "Raise the profile of the Independent Visitors Service",
        "Inclusion Team",
        "July 2014",
        "Find more ways and forums to tell children, social workers, carers and professionals "
        "about the Independent Visiting Service",
        "",
        ("R11",),
    ),
    _a(
        "5.18",
        "Young people understand their pathway plan and can take part fully",
        SM_CIC,
        "March 2015",
        "Social workers and the Pathway Team find ways for young people to own their pathway "
        "plans, consulting care leavers and reporting on plan quality after Liquid Logic",
        "More ownership, more engagement and a better chance of meeting the plan's targets",
        ("R12",),
    ),
    _a(
        "5.19",
        TENANCY_AIM,
        HOUSING,
        "July 2014",
        "Housing and children's services analyse care leavers in supported housing and build "
        "an accommodation pathway",
        "Better access to enough good-quality accommodation for care leavers",
        ("R23", "R24", "R25"),
        (_progress("Proposal and terms of reference drafted; first process map drawn up."),),
    ),
    _a(
        "5.20",
        TENANCY_AIM,
        HOUSING,
        "April 2015",
        "Housing and children's services set up quality monitoring of accommodation and "
        "support providers",
        "A standard approach that uses existing provision well and relies less on costly "
        "spot purchases",
        ("R23", "R24", "R25"),
        (
            _progress(
                "Draft report compares the quality framework for spot-purchased "
                "accommodation with the Supported Housing Quality Assessment Framework."
            ),
        ),
    ),
    _a(
        "5.21",
        TENANCY_AIM,
        HOUSING,
        "Not stated",
        "Add a forum for flat-share adverts to the updated 'Right Side of Care' website",
        "",
        ("R23", "R24", "R25"),
    ),
    # 6. Enjoying and Achieving Economic Wellbeing
    _a(
        "6.1",
        "More vocational and academic employment opportunities for care leavers",
        "14-19 team",
        "March 2015",
        "The Pathway Team works with the 14-19 Employment Team and Connexions to widen options "
        "for each care leaver, tracked in performance systems, with stronger links to the "
        "Wirral apprenticeship programme",
        "More care leavers on courses that lead to jobs, and more in EET and apprenticeships",
        ("R21",),
    ),
    _a(
        "6.2",
        "Looked after children's reviews and PEPs happen as the regulations require",
        "Corporate Safeguarding Manager",
        "December 2014",
        "Combine LAC review and PEP meetings where suitable, share data better between schools "
        "and specialist services, and analyse PEPs at the Practice Improvement Meetings",
        "Reviews oversee educational progress and professionals spend less time in meetings",
        ("R15",),
    ),
    _a(
        "6.3",
        "The Personal Education Allowance meets each child's identified needs",
        VHT,
        "June 2015",
        "Schools make sure the Personal Education Allowance is used as well as possible",
        "Money is spent properly and attainment rises",
        ("R17",),
    ),
    _a(
        "6.4",
        "The Personal Education Allowance meets each child's identified needs",
        "LACES Team",
        "June 2015",
        "Make sure every child entitled to the allowance gets it",
        "",
        ("R17",),
    ),
    _a(
        "6.5",
        "A system to allocate Pupil Premium to all schools",
        "Virtual Head Teachers",
        "December 2014",
        "Analyse how effective the Personal Education Allowance is, allocate the funds to each "
        "school and evaluate their impact",
        "Schools get the funding and attainment improves from the way it is used",
    ),
    _a(
        "6.6",
        "Every placement builds independent living skills and opens up employment and training",
        "Fostering Service Team Manager",
        "March 2015",
        "Link the fostering service with the Employability Team and train carers, through "
        "their supervising social workers, to build young people's independent living skills, "
        "checked at carer reviews",
        "Carers prepare children for adulthood; attainment and progression to education, "
        "training and jobs rise",
        ("R3",),
    ),
    _a(
        "6.7",
        PEP_AIM,
        SM_VHT,
        "December 2014",
        "Audit for missing PEPs and their quality, run workshops for social workers, and "
        "strengthen performance systems with twice-yearly audits of a sample",
        "Better PEPs raise attainment; LACES rates plan quality twice a year for the Practice "
        "Improvement meeting",
        ("R14", "R16"),
    ),
    _a(
        "6.8",
        PEP_AIM,
        SM_VHT,
        "December 2014",
        "Every PEP, individual placement agreement and placement plan says who goes to the "
        "child's parents' evenings",
        "Carers see their part in children's education more clearly",
        ("R14", "R16"),
    ),
    _a(
        "6.9",
        PEP_AIM,
        VHT,
        "December 2014",
        "Track foster carer and residential staff attendance at parents' evenings",
        "",
        ("R14", "R16"),
    ),
    _a(
        "6.10",
        "Professionals supporting looked after children's education work more closely "
        "and understand each other's roles",
        VHT,
        "Ongoing",
        "Keep training designated teachers on looked after children, one by one",
        "Professionals understand the barriers and help children overcome them",
    ),
    _a(
        "6.11",
        "Professionals supporting looked after children's education work more closely "
        "and understand each other's roles",
        "Fostering Service Team Leader and Residential Team Manager",
        "February 2015",
        "Train foster carers and residential staff for parents' evenings",
    ),
    _a(
        "6.12",
        "Children placed outside the borough get the same priority for their education",
        SM_CIC,
        "December 2014",
        "Review, update and brief out the North West protocol on educating children placed out "
        "of authority",
        "Their attainment is monitored and they get the support to reach their potential",
    ),
    _a(
        "6.13",
        "School governors recognise and prioritise looked after children's needs",
        VHT,
        "December 2014",
        "Train governors, starting with schools not yet trained and with Children In Care "
        "Council input where possible",
        "Schools understand and meet looked after children's needs; attendance figures go to "
        "the group",
    ),
    _a(
        "6.14",
        "Stronger working relationships between schools and social workers",
        SM_VHT,
        "December 2014",
        "Agree how to build these relationships with schools, consider multi-agency training "
        "with health, and improve information-sharing protocols",
        "Schools hear about changes in children's lives and respond better",
        ("R13",),
    ),
    _a(
        "6.15",
        READY_AIM,
        "14-19 Team and Senior Manager Children in Care",
        "March 2015",
        "Add a peer mentor and an apprentice to the care leavers' employability team, promote "
        "internships and work experience, set a strategy for more care leavers at university "
        "and in work, and approach private companies",
        "More work experience, employability and ambition; more young people in jobs",
        ("R18", "R19", "R20", "R21"),
    ),
    _a(
        "6.16",
        READY_AIM,
        "Pathway Team",
        "October 2014",
        "Review how the department reviews pathway plans for former relevant children",
        "",
        ("R18", "R19", "R20"),
    ),
)
