"""Health of children looked after for at least 12 months (the OC2 cohort)."""

from __future__ import annotations

import ibis.expr.types as ir

from careboard.analytics.indicators.cohorts import oc2_cohort
from careboard.analytics.indicators.measures import count_of, mean_of, share
from careboard.analytics.indicators.registry import Tables, indicator

OC2_PUBLICATION = "DfE Outcomes for children in need, including children looked after (OC2)"
OC2_COHORT = "Children looked after at 31 March, continuously for at least 12 months"
OC2_TABLES = ("episodes", "oc2", "header")
MISSING_OC2_ROW = "in the 12-month cohort but no OC2 row for the year"
RECEIVED = """Only a 1 counts: a refusal, a 0 or a missing OC2 row counts as not received."""
COHORT_RULE = """The cohort is children looked after at 31 March with no break in care since
1 April (a period of care starting on 1 April counts) and no short break in the year."""


def _received(item: str, title: str, code: str, field: str) -> None:
    @indicator(
        code=code,
        title=title,
        priority="health",
        unit="percent",
        polarity="higher",
        cohort=OC2_COHORT,
        period="dfe_year",
        definition=f"Children in the 12-month cohort with {field} = 1 out of all children in "
        f"the cohort, of every age. {RECEIVED} {COHORT_RULE}",
        source_fields=(f"OC2.{field}", "Episodes.DECOM", "Episodes.DEC", "Episodes.REC"),
        dfe_publication=OC2_PUBLICATION + " (health tables)",
        tables=OC2_TABLES,
        caveat=MISSING_OC2_ROW,
    )
    def definition(tables: Tables, years: ir.Table) -> ir.Table:
        cohort = oc2_cohort(tables, years)
        return share(years, cohort, cohort[item] == 1, caveat=~cohort.has_oc2_row)

    definition.__name__ = code


_received(
    "health_assessment",
    "Annual health assessment up to date",
    "oc2_health_assessment_pct",
    "HEALTH_ASSESSMENT",
)
_received("teeth_check", "Dental check up to date", "oc2_dental_check_pct", "TEETH_CHECK")
_received("immunisations", "Immunisations up to date", "oc2_immunisations_pct", "IMMUNISATIONS")


@indicator(
    code="oc2_count",
    title="Children looked after for at least 12 months at 31 March",
    priority="health",
    unit="count",
    polarity="contextual",
    cohort=OC2_COHORT,
    period="dfe_year",
    definition="How many children are in the 12-month cohort. " + COHORT_RULE,
    source_fields=("Episodes.RNE", "Episodes.DECOM", "Episodes.DEC", "Episodes.REC", "Episodes.LS"),
    dfe_publication=OC2_PUBLICATION,
    tables=OC2_TABLES,
    caveat=MISSING_OC2_ROW,
)
def oc2_count(tables: Tables, years: ir.Table) -> ir.Table:
    cohort = oc2_cohort(tables, years)
    return count_of(years, cohort, caveat=~cohort.has_oc2_row)


@indicator(
    code="oc2_development_check_pct",
    title="Development checks up to date (under 5s)",
    priority="health",
    unit="percent",
    polarity="higher",
    cohort=OC2_COHORT + ", aged under 5 at 31 March",
    period="dfe_year",
    definition=f"""Children in the 12-month cohort aged under 5 at 31 March with HEALTH_CHECK =
    1 (development checks up to date) out of all such children. {RECEIVED} {COHORT_RULE}""",
    source_fields=("OC2.HEALTH_CHECK", "Header.DOB", "Episodes.DEC"),
    dfe_publication=OC2_PUBLICATION + " (health tables)",
    tables=OC2_TABLES,
    caveat=MISSING_OC2_ROW,
)
def oc2_development_check_pct(tables: Tables, years: ir.Table) -> ir.Table:
    cohort = oc2_cohort(tables, years)
    under_5 = cohort.filter(cohort.age < 5)
    return share(years, under_5, under_5.health_check == 1, caveat=~under_5.has_oc2_row)


def _sdq_ages(tables: Tables, years: ir.Table) -> ir.Table:
    cohort = oc2_cohort(tables, years)
    return cohort.filter(cohort.age.between(5, 16))


@indicator(
    code="oc2_sdq_completed_pct",
    title="SDQ score returned (ages 5 to 16)",
    priority="health",
    unit="percent",
    polarity="higher",
    cohort=OC2_COHORT + ", aged 5 to 16 at 31 March",
    period="dfe_year",
    definition=f"""Children in the 12-month cohort aged 5 to 16 at 31 March with an SDQ score
    out of all such children. A reason for no score (SDQ_REASON) counts as not received.
    {COHORT_RULE}""",
    source_fields=("OC2.SDQ_SCORE", "OC2.SDQ_REASON", "Header.DOB"),
    dfe_publication=OC2_PUBLICATION + " (SDQ tables)",
    tables=OC2_TABLES,
    caveat=MISSING_OC2_ROW,
)
def oc2_sdq_completed_pct(tables: Tables, years: ir.Table) -> ir.Table:
    aged = _sdq_ages(tables, years)
    return share(years, aged, aged.sdq_score.notnull(), caveat=~aged.has_oc2_row)


@indicator(
    code="oc2_sdq_average",
    title="Average SDQ score (ages 5 to 16)",
    priority="health",
    unit="score",
    polarity="lower",
    cohort=OC2_COHORT + ", aged 5 to 16 at 31 March, with a score",
    period="dfe_year",
    definition=f"""Mean SDQ total score (0-40; 17 or more is a cause for concern) of children
    in the 12-month cohort aged 5 to 16 at 31 March who have a score. {COHORT_RULE}""",
    source_fields=("OC2.SDQ_SCORE", "Header.DOB"),
    dfe_publication=OC2_PUBLICATION + " (SDQ tables)",
    tables=OC2_TABLES,
    caveat=MISSING_OC2_ROW,
)
def oc2_sdq_average(tables: Tables, years: ir.Table) -> ir.Table:
    aged = _sdq_ages(tables, years)
    return mean_of(years, aged, aged.sdq_score, caveat=~aged.has_oc2_row)
