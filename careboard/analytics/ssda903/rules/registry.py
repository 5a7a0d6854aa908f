"""The rule registry: every validation rule declares who it is next to its logic.

A rule is a function from a `RuleContext` to one SQL query (DuckDB dialect) over the
prepared tables (see `prepare.py`). The query returns one row per problem with the columns

    _row  the line in the source file of the row at fault
    col   the column at fault
    val   the raw cell value (masked later for personal columns)
    tbl   optional: the table at fault, when a rule can point into several tables
    detail optional: a few words appended to the message (e.g. the years a code is valid)

The decorator records the rule's id, severity, message, the tables it needs and points at,
the columns it concerns, the DfE rule number it corresponds to and the years it applies to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from careboard.analytics.ssda903.codes import YEARS, codes_for
from careboard.analytics.ssda903.findings import Severity

ERROR = Severity.ERROR
WARNING = Severity.WARNING


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule may know about the run: the year and which tables arrived."""

    year: int
    present: frozenset[str]
    previous_present: frozenset[str] = field(default_factory=frozenset)

    @property
    def year_start(self) -> date:
        return date(self.year - 1, 4, 1)

    @property
    def year_end(self) -> date:
        return date(self.year, 3, 31)

    @property
    def start(self) -> str:
        """1 April at the start of the collection year, as a SQL literal."""
        return sql_date(self.year_start)

    @property
    def end(self) -> str:
        """31 March at the end of the collection year, as a SQL literal."""
        return sql_date(self.year_end)

    def codes(self, column: str) -> str:
        """The year's code list for `column`, as a SQL list literal."""
        return sql_list(codes_for(column, self.year))


QueryBuilder = Callable[[RuleContext], str]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    message: str
    tables: tuple[str, ...]  # tables it reads; findings point at the first unless told
    fields: tuple[str, ...]
    query: QueryBuilder
    needs: tuple[str, ...]  # tables that must be present for the rule to run
    dfe: str | None = None  # the DfE rule number(s) it corresponds to, if any
    years: tuple[int, ...] = tuple(YEARS)
    needs_previous: tuple[str, ...] = ()  # last year's tables it needs

    @property
    def table(self) -> str:
        return self.tables[0]

    def applies(self, ctx: RuleContext) -> bool:
        return (
            ctx.year in self.years
            and all(t in ctx.present for t in self.needs)
            and all(t in ctx.previous_present for t in self.needs_previous)
        )


_RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.id in _RULES:
        raise ValueError(f"rule id {rule.id} registered twice")
    _RULES[rule.id] = rule
    return rule


def rule(
    id: str,
    *,
    tables: Iterable[str],
    fields: Iterable[str],
    message: str,
    severity: Severity = ERROR,
    dfe: str | None = None,
    needs: Iterable[str] | None = None,
    years: Iterable[int] = YEARS,
    needs_previous: Iterable[str] = (),
) -> Callable[[QueryBuilder], QueryBuilder]:
    """Register the decorated query builder as a rule.

    `tables` are the tables the rule reads (the first is where findings point unless the
    query returns `tbl`); by default all must be present, `needs` can relax that.
    """
    tables = tuple(tables)

    def decorate(query: QueryBuilder) -> QueryBuilder:
        register(
            Rule(
                id=id,
                severity=severity,
                message=message,
                tables=tables,
                fields=tuple(fields),
                query=query,
                needs=tables if needs is None else tuple(needs),
                dfe=dfe,
                years=tuple(years),
                needs_previous=tuple(needs_previous),
            )
        )
        return query

    return decorate


def all_rules() -> list[Rule]:
    """Every registered rule, in a stable order (theme modules loaded first)."""
    from careboard.analytics.ssda903 import rules as _package

    _package.load_all()
    return list(_RULES.values())


def get_rule(rule_id: str) -> Rule:
    all_rules()
    return _RULES[rule_id]


def sql_date(value: date) -> str:
    return f"DATE '{value.isoformat()}'"


def sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def sql_list(values: Iterable[str]) -> str:
    items = sorted(values)
    if not items:
        return "(NULL)"
    return "(" + ", ".join(sql_str(v) for v in items) + ")"
