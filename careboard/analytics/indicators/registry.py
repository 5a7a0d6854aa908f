"""The indicator registry: each KPI registers its metadata and its definition by decorator.

A definition is a function `(tables, years) -> ibis Table`. `tables` maps stored table names
(careboard.analytics.ssda903.stored.STORED_TABLES) to Ibis table expressions; `years` is a
table with one column, `year`: the collection years to compute, each named by the year it
ends (2025 = 1 April 2024 to 31 March 2025). A definition computes every year at once: its
building blocks hold one row per year and child (see periods and cohorts). The expression it
returns has one row per year in the shape built by `careboard.analytics.indicators.measures`
(year, numerator, denominator, cohort, caveat), so every definition runs on any Ibis backend.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal, TypeAlias

import ibis.expr.types as ir

Tables = Mapping[str, ir.Table]
# A collection year: an int, or an Ibis integer column (a row's year) in the building blocks
Year: TypeAlias = int | ir.IntegerValue
Day: TypeAlias = dt.date | ir.DateValue
# A span ending on 31 March: (years, months), e.g. (2, 6) is 2.5 years
Span: TypeAlias = tuple[int, int]
Definition = Callable[[Tables, ir.Table], ir.Table]

Priority = Literal["vision", "health", "independence", "homes", "education"]
Polarity = Literal["higher", "lower", "contextual"]
Period = Literal["dfe_year", "academic_year", "care_leaver_birthday_year"]
Unit = Literal["count", "percent", "days", "score"]

PRIORITIES: dict[str, str] = {
    "vision": "Vision",
    "health": "Priority 1: Health",
    "independence": "Priority 2: Independence and transition to adulthood",
    "homes": "Priority 3: Positive lived experiences (homes and permanence)",
    "education": "Priority 4: Education and employment",
}

INDICATOR_PACKAGE = "careboard.analytics.indicators"


@dataclass(frozen=True, slots=True)
class Indicator:
    """One KPI: what it measures, for whom, over which period, and how it is computed.

    `years_back` lists the earlier collection years the definition reads (1 = the year
    before); `first_year` is the first collection year whose data allows it (for example
    SWEpisodes from 2023-24). `caveat` names what the definition's caveat count means.
    """

    code: str
    title: str
    priority: Priority
    unit: Unit
    polarity: Polarity
    cohort: str
    period: Period
    definition: str
    source_fields: tuple[str, ...]
    dfe_publication: str
    compute: Definition
    tables: tuple[str, ...]
    years_back: tuple[int, ...] = ()
    first_year: int | None = None
    caveat: str | None = None

    @property
    def module(self) -> str:
        """The module name within the indicators package, e.g. `placement_type`."""
        return self.compute.__module__.removeprefix(INDICATOR_PACKAGE + ".")

    @property
    def source_path(self) -> str:
        return f"careboard/analytics/indicators/{self.module}.py"

    @property
    def test_path(self) -> str:
        return f"tests/analytics/indicators/test_{self.module}.py"

    def years_needed(self, year: int) -> tuple[int, ...]:
        """The collection years whose returns the indicator reads when computed for `year`."""
        return tuple(sorted({year, *(year - back for back in self.years_back)}))


REGISTRY: dict[str, Indicator] = {}


def indicator(
    *,
    code: str,
    title: str,
    priority: Priority,
    unit: Unit,
    polarity: Polarity,
    cohort: str,
    period: Period,
    definition: str,
    source_fields: tuple[str, ...],
    dfe_publication: str,
    tables: tuple[str, ...] = ("episodes",),
    years_back: tuple[int, ...] = (),
    first_year: int | None = None,
    caveat: str | None = None,
) -> Callable[[Definition], Definition]:
    """Register the decorated definition under `code` with its metadata."""

    def register(compute: Definition) -> Definition:
        if code in REGISTRY:
            raise ValueError(f"indicator {code!r} is registered twice")
        REGISTRY[code] = Indicator(
            code=code,
            title=title,
            priority=priority,
            unit=unit,
            polarity=polarity,
            cohort=cohort,
            period=period,
            definition=" ".join(definition.split()),
            source_fields=source_fields,
            dfe_publication=dfe_publication,
            compute=compute,
            tables=tables,
            years_back=years_back,
            first_year=first_year,
            caveat=caveat,
        )
        return compute

    return register
