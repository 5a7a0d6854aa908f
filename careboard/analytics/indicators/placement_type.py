"""What kind of placement children looked after at 31 March live in."""

from __future__ import annotations

import ibis.expr.types as ir

from careboard.analytics.indicators import groups
from careboard.analytics.indicators.cohorts import looked_after_on_31_march
from careboard.analytics.indicators.measures import share
from careboard.analytics.indicators.population import CLA_PUBLICATION
from careboard.analytics.indicators.registry import Tables, indicator


@indicator(
    code="foster_placement_pct",
    title="Children looked after placed with foster carers",
    priority="vision",
    unit="percent",
    polarity="higher",
    cohort="Children looked after at 31 March, excluding short breaks",
    period="dfe_year",
    definition="""Children looked after at 31 March whose open episode has PLACE U1-U6
    (foster care of every kind) out of all children looked after at 31 March.""",
    source_fields=("Episodes.PLACE", "Episodes.DEC", "Episodes.LS"),
    dfe_publication=CLA_PUBLICATION + " (table A2, placement); LAIT: % CLA in foster placements",
)
def foster_placement_pct(tables: Tables, years: ir.Table) -> ir.Table:
    looked_after = looked_after_on_31_march(tables, years)
    return share(years, looked_after, looked_after.place.isin(groups.FOSTER))


@indicator(
    code="long_term_foster_pct",
    title="Children looked after in long-term foster care",
    priority="homes",
    unit="percent",
    polarity="higher",
    cohort="Children looked after at 31 March, excluding short breaks",
    period="dfe_year",
    definition="""Children looked after at 31 March whose open episode has PLACE U1 or U4
    (long-term foster care with a relative or friend, or with another carer) out of all
    children looked after at 31 March. The strategy's "permanent placement with foster
    carer".""",
    source_fields=("Episodes.PLACE", "Episodes.DEC", "Episodes.LS"),
    dfe_publication="No current DfE split; from the placement codes of " + CLA_PUBLICATION,
)
def long_term_foster_pct(tables: Tables, years: ir.Table) -> ir.Table:
    looked_after = looked_after_on_31_march(tables, years)
    return share(years, looked_after, looked_after.place.isin(groups.LONG_TERM_FOSTER))
