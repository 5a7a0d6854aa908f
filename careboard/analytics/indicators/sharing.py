"""Building blocks shared by many indicators, computed once per engine run.

Outside a `computed_once` block a shared building block is just its expression, so every
definition stays a plain Ibis expression. Inside one (the engine opens it), the first call
of a block for a given tables mapping, year and arguments materialises the result on the
backend (a temporary table on DuckDB, a cached DataFrame on PySpark) and later calls reuse
it: the many indicators built on "looked after at 31 March" then compile to small queries.

On DuckDB the run also keeps each block's compiled query (`Step`), in the order they were
built, so `SharedRun.refill` can compute the blocks again without compiling anything: the
engine does so for each further year when the year is itself a table (engine.compute_years).
Only the blocks that read that table, directly or through another such block, are refilled.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, ParamSpec

import ibis.expr.operations as ops
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
    varies: bool = True

    @classmethod
    def of(cls, backend: BaseBackend, name: str, expression: ir.Table, *, varies: bool) -> Step:
        # The insert `create_table(name, expression)` runs, kept as text
        table = sg.table(name, db="main", catalog="temp", quoted=True)
        columns = [sg.to_identifier(column, quoted=True) for column in expression.columns]
        query = backend.compiler.to_sqlglot(expression)
        return cls(
            empty=sge.delete(table).sql(backend.dialect),
            fill=sge.insert(query, into=table, columns=columns).sql(backend.dialect),
            varies=varies,
        )


@dataclass
class SharedRun:
    """The blocks materialised in one `computed_once` block. `varying` holds the tables whose
    content `refill` is called for (the engine's year table) and the blocks that read them;
    None when every block is to be refilled."""

    backend: BaseBackend
    blocks: dict[tuple[Any, ...], ir.Table] = field(default_factory=dict)
    temporary: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    varying: set[ops.Node] | None = None

    def _varies(self, expression: ir.Table) -> bool:
        if self.varying is None:
            return True
        return any(table in self.varying for table in expression.op().find(ops.DatabaseTable))

    def materialise(self, expression: ir.Table) -> ir.Table:
        if self.backend.name != "duckdb":
            return expression.cache()
        # What `create_table(name, expression, temp=True)` does, keeping the compiled query
        name = f"_careboard_block_{uuid.uuid4().hex[:12]}"
        self.temporary.append(name)
        table = self.backend.create_table(name, schema=expression.schema(), temp=True)
        step = Step.of(self.backend, name, expression, varies=self._varies(expression))
        prepare(self.backend, expression)
        self.backend.raw_sql(step.fill)
        self.steps.append(step)
        if step.varies and self.varying is not None:
            self.varying.add(table.op())
        return table

    def refill(self) -> None:
        """Compute the materialised blocks that vary again, in the order they were built
        (DuckDB)."""
        for step in self.steps:
            if step.varies:
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
def computed_once(backend: BaseBackend, *, varying: ir.Table | None = None) -> Iterator[SharedRun]:
    """Within the block, shared building blocks are materialised once on `backend`. With
    `varying`, `refill` computes again only the blocks that read that table."""
    run = SharedRun(backend, varying=None if varying is None else {varying.op()})
    token = _current.set(run)
    try:
        yield run
    finally:
        _current.reset(token)
        run.release()
