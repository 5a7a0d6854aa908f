"""The cohorts DfE figures are built on, as Ibis tables with one row per child.

Every cohort leaves out children looked after under an agreed series of short breaks
(LS V3/V4), as DfE does (indicators.md section 0).
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
)
from careboard.analytics.indicators.registry import Day, Tables, Year
from careboard.analytics.indicators.sharing import shared


def _one_per_child(table: ir.Table, latest: ir.Value) -> ir.Table:
    """Keep one row per child: the one with the greatest `latest`."""
    rank = ibis.row_number().over(group_by=table.child, order_by=ibis.desc(latest))
    return table.mutate(_rank=rank).filter(lambda t: t._rank == 0).drop("_rank")


def with_age_at_31_march(tables: Tables, cohort: ir.Table, year: Year) -> ir.Table:
    """`cohort` with `age` at 31 March of `year`, from the Header DOB (NULL if unknown)."""
    header = tables["header"].select("child", "dob")
    joined = cohort.left_join(header, "child").drop("child_right")
    return joined.mutate(age=age_at_31_march(joined.dob, year))


@shared
def looked_after_on_31_march(tables: Tables, year: Year) -> ir.Table:
    """Children looked after at 31 March (903-schema 4.3): an episode open on 31 March
    (DEC blank, or after 31 March) that is not a short break. One row per child: the open
    episode, with the chain columns of `episode_chains`."""
    chains = episode_chains(tables, year)
    open_on_31_march = chains.filter(chains.dec.isnull())
    return _one_per_child(open_on_31_march, open_on_31_march.decom)


def _breaks_in_care(tables: Tables, year: Year, since: Day) -> ir.Table:
    """Children whose care was broken between `since` and 31 March (903-schema 4.4): a new
    period of care starting after `since`, a period of care ending before 31 March, or any
    short break in that span."""
    episodes = episodes_known_at(tables, year)
    end = year_end(year)
    started_later = (episodes.rne == "S") & (episodes.decom > since)
    ceased = (
        episodes.rec.notnull()
        & (episodes.rec != groups.STILL_LOOKED_AFTER)
        & (episodes.dec >= since)
        & (episodes.dec < end)
    )
    short_break = is_short_break(episodes) & overlaps(episodes, since, end)
    return episodes.filter(started_later | ceased | short_break).select("child").distinct()


@shared
def looked_after_continuously_since(tables: Tables, year: Year, since: Day) -> ir.Table:
    """Children looked after at 31 March and without a break in care since `since`.

    A period of care starting on `since` itself counts (DfE includes a start on 1 April)."""
    at_31_march = looked_after_on_31_march(tables, year)
    return at_31_march.anti_join(_breaks_in_care(tables, year, since), "child")


@shared
def oc2_cohort(tables: Tables, year: Year) -> ir.Table:
    """DfE "looked after for at least 12 months at 31 March" (903-schema 4.5), with `age` at
    31 March and the child's OC2 row for `year` (NULL items when the row is missing)."""
    cohort = looked_after_continuously_since(tables, year, year_start(year))
    cohort = with_age_at_31_march(tables, cohort.select("child"), year)
    oc2 = tables["oc2"]
    this_year = oc2.filter(oc2.year == year).drop("dob", "year")
    joined = cohort.left_join(this_year, "child")
    return joined.mutate(has_oc2_row=joined.child_right.notnull()).drop("child_right")


@shared
def looked_after_during(tables: Tables, year: Year) -> ir.Table:
    """Children looked after at any time in the year, short breaks aside (903-schema 4.2)."""
    episodes = episodes_known_at(tables, year)
    in_care = ~is_short_break(episodes) & overlaps(episodes, year_start(year), year_end(year))
    return episodes.filter(in_care).select("child").distinct()


def started_in_year(tables: Tables, year: Year) -> ir.Table:
    """Children who started to be looked after in the year: an RNE = S episode, not a short
    break, with DECOM from 1 April (included) to 31 March."""
    episodes = episodes_known_at(tables, year)
    started = (
        (episodes.rne == "S") & ~is_short_break(episodes) & (episodes.decom >= year_start(year))
    )
    return episodes.filter(started).select("child").distinct()


def ceased_in_year(tables: Tables, year: Year) -> ir.Table:
    """Children who ceased to be looked after in the year, one row each with the REC of
    their last cease (DfE uses the last occasion in the year)."""
    episodes = episodes_known_at(tables, year)
    ceased = (
        episodes.rec.notnull()
        & (episodes.rec != groups.STILL_LOOKED_AFTER)
        & ~is_short_break(episodes)
        & (episodes.dec >= year_start(year))
    )
    ceases = episodes.filter(ceased)
    return _one_per_child(ceases, ceases.dec).select("child", "dec", "rec")


@shared
def placements_since(tables: Tables, year: Year, since: Day) -> ir.Table:
    """For each child, `placements`: how many placements they had between `since` and
    31 March, counting the one they were in on `since` (see `episode_chains` for what starts
    a placement)."""
    chains = episode_chains(tables, year)
    in_span = chains.filter(overlaps(chains, since, year_end(year)))
    return in_span.group_by("child").aggregate(
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
def care_leavers(tables: Tables, year: Year, ages: tuple[int, int]) -> ir.Table:
    """The OC3 cohort of `year` aged `ages` (inclusive) at 31 March, which is the age they
    turned on their birthday in the year (903-schema 4.6). Left out, as by DfE: young people
    who died or returned home for 6 months or more (IN_TOUCH DIED, RHOM) and those known to
    the LA only through short breaks (V3/V4)."""
    oc3 = tables["oc3"]
    this_year = oc3.filter(oc3.year == year)
    aged = this_year.mutate(age=age_at_31_march(this_year.dob, year))
    youngest, oldest = ages
    cohort = aged.filter(
        aged.age.between(youngest, oldest) & ~aged.in_touch.isin(groups.LEFT_THE_COHORT)
    )
    return cohort.anti_join(short_breaks_only(tables), "child")
