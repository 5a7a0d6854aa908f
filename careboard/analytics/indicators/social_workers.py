"""Changes of social worker for children looked after at 31 March (SWEpisodes, from 2023-24)."""

from __future__ import annotations

import ibis.expr.types as ir

from careboard.analytics.indicators import groups
from careboard.analytics.indicators.cohorts import (
    YEAR_AND_CHILD,
    looked_after_on_31_march,
    matching,
)
from careboard.analytics.indicators.measures import share
from careboard.analytics.indicators.periods import year_end, years_before_31_march
from careboard.analytics.indicators.registry import Tables, indicator
from careboard.analytics.indicators.stability import STABILITY_PUBLICATION

SW_FIELDS = ("SWEpisodes.SW_ID", "SWEpisodes.SW_DECOM", "SWEpisodes.SW_DEC")


def _three_or_more_social_workers(tables: Tables, years: ir.Table, span: int) -> ir.Table:
    sw = tables["sw_episodes"].drop("year").cross_join(years.select("year"))
    since, end = years_before_31_march(sw.year, span), year_end(sw.year)
    in_span = sw.filter((sw.sw_decom <= end) & (sw.sw_dec.isnull() | (sw.sw_dec >= since)))
    workers = in_span.group_by(YEAR_AND_CHILD).aggregate(social_workers=in_span.sw_id.nunique())
    looked_after = looked_after_on_31_march(tables, years).select(*YEAR_AND_CHILD)
    counted = matching(looked_after, workers)
    return share(years, counted, counted.social_workers >= 3)


SW_RULE = """Social workers are counted by distinct SW_ID among social worker episodes open at
any time in the span, including those from times the child was not looked after (rule SW12);
going back to an earlier social worker does not add one."""


@indicator(
    code="sw_changes_2plus_pct",
    title="Children looked after with 3 or more social workers in the year",
    priority="homes",
    unit="percent",
    polarity="lower",
    cohort="Children looked after at 31 March, excluding short breaks",
    period="dfe_year",
    definition="Children looked after at 31 March who had 3 or more different social workers "
    "(2 or more changes) between 1 April and 31 March, out of all children looked after at 31 "
    "March. " + SW_RULE,
    source_fields=(*SW_FIELDS, "Episodes.DEC", "Episodes.LS"),
    dfe_publication=STABILITY_PUBLICATION + " (social worker changes, from 2024)",
    tables=("episodes", "sw_episodes"),
    first_year=groups.SW_EPISODES_FROM,
)
def sw_changes_2plus_pct(tables: Tables, years: ir.Table) -> ir.Table:
    return _three_or_more_social_workers(tables, years, span=1)


@indicator(
    code="sw_changes_2plus_2yr_pct",
    title="Children looked after with 3 or more social workers in the previous 2 years",
    priority="homes",
    unit="percent",
    polarity="lower",
    cohort="Children looked after at 31 March, excluding short breaks",
    period="dfe_year",
    definition="The strategy's 2-year version: children looked after at 31 March who had 3 or "
    "more different social workers between 1 April two years before and 31 March, out of all "
    "children looked after at 31 March. " + SW_RULE,
    source_fields=(*SW_FIELDS, "Episodes.DEC", "Episodes.LS"),
    dfe_publication="No DfE figure (DfE uses one year); local variant of " + STABILITY_PUBLICATION,
    tables=("episodes", "sw_episodes"),
    years_back=(1,),
    first_year=groups.SW_EPISODES_FROM,
)
def sw_changes_2plus_2yr_pct(tables: Tables, years: ir.Table) -> ir.Table:
    return _three_or_more_social_workers(tables, years, span=2)
