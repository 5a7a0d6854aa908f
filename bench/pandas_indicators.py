"""The 903 indicator definitions again, in plain pandas: the yardstick for bench_indicators.

Written for the benchmark only (careboard never imports it). It follows the definitions in
careboard/analytics/indicators/ rule for rule, on the same stored history tables (the
`main.*` tables of the analytics store, read into DataFrames by `load_tables`), and returns
the same integers: numerator, denominator, cohort size and caveat count. It is a fair
implementation, not a straw man: everything is vectorised, and a building block used by
many indicators (episodes as known on 31 March, the episode chains, the cohorts) is
computed once per year, as the engine does.

Where SQL's NULL logic decides a row (a NULL LS is neither a short break nor "not a short
break"; a NULL PLACE never starts a placement), the masks below spell it out with
`notna()` so that both implementations count the same children.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

import duckdb
import numpy as np
import pandas as pd

from careboard.analytics.indicators import groups

Frames = Mapping[str, pd.DataFrame]
DATE_COLUMNS = {
    "dob",
    "decom",
    "dec",
    "duc",
    "date_int",
    "date_match",
    "date_placed",
    "date_placed_ceased",
    "mis_start",
    "mis_end",
    "review",
    "sw_decom",
    "sw_dec",
}


@dataclass(frozen=True)
class Counts:
    """One indicator's result, in the engine's terms (IndicatorResult)."""

    numerator: int | None
    denominator: int | None
    cohort: int
    caveat: int


def load_tables(con: duckdb.DuckDBPyConnection, names: Iterable[str]) -> dict[str, pd.DataFrame]:
    """Read the stored history tables into DataFrames: dates as datetime64, every number
    (nullable integers included) as float64 with NaN for missing, codes as objects."""
    frames: dict[str, pd.DataFrame] = {}
    for name in names:
        frame = con.execute(f'SELECT * FROM "{name}"').df()  # noqa: S608 - our table names
        for column in frame.columns:
            if column in DATE_COLUMNS:
                frame[column] = pd.to_datetime(frame[column])
            elif pd.api.types.is_numeric_dtype(frame[column]) and column != "year":
                frame[column] = frame[column].astype("float64")
        frames[name] = frame
    return frames


# dates ------------------------------------------------------------------------------------


def year_start(year: int) -> pd.Timestamp:
    return pd.Timestamp(year - 1, 4, 1)


def year_end(year: int) -> pd.Timestamp:
    return pd.Timestamp(year, 3, 31)


def years_before_31_march(year: int, years: int, months: int = 0) -> pd.Timestamp:
    first_month = year * 12 + 3 - (years * 12 + months)
    return pd.Timestamp(first_month // 12, first_month % 12 + 1, 1)


def age_at_31_march(dob: pd.Series, year: int) -> pd.Series:
    return year - dob.dt.year - (dob.dt.month > 3).astype("float64")


def _not_short_break(episodes: pd.DataFrame) -> pd.Series:
    return episodes["ls"].notna() & ~episodes["ls"].isin(groups.SHORT_BREAKS)


def _overlaps(episodes: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.Series:
    return (episodes["decom"] <= end) & (episodes["dec"].isna() | (episodes["dec"] >= start))


# result shapes ----------------------------------------------------------------------------


def _true(mask: pd.Series) -> int:
    return int(mask.fillna(False).astype(bool).sum())


def share(
    cohort: pd.DataFrame,
    numerator: pd.Series,
    *,
    denominator: pd.Series | None = None,
    caveat: pd.Series | None = None,
) -> Counts:
    caveats = _true(caveat) if caveat is not None else 0
    if denominator is None:
        return Counts(_true(numerator), len(cohort), len(cohort), caveats)
    wanted = denominator.fillna(False).astype(bool)
    return Counts(
        _true(numerator.fillna(False).astype(bool) & wanted),
        int(wanted.sum()),
        len(cohort),
        caveats,
    )


def count_of(cohort: pd.DataFrame, *, caveat: pd.Series | None = None) -> Counts:
    return Counts(len(cohort), None, len(cohort), _true(caveat) if caveat is not None else 0)


def mean_of(cohort: pd.DataFrame, measure: pd.Series, *, caveat: pd.Series | None = None) -> Counts:
    known = measure.dropna()
    return Counts(
        int(known.sum()), len(known), len(cohort), _true(caveat) if caveat is not None else 0
    )


# one year's building blocks ---------------------------------------------------------------


class Year:
    """The building blocks of one collection year, each computed once."""

    def __init__(self, tables: Frames, year: int) -> None:
        self.tables = tables
        self.year = year
        self.start = year_start(year)
        self.end = year_end(year)
        self._continuous: dict[pd.Timestamp, pd.DataFrame] = {}
        self._placements: dict[pd.Timestamp, pd.DataFrame] = {}
        self._leavers: dict[tuple[int, int], pd.DataFrame] = {}

    @cached_property
    def known(self) -> pd.DataFrame:
        """Episodes begun by 31 March, as they stood then (a later DEC and REC blanked)."""
        episodes = self.tables["episodes"]
        begun = episodes[episodes["decom"] <= self.end].copy()
        later = begun["dec"] > self.end
        begun.loc[later, "dec"] = pd.NaT
        begun.loc[later, "rec"] = None
        return begun

    @cached_property
    def chains(self) -> pd.DataFrame:
        """Episodes (short breaks left out) with the start of their period of care,
        placement, carer and stable carer."""
        known = self.known
        eps = known[_not_short_break(known)].sort_values(["child", "decom"], kind="stable")
        by_child = eps.groupby("child", sort=False)
        previous_place = by_child["place"].shift(1)
        place_before_that = by_child["place"].shift(2)
        place, rne = eps["place"], eps["rne"]
        has_place = place.notna()
        temporary = place.isin(groups.TEMPORARY)
        back_from_temporary = (
            rne.notna()
            & (rne != "S")
            & previous_place.isin(groups.TEMPORARY)
            & place.notna()
            & (place == place_before_that)
        )
        adoption_with_carer = place.isin(groups.ADOPTION_WITH_CURRENT_CARER) & rne.isin(
            groups.SAME_CARER
        )
        not_a_move = temporary | back_from_temporary
        new_carer = rne.isin(groups.NEW_CARER) & ~not_a_move & has_place
        flags = {
            "poc_start": rne == "S",
            "placement_start": rne.isin(groups.NEW_PLACEMENT)
            & ~not_a_move
            & ~adoption_with_carer
            & has_place,
            "carer_start": new_carer,
            "stable_carer_start": new_carer
            & ~(place.isin(groups.PLACED_FOR_ADOPTION) & (rne != "S")),
        }
        eps = eps.assign(history_from=by_child["decom"].transform("min"))
        for column, flag in flags.items():
            # DECOM rises along a chain, so "the latest start so far" is a forward fill.
            eps[column] = eps["decom"].where(flag)
            eps[column] = eps.groupby("child", sort=False)[column].ffill()
            if column != "poc_start":
                eps[column] = eps[column].fillna(eps["history_from"])
        return eps

    @cached_property
    def looked_after_on_31_march(self) -> pd.DataFrame:
        chains = self.chains
        open_episodes = chains[chains["dec"].isna()]
        return open_episodes.sort_values("decom").drop_duplicates("child", keep="last")

    def _breaks_in_care(self, since: pd.Timestamp) -> pd.Index:
        eps = self.known
        started_later = (eps["rne"] == "S") & (eps["decom"] > since)
        ceased = (
            eps["rec"].notna()
            & (eps["rec"] != groups.STILL_LOOKED_AFTER)
            & (eps["dec"] >= since)
            & (eps["dec"] < self.end)
        )
        short_break = eps["ls"].isin(groups.SHORT_BREAKS) & _overlaps(eps, since, self.end)
        return pd.Index(eps.loc[started_later | ceased | short_break, "child"].unique())

    def continuously_since(self, since: pd.Timestamp) -> pd.DataFrame:
        if since not in self._continuous:
            at_31_march = self.looked_after_on_31_march
            broken = self._breaks_in_care(since)
            self._continuous[since] = at_31_march[~at_31_march["child"].isin(broken)]
        return self._continuous[since]

    def with_age(self, cohort: pd.DataFrame) -> pd.DataFrame:
        header = self.tables["header"][["child", "dob"]]
        joined = cohort.merge(header, on="child", how="left")
        return joined.assign(age=age_at_31_march(joined["dob"], self.year))

    @cached_property
    def oc2_cohort(self) -> pd.DataFrame:
        cohort = self.with_age(self.continuously_since(self.start)[["child"]])
        oc2 = self.tables["oc2"]
        this_year = oc2[oc2["year"] == self.year].drop(columns=["dob", "year"])
        joined = cohort.merge(this_year, on="child", how="left", indicator=True)
        return joined.assign(has_oc2_row=joined.pop("_merge") == "both")

    @cached_property
    def looked_after_during(self) -> pd.DataFrame:
        eps = self.known
        in_care = _not_short_break(eps) & _overlaps(eps, self.start, self.end)
        return pd.DataFrame({"child": eps.loc[in_care, "child"].unique()})

    @cached_property
    def started(self) -> pd.DataFrame:
        eps = self.known
        began = (eps["rne"] == "S") & _not_short_break(eps) & (eps["decom"] >= self.start)
        return pd.DataFrame({"child": eps.loc[began, "child"].unique()})

    @cached_property
    def ceased(self) -> pd.DataFrame:
        eps = self.known
        ended = (
            eps["rec"].notna()
            & (eps["rec"] != groups.STILL_LOOKED_AFTER)
            & _not_short_break(eps)
            & (eps["dec"] >= self.start)
        )
        ceases = eps.loc[ended, ["child", "dec", "rec"]]
        return ceases.sort_values("dec").drop_duplicates("child", keep="last")

    def placements_since(self, since: pd.Timestamp) -> pd.DataFrame:
        if since not in self._placements:
            chains = self.chains
            in_span = chains[_overlaps(chains, since, self.end)]
            counted = in_span.groupby("child")["placement_start"].nunique()
            self._placements[since] = counted.rename("placements").reset_index()
        return self._placements[since]

    @cached_property
    def short_breaks_only(self) -> pd.Index:
        eps = self.tables["episodes"]
        in_care = (~eps["ls"].isin(groups.SHORT_BREAKS)).groupby(eps["child"]).sum()
        return pd.Index(in_care.index[in_care == 0])

    def care_leavers(self, ages: tuple[int, int]) -> pd.DataFrame:
        if ages not in self._leavers:
            oc3 = self.tables["oc3"]
            this_year = oc3[oc3["year"] == self.year]
            age = age_at_31_march(this_year["dob"], self.year)
            kept = (
                age.between(*ages)
                & this_year["in_touch"].notna()
                & ~this_year["in_touch"].isin(groups.LEFT_THE_COHORT)
                & ~this_year["child"].isin(self.short_breaks_only)
            )
            self._leavers[ages] = this_year[kept]
        return self._leavers[ages]

    @cached_property
    def adoptions(self) -> pd.DataFrame:
        chains = self.chains
        window_start = years_before_31_march(self.year, 3)
        adopted = chains[
            chains["rec"].isin(groups.ADOPTED)
            & (chains["dec"] >= window_start)
            & (chains["dec"] <= self.end)
        ][["child", "poc_start", "dec"]].rename(
            columns={"poc_start": "entered_care", "dec": "adopted_on"}
        )
        in_poc = chains.merge(adopted, on="child")
        from_day = in_poc["entered_care"].fillna(in_poc["history_from"])
        in_poc = in_poc[(in_poc["decom"] >= from_day) & (in_poc["decom"] <= in_poc["adopted_on"])]
        placed = in_poc["place"].isin(groups.PLACED_FOR_ADOPTION)
        order = in_poc["ls"].isin(groups.PLACEMENT_ORDER)
        in_poc = in_poc.assign(
            placed_for_adoption=in_poc["decom"].where(placed),
            moved_in_with_carer=in_poc["carer_start"].where(placed),
            placement_order=in_poc["decom"].where(order),
        )
        per_child = (
            in_poc.groupby(["child", "adopted_on", "entered_care"], dropna=False)
            .agg(
                placed_for_adoption=("placed_for_adoption", "min"),
                moved_in_with_carer=("moved_in_with_carer", "min"),
                placement_order=("placement_order", "min"),
            )
            .reset_index()
            .rename(columns={"entered_care": "poc_start"})
        )
        adopted_on = per_child["adopted_on"]
        per_child["adoption_year"] = adopted_on.dt.year + (adopted_on.dt.month >= 4)
        ad1 = self.tables["ad1"][["child", "year", "date_match", "foster_care"]]
        joined = per_child.merge(
            ad1,
            left_on=["child", "adoption_year"],
            right_on=["child", "year"],
            how="left",
        )
        return joined.drop(columns=["year"])


# the indicators ---------------------------------------------------------------------------

Indicator = Callable[[Year], Counts]


def _days(start: pd.Series, end: pd.Series) -> pd.Series:
    return (end - start).dt.days


def _with_flag(cohort: pd.DataFrame, children: Iterable[object], name: str) -> pd.Series:
    return cohort["child"].isin(pd.Index(children)).rename(name)


def _missing(y: Year, kind: str) -> Counts:
    missing = y.tables["missing"]
    incidents = missing[
        (missing["missing"] == kind)
        & (missing["mis_start"] >= y.start)
        & (missing["mis_start"] <= y.end)
    ]
    cohort = y.looked_after_during
    return share(cohort, _with_flag(cohort, incidents["child"].unique(), "had_incident"))


def _social_workers(y: Year, years: int) -> Counts:
    since = years_before_31_march(y.year, years)
    sw = y.tables["sw_episodes"]
    in_span = sw[(sw["sw_decom"] <= y.end) & (sw["sw_dec"].isna() | (sw["sw_dec"] >= since))]
    workers = in_span.groupby("child")["sw_id"].nunique()
    cohort = y.looked_after_on_31_march[["child"]]
    counted = cohort["child"].map(workers)
    return share(cohort, counted >= 3)


def _placements_3plus(y: Year, cohort: pd.DataFrame, years: int) -> Counts:
    since = years_before_31_march(y.year, years)
    placements = y.placements_since(since).set_index("child")["placements"]
    counted = cohort["child"].map(placements)
    return share(cohort, counted >= 3)


def _long_term_stability(y: Year) -> Counts:
    cohort = y.with_age(y.continuously_since(years_before_31_march(y.year, 2, months=6)))
    under_16 = cohort[cohort["age"] < 16]
    return share(under_16, under_16["stable_carer_start"] <= years_before_31_march(y.year, 2))


def _received(item: str) -> Indicator:
    def definition(y: Year) -> Counts:
        cohort = y.oc2_cohort
        return share(cohort, cohort[item] == 1, caveat=~cohort["has_oc2_row"])

    return definition


def _development_check(y: Year) -> Counts:
    cohort = y.oc2_cohort
    under_5 = cohort[cohort["age"] < 5]
    return share(under_5, under_5["health_check"] == 1, caveat=~under_5["has_oc2_row"])


def _sdq_ages(y: Year) -> pd.DataFrame:
    cohort = y.oc2_cohort
    return cohort[cohort["age"].between(5, 16)]


def _sdq_completed(y: Year) -> Counts:
    aged = _sdq_ages(y)
    return share(aged, aged["sdq_score"].notna(), caveat=~aged["has_oc2_row"])


def _sdq_average(y: Year) -> Counts:
    aged = _sdq_ages(y)
    return mean_of(aged, aged["sdq_score"], caveat=~aged["has_oc2_row"])


def _oc2_count(y: Year) -> Counts:
    cohort = y.oc2_cohort
    return count_of(cohort, caveat=~cohort["has_oc2_row"])


def _leavers(ages: tuple[int, int], measure: str) -> Indicator:
    def definition(y: Year) -> Counts:
        leavers = y.care_leavers(ages)
        if measure == "count":
            return count_of(leavers)
        if measure == "in_touch":
            return share(leavers, leavers["in_touch"] == "YES")
        if measure == "eet":
            return share(leavers, leavers["activ"].isin(groups.EET))
        if measure == "higher_education":
            return share(leavers, leavers["activ"].isin(groups.HIGHER_EDUCATION))
        if measure == "apprenticeship":
            return share(leavers, leavers["activ"].isin(groups.APPRENTICESHIP))
        accom = leavers["accom"]
        in_scope = accom.notna() & ~accom.str[0].isin(groups.ACCOM_OUT_OF_SCOPE)
        suitable = accom.str.endswith(groups.SUITABLE).fillna(False).astype(bool)
        return share(leavers, suitable, denominator=in_scope)

    return definition


def _adoption_mean(start: str, end: str) -> Indicator:
    def definition(y: Year) -> Counts:
        adopted = y.adoptions
        days = _days(adopted[start], adopted[end])
        return mean_of(adopted, days, caveat=adopted["poc_start"].isna())

    return definition


def _adoption_a10(y: Year) -> Counts:
    adopted = y.adoptions
    moved_in = adopted["moved_in_with_carer"].where(
        adopted["foster_care"] == 1, adopted["placed_for_adoption"]
    )
    days = _days(adopted["poc_start"], moved_in)
    return mean_of(adopted, days, caveat=adopted["poc_start"].isna())


def _adoption_a2(y: Year) -> Counts:
    adopted = y.adoptions
    eligible = (
        adopted["placed_for_adoption"].notna()
        & adopted["placement_order"].notna()
        & adopted["date_match"].notna()
    )
    days = np.maximum(0, _days(adopted["placement_order"], adopted["date_match"]))
    return mean_of(adopted, days.where(eligible))


def _uasc_count(y: Year) -> Counts:
    uasc = y.tables["uasc"]
    still = uasc[uasc["duc"].isna() | (uasc["duc"] > y.end)]
    at_31_march = y.looked_after_on_31_march
    return count_of(at_31_march[at_31_march["child"].isin(still["child"])])


def _at_31_march_share(place: tuple[str, ...]) -> Indicator:
    def definition(y: Year) -> Counts:
        cohort = y.looked_after_on_31_march
        return share(cohort, cohort["place"].isin(place))

    return definition


def _outside(y: Year) -> Counts:
    cohort = y.looked_after_on_31_march
    return share(cohort, cohort["pl_location"] == "OUT", caveat=cohort["pl_location"].isna())


def _over_20_miles(y: Year) -> Counts:
    cohort = y.looked_after_on_31_march
    return share(
        cohort,
        (cohort["pl_location"] == "OUT") & (cohort["pl_distance"] > 20),
        caveat=cohort["pl_location"].isna() | cohort["pl_distance"].isna(),
    )


def _ceased_share(reasons: tuple[str, ...]) -> Indicator:
    def definition(y: Year) -> Counts:
        ceased = y.ceased
        return share(ceased, ceased["rec"].isin(reasons))

    return definition


DEFINITIONS = {
    "adoption_a1_days": _adoption_mean("poc_start", "placed_for_adoption"),
    "adoption_a10_days": _adoption_a10,
    "adoption_a2_days": _adoption_a2,
    "adoption_a20_days": _adoption_mean("poc_start", "placement_order"),
    **{
        f"care_leavers_{group}_{measure}": _leavers(ages, key)
        for group, ages in (("17_18", (17, 18)), ("19_21", (19, 21)))
        for measure, key in (
            ("count", "count"),
            ("in_touch_pct", "in_touch"),
            ("eet_pct", "eet"),
            ("suitable_accom_pct", "suitable_accom"),
        )
    },
    "care_leavers_19_21_higher_education_pct": _leavers((19, 21), "higher_education"),
    "care_leavers_apprenticeship_count": _leavers((17, 21), "apprenticeship"),
    "oc2_health_assessment_pct": _received("health_assessment"),
    "oc2_dental_check_pct": _received("teeth_check"),
    "oc2_immunisations_pct": _received("immunisations"),
    "oc2_count": _oc2_count,
    "oc2_development_check_pct": _development_check,
    "oc2_sdq_completed_pct": _sdq_completed,
    "oc2_sdq_average": _sdq_average,
    "missing_in_year_pct": lambda y: _missing(y, "M"),
    "away_no_auth_in_year_pct": lambda y: _missing(y, "A"),
    "cla_count_31mar": lambda y: count_of(y.looked_after_on_31_march),
    "uasc_count_31mar": _uasc_count,
    "placed_outside_la_pct": _outside,
    "placed_over_20_miles_outside_pct": _over_20_miles,
    "foster_placement_pct": _at_31_march_share(groups.FOSTER),
    "long_term_foster_pct": _at_31_march_share(groups.LONG_TERM_FOSTER),
    "placements_3plus_pct": lambda y: _placements_3plus(y, y.looked_after_on_31_march, 1),
    "placement_moves_2plus_2yr_pct": lambda y: _placements_3plus(
        y, y.continuously_since(years_before_31_march(y.year, 2)), 2
    ),
    "long_term_stability_pct": _long_term_stability,
    "sw_changes_2plus_pct": lambda y: _social_workers(y, 1),
    "sw_changes_2plus_2yr_pct": lambda y: _social_workers(y, 2),
    "cla_starters": lambda y: count_of(y.started),
    "cla_ceased": lambda y: count_of(y.ceased),
    "ceased_adopted_pct": _ceased_share(groups.ADOPTED),
    "ceased_sgo_pct": _ceased_share(groups.SPECIAL_GUARDIANSHIP),
}


def compute(tables: Frames, year: int, codes: Iterable[str]) -> dict[str, Counts]:
    """The named indicators for `year` (the caller leaves out those not derivable)."""
    y = Year(tables, year)
    return {code: DEFINITIONS[code](y) for code in codes}
