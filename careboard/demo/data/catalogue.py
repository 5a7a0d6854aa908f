"""The 2022-25 strategy's "Measuring Success" list (seed 000) as catalogue entries.

`strategy_wording` is the strategy's own list item, typos included, so the board sees the
line it agreed. Definitions and polarity follow docs/indicators.md; codes match the
analytics registry wherever the 903 return can give the figure. No values: they come
with the indicator work.
"""

from __future__ import annotations

from careboard.demo.data.records import IndicatorRecord

SSDA903 = "ssda903"
MANUAL = "manual"
UP, DOWN, CONTEXT = "higher", "lower", "contextual"

SNAPSHOT = "At 31 March"
YEAR = "Year ending 31 March"
TWO_YEARS = "Two years ending 31 March"
ROLLING = "Three years ending 31 March (rolling)"
ACADEMIC = "Academic year"
LOCAL = "As reported locally"

VIRTUAL_SCHOOL = "Virtual School"
LOCAL_SERVICE = (
    "Local commissioned-service measure; indicators.md gives its polarity as 'Local', so "
    "it is shown as contextual until the board agrees which way is better."
)

VISION: tuple[IndicatorRecord, ...] = (
    IndicatorRecord(
        0,
        "Number/rate of CLA",
        "cla_count_31mar",
        SSDA903,
        "count",
        CONTEXT,
        SNAPSHOT,
        "Children looked after at 31 March, leaving out those looked "
        "after only for a series of short breaks (LS V3/V4).",
        note="The rate per 10,000 children also needs the ONS mid-year "
        "population aged 0-17, which is not in the 903 return.",
    ),
    IndicatorRecord(
        0,
        "Number of CLA starters",
        "cla_starters",
        SSDA903,
        "count",
        CONTEXT,
        YEAR,
        "Children who started to be looked after in the year (an episode "
        "with RNE = S), each child counted once, short breaks left out.",
    ),
    IndicatorRecord(
        0,
        "% of CLA who have an EHCP",
        "ehcp_pct",
        MANUAL,
        "%",
        CONTEXT,
        ACADEMIC,
        "Share of children looked after for 12 months at 31 March, "
        "matched to the January school census, who have an education, health "
        "and care plan.",
        note="Not in the 903 return: needs the school census "
        "or the local EHCP register matched by UPN.",
    ),
    IndicatorRecord(
        0,
        "% of care leavers with an EHCP",
        "care_leavers_ehcp_pct",
        MANUAL,
        "%",
        CONTEXT,
        LOCAL,
        "Care leavers with an active EHCP (plans can run to 25), as a share of care leavers.",
        note="No national measure; a local definition.",
    ),
    IndicatorRecord(
        0,
        "% of CLA adopted in year",
        "ceased_adopted_pct",
        SSDA903,
        "%",
        UP,
        YEAR,
        "Children who stopped being looked after in the year because they "
        "were adopted (REC E11/E12), as a share of all who stopped.",
    ),
    IndicatorRecord(
        0,
        "% of CLA placed with foster carers",
        "foster_placement_pct",
        SSDA903,
        "%",
        UP,
        SNAPSHOT,
        "Children looked after at 31 March in a foster "
        "placement (PLACE U1-U6), as a share of all looked after then.",
    ),
    IndicatorRecord(
        0,
        "CLA placements OOB",
        "placed_outside_la_pct",
        SSDA903,
        "%",
        DOWN,
        SNAPSHOT,
        "Children looked after at 31 March placed outside the council's "
        "boundary, as a share of all looked after then.",
        note="Needs a postcode-to-council lookup. LAIT also publishes a variant: "
        "more than 20 miles away and outside the boundary.",
    ),
    IndicatorRecord(
        0,
        "Number of care leavers (19–21-year-olds)",
        "care_leavers_19_21_count",
        SSDA903,
        "count",
        CONTEXT,
        YEAR,
        "Care leavers in the DfE cohort aged 19-21 (OC3), after the DfE exclusions.",
        note="The strategy lists one line, 'Number of care leavers'; it is split "
        "here into the two DfE age groups.",
    ),
    IndicatorRecord(
        0,
        "Number of care leavers (17–18-year-olds)",
        "care_leavers_17_18_count",
        SSDA903,
        "count",
        CONTEXT,
        YEAR,
        "Care leavers in the DfE cohort aged 17-18 (OC3), after the DfE exclusions.",
        note="The strategy lists one line, 'Number of care leavers'; it is split "
        "here into the two DfE age groups.",
    ),
)

PRIORITY_1: tuple[IndicatorRecord, ...] = (
    IndicatorRecord(
        1,
        "% of CLA who are open to CAMHs service",
        "camhs_open_pct",
        MANUAL,
        "%",
        CONTEXT,
        LOCAL,
        "Children looked after with an open case in child and adolescent mental health services.",
        note="No DfE measure; needs NHS or local CAMHS data.",
    ),
    IndicatorRecord(
        1,
        "% of CLA for 12 months or more who have had an SDQ completed",
        "oc2_sdq_completed_pct",
        SSDA903,
        "%",
        UP,
        YEAR,
        "Children aged 5-16 "
        "looked after for 12 months at 31 March (OC2) with an SDQ score returned.",
    ),
    IndicatorRecord(
        1,
        "% of CLA for 12 months or more who have had a Health check",
        "oc2_health_assessment_pct",
        SSDA903,
        "%",
        UP,
        YEAR,
        "Children looked "
        "after for 12 months at 31 March (OC2) whose annual health assessment "
        "was done; refusals count as not done.",
        note="Read as the annual health assessment, not the under-5 development check.",
    ),
    IndicatorRecord(
        1,
        "% of CLA for 12 months or more who have had a Dental check",
        "oc2_dental_check_pct",
        SSDA903,
        "%",
        UP,
        YEAR,
        "Children looked after "
        "for 12 months at 31 March (OC2) whose teeth were checked; refusals "
        "count as not checked.",
    ),
    IndicatorRecord(
        1,
        "CAMHs waiting times",
        "camhs_waiting_weeks",
        MANUAL,
        "weeks",
        DOWN,
        LOCAL,
        "Waiting time from referral to CAMHS for children looked after.",
        note="No national measure for children looked after; NHS/ICB data.",
    ),
    IndicatorRecord(
        1,
        "Oomoo - Open Door & Polaris feedback",
        "oomoo_feedback",
        MANUAL,
        "score",
        CONTEXT,
        LOCAL,
        "Feedback from young people using the OOMOO offer delivered by Open Door and Polaris.",
        note=LOCAL_SERVICE,
    ),
    IndicatorRecord(
        1,
        "Polaris & Open Door - distanced travelled (over 6-month period has "
        "the service had the desired impact)",
        "oomoo_distance_travelled",
        MANUAL,
        "score",
        CONTEXT,
        "Six months",
        "Change in young people's wellbeing over six months of support.",
        note=LOCAL_SERVICE,
    ),
    IndicatorRecord(
        1,
        "Open Door - CBT",
        "open_door_cbt",
        MANUAL,
        "count",
        CONTEXT,
        LOCAL,
        "Young people looked after receiving cognitive behavioural therapy from Open Door.",
        note=LOCAL_SERVICE,
    ),
    IndicatorRecord(
        1,
        "CLA KOOTH (early intervention, Public Health)",
        "kooth_cla",
        MANUAL,
        "count",
        CONTEXT,
        LOCAL,
        "Children looked after using the Kooth online "
        "early-help service commissioned by Public Health.",
        note=LOCAL_SERVICE,
    ),
)

PRIORITY_2: tuple[IndicatorRecord, ...] = (
    IndicatorRecord(
        2,
        "% Percentage of Care Leavers in Touch Every 8 Weeks",
        "care_leavers_19_21_in_touch_pct",
        SSDA903,
        "%",
        UP,
        YEAR,
        "Care leavers aged 19-21 (OC3) the council was in touch with around their birthday.",
        note="Proxy. The strategy means contact every eight "
        "weeks, which the 903 return does not hold (it records one in-touch "
        "status a year); the true measure needs contact dates from the case "
        "system.",
    ),
    IndicatorRecord(
        2,
        "% Pathway plans completed",
        "pathway_plans_completed_pct",
        MANUAL,
        "%",
        UP,
        LOCAL,
        "Eligible and relevant young people with a completed "
        "pathway plan (Care Leavers (England) Regulations 2010).",
        note="No DfE statistic; from the case system.",
    ),
    IndicatorRecord(
        2,
        "% Pathway plan reviews completed",
        "pathway_plan_reviews_pct",
        MANUAL,
        "%",
        UP,
        LOCAL,
        "Pathway plan reviews done on time, as a share of those due.",
        note="No DfE statistic; from the case system.",
    ),
    IndicatorRecord(
        2,
        "% of referrals made to adults social care that are refused",
        "asc_referrals_refused_pct",
        MANUAL,
        "%",
        DOWN,
        LOCAL,
        "Referrals from children's services to adult social care that were not accepted.",
    ),
    IndicatorRecord(
        2,
        "% of care leavers with passport",
        "care_leavers_passport_pct",
        MANUAL,
        "%",
        UP,
        LOCAL,
        "Care leavers who hold a passport.",
    ),
    IndicatorRecord(
        2,
        "% of plans not matching permanence plans",
        "plans_not_matching_permanence_pct",
        MANUAL,
        "%",
        DOWN,
        LOCAL,
        "Plans found by audit not to match the child's permanence plan.",
        note="903 holds placement codes, not permanence plans: a local audit measure.",
    ),
    IndicatorRecord(
        2,
        "Foster carer training",
        "foster_carer_training",
        MANUAL,
        "%",
        UP,
        LOCAL,
        "Foster carers who completed their required training.",
        owner="Fostering Service",
        note="The strategy does not say what is "
        "counted; the demo assumes the share of carers up to date with training.",
    ),
)

PRIORITY_3: tuple[IndicatorRecord, ...] = (
    IndicatorRecord(
        3,
        "% CLA with 2+ social worker changes in the previous two years",
        "sw_changes_2plus_pct",
        SSDA903,
        "%",
        DOWN,
        YEAR,
        "Children looked "
        "after at 31 March who had three or more different social workers in "
        "the year (SWEpisodes).",
        note="The DfE measure uses one year and 3+ "
        "social workers (2+ changes); the strategy's two-year window needs two "
        "years of social worker episodes (903 from 2023-24).",
    ),
    IndicatorRecord(
        3,
        "% CLA with 2+ placement moves in the previous 2 years",
        "placement_moves_2plus_2yr_pct",
        SSDA903,
        "%",
        DOWN,
        TWO_YEARS,
        "Children looked after for two years at 31 March with three or more "
        "placements in those two years (three placements = two moves).",
        note="Being placed for adoption with the current foster carer is not a move.",
    ),
    IndicatorRecord(
        3,
        "% CLA with 2+ school moves in the previous 2 years",
        "school_moves_2yr_pct",
        MANUAL,
        "%",
        DOWN,
        TWO_YEARS,
        "Children looked after at 31 March with school moves in the previous two years.",
        owner=VIRTUAL_SCHOOL,
        note="Not in the 903 return: needs the school census or Virtual School records.",
    ),
    IndicatorRecord(
        3,
        "Adoption - average number of days between placement order and match "
        "for children adopted (A2)",
        "adoption_a2_days",
        SSDA903,
        "days",
        DOWN,
        ROLLING,
        "Mean days from the court's authority to place to the decision "
        "to match, for children adopted in the period (zero if matched first).",
    ),
    IndicatorRecord(
        3,
        "Adoption - average number of days between child entering are and "
        "moving in with adoptive family (A10)",
        "adoption_a10_days",
        SSDA903,
        "days",
        DOWN,
        ROLLING,
        "Mean days from entering care to moving in with "
        "the adoptive family; for adoptions by the foster carer, to moving in "
        "with that carer.",
        note="'entering are' is the strategy's typo for 'entering care'.",
    ),
    IndicatorRecord(
        3,
        "Adoption - average number of days between child entering care and "
        "placement order beign granted (A20)",
        "adoption_a20_days",
        SSDA903,
        "days",
        DOWN,
        ROLLING,
        "Mean days from the start of the period of care "
        "to the placement order (first LS E1 or D1 episode), for children "
        "adopted in the period.",
        note="No official definition of 'A20' was "
        "found; this is the suggested one from indicators.md.",
    ),
    IndicatorRecord(
        3,
        "CYP permanent placement with foster carer",
        "long_term_foster_pct",
        SSDA903,
        "%",
        UP,
        SNAPSHOT,
        "Children looked after at 31 March in long-term fostering (PLACE U1/U4).",
        note="Other local readings are possible, e.g. special guardianship to the foster carer.",
    ),
    IndicatorRecord(
        3,
        "Number of Reg 44 judgements - inadequate",
        "reg44_inadequate_count",
        MANUAL,
        "count",
        DOWN,
        LOCAL,
        "Regulation 44 independent visit reports on "
        "the council's children's homes judging the home inadequate.",
    ),
    IndicatorRecord(
        3,
        "% Care Leavers in Suitable Accommodation (17–18-year-olds)",
        "care_leavers_17_18_suitable_accom_pct",
        SSDA903,
        "%",
        UP,
        YEAR,
        "Care leavers aged 17-18 (OC3) whose accommodation is suitable, leaving "
        "out those abroad, deported or with residence not known.",
    ),
    IndicatorRecord(
        3,
        "% Care Leavers in Suitable Accommodation (19–21-year-olds)",
        "care_leavers_19_21_suitable_accom_pct",
        SSDA903,
        "%",
        UP,
        YEAR,
        "Care leavers aged 19-21 (OC3) whose accommodation is suitable, leaving "
        "out those abroad, deported or with residence not known.",
    ),
    IndicatorRecord(
        3,
        "Lack of planning for care leavers 18+",
        "care_leavers_planning_gaps",
        MANUAL,
        "count",
        DOWN,
        LOCAL,
        "Care leavers over 18 found without an up-to-date plan.",
        note="The strategy does not define it; a local audit measure.",
    ),
    IndicatorRecord(
        3,
        "Care leavers referred to homeless team",
        "care_leavers_homeless_referrals",
        MANUAL,
        "count",
        DOWN,
        LOCAL,
        "Care leavers referred to the council's homelessness team.",
        note="Not in the 903 return. A partial proxy is OC3 accommodation of no "
        "fixed abode, emergency accommodation or bed and breakfast.",
    ),
    IndicatorRecord(
        3,
        "% Reduction in out of borough placements for CLA/CL",
        "placed_outside_la_reduction_pct",
        MANUAL,
        "%",
        UP,
        TWO_YEARS,
        "Change over the year in the share of children looked after placed outside the boundary.",
        note="Can be worked out from two years of "
        "placed_outside_la_pct; a reduction is the good direction, so a larger "
        "value is better. Care leavers (CL) placed out of borough are not in "
        "the 903 return.",
    ),
)

PRIORITY_4: tuple[IndicatorRecord, ...] = (
    IndicatorRecord(
        4,
        "% CLA achieving expected standard in reading, writing and maths at Key Stage 2",
        "ks2_rwm_expected_pct",
        MANUAL,
        "%",
        UP,
        ACADEMIC,
        "Children looked after for 12 months at the end of Key Stage 2 who met "
        "the expected standard in reading, writing and maths.",
        owner=VIRTUAL_SCHOOL,
        note="From NPD or Virtual School data.",
    ),
    IndicatorRecord(
        4,
        "% of CLA achieving GCSE Progress 8 Score for Children Looked After in Wirral",
        "progress8_average",
        MANUAL,
        "score",
        UP,
        ACADEMIC,
        "Average Progress 8 score of children looked after for 12 months at the "
        "end of Key Stage 4.",
        owner=VIRTUAL_SCHOOL,
        note="Progress 8 is an average score, not a percentage, despite the "
        "wording. It is not published for 2024/25 and 2025/26 (no KS2 baseline "
        "because of COVID).",
    ),
    IndicatorRecord(
        4,
        "Attainment 8",
        "attainment8_average",
        MANUAL,
        "score",
        UP,
        ACADEMIC,
        "Average Attainment 8 score of children looked after for 12 months at "
        "the end of Key Stage 4.",
        owner=VIRTUAL_SCHOOL,
    ),
    IndicatorRecord(
        4,
        "% Of PEPs completed",
        "peps_completed_pct",
        MANUAL,
        "%",
        UP,
        LOCAL,
        "Children looked after of school age with a personal education plan completed in the term.",
        owner=VIRTUAL_SCHOOL,
    ),
    IndicatorRecord(
        4,
        "% PEPs quality good/better",
        "peps_good_pct",
        MANUAL,
        "%",
        UP,
        LOCAL,
        "Personal education plans judged good or better by Virtual School quality assurance.",
        owner=VIRTUAL_SCHOOL,
    ),
    IndicatorRecord(
        4,
        "CLA attendance rates in schools",
        "overall_absence_pct",
        MANUAL,
        "%",
        DOWN,
        ACADEMIC,
        "Share of possible school sessions missed by children looked after aged 5-15.",
        owner=VIRTUAL_SCHOOL,
        note="The strategy speaks of attendance; the national figure is the "
        "absence rate, where lower is better.",
    ),
    IndicatorRecord(
        4,
        "CLA fixed term exclusions",
        "suspension_pct",
        MANUAL,
        "%",
        DOWN,
        ACADEMIC,
        "Children looked after with one or more suspensions (formerly fixed-term exclusions).",
        owner=VIRTUAL_SCHOOL,
    ),
    IndicatorRecord(
        4,
        "CLA permanent exclusions",
        "permanent_exclusion_pct",
        MANUAL,
        "%",
        DOWN,
        ACADEMIC,
        "Children looked after permanently excluded from school.",
        owner=VIRTUAL_SCHOOL,
    ),
    IndicatorRecord(
        4,
        "CLA persistent absenteeism",
        "persistent_absence_pct",
        MANUAL,
        "%",
        DOWN,
        ACADEMIC,
        "Children looked after missing 10% or more of possible sessions.",
        owner=VIRTUAL_SCHOOL,
    ),
    IndicatorRecord(
        4,
        "% Care Leavers in EET 17–18-year-olds",
        "care_leavers_17_18_eet_pct",
        SSDA903,
        "%",
        UP,
        YEAR,
        "Care leavers aged 17-18 (OC3) in education, "
        "employment or training; 'not known' stays in the denominator.",
    ),
    IndicatorRecord(
        4,
        "% Care Leavers in EET 19–21-year-olds",
        "care_leavers_19_21_eet_pct",
        SSDA903,
        "%",
        UP,
        YEAR,
        "Care leavers aged 19-21 (OC3) in education, "
        "employment or training; 'not known' stays in the denominator.",
    ),
    IndicatorRecord(
        4,
        "% Care Leavers with an EHCP in EET 19–21-year-olds",
        "care_leavers_ehcp_19_21_eet_pct",
        MANUAL,
        "%",
        UP,
        YEAR,
        "The EET measure for care leavers aged 19-21 who have an active EHCP.",
        note="EET comes from the 903 return, the EHCP list from the local "
        "register, so it is entered by hand for now.",
    ),
    IndicatorRecord(
        4,
        "% Care Leavers in higher education",
        "care_leavers_19_21_higher_education_pct",
        SSDA903,
        "%",
        UP,
        YEAR,
        "Care leavers aged 19-21 (OC3) in higher education (ACTIV F1/P1).",
        note="The strategy gives no age group; the DfE headline uses 19-21.",
    ),
    IndicatorRecord(
        4,
        "Care Leavers in apprenticeship",
        "care_leavers_apprenticeship_count",
        SSDA903,
        "count",
        UP,
        YEAR,
        "Care leavers (OC3) on an apprenticeship (ACTIV F4/P4).",
    ),
)

# (section heading, entries): the vision first, then each priority in order.
SECTIONS: tuple[tuple[int, tuple[IndicatorRecord, ...]], ...] = (
    (0, VISION),
    (1, PRIORITY_1),
    (2, PRIORITY_2),
    (3, PRIORITY_3),
    (4, PRIORITY_4),
)

ALL_ENTRIES: tuple[IndicatorRecord, ...] = tuple(
    entry for _, entries in SECTIONS for entry in entries
)
