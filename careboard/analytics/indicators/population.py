"""How many children are looked after at 31 March, and how many of them are UASC."""

from __future__ import annotations

import ibis.expr.types as ir

from careboard.analytics.indicators.cohorts import looked_after_on_31_march
from careboard.analytics.indicators.measures import count_of
from careboard.analytics.indicators.periods import year_end
from careboard.analytics.indicators.registry import Tables, indicator

CLA_PUBLICATION = "DfE Children looked after in England including adoptions (national table A1)"


@indicator(
    code="cla_count_31mar",
    title="Children looked after at 31 March",
    priority="vision",
    unit="count",
    polarity="contextual",
    cohort="Children looked after at 31 March, excluding an agreed series of short breaks",
    period="dfe_year",
    definition="""Children with an episode open on 31 March (DEC blank or after 31 March)
    whose legal status is not V3 or V4 (short breaks). Each child counts once. The rate per
    10,000 children also needs the ONS mid-year population aged 0-17, which is not in the
    903.""",
    source_fields=("Episodes.DECOM", "Episodes.DEC", "Episodes.LS"),
    dfe_publication=CLA_PUBLICATION,
)
def cla_count_31mar(tables: Tables, years: ir.Table) -> ir.Table:
    return count_of(years, looked_after_on_31_march(tables, years))


@indicator(
    code="uasc_count_31mar",
    title="Unaccompanied asylum-seeking children looked after at 31 March",
    priority="vision",
    unit="count",
    polarity="contextual",
    cohort="Children looked after at 31 March who were UASC on that day",
    period="dfe_year",
    definition="""Children looked after at 31 March (short breaks excluded) with a UASC row
    whose UASC status had not ceased by 31 March (DUC blank or after 31 March).""",
    source_fields=("Episodes.DECOM", "Episodes.DEC", "Episodes.LS", "UASC.DUC"),
    dfe_publication=CLA_PUBLICATION + ", UASC tables",
    tables=("episodes", "uasc"),
)
def uasc_count_31mar(tables: Tables, years: ir.Table) -> ir.Table:
    uasc = tables["uasc"]
    looked_after = looked_after_on_31_march(tables, years)
    still_uasc = looked_after.semi_join(
        uasc,
        (looked_after.child == uasc.child)
        & (uasc.duc.isnull() | (uasc.duc > year_end(looked_after.year))),
    )
    return count_of(years, still_uasc)
