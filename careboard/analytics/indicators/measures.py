"""The result shape every indicator definition returns, and the three ways to build it.

One row per collection year asked for, with `year` and: `numerator`, `denominator` (NULL for
counts), `cohort` (size of the cohort the indicator describes) and `caveat` (how many rows of
the cohort carry the data-quality caveat the indicator names; 0 when none). All are integers,
so results are exact and identical on every backend; the engine divides.

A cohort holds one row per year and child. A year nobody is in still gets its row: 0 out
of 0, a count of 0.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

RESULT_COLUMNS = ("numerator", "denominator", "cohort", "caveat")


def _how_many(condition: ir.BooleanValue) -> ir.IntegerValue:
    """Rows where `condition` is true (NULL counts as false)."""
    return ibis.ifelse(condition, 1, 0).sum().cast("int64")


def _caveats(caveat: ir.BooleanValue | None) -> ir.IntegerValue:
    return _how_many(caveat) if caveat is not None else ibis.literal(0, "int64")


def _every_year(
    years: ir.Table,
    cohort: ir.Table,
    *,
    numerator: ir.IntegerValue,
    denominator: ir.IntegerValue | None,
    caveat: ir.BooleanValue | None,
) -> ir.Table:
    """The four figures per year of `cohort`, and 0 for each of `years` it has no rows in
    (the denominator stays NULL when there is none)."""
    found = cohort.group_by("year").aggregate(
        numerator=numerator.cast("int64"),
        denominator=ibis.null("int64") if denominator is None else denominator.cast("int64"),
        cohort=cohort.count().cast("int64"),
        caveat=_caveats(caveat),
    )
    joined = years.select("year").left_join(found, "year")
    zero = ibis.literal(0, "int64")
    no_denominator = ibis.null("int64")
    return joined.select(
        "year",
        numerator=joined.numerator.coalesce(zero),
        denominator=no_denominator if denominator is None else joined.denominator.coalesce(zero),
        cohort=joined.cohort.coalesce(zero),
        caveat=joined.caveat.coalesce(zero),
    )


def share(
    years: ir.Table,
    cohort: ir.Table,
    numerator: ir.BooleanValue,
    *,
    denominator: ir.BooleanValue | None = None,
    caveat: ir.BooleanValue | None = None,
) -> ir.Table:
    """Rows of `cohort` meeting `numerator` out of those meeting `denominator` (default all),
    for each of `years`. The numerator only counts rows that are also in the denominator."""
    if denominator is None:
        return _every_year(
            years, cohort, numerator=_how_many(numerator), denominator=cohort.count(), caveat=caveat
        )
    return _every_year(
        years,
        cohort,
        numerator=_how_many(denominator & numerator),
        denominator=_how_many(denominator),
        caveat=caveat,
    )


def count_of(
    years: ir.Table, cohort: ir.Table, *, caveat: ir.BooleanValue | None = None
) -> ir.Table:
    """How many rows (children) `cohort` holds in each of `years`."""
    return _every_year(years, cohort, numerator=cohort.count(), denominator=None, caveat=caveat)


def mean_of(
    years: ir.Table,
    cohort: ir.Table,
    measure: ir.IntegerValue,
    *,
    caveat: ir.BooleanValue | None = None,
) -> ir.Table:
    """The sum of `measure` over rows where it is known, and how many such rows there are,
    for each of `years`."""
    return _every_year(
        years, cohort, numerator=measure.sum(), denominator=measure.count(), caveat=caveat
    )
