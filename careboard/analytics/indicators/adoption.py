"""Adoption timeliness (scorecard A1, A2, A10 and the strategy's A20), 3-year rolling means."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from careboard.analytics.indicators import groups
from careboard.analytics.indicators.measures import mean_of
from careboard.analytics.indicators.periods import (
    collection_year_of,
    days_between,
    episode_chains,
    year_end,
    years_before_31_march,
)
from careboard.analytics.indicators.registry import Tables, indicator
from careboard.analytics.indicators.sharing import shared

ROLLING_YEARS = 3
SCORECARD = "DfE adoption scorecard (3-year average); ASGLB/Coram-i quarterly data"
COHORT = "Children adopted (REC E11/E12) in the 3 years to 31 March"
POC_UNKNOWN = "adopted child whose period of care began before the returns loaded"
ADOPTION_TABLES = ("episodes", "ad1")
WINDOW = """Children adopted (an episode ending with REC E11 or E12) between 1 April three
years before and 31 March; a rolling mean over three collection years, rounded to whole
days when shown."""


@shared
def adoptions(tables: Tables, years: ir.Table) -> ir.Table:
    """One row per year and child adopted in the year's 3-year window, with the dates along
    the way.

    Columns: `poc_start` (entered care for the period of care that ended in adoption; NULL
    when older than the returns loaded), `placed_for_adoption` (first A3-A6 episode),
    `moved_in_with_carer` (start of the placement with the carer who held the child when
    placed for adoption), `placement_order` (first LS E1/D1 episode), and from AD1
    `date_match` and `foster_care`.
    """
    chains = episode_chains(tables, years)
    window = years_before_31_march(chains.year, ROLLING_YEARS), year_end(chains.year)
    adopted = chains.filter(chains.rec.isin(groups.ADOPTED) & chains.dec.between(*window))
    adopted = adopted.select("year", "child", entered_care="poc_start", adopted_on="dec")
    in_poc = chains.inner_join(adopted, ["year", "child"])
    in_poc = in_poc.filter(
        (in_poc.decom >= in_poc.entered_care.coalesce(in_poc.history_from))
        & (in_poc.decom <= in_poc.adopted_on)
    )
    placed = in_poc.place.isin(groups.PLACED_FOR_ADOPTION)
    per_child = in_poc.group_by("year", "child", "adopted_on", poc_start="entered_care").aggregate(
        placed_for_adoption=ibis.ifelse(placed, in_poc.decom, ibis.null("date")).min(),
        # carer_start never decreases along a chain: its value on the first A3-A6 episode
        moved_in_with_carer=ibis.ifelse(placed, in_poc.carer_start, ibis.null("date")).min(),
        placement_order=ibis.ifelse(
            in_poc.ls.isin(groups.PLACEMENT_ORDER), in_poc.decom, ibis.null("date")
        ).min(),
    )
    ad1 = tables["ad1"].select("child", "date_match", "foster_care", ad1_year="year")
    with_year = per_child.mutate(adoption_year=collection_year_of(per_child.adopted_on))
    joined = with_year.left_join(
        ad1, (with_year.child == ad1.child) & (with_year.adoption_year == ad1.ad1_year)
    )
    return joined.drop("child_right", "ad1_year")


def _mean_days(tables: Tables, years: ir.Table, start: str, end: str) -> ir.Table:
    adopted = adoptions(tables, years)
    days = days_between(adopted[start], adopted[end])
    return mean_of(years, adopted, days, caveat=adopted.poc_start.isnull())


@indicator(
    code="adoption_a1_days",
    title="Adoption A1: days from entering care to moving in with the adoptive family",
    priority="homes",
    unit="days",
    polarity="lower",
    cohort=COHORT,
    period="dfe_year",
    definition=f"""Mean days from the start of the period of care that ended in adoption
    to the first placement for adoption in it (PLACE A3-A6). {WINDOW}""",
    source_fields=("Episodes.RNE", "Episodes.DECOM", "Episodes.PLACE", "Episodes.REC"),
    dfe_publication=SCORECARD + " (A1)",
    tables=ADOPTION_TABLES,
    years_back=(1, 2),
    caveat=POC_UNKNOWN,
)
def adoption_a1_days(tables: Tables, years: ir.Table) -> ir.Table:
    return _mean_days(tables, years, "poc_start", "placed_for_adoption")


@indicator(
    code="adoption_a10_days",
    title="Adoption A10: days from entering care to moving in with the adoptive family, "
    "adjusted for foster carer adoptions",
    priority="homes",
    unit="days",
    polarity="lower",
    cohort=COHORT,
    period="dfe_year",
    definition=f"""As A1, except that for children adopted by their foster carer (AD1
    FOSTER_CARE = 1) the end date is the day the child moved in with that carer (the start
    of the placement that became the adoptive placement). {WINDOW}""",
    source_fields=(
        "Episodes.RNE",
        "Episodes.DECOM",
        "Episodes.PLACE",
        "Episodes.REC",
        "AD1.FOSTER_CARE",
    ),
    dfe_publication=SCORECARD + " (A10)",
    tables=ADOPTION_TABLES,
    years_back=(1, 2),
    caveat=POC_UNKNOWN,
)
def adoption_a10_days(tables: Tables, years: ir.Table) -> ir.Table:
    adopted = adoptions(tables, years)
    moved_in = ibis.ifelse(
        adopted.foster_care == 1, adopted.moved_in_with_carer, adopted.placed_for_adoption
    )
    days = days_between(adopted.poc_start, moved_in)
    return mean_of(years, adopted, days, caveat=adopted.poc_start.isnull())


@indicator(
    code="adoption_a2_days",
    title="Adoption A2: days from placement order to match with adopters",
    priority="homes",
    unit="days",
    polarity="lower",
    cohort=COHORT + " with a placement or freeing order, placed for adoption",
    period="dfe_year",
    definition=f"""Mean days from the court's authority to place (the first episode with LS
    E1, or D1 freeing order) to the council's decision to match (AD1 DATE_MATCH); 0 when the
    match came first. Children without such an order, never placed for adoption (A3-A6),
    or without a match date are left out. {WINDOW}""",
    source_fields=("Episodes.LS", "Episodes.DECOM", "Episodes.PLACE", "AD1.DATE_MATCH"),
    dfe_publication=SCORECARD + " (A2)",
    tables=ADOPTION_TABLES,
    years_back=(1, 2),
)
def adoption_a2_days(tables: Tables, years: ir.Table) -> ir.Table:
    adopted = adoptions(tables, years)
    # GREATEST skips NULLs, so leave out the ineligible explicitly
    eligible = (
        adopted.placed_for_adoption.notnull()
        & adopted.placement_order.notnull()
        & adopted.date_match.notnull()
    )
    days = ibis.greatest(0, days_between(adopted.placement_order, adopted.date_match))
    return mean_of(years, adopted, ibis.ifelse(eligible, days, ibis.null("int64")))


@indicator(
    code="adoption_a20_days",
    title="Adoption A20: days from entering care to the placement order",
    priority="homes",
    unit="days",
    polarity="lower",
    cohort=COHORT + " with a placement or freeing order",
    period="dfe_year",
    definition=f"""No official definition was found; careboard uses: mean days from the
    start of the period of care that ended in adoption to the first episode with LS E1
    (placement order) or D1 (freeing order). Children without such an order are left out.
    {WINDOW}""",
    source_fields=("Episodes.RNE", "Episodes.LS", "Episodes.DECOM", "Episodes.REC"),
    dfe_publication="None (strategy measure; suggested definition in indicators.md)",
    tables=ADOPTION_TABLES,
    years_back=(1, 2),
    caveat=POC_UNKNOWN,
)
def adoption_a20_days(tables: Tables, years: ir.Table) -> ir.Table:
    return _mean_days(tables, years, "poc_start", "placement_order")
