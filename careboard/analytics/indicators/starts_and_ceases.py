"""Children starting and ceasing to be looked after in the year, and how many were adopted."""

from __future__ import annotations

import ibis.expr.types as ir

from careboard.analytics.indicators import groups
from careboard.analytics.indicators.cohorts import ceased_in_year, started_in_year
from careboard.analytics.indicators.measures import count_of, share
from careboard.analytics.indicators.population import CLA_PUBLICATION
from careboard.analytics.indicators.registry import Tables, indicator


@indicator(
    code="cla_starters",
    title="Children who started to be looked after",
    priority="vision",
    unit="count",
    polarity="contextual",
    cohort="Children who started to be looked after in the year",
    period="dfe_year",
    definition="""Children with an episode with RNE = S (started to be looked after) and
    DECOM from 1 April to 31 March, legal status not V3/V4. A start on 1 April belongs to
    the year it opens. A child who started more than once in the year counts once.""",
    source_fields=("Episodes.RNE", "Episodes.DECOM", "Episodes.LS"),
    dfe_publication=CLA_PUBLICATION + " (table C1)",
)
def cla_starters(tables: Tables, years: ir.Table) -> ir.Table:
    return count_of(years, started_in_year(tables, years))


@indicator(
    code="cla_ceased",
    title="Children who ceased to be looked after",
    priority="vision",
    unit="count",
    polarity="contextual",
    cohort="Children who ceased to be looked after in the year",
    period="dfe_year",
    definition="""Children with an episode ending in the year (DEC from 1 April to 31 March)
    for a reason other than X1 (a new episode the same day), legal status not V3/V4. A
    child who ceased more than once in the year counts once.""",
    source_fields=("Episodes.DEC", "Episodes.REC", "Episodes.LS"),
    dfe_publication=CLA_PUBLICATION + " (table D1)",
)
def cla_ceased(tables: Tables, years: ir.Table) -> ir.Table:
    return count_of(years, ceased_in_year(tables, years))


@indicator(
    code="ceased_adopted_pct",
    title="Children ceasing to be looked after who were adopted",
    priority="vision",
    unit="percent",
    polarity="higher",
    cohort="Children who ceased to be looked after in the year",
    period="dfe_year",
    definition="""Children whose last cease in the year had REC E11 or E12 (adoption
    order), out of all children who ceased to be looked after in the year (short breaks
    excluded).""",
    source_fields=("Episodes.DEC", "Episodes.REC", "Episodes.LS"),
    dfe_publication=CLA_PUBLICATION + " (table D1); LAIT: adopted as % of CLA leaving care",
)
def ceased_adopted_pct(tables: Tables, years: ir.Table) -> ir.Table:
    ceased = ceased_in_year(tables, years)
    return share(years, ceased, ceased.rec.isin(groups.ADOPTED))


@indicator(
    code="ceased_sgo_pct",
    title="Children ceasing to be looked after on a special guardianship order",
    priority="homes",
    unit="percent",
    polarity="higher",
    cohort="Children who ceased to be looked after in the year",
    period="dfe_year",
    definition="""Children whose last cease in the year had REC E45-E48 (special
    guardianship order to former foster carers or to other carers), or the older E43/E44
    used until 2017-18, out of all children who ceased to be looked after in the year
    (short breaks excluded).""",
    source_fields=("Episodes.DEC", "Episodes.REC", "Episodes.LS"),
    dfe_publication=CLA_PUBLICATION + " (table D1, reason ceased)",
)
def ceased_sgo_pct(tables: Tables, years: ir.Table) -> ir.Table:
    ceased = ceased_in_year(tables, years)
    return share(years, ceased, ceased.rec.isin(groups.SPECIAL_GUARDIANSHIP))
