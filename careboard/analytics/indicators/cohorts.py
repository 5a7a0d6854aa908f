"""The cohorts DfE figures are built on, as Ibis tables with one row per year and child.

Each takes `years`, the table of collection years to compute, and gives every year's cohort
at once, with the year in the `year` column. Every cohort leaves out children looked after
under an agreed series of short breaks (LS V3/V4), as DfE does (indicators.md section 0).
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from careboard.analytics.indicators import groups
from careboard.analytics.indicators.periods import (
    age_at_31_march,
    episode_chains,
    episodes_known_at,
    is_short_break,
    overlaps,
    year_end,
    year_start,
    years_before_31_march,
)
from careboard.analytics.indicators.registry import Span, Tables
from careboard.analytics.indicators.sharing import shared

YEAR_AND_CHILD = ["year", "child"]
TWELVE_MONTHS: Span = (1, 0)


def _one_per_child(table: ir.Table, latest: ir.Value) -> ir.Table:
    """Keep one row per year and child: the one with the greatest `latest`."""
    rank = ibis.row_number().over(group_by=YEAR_AND_CHILD, order_by=ibis.desc(latest))
    return table.mutate(_rank=rank).filter(lambda t: t._rank == 0).drop("_rank")


def with_age_at_31_march(tables: Tables, cohort: ir.Table) -> ir.Table:
    """`cohort` with `age` at 31 March of its year, from the Header DOB (NULL if unknown)."""
    header = tables["header"].select("child", "dob")
    joined = cohort.left_join(header, "child").drop("child_right")
    return joined.mutate(age=age_at_31_march(joined.dob, joined.year))


def matching(cohort: ir.Table, other: ir.Table) -> ir.Table:
    """`cohort` with the columns of `other` on the same year and child (NULL where `other`
    has no such row; `other` must have at most one)."""
    joined = cohort.left_join(other, YEAR_AND_CHILD)
    return joined.drop("year_right", "child_right")


@shared
def looked_after_on_31_march(tables: Tables, years: ir.Table) -> ir.Table:
    """Children looked after at 31 March (903-schema 4.3): an episode open on 31 March
    (DEC blank, or after 31 March) that is not a short break. One row per year and child:
    the open episode, with the chain columns of `episode_chains`."""
    chains = episode_chains(tables, years)
    open_on_31_march = chains.filter(chains.dec.isnull())
    return _one_per_child(open_on_31_march, open_on_31_march.decom)


def _breaks_in_care(tables: Tables, years: ir.Table, span: Span) -> ir.Table:
    """Children whose care was broken in `span` before 31 March (903-schema 4.4): a new
    period of care starting after its first day, a period of care ending before 31 March, or
    any short break in that span."""
    episodes = episodes_known_at(tables, years)
    since, end = years_before_31_march(episodes.year, *span), year_end(episodes.year)
    started_later = (episodes.rne == "S") & (episodes.decom > since)
    ceased = (
        episodes.rec.notnull()
        & (episodes.rec != groups.STILL_LOOKED_AFTER)
        & (episodes.dec >= since)
        & (episodes.dec < end)
    )
    short_break = is_short_break(episodes) & overlaps(episodes, since, end)
    return episodes.filter(started_later | ceased | short_break).select(*YEAR_AND_CHILD).distinct()


@shared
def looked_after_continuously_for(tables: Tables, years: ir.Table, span: Span) -> ir.Table:
    """Children looked after at 31 March and without a break in care for `span` (years,
    months) before it. A period of care starting on the span's first day counts (DfE
    includes a start on 1 April)."""
    at_31_march = looked_after_on_31_march(tables, years)
    return at_31_march.anti_join(_breaks_in_care(tables, years, span), YEAR_AND_CHILD)


@shared
def oc2_cohort(tables: Tables, years: ir.Table) -> ir.Table:
    """DfE "looked after for at least 12 months at 31 March" (903-schema 4.5), with `age` at
    31 March and the child's OC2 row for the year (NULL items when the row is missing)."""
    cohort = looked_after_continuously_for(tables, years, TWELVE_MONTHS)
    cohort = with_age_at_31_march(tables, cohort.select(*YEAR_AND_CHILD))
    oc2 = tables["oc2"].drop("dob").mutate(has_oc2_row=True)
    joined = matching(cohort, oc2)
    return joined.mutate(has_oc2_row=joined.has_oc2_row.coalesce(False))


@shared
def looked_after_during(tables: Tables, years: ir.Table) -> ir.Table:
    """Children looked after at any time in the year, short breaks aside (903-schema 4.2)."""
    episodes = episodes_known_at(tables, years)
    in_care = ~is_short_break(episodes) & overlaps(
        episodes, year_start(episodes.year), year_end(episodes.year)
    )
    return episodes.filter(in_care).select(*YEAR_AND_CHILD).distinct()


def started_in_year(tables: Tables, years: ir.Table) -> ir.Table:
    """Children who started to be looked after in the year: an RNE = S episode, not a short
    break, with DECOM from 1 April (included) to 31 March."""
    episodes = episodes_known_at(tables, years)
    started = (
        (episodes.rne == "S")
        & ~is_short_break(episodes)
        & (episodes.decom >= year_start(episodes.year))
    )
    return episodes.filter(started).select(*YEAR_AND_CHILD).distinct()


def ceased_in_year(tables: Tables, years: ir.Table) -> ir.Table:
    """Children who ceased to be looked after in the year, one row each with the REC of
    their last cease (DfE uses the last occasion in the year)."""
    episodes = episodes_known_at(tables, years)
    ceased = (
        episodes.rec.notnull()
        & (episodes.rec != groups.STILL_LOOKED_AFTER)
        & ~is_short_break(episodes)
        & (episodes.dec >= year_start(episodes.year))
    )
    ceases = episodes.filter(ceased)
    return _one_per_child(ceases, ceases.dec).select(*YEAR_AND_CHILD, "dec", "rec")


@shared
def placements_in(tables: Tables, years: ir.Table, span: Span) -> ir.Table:
    """For each year and child, `placements`: how many placements they had in `span`
    (years, months) before 31 March, counting the one they were in on its first day (see
    `episode_chains` for what starts a placement)."""
    chains = episode_chains(tables, years)
    since = years_before_31_march(chains.year, *span)
    in_span = chains.filter(overlaps(chains, since, year_end(chains.year)))
    return in_span.group_by(YEAR_AND_CHILD).aggregate(
        placements=in_span.placement_start.nunique().cast("int64")
    )


def short_breaks_only(tables: Tables) -> ir.Table:
    """Children whose every known episode is a short break (V3/V4)."""
    episodes = tables["episodes"]
    per_child = episodes.group_by("child").aggregate(
        in_care=ibis.ifelse(is_short_break(episodes), 0, 1).sum()
    )
    return per_child.filter(per_child.in_care == 0).select("child")


@shared
def care_leavers(tables: Tables, years: ir.Table, ages: tuple[int, int]) -> ir.Table:
    """The OC3 cohort of each year aged `ages` (inclusive) at 31 March, which is the age they
    turned on their birthday in the year (903-schema 4.6). Left out, as by DfE: young people
    who died or returned home for 6 months or more (IN_TOUCH DIED, RHOM) and those known to
    the LA only through short breaks (V3/V4)."""
    oc3 = tables["oc3"]
    asked_for = oc3.semi_join(years, "year")
    aged = asked_for.mutate(age=age_at_31_march(asked_for.dob, asked_for.year))
    youngest, oldest = ages
    cohort = aged.filter(
        aged.age.between(youngest, oldest) & ~aged.in_touch.isin(groups.LEFT_THE_COHORT)
    )
    return cohort.anti_join(short_breaks_only(tables), "child")
