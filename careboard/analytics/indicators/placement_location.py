"""Where children looked after at 31 March are placed: inside or outside the council's area."""

from __future__ import annotations

import ibis.expr.types as ir

from careboard.analytics.indicators.cohorts import looked_after_on_31_march
from careboard.analytics.indicators.measures import share
from careboard.analytics.indicators.population import CLA_PUBLICATION
from careboard.analytics.indicators.registry import Tables, indicator

LOCATION_CAVEAT = "placement location or distance not known"


@indicator(
    code="placed_outside_la_pct",
    title="Children looked after placed outside the council's boundary",
    priority="vision",
    unit="percent",
    polarity="lower",
    cohort="Children looked after at 31 March, excluding short breaks",
    period="dfe_year",
    definition="""Children looked after at 31 March whose placement is outside the
    responsible council's boundary (PL_LOCATION = OUT, derived at import from PL_POST) out
    of all children looked after at 31 March, including those whose location is not
    known.""",
    source_fields=("Episodes.PL_POST (as PL_LOCATION)", "Episodes.DEC", "Episodes.LS"),
    dfe_publication=CLA_PUBLICATION + " (placement location tables)",
    caveat=LOCATION_CAVEAT,
)
def placed_outside_la_pct(tables: Tables, years: ir.Table) -> ir.Table:
    looked_after = looked_after_on_31_march(tables, years)
    return share(
        years,
        looked_after,
        looked_after.pl_location == "OUT",
        caveat=looked_after.pl_location.isnull(),
    )


@indicator(
    code="placed_over_20_miles_outside_pct",
    title="Children looked after placed outside the boundary and more than 20 miles away",
    priority="vision",
    unit="percent",
    polarity="lower",
    cohort="Children looked after at 31 March, excluding short breaks",
    period="dfe_year",
    definition="""Children looked after at 31 March placed outside the council's boundary
    (PL_LOCATION = OUT) and more than 20 miles from home (PL_DISTANCE > 20, straight line
    between the home and placement postcodes) out of all children looked after at 31
    March.""",
    source_fields=(
        "Episodes.PL_POST (as PL_LOCATION)",
        "Episodes.HOME_POST and PL_POST (as PL_DISTANCE)",
        "Episodes.DEC",
        "Episodes.LS",
    ),
    dfe_publication="LAIT: % CLA placed more than 20 miles from home, outside the LA boundary",
    caveat=LOCATION_CAVEAT,
)
def placed_over_20_miles_outside_pct(tables: Tables, years: ir.Table) -> ir.Table:
    looked_after = looked_after_on_31_march(tables, years)
    return share(
        years,
        looked_after,
        (looked_after.pl_location == "OUT") & (looked_after.pl_distance > 20),
        caveat=looked_after.pl_location.isnull() | looked_after.pl_distance.isnull(),
    )
