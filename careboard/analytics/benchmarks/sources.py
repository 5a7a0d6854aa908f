"""Which DfE file, filter and column gives the published figure for each indicator code.

One small entry per indicator. `EesColumn` picks one column of a DfE "explore education
statistics" (EES) underlying CSV after fixing the filter columns; `LaitMeasure` picks one
measure of the LAIT long file; `Ratio` and `Total` combine two or more of those where DfE
publishes the parts but not the figure itself. An indicator may list several sources: the first
gives every year it has, later ones only fill years the earlier ones lack (older releases, or
LAIT for the newest year). Paths are relative to the benchmark pack (../shared/benchmarks).

Where DfE publishes nothing comparable the entry is a `NoBenchmark` with the reason.
Polarity (for quartiles) follows ../shared/docs/indicators.md and the LAIT data dictionary
(`Polarity` High/Low/-).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Polarity(StrEnum):
    HIGHER = "higher"  # higher is better
    LOWER = "lower"  # lower is better
    CONTEXTUAL = "contextual"  # neither: no quartile position, no RAG


class Unit(StrEnum):
    PERCENT = "percent"
    COUNT = "count"
    DAYS = "days"
    SCORE = "score"


@dataclass(frozen=True)
class EesColumn:
    """One column of a DfE EES underlying-data CSV, with the filter columns fixed."""

    file: str
    column: str
    filters: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class LaitMeasure:
    """One measure (`Short Desc`) of LAIT's long file; its only symbol is "-"."""

    short_desc: str
    file: str = "lait/bds_long_0.parquet"


@dataclass(frozen=True)
class Ratio:
    """numerator / denominator x 100, rounded to a whole number as DfE rounds percentages."""

    numerator: EesColumn
    denominator: EesColumn


@dataclass(frozen=True)
class Total:
    """Sum of published parts; missing (with the first part's symbol) if any part is missing."""

    parts: tuple[EesColumn, ...]


Source = EesColumn | LaitMeasure | Ratio | Total


@dataclass(frozen=True)
class Benchmark:
    code: str
    measure: str  # the DfE measure, in DfE's words
    unit: Unit
    polarity: Polarity
    sources: tuple[Source, ...]
    note: str = ""


@dataclass(frozen=True)
class NoBenchmark:
    code: str
    reason: str


@dataclass(frozen=True)
class _Ees:
    """Shorthand for the filter sets of one file."""

    file: str
    column: str
    base: dict[str, str] = field(default_factory=dict)

    def __call__(self, column: str | None = None, **filters: str) -> EesColumn:
        fixed = {**self.base, **filters}
        return EesColumn(self.file, column or self.column, tuple(sorted(fixed.items())))


CSC = "csc_outcomes_enablers"
REL24 = "ees_cla_2025release"
OUTCOMES = "ees_cla_outcomes"
CLA_12M = "CLA 12 months at 31 March"

_cla_numbers = _Ees(f"{CSC}/cla_number_and_rate_per_10k_children.csv", "children_count")
_cla_numbers_old = _Ees(f"{REL24}/cla_number_and_rate_per_10k_children.csv", "number")
_stability = _Ees(f"{CSC}/la_cla_placement_stability.csv", "children_percent")
_stability_old = _Ees(f"{REL24}/la_cla_placement_stability.csv", "percentage")
_health = _Ees(
    f"{CSC}/la_conviction_health_outcome_cla.csv",
    "children_percent",
    {"characteristic": "Health assessments: Children looked after all ages"},
)
_sdq = _Ees(
    f"{CSC}/la_conviction_health_outcome_cla.csv",
    "children_percent",
    {"characteristic": "Ages 5 to 16 years with SDQ score"},
)
_activity = _Ees(f"{CSC}/la_care_leavers_activity.csv", "care_leaver_percent")
_accommodation = _Ees(f"{CSC}/la_care_leavers_accommodation_suitability.csv", "care_leaver_percent")
_in_touch = _Ees(
    f"{REL24}/la_care_leavers_intouch.csv",
    "percentage",
    {"in_touch": "Local authority in touch with care leaver"},
)
_missing = _Ees(
    f"{REL24}/la_children_who_were_missing_or_away_from_placement_without_authorisation.csv",
    "number",
)
_ks2 = _Ees(f"{CSC}/ks2_la.csv", "pt_rwm_met_expected_standard", {"social_care_group": CLA_12M})
_ks4 = _Ees(f"{CSC}/ks4_la.csv", "avg_att8", {"social_care_group": CLA_12M})
_absence = _Ees(
    f"{CSC}/absence_la.csv",
    "pt_overall",
    {"social_care_group": CLA_12M, "phase_type_grouping": "Total"},
)
_sen = _Ees(f"{OUTCOMES}/sen_la.csv", "pt_statement_or_EHC_plan", {"social_care_group": CLA_12M})
_exclusions = _Ees(
    f"{OUTCOMES}/permanent_exclusions_and_suspensions_la.csv",
    "pt_one_plus_sus",
    {"social_care_group": CLA_12M},
)

CLA_31_MARCH = "Children looked after on 31 March each year"
CLA_31_MARCH_OLD = "Children looked after at 31 March each year"
AGE_17_18 = "17 to 18 years"
AGE_19_21 = "19 to 21 years"


def _cla_count(population: str, old_population: str) -> tuple[Source, ...]:
    return (
        _cla_numbers(population_type=population),
        _cla_numbers_old(population_count=old_population),
    )


_BENCHMARKS: tuple[Benchmark | NoBenchmark, ...] = (
    Benchmark(
        "cla_count_31mar",
        "Children looked after at 31 March (excluding short breaks)",
        Unit.COUNT,
        Polarity.CONTEXTUAL,
        _cla_count(CLA_31_MARCH, CLA_31_MARCH_OLD),
        "England and regional counts are rounded to the nearest 10 by DfE.",
    ),
    Benchmark(
        "cla_starters",
        "Children who started to be looked after during the year",
        Unit.COUNT,
        Polarity.CONTEXTUAL,
        _cla_count(
            "Children starting to be looked after each year",
            "Children starting to be looked after each year",
        ),
    ),
    Benchmark(
        "cla_ceased",
        "Children who ceased to be looked after during the year",
        Unit.COUNT,
        Polarity.CONTEXTUAL,
        _cla_count(
            "Children ceasing to be looked after each year",
            "Children ceasing to be looked after each year",
        ),
    ),
    Benchmark(
        "ceased_adopted_pct",
        "Percentage of children ceasing to be looked after who were adopted",
        Unit.PERCENT,
        Polarity.HIGHER,
        (
            EesColumn(
                f"{REL24}/la_children_who_ceased_during_the_year.csv",
                "percentage",
                (("characteristic", "Adopted"), ("cla_group", "Reason episode ceased")),
            ),
            LaitMeasure("%_of LAC Adopted"),
        ),
        "EES release to 2024; LAIT fills 2025 and earlier years.",
    ),
    Benchmark(
        "foster_placement_pct",
        "Percentage of children looked after at 31 March placed with foster carers",
        Unit.PERCENT,
        Polarity.HIGHER,
        (LaitMeasure("LAC_Foster_Placements"),),
        "The LA-level placement-type file is not in the pack; LAIT carries the DfE figure.",
    ),
    NoBenchmark(
        "long_term_foster_pct",
        "DfE no longer publishes long-term fostering (U1/U4) separately from other fostering.",
    ),
    Benchmark(
        "placed_outside_la_pct",
        "Percentage of children looked after at 31 March placed outside the LA boundary",
        Unit.PERCENT,
        Polarity.LOWER,
        (
            Ratio(
                EesColumn(
                    f"{REL24}/la_cla_on_31_march_la_of_placement_netgain.csv",
                    "number",
                    (
                        (
                            "characteristic",
                            "2. Children who are the responsibility of this LA placed "
                            "outside the LA boundary",
                        ),
                    ),
                ),
                _cla_numbers_old(population_count=CLA_31_MARCH_OLD),
            ),
        ),
        "Computed from the DfE count placed outside the boundary (net-gain table) and the "
        "count at 31 March; DfE publishes the two counts, not this percentage.",
    ),
    Benchmark(
        "placed_over_20_miles_outside_pct",
        "Children looked after at 31 March placed more than 20 miles from home and outside "
        "the LA boundary (%)",
        Unit.PERCENT,
        Polarity.LOWER,
        (LaitMeasure("LACDistance"),),
    ),
    Benchmark(
        "placements_3plus_pct",
        "Children looked after at 31 March with 3 or more placements during the year (%)",
        Unit.PERCENT,
        Polarity.LOWER,
        (
            _stability(
                cla_group="CLA on 31 March",
                placement_stability="With 3 or more placements during the year",
            ),
            _stability_old(
                cla_group="CLA on 31 March",
                placement_stability="With 3 or more placements during the year",
            ),
        ),
    ),
    Benchmark(
        "long_term_stability_pct",
        "Children looked after for 2.5 years or more, aged under 16, living with the same "
        "carer for at least 2 years (%)",
        Unit.PERCENT,
        Polarity.HIGHER,
        (
            _stability(
                cla_group="Children looked after continuously for at least 2.5 years on 31 "
                "March aged under 16 years",
                placement_stability="Living with the same carer for at least 2 years",
            ),
            _stability_old(
                cla_group="Children looked after continuously for at least 2.5 years on 31 "
                "March aged under 16 years",
                placement_stability="Living with the same carer for at least 2 years",
            ),
        ),
    ),
    Benchmark(
        "placement_moves_2plus_2yr_pct",
        "Children looked after 2 years on 31 March with 3 or more placements during the "
        "previous 2 years (%)",
        Unit.PERCENT,
        Polarity.LOWER,
        (
            _stability(
                cla_group="CLA 2 years on 31 March",
                placement_stability="With 3 or more placements during the previous 2 years",
            ),
            _stability_old(
                cla_group="CLA 2 years on 31 March",
                placement_stability="With 3 or more placements during the previous 2 years",
            ),
        ),
        "DfE '3 or more placements' = the strategy's '2 or more moves'.",
    ),
    Benchmark(
        "sw_changes_2plus_pct",
        "Children looked after at 31 March with 3 or more social workers during the year (%)",
        Unit.PERCENT,
        Polarity.LOWER,
        (
            EesColumn(
                f"{CSC}/la_cla_swcount.csv",
                "percentage",
                (
                    ("cla_group", "CLA on 31 March"),
                    ("sw_stability", "3 or more social workers during the year"),
                ),
            ),
        ),
        "DfE counts social workers over one year; the strategy's two-year variant has no "
        "published benchmark. First published for 2024.",
    ),
    Benchmark(
        "oc2_count",
        "Children looked after continuously for at least 12 months at 31 March",
        Unit.COUNT,
        Polarity.CONTEXTUAL,
        (_health("children_count", breakdown="Total all ages"),),
    ),
    Benchmark(
        "oc2_health_assessment_pct",
        "Had their annual health assessment (% of CLA 12 months)",
        Unit.PERCENT,
        Polarity.HIGHER,
        (_health(breakdown="Had their annual health assessment"),),
    ),
    Benchmark(
        "oc2_dental_check_pct",
        "Had their teeth checked by a dentist (% of CLA 12 months)",
        Unit.PERCENT,
        Polarity.HIGHER,
        (_health(breakdown="Had their teeth checked by a dentist"),),
    ),
    Benchmark(
        "oc2_immunisations_pct",
        "Had their immunisations up to date (% of CLA 12 months)",
        Unit.PERCENT,
        Polarity.HIGHER,
        (_health(breakdown="Had their immunisations up to date"),),
    ),
    Benchmark(
        "oc2_sdq_completed_pct",
        "Children aged 5 to 16 whose SDQ score was received (%)",
        Unit.PERCENT,
        Polarity.HIGHER,
        (_sdq(breakdown="SDQ score was received"),),
    ),
    Benchmark(
        "oc2_sdq_average",
        "Average SDQ score, children aged 5 to 16",
        Unit.SCORE,
        Polarity.LOWER,
        (_sdq("children_count", breakdown="SDQ average score"),),
        "DfE puts the average in the count column (the percentage column is 'z').",
    ),
    Benchmark(
        "missing_in_year_pct",
        "Percentage of children looked after during the year who had a missing incident",
        Unit.PERCENT,
        Polarity.CONTEXTUAL,
        (
            _missing(CLA_group="Percentage of children who had a missing incident during the year"),
            LaitMeasure("Children_missing"),
        ),
        "LAIT gives no polarity ('-'): no quartile.",
    ),
    Benchmark(
        "away_no_auth_in_year_pct",
        "Percentage of children looked after during the year who were away from placement "
        "without authorisation",
        Unit.PERCENT,
        Polarity.CONTEXTUAL,
        (
            _missing(
                CLA_group="Percentage of children who were away from placement without "
                "authorisation during the year"
            ),
            LaitMeasure("Children_Away"),
        ),
        "LAIT gives no polarity ('-'): no quartile.",
    ),
    NoBenchmark(
        "adoption_a1_days",
        "The adoption scorecard (A1) is not in the pack; DfE's annual release gives only "
        "national single-year stage durations in years:months, a different measure.",
    ),
    NoBenchmark(
        "adoption_a2_days",
        "The adoption scorecard (A2) is not in the pack; DfE's national 'decision to match' "
        "stage starts at the ADM decision, not the placement order.",
    ),
    NoBenchmark(
        "adoption_a10_days",
        "A10 is published quarterly by ASGLB/Coram-i, not by DfE; no figure in the pack.",
    ),
    Benchmark(
        "care_leavers_17_18_count",
        "Care leavers aged 17 to 18 (former relevant young people)",
        Unit.COUNT,
        Polarity.CONTEXTUAL,
        (_activity("care_leaver_count", care_leaver_age=AGE_17_18, breakdown="Total"),),
    ),
    Benchmark(
        "care_leavers_19_21_count",
        "Care leavers aged 19 to 21 (former relevant young people)",
        Unit.COUNT,
        Polarity.CONTEXTUAL,
        (_activity("care_leaver_count", care_leaver_age=AGE_19_21, breakdown="Total"),),
    ),
    Benchmark(
        "care_leavers_17_18_in_touch_pct",
        "Care leavers aged 17 to 18 the local authority is in touch with (%)",
        Unit.PERCENT,
        Polarity.HIGHER,
        (_in_touch(age="Aged 17 to 18"),),
        "Latest year in the pack is 2024.",
    ),
    Benchmark(
        "care_leavers_19_21_in_touch_pct",
        "Care leavers aged 19 to 21 the local authority is in touch with (%)",
        Unit.PERCENT,
        Polarity.HIGHER,
        (_in_touch(age="Aged 19 to 21"),),
        "Latest year in the pack is 2024.",
    ),
    Benchmark(
        "care_leavers_17_18_eet_pct",
        "Care leavers aged 17 to 18 in education, employment or training (%)",
        Unit.PERCENT,
        Polarity.HIGHER,
        (
            _activity(
                care_leaver_age=AGE_17_18, breakdown="Total in education, employment or training"
            ),
        ),
    ),
    Benchmark(
        "care_leavers_19_21_eet_pct",
        "Care leavers aged 19 to 21 in education, employment or training (%)",
        Unit.PERCENT,
        Polarity.HIGHER,
        (
            _activity(
                care_leaver_age=AGE_19_21, breakdown="Total in education, employment or training"
            ),
        ),
    ),
    Benchmark(
        "care_leavers_17_18_suitable_accom_pct",
        "Care leavers aged 17 to 18 in suitable accommodation (%)",
        Unit.PERCENT,
        Polarity.HIGHER,
        (_accommodation(care_leaver_age=AGE_17_18, breakdown="Accommodation considered suitable"),),
        "DfE's denominator includes 'no information'.",
    ),
    Benchmark(
        "care_leavers_19_21_suitable_accom_pct",
        "Care leavers aged 19 to 21 in suitable accommodation (%)",
        Unit.PERCENT,
        Polarity.HIGHER,
        (_accommodation(care_leaver_age=AGE_19_21, breakdown="Accommodation considered suitable"),),
        "DfE's denominator includes 'no information'.",
    ),
    Benchmark(
        "care_leavers_19_21_higher_education_pct",
        "Care leavers aged 19 to 21 in higher education (%)",
        Unit.PERCENT,
        Polarity.HIGHER,
        (
            _activity(
                care_leaver_age=AGE_19_21,
                breakdown="Higher education i.e. studies beyond A level",
            ),
        ),
    ),
    Benchmark(
        "care_leavers_apprenticeship_count",
        "Care leavers aged 17 to 21 in an apprenticeship",
        Unit.COUNT,
        Polarity.HIGHER,
        (
            Total(
                (
                    _activity(
                        "care_leaver_count",
                        care_leaver_age=AGE_17_18,
                        breakdown="In an apprenticeship",
                    ),
                    _activity(
                        "care_leaver_count",
                        care_leaver_age=AGE_19_21,
                        breakdown="In an apprenticeship",
                    ),
                )
            ),
        ),
        "Sum of DfE's two age groups (17-18 and 19-21); missing if either is suppressed. "
        "Counts depend on council size, so the quartile says little.",
    ),
    Benchmark(
        "uasc_count_31mar",
        "Unaccompanied asylum-seeking children looked after at 31 March",
        Unit.COUNT,
        Polarity.CONTEXTUAL,
        (LaitMeasure("Unacc_Asylmn_Seek_Childn"),),
    ),
    # Manual (non-903) indicators: DfE "Outcomes for children in need, including children
    # looked after" (NPD matched to children looked after for 12 months at 31 March).
    # Years are academic years, stored under the year they end (2024/25 -> 2025).
    Benchmark(
        "ks2_rwm_expected_pct",
        "CLA 12 months: key stage 2 expected standard in reading, writing and maths (%)",
        Unit.PERCENT,
        Polarity.HIGHER,
        (_ks2(), LaitMeasure("LAC_KS2_ExpStd_RWM")),
    ),
    Benchmark(
        "attainment8_average",
        "CLA 12 months: average Attainment 8 score",
        Unit.SCORE,
        Polarity.HIGHER,
        (_ks4(), LaitMeasure("LAC_KS4_AVG_Attain8")),
    ),
    Benchmark(
        "progress8_average",
        "CLA 12 months: average Progress 8 score",
        Unit.SCORE,
        Polarity.HIGHER,
        (_ks4("avg_p8score"), LaitMeasure("LAC_KS4_AVG_Prog8")),
        "Not published for 2024/25 ('x'): no key stage 2 baseline because of COVID.",
    ),
    Benchmark(
        "persistent_absence_pct",
        "CLA 12 months: persistent absentees, missing 10% or more of sessions (%)",
        Unit.PERCENT,
        Polarity.LOWER,
        (_absence("pt_pupils_pa_10_exact"), LaitMeasure("LAC_Pers_Abs")),
    ),
    Benchmark(
        "overall_absence_pct",
        "CLA 12 months: overall absence rate (% of possible sessions)",
        Unit.PERCENT,
        Polarity.LOWER,
        (_absence(), LaitMeasure("LAC_Over_Abs")),
    ),
    Benchmark(
        "suspension_pct",
        "CLA 12 months: pupils with at least one suspension (%)",
        Unit.PERCENT,
        Polarity.LOWER,
        (_exclusions(), LaitMeasure("LAC_Fixed_ Ex")),
    ),
    Benchmark(
        "ehcp_pct",
        "CLA 12 months: pupils with an EHC plan or statement (%)",
        Unit.PERCENT,
        Polarity.CONTEXTUAL,
        (_sen(), LaitMeasure("LAC_SEN_Statement")),
    ),
)

BENCHMARKS: dict[str, Benchmark | NoBenchmark] = {entry.code: entry for entry in _BENCHMARKS}
