"""Placement stability: many placements in one or two years, and long-term stability."""

from __future__ import annotations

import ibis.expr.types as ir

from careboard.analytics.indicators.cohorts import (
    YEAR_AND_CHILD,
    looked_after_continuously_for,
    looked_after_on_31_march,
    matching,
    placements_in,
    with_age_at_31_march,
)
from careboard.analytics.indicators.measures import share
from careboard.analytics.indicators.periods import years_before_31_march
from careboard.analytics.indicators.registry import Span, Tables, indicator

STABILITY_PUBLICATION = (
    "DfE Children looked after in England including adoptions (stability tables)"
)
PLACEMENT_FIELDS = ("Episodes.RNE", "Episodes.PLACE", "Episodes.DECOM", "Episodes.DEC")
COUNTING_RULE = """A placement starts with an episode with RNE S, P, T, B or U (not L);
the placement the child was in at the start of the span counts. Not counted as a new
placement: placement for adoption with the current foster carer (A3/A5 with RNE T or U),
temporary placements T0-T4 and the return from one to the same type of placement."""


def _placements_3plus(tables: Tables, years: ir.Table, cohort: ir.Table, span: Span) -> ir.Table:
    counted = matching(cohort.select(*YEAR_AND_CHILD), placements_in(tables, years, span))
    return share(years, counted, counted.placements >= 3)


@indicator(
    code="placements_3plus_pct",
    title="Children looked after with 3 or more placements in the year",
    priority="homes",
    unit="percent",
    polarity="lower",
    cohort="Children looked after at 31 March, excluding short breaks",
    period="dfe_year",
    definition="Children looked after at 31 March who had 3 or more placements between 1 April "
    "and 31 March, out of all children looked after at 31 March. " + COUNTING_RULE,
    source_fields=PLACEMENT_FIELDS,
    dfe_publication=STABILITY_PUBLICATION + "; LAIT: 3 or more placements during the year",
)
def placements_3plus_pct(tables: Tables, years: ir.Table) -> ir.Table:
    return _placements_3plus(tables, years, looked_after_on_31_march(tables, years), (1, 0))


@indicator(
    code="placement_moves_2plus_2yr_pct",
    title="Children looked after for 2 years with 2 or more placement moves in those 2 years",
    priority="homes",
    unit="percent",
    polarity="lower",
    cohort="Children looked after at 31 March, continuously for at least 2 years",
    period="dfe_year",
    definition="Children looked after at 31 March and continuously since 1 April two years "
    "before, who had 3 or more placements (2 or more moves) in those 2 years, out of all such "
    "children. " + COUNTING_RULE,
    source_fields=(*PLACEMENT_FIELDS, "Episodes.REC", "Episodes.LS"),
    dfe_publication=STABILITY_PUBLICATION + " (3 or more placements in the previous 2 years)",
    years_back=(1,),
)
def placement_moves_2plus_2yr_pct(tables: Tables, years: ir.Table) -> ir.Table:
    cohort = looked_after_continuously_for(tables, years, (2, 0))
    return _placements_3plus(tables, years, cohort, (2, 0))


@indicator(
    code="long_term_stability_pct",
    title="Children looked after long term living in the same placement for 2 years",
    priority="homes",
    unit="percent",
    polarity="higher",
    cohort="Children under 16 at 31 March looked after continuously for at least 2.5 years",
    period="dfe_year",
    definition="""Children aged under 16 at 31 March, looked after continuously for at least
    2.5 years (since 1 October three years before), who have lived with the same carer for
    at least 2 years (since 1 April two years before), out of all such children. A move
    into an adoptive placement does not end the span: the adoptive placement and the one
    before it count together. Changes of placement with the same carer (RNE T, U),
    temporary placements and the return from them do not end it either.""",
    source_fields=(*PLACEMENT_FIELDS, "Episodes.REC", "Episodes.LS", "Header.DOB"),
    dfe_publication=STABILITY_PUBLICATION + "; LAIT: long-term placement stability",
    tables=("episodes", "header"),
    years_back=(1, 2),
)
def long_term_stability_pct(tables: Tables, years: ir.Table) -> ir.Table:
    cohort = looked_after_continuously_for(tables, years, (2, 6))
    cohort = with_age_at_31_march(tables, cohort)
    under_16 = cohort.filter(cohort.age < 16)
    two_years = years_before_31_march(under_16.year, 2)
    return share(years, under_16, under_16.stable_carer_start <= two_years)
