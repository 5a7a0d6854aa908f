"""Building blocks shared by many indicators, computed once per engine run.

Outside a `computed_once` block a shared building block is just its expression, so every
definition stays a plain Ibis expression. Inside one (the engine opens it), the first call
of a block for a given tables mapping, years and arguments materialises the result on the
backend (a temporary table on DuckDB, a cached DataFrame on PySpark) and later calls reuse
it: the many indicators built on "looked after at 31 March" then compile to small queries.
On DuckDB the run also keeps the statements that created its blocks (`SharedRun.created`),
so the engine can run them again without building or compiling anything (engine.Plan).
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


@dataclass
class SharedRun:
    """The blocks materialised in one `computed_once` block; on DuckDB, `created` holds the
    name and CREATE statement of each block's temporary table, in the order they ran."""

    backend: BaseBackend
    blocks: dict[tuple[Any, ...], ir.Table] = field(default_factory=dict)
    created: list[tuple[str, str]] = field(default_factory=list)

    def materialise(self, expression: ir.Table) -> ir.Table:
        if self.backend.name != "duckdb":
            prepare(self.backend, expression)  # the years table, before Ibis caches the block
            return expression.cache()
        name = f"_careboard_block_{uuid.uuid4().hex[:12]}"
        table = _temporary_table(name)
        query = self.backend.compiler.to_sqlglot(expression)
        create = sge.Create(this=table, kind="TABLE", expression=query, properties=_TEMPORARY)
        statement = create.sql(self.backend.dialect)
        prepare(self.backend, expression)
        self.backend.raw_sql(statement)
        self.created.append((name, statement))
        return self.backend.table(name, database=("temp", "main"))

    def release(self) -> None:
        for name, _ in self.created:
            drop_temporary(self.backend, name)
        for table in self.blocks.values():
            if self.backend.name != "duckdb":
                table.release()


_TEMPORARY = sge.Properties(expressions=[sge.TemporaryProperty()])


def _temporary_table(name: str) -> sge.Table:
    return sg.table(name, db="main", catalog="temp", quoted=True)


def drop_temporary(backend: BaseBackend, name: str) -> None:
    """Drop a temporary table made by `materialise` (DuckDB)."""
    backend.raw_sql(
        sge.Drop(this=_temporary_table(name), kind="TABLE", exists=True).sql(backend.dialect)
    )


def prepare(backend: BaseBackend, expression: ir.Expr) -> None:
    """Register the in-memory tables `expression` reads, before its compiled SQL runs on
    `backend` directly (Ibis does this itself when it executes an expression)."""
    backend._run_pre_execute_hooks(expression)


_current: ContextVar[SharedRun | None] = ContextVar("careboard_shared_blocks", default=None)


def _key_part(argument: Any) -> Any:
    """Arguments as dictionary keys: an Ibis expression (the years table) by its operation,
    which compares by structure."""
    return argument.op() if isinstance(argument, ir.Expr) else argument


def shared(block: Callable[P, ir.Table]) -> Callable[P, ir.Table]:
    """Mark a building block `(tables, *arguments)` as worth computing once."""

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
