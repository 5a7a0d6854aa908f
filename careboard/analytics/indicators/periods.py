"""Dates, ages and episode chains (periods of care, placements, carers) as Ibis expressions.

Collection year Y runs from 1 April Y-1 to 31 March Y. The stored episodes hold every
return loaded, later returns winning (ssda903.stored), so an episode may have ended after the
year being computed: `episodes_known_at` shows each episode as it stood on 31 March of each
year asked for, one copy per year, with that `year` in a column.

The date helpers take a Python int (giving a date) or an Ibis integer column, such as a
building block's `year` (giving an Ibis date, which compares exactly as the date does).
"""

from __future__ import annotations

import datetime as dt

import ibis
import ibis.expr.types as ir

from careboard.analytics.indicators import groups
from careboard.analytics.indicators.registry import Day, Tables, Year
from careboard.analytics.indicators.sharing import shared


def _date(year: Year, month: int, day: int = 1) -> Day:
    """The day as a date, or as an Ibis date when `year` is an expression."""
    if isinstance(year, int):
        return dt.date(year, month, day)
    return ibis.date(year, month, day)


def year_start(year: Year) -> Day:
    """1 April at the start of collection year `year`."""
    return _date(year - 1, 4)


def year_end(year: Year) -> Day:
    """31 March at the end of collection year `year`."""
    return _date(year, 3, 31)


def years_before_31_march(year: Year, years: int, months: int = 0) -> Day:
    """The first day of a span of `years` and `months` ending on 31 March of `year`.

    A child looked after since that day, counting both ends, has been looked after for the
    whole span: a period of care starting on 1 April of the previous year is 12 months
    (indicators.md, OC2 cohort), one starting on 1 October three years before is 2.5 years.
    """
    # the span's first month, counted from January of `year` (3 = April of `year`; a negative
    # count falls in an earlier year)
    offset = 3 - (years * 12 + months)
    return _date(year + offset // 12, offset % 12 + 1)


def age_at_31_march(dob: ir.DateValue, year: Year) -> ir.IntegerValue:
    """Whole years from `dob` to 31 March of `year` by calendar arithmetic (903-schema 4.1).

    Someone born in April or later has not yet had their birthday on 31 March. DOB stored at
    the first of its month gives the same answer as the real DOB.
    """
    return (year - dob.year() - ibis.ifelse(dob.month() > 3, 1, 0)).cast("int64")


def age_on(dob: ir.DateValue, day: ir.DateValue) -> ir.IntegerValue:
    """Whole years from `dob` to `day` by calendar arithmetic."""
    before_birthday = (day.month() < dob.month()) | (
        (day.month() == dob.month()) & (day.day() < dob.day())
    )
    return (day.year() - dob.year() - ibis.ifelse(before_birthday, 1, 0)).cast("int64")


def collection_year_of(day: ir.DateValue) -> ir.IntegerValue:
    """The collection year (named by the year it ends) that `day` falls in."""
    return (day.year() + ibis.ifelse(day.month() >= 4, 1, 0)).cast("int64")


def days_between(start: ir.DateValue, end: ir.DateValue) -> ir.IntegerValue:
    """Days from `start` to `end` (negative when `end` comes first)."""
    return end.delta(start, unit="day").cast("int64")


def _as_known_at(episodes: ir.Table, years: ir.Table) -> ir.Table:
    """For each of `years`, the episodes begun by its 31 March, as they stood on that day.

    An episode that ended after 31 March (in a later return) was still open then: its DEC
    and REC are blanked, exactly as the return for that year showed it. `year` is the year
    each copy stands for (the stored return year is dropped).
    """
    every_year = episodes.drop("year").cross_join(years.select("year"))
    begun = every_year.filter(every_year.decom <= year_end(every_year.year))
    ended_later = begun.dec > year_end(begun.year)
    return begun.mutate(
        dec=ibis.ifelse(ended_later, ibis.null("date"), begun.dec),
        rec=ibis.ifelse(ended_later, ibis.null("string"), begun.rec),
    )


def episodes_known_at(tables: Tables, years: ir.Table) -> ir.Table:
    """Episodes begun by 31 March of each of `years`, as they stood on that day, with `year`."""
    return _as_known_at(tables["episodes"], years)


def is_short_break(episodes: ir.Table) -> ir.BooleanValue:
    return episodes.ls.isin(groups.SHORT_BREAKS)


def overlaps(episodes: ir.Table, start: Day, end: Day) -> ir.BooleanValue:
    """The episode was open at some time from `start` to `end` (both included)."""
    return (episodes.decom <= end) & (episodes.dec.isnull() | (episodes.dec >= start))


def episode_chains(tables: Tables, years: ir.Table) -> ir.Table:
    """Episodes known at 31 March of each of `years` (short breaks left out), with `year`,
    each with the start of its period of care, placement and carer.

    * `poc_start`: DECOM of the latest RNE = S episode (NULL when that episode is older than
      the returns loaded; `history_from`, the child's first known DECOM, is then a bound).
    * `placement_start`: a placement starts with RNE S, P, T, B or U (indicators.md).
      Not a new placement: a temporary placement T0-T4, the return from one to the same
      placement type, and placement for adoption with the current foster carer (A3/A5 with
      RNE T or U). (DfE also leaves out placements under 24 hours; at day precision, and
      with one stored episode per child and DECOM, those cannot be seen.)
    * `carer_start`: as above, but only RNE S, P and B change the carer.
    * `stable_carer_start`: as `carer_start`, but moving into an adoptive placement is not a
      change (DfE long-term stability counts the adoptive and previous placement together).

    The chain columns look only at a child's earlier episodes and at DECOM, RNE and PLACE,
    which a later return does not change, so they are worked out once over every stored
    episode (`_chains_in_history`); for each year the later episodes are dropped and DEC
    and REC blanked as in `episodes_known_at`.
    """
    return _as_known_at(_chains_in_history(tables), years)


@shared
def _chains_in_history(tables: Tables) -> ir.Table:
    """Every stored episode but short breaks, with the chain columns of `episode_chains`."""
    episodes = tables["episodes"]
    episodes = episodes.filter(~is_short_break(episodes))
    in_order = ibis.window(group_by=episodes.child, order_by=episodes.decom)
    previous_place = episodes.place.lag().over(in_order)
    place_before_that = episodes.place.lag(2).over(in_order)

    temporary = episodes.place.isin(groups.TEMPORARY)
    back_from_temporary = (
        (episodes.rne != "S")
        & previous_place.isin(groups.TEMPORARY)
        & (episodes.place == place_before_that)
    ).coalesce(False)
    adoption_with_carer = episodes.place.isin(groups.ADOPTION_WITH_CURRENT_CARER) & (
        episodes.rne.isin(groups.SAME_CARER)
    )
    not_a_move = temporary | back_from_temporary
    new_carer = episodes.rne.isin(groups.NEW_CARER) & ~not_a_move
    flagged = episodes.mutate(
        starts_poc=episodes.rne == "S",
        starts_placement=episodes.rne.isin(groups.NEW_PLACEMENT)
        & ~not_a_move
        & ~adoption_with_carer,
        starts_carer=new_carer,
        starts_stable_carer=new_carer
        & ~(episodes.place.isin(groups.PLACED_FOR_ADOPTION) & (episodes.rne != "S")),
    )
    so_far = ibis.cumulative_window(group_by=flagged.child, order_by=flagged.decom)
    # the earliest DECOM so far is the first, so the whole history's: one window, one sort
    history_from = flagged.decom.min().over(so_far)

    def latest_start(flag: ir.BooleanValue) -> ir.DateValue:
        return ibis.ifelse(flag, flagged.decom, ibis.null("date")).max().over(so_far)

    return flagged.mutate(
        history_from=history_from,
        poc_start=latest_start(flagged.starts_poc),
        placement_start=latest_start(flagged.starts_placement).coalesce(history_from),
        carer_start=latest_start(flagged.starts_carer).coalesce(history_from),
        stable_carer_start=latest_start(flagged.starts_stable_carer).coalesce(history_from),
    )
