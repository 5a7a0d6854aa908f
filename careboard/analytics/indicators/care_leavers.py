"""Care leavers (OC3): how many, in touch, in education/employment/training, suitably housed."""

from __future__ import annotations

import ibis.expr.types as ir

from careboard.analytics.indicators import groups
from careboard.analytics.indicators.cohorts import care_leavers
from careboard.analytics.indicators.measures import count_of, share
from careboard.analytics.indicators.registry import Tables, indicator

CARE_LEAVERS_PUBLICATION = "DfE Children looked after in England including adoptions (care leavers)"
OC3_TABLES = ("oc3", "episodes")
AGE_GROUPS: dict[str, tuple[int, int]] = {"17_18": (17, 18), "19_21": (19, 21)}
COHORT_RULE = """The cohort is the OC3 rows of the year for young people of that age at 31
March (the age they turned on their birthday in the year). Left out, as DfE does: those who
died (IN_TOUCH = DIED), returned home for 6 months or more (RHOM), or are known only
through short breaks (V3/V4)."""


def _cohort_title(group: str) -> str:
    youngest, oldest = AGE_GROUPS[group]
    return f"Care leavers aged {youngest} to {oldest} (OC3), excluding DIED and RHOM"


def _register_family(group: str) -> None:
    """The count, in-touch, EET and suitable accommodation indicators for one age group."""
    ages = AGE_GROUPS[group]
    label = f"aged {ages[0]} to {ages[1]}"
    common = {
        "cohort": _cohort_title(group),
        "period": "care_leaver_birthday_year",
        "dfe_publication": CARE_LEAVERS_PUBLICATION + f" ({label})",
        "tables": OC3_TABLES,
    }

    def cohort(tables: Tables, years: ir.Table) -> ir.Table:
        return care_leavers(tables, years, ages)

    @indicator(
        code=f"care_leavers_{group}_count",
        title=f"Care leavers {label}",
        priority="vision",
        unit="count",
        polarity="contextual",
        definition=f"How many care leavers {label} the OC3 return holds. {COHORT_RULE}",
        source_fields=("OC3.IN_TOUCH", "OC3.DOB"),
        **common,  # type: ignore[arg-type]
    )
    def count(tables: Tables, years: ir.Table) -> ir.Table:
        return count_of(years, cohort(tables, years))

    @indicator(
        code=f"care_leavers_{group}_in_touch_pct",
        title=f"Care leavers {label} in touch with the council",
        priority="independence",
        unit="percent",
        polarity="higher",
        definition=f"""Care leavers {label} with IN_TOUCH = YES out of the cohort. Those not
        in touch, refusing contact (REFU) or no longer needing services (NREQ) stay in the
        denominator. The nearest DfE figure to the strategy's "in touch every 8 weeks".
        {COHORT_RULE}""",
        source_fields=("OC3.IN_TOUCH", "OC3.DOB"),
        **common,  # type: ignore[arg-type]
    )
    def in_touch(tables: Tables, years: ir.Table) -> ir.Table:
        leavers = cohort(tables, years)
        return share(years, leavers, leavers.in_touch == "YES")

    @indicator(
        code=f"care_leavers_{group}_eet_pct",
        title=f"Care leavers {label} in education, employment or training",
        priority="education",
        unit="percent",
        polarity="higher",
        definition=f"""Care leavers {label} whose ACTIV is F1/P1 (higher education), F2/P2
        (other education), F4/P4 (apprenticeship), F5/P5 (other training or employment) or
        the older F3/P3 (training or employment, to 2020-21), out of the cohort; activity
        not known (0) stays in the denominator. {COHORT_RULE}""",
        source_fields=("OC3.ACTIV", "OC3.IN_TOUCH", "OC3.DOB"),
        **common,  # type: ignore[arg-type]
    )
    def eet(tables: Tables, years: ir.Table) -> ir.Table:
        leavers = cohort(tables, years)
        return share(years, leavers, leavers.activ.isin(groups.EET))

    @indicator(
        code=f"care_leavers_{group}_suitable_accom_pct",
        title=f"Care leavers {label} in suitable accommodation",
        priority="homes",
        unit="percent",
        polarity="higher",
        definition=f"""Care leavers {label} whose ACCOM ends in 1 (suitable), out of the
        cohort less those gone abroad (G), deported (H) or whose residence is not known (R).
        Not in touch, refusals and accommodation not known (0) stay in the denominator.
        {COHORT_RULE}""",
        source_fields=("OC3.ACCOM", "OC3.IN_TOUCH", "OC3.DOB"),
        **common,  # type: ignore[arg-type]
    )
    def suitable_accommodation(tables: Tables, years: ir.Table) -> ir.Table:
        leavers = cohort(tables, years)
        in_scope = ~leavers.accom.substr(0, 1).isin(groups.ACCOM_OUT_OF_SCOPE)
        suitable = leavers.accom.endswith(groups.SUITABLE)
        return share(years, leavers, suitable, denominator=in_scope)

    for definition in (count, in_touch, eet, suitable_accommodation):
        definition.__qualname__ = definition.__name__


for _group in AGE_GROUPS:
    _register_family(_group)


@indicator(
    code="care_leavers_19_21_higher_education_pct",
    title="Care leavers aged 19 to 21 in higher education",
    priority="education",
    unit="percent",
    polarity="higher",
    cohort=_cohort_title("19_21"),
    period="care_leaver_birthday_year",
    definition=f"""Care leavers aged 19 to 21 whose ACTIV is F1 or P1 (higher education,
    full or part time) out of the cohort. {COHORT_RULE}""",
    source_fields=("OC3.ACTIV", "OC3.IN_TOUCH", "OC3.DOB"),
    dfe_publication=CARE_LEAVERS_PUBLICATION + " (aged 19 to 21)",
    tables=OC3_TABLES,
)
def care_leavers_19_21_higher_education_pct(tables: Tables, years: ir.Table) -> ir.Table:
    leavers = care_leavers(tables, years, AGE_GROUPS["19_21"])
    return share(years, leavers, leavers.activ.isin(groups.HIGHER_EDUCATION))


@indicator(
    code="care_leavers_apprenticeship_count",
    title="Care leavers aged 17 to 21 in an apprenticeship",
    priority="education",
    unit="count",
    polarity="higher",
    cohort="Care leavers aged 17 to 21 (OC3), excluding DIED and RHOM",
    period="care_leaver_birthday_year",
    definition=f"""Care leavers aged 17 to 21 whose ACTIV is F4 or P4 (apprenticeship, full
    or part time). Apprenticeships were first recorded apart in 2021-22 (before then F3/P3
    mixed them with other training and employment), so earlier years are not derivable.
    {COHORT_RULE}""",
    source_fields=("OC3.ACTIV", "OC3.IN_TOUCH", "OC3.DOB"),
    dfe_publication=CARE_LEAVERS_PUBLICATION + " (activity)",
    tables=OC3_TABLES,
    first_year=groups.APPRENTICESHIP_FROM,
)
def care_leavers_apprenticeship_count(tables: Tables, years: ir.Table) -> ir.Table:
    leavers = care_leavers(tables, years, (17, 21))
    return share(years, leavers, leavers.activ.isin(groups.APPRENTICESHIP))
