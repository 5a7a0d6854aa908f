"""Building blocks shared by many indicators, computed once per engine run.

Outside a `computed_once` block a shared building block is just its expression, so every
definition stays a plain Ibis expression. Inside one (the engine opens it), the first call
of a block for a given tables mapping, year and arguments materialises the result on the
backend (a temporary table on DuckDB, a cached DataFrame on PySpark) and later calls reuse
it: the many indicators built on "looked after at 31 March" then compile to small queries.
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
from ibis.backends import BaseBackend

P = ParamSpec("P")


@dataclass
class _Run:
    backend: BaseBackend
    blocks: dict[tuple[Any, ...], ir.Table] = field(default_factory=dict)
    temporary: list[str] = field(default_factory=list)

    def materialise(self, expression: ir.Table) -> ir.Table:
        if self.backend.name == "duckdb":
            name = f"_careboard_block_{uuid.uuid4().hex[:12]}"
            self.temporary.append(name)
            return self.backend.create_table(name, expression, temp=True)
        return expression.cache()

    def release(self) -> None:
        for name in self.temporary:
            self.backend.drop_table(name, force=True)
        for table in self.blocks.values():
            release = getattr(table, "release", None)
            if release is not None:
                release()


_current: ContextVar[_Run | None] = ContextVar("careboard_shared_blocks", default=None)


def shared(block: Callable[P, ir.Table]) -> Callable[P, ir.Table]:
    """Mark a building block `(tables, year, *arguments)` as worth computing once."""

    @functools.wraps(block)
    def once(*args: P.args, **kwargs: P.kwargs) -> ir.Table:
        run = _current.get()
        if run is None:
            return block(*args, **kwargs)
        tables, *rest = args
        key = (block.__qualname__, id(tables), *rest, *sorted(kwargs.items()))
        if key not in run.blocks:
            run.blocks[key] = run.materialise(block(*args, **kwargs))
        return run.blocks[key]

    return once


@contextmanager
def computed_once(backend: BaseBackend) -> Iterator[None]:
    """Within the block, shared building blocks are materialised once on `backend`."""
    run = _Run(backend)
    token = _current.set(run)
    try:
        yield
    finally:
        _current.reset(token)
        run.release()
