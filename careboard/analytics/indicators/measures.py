"""The one-row shape every indicator definition returns, and the three ways to build it.

Columns: `numerator`, `denominator` (NULL for counts), `cohort` (size of the cohort the
indicator describes) and `caveat` (how many rows of the cohort carry the data-quality caveat
the indicator names; 0 when none). All are integers, so results are exact and identical on
every backend; the engine divides.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

RESULT_COLUMNS = ("numerator", "denominator", "cohort", "caveat")


def _how_many(condition: ir.BooleanValue) -> ir.IntegerValue:
    """Rows where `condition` is true (NULL counts as false); 0 on an empty table."""
    return ibis.ifelse(condition, 1, 0).sum().coalesce(0).cast("int64")


def _caveats(caveat: ir.BooleanValue | None) -> ir.IntegerValue:
    return _how_many(caveat) if caveat is not None else ibis.literal(0, "int64")


def share(
    cohort: ir.Table,
    numerator: ir.BooleanValue,
    *,
    denominator: ir.BooleanValue | None = None,
    caveat: ir.BooleanValue | None = None,
) -> ir.Table:
    """Rows of `cohort` meeting `numerator` out of those meeting `denominator` (default all).

    `cohort` must hold one row per child. The numerator only counts rows that are also in
    the denominator.
    """
    if denominator is None:
        return cohort.aggregate(
            numerator=_how_many(numerator),
            denominator=cohort.count().cast("int64"),
            cohort=cohort.count().cast("int64"),
            caveat=_caveats(caveat),
        )
    return cohort.aggregate(
        numerator=_how_many(denominator & numerator),
        denominator=_how_many(denominator),
        cohort=cohort.count().cast("int64"),
        caveat=_caveats(caveat),
    )


def count_of(cohort: ir.Table, *, caveat: ir.BooleanValue | None = None) -> ir.Table:
    """How many rows (children) `cohort` holds."""
    size = cohort.count().cast("int64")
    return cohort.aggregate(
        numerator=size,
        denominator=ibis.null("int64"),
        cohort=size,
        caveat=_caveats(caveat),
    )


def mean_of(
    cohort: ir.Table,
    measure: ir.IntegerValue,
    *,
    caveat: ir.BooleanValue | None = None,
) -> ir.Table:
    """The sum of `measure` over rows where it is known, and how many such rows there are."""
    return cohort.aggregate(
        numerator=measure.sum().coalesce(0).cast("int64"),
        denominator=measure.count().cast("int64"),
        cohort=cohort.count().cast("int64"),
        caveat=_caveats(caveat),
    )
