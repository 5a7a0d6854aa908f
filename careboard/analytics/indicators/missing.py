"""Children who went missing, or were away without authorisation, during the year."""

from __future__ import annotations

import ibis.expr.types as ir

from careboard.analytics.indicators.cohorts import YEAR_AND_CHILD, looked_after_during, matching
from careboard.analytics.indicators.measures import share
from careboard.analytics.indicators.periods import collection_year_of
from careboard.analytics.indicators.registry import Tables, indicator

MISSING_PUBLICATION = "DfE Children looked after in England including adoptions (missing tables)"


def _had_incident(tables: Tables, years: ir.Table, kind: str) -> ir.Table:
    missing = tables["missing"]
    incidents = missing.filter(missing.missing == kind)
    # the year the incident started in (the stored `year` is the return that held it)
    incidents = incidents.mutate(year=collection_year_of(incidents.mis_start))
    children = incidents.select(*YEAR_AND_CHILD).distinct().mutate(had_incident=True)
    counted = matching(looked_after_during(tables, years), children)
    return share(years, counted, counted.had_incident.coalesce(False))


@indicator(
    code="missing_in_year_pct",
    title="Children looked after who went missing during the year",
    priority="homes",
    unit="percent",
    polarity="lower",
    cohort="Children looked after at any time in the year, excluding short breaks",
    period="dfe_year",
    definition="""Children looked after at some time between 1 April and 31 March (short
    breaks excluded) with at least one missing incident (MISSING = M) starting in that
    span, out of all children looked after during the year.""",
    source_fields=("Missing.MISSING", "Missing.MIS_START", "Episodes.DECOM", "Episodes.DEC"),
    dfe_publication=MISSING_PUBLICATION,
    tables=("episodes", "missing"),
)
def missing_in_year_pct(tables: Tables, years: ir.Table) -> ir.Table:
    return _had_incident(tables, years, "M")


@indicator(
    code="away_no_auth_in_year_pct",
    title="Children looked after who were away without authorisation during the year",
    priority="homes",
    unit="percent",
    polarity="lower",
    cohort="Children looked after at any time in the year, excluding short breaks",
    period="dfe_year",
    definition="""Children looked after at some time between 1 April and 31 March (short
    breaks excluded) with at least one incident of being away without authorisation
    (MISSING = A) starting in that span, out of all children looked after during the
    year.""",
    source_fields=("Missing.MISSING", "Missing.MIS_START", "Episodes.DECOM", "Episodes.DEC"),
    dfe_publication=MISSING_PUBLICATION,
    tables=("episodes", "missing"),
)
def away_no_auth_in_year_pct(tables: Tables, years: ir.Table) -> ir.Table:
    return _had_incident(tables, years, "A")
