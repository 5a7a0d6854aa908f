"""Building blocks shared by many indicators, computed once per engine run.

Outside a `computed_once` block a shared building block is just its expression, so every
definition stays a plain Ibis expression. Inside one (the engine opens it), the first call
of a block for a given tables mapping, year and arguments materialises the result on the
backend (a temporary table on DuckDB, a cached DataFrame on PySpark) and later calls reuse
it: the many indicators built on "looked after at 31 March" then compile to small queries.

On DuckDB the run also keeps each block's compiled query (`Step`), in the order they were
built, so `SharedRun.refill` can compute every block again without compiling anything: the
engine does so for each further year when the year is itself a table (engine.compute_years).
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, ParamSpec

import ibis.expr.types as ir
import sqlglot as sg
import sqlglot.expressions as sge
from ibis.backends import BaseBackend

P = ParamSpec("P")


@dataclass(frozen=True, slots=True)
class Step:
    """One materialised block on DuckDB: the statements that empty its temporary table and
    fill it with the block's compiled query."""

    empty: str
    fill: str

    @classmethod
    def of(cls, backend: BaseBackend, name: str, expression: ir.Table) -> Step:
        # The insert `create_table(name, expression)` runs, kept as text
        table = sg.table(name, db="main", catalog="temp", quoted=True)
        columns = [sg.to_identifier(column, quoted=True) for column in expression.columns]
        query = backend.compiler.to_sqlglot(expression)
        return cls(
            empty=sge.delete(table).sql(backend.dialect),
            fill=sge.insert(query, into=table, columns=columns).sql(backend.dialect),
        )


@dataclass
class SharedRun:
    backend: BaseBackend
    blocks: dict[tuple[Any, ...], ir.Table] = field(default_factory=dict)
    temporary: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    def materialise(self, expression: ir.Table) -> ir.Table:
        if self.backend.name != "duckdb":
            return expression.cache()
        # What `create_table(name, expression, temp=True)` does, keeping the compiled query
        name = f"_careboard_block_{uuid.uuid4().hex[:12]}"
        self.temporary.append(name)
        table = self.backend.create_table(name, schema=expression.schema(), temp=True)
        step = Step.of(self.backend, name, expression)
        prepare(self.backend, expression)
        self.backend.raw_sql(step.fill)
        self.steps.append(step)
        return table

    def refill(self) -> None:
        """Compute every materialised block again, in the order they were built (DuckDB)."""
        for step in self.steps:
            self.backend.raw_sql(step.empty)
            self.backend.raw_sql(step.fill)

    def release(self) -> None:
        for name in self.temporary:
            self.backend.drop_table(name, force=True)
        for table in self.blocks.values():
            release = getattr(table, "release", None)
            if release is not None:
                release()


def prepare(backend: BaseBackend, expression: ir.Expr) -> None:
    """Register the in-memory tables `expression` reads, before its compiled SQL runs on
    `backend` directly (Ibis does this itself when it executes an expression)."""
    backend._run_pre_execute_hooks(expression)


_current: ContextVar[SharedRun | None] = ContextVar("careboard_shared_blocks", default=None)


def _key_part(argument: Any) -> Any:
    """Arguments as dictionary keys: an Ibis expression (a year or a date standing for
    each year in turn) by its operation, which compares by structure."""
    return argument.op() if isinstance(argument, ir.Expr) else argument


def shared(block: Callable[P, ir.Table]) -> Callable[P, ir.Table]:
    """Mark a building block `(tables, year, *arguments)` as worth computing once."""

    @functools.wraps(block)
    def once(*args: P.args, **kwargs: P.kwargs) -> ir.Table:
        run = _current.get()
        if run is None:
            return block(*args, **kwargs)
        tables, *rest = args
        key = (
            block.__qualname__,
            id(tables),
            *(_key_part(argument) for argument in rest),
            *sorted((name, _key_part(value)) for name, value in kwargs.items()),
        )
        if key not in run.blocks:
            run.blocks[key] = run.materialise(block(*args, **kwargs))
        return run.blocks[key]

    return once


@contextmanager
def computed_once(backend: BaseBackend) -> Iterator[SharedRun]:
    """Within the block, shared building blocks are materialised once on `backend`."""
    run = SharedRun(backend)
    token = _current.set(run)
    try:
        yield run
    finally:
        _current.reset(token)
        run.release()
