"""Compiled indicator runs ("plans") kept for DuckDB, in memory and optionally on disk.

Building and compiling the Ibis expressions takes longer than DuckDB takes to run them on a
council's data (ADR 7), so the engine keeps what it compiled: the statements that create the
shared blocks, in order, and the final query. A plan depends on the indicators run, the name
and schema of each stored table, careboard's indicator code and the versions of Ibis,
sqlglot and DuckDB; its key is a digest of all of them, so a change to any gives a new key
and an old plan is never used. The years are not in a plan: its statements read them from a
temporary table the engine fills for each run.

Plans live in memory for the life of the process and, when the engine is given a folder
(the store's, see `Store.plans_dir`), as one JSON file each, so a new process need not
compile again. A file that cannot be read as a plan is ignored and replaced. Plan files
hold SQL text and table names, no data; they sit beside the store and need the same
protection, since the engine runs what they say.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

import ibis.expr.operations as ops
import ibis.expr.types as ir

ANALYTICS = Path(__file__).resolve().parent
# The code a plan's SQL comes from
SOURCES = (
    ANALYTICS / "engine.py",
    ANALYTICS / "plans.py",
    *sorted((ANALYTICS / "indicators").glob("*.py")),
)
LIBRARIES = ("ibis-framework", "sqlglot", "duckdb")


@dataclass(frozen=True, slots=True)
class Plan:
    """One DuckDB run, compiled: the statements that create the shared blocks' temporary
    tables (name, statement), in order, and the final query."""

    blocks: tuple[tuple[str, str], ...]
    query: str


_IN_MEMORY: dict[str, Plan] = {}


@cache
def code_fingerprint() -> str:
    """A digest of the indicator code and the library versions plans depend on."""
    digest = hashlib.sha256()
    for source in SOURCES:
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    for library in LIBRARIES:
        digest.update(f"{library}={version(library)}".encode())
    return digest.hexdigest()


def key_for(codes: Iterable[str], tables: Mapping[str, ir.Table]) -> str | None:
    """The key of the plan that runs `codes` over `tables`; None (keep no plan) when a table
    is not a plain database table, such as an in-memory one whose name changes each time."""
    shapes = []
    for name, table in sorted(tables.items()):
        op = table.op()
        if not isinstance(op, ops.DatabaseTable):
            return None
        shapes.append([name, op.name, str(op.namespace), str(op.schema)])
    described = json.dumps([code_fingerprint(), list(codes), shapes])
    return hashlib.sha256(described.encode()).hexdigest()


def find(key: str, folder: Path | None) -> Plan | None:
    """The plan kept under `key`, in memory or else in `folder`."""
    if key in _IN_MEMORY:
        return _IN_MEMORY[key]
    if folder is None:
        return None
    try:
        stored = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        plan = Plan(
            blocks=tuple((str(name), str(sql)) for name, sql in stored["blocks"]),
            query=str(stored["query"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    _IN_MEMORY[key] = plan
    return plan


def keep(key: str, plan: Plan, folder: Path | None) -> None:
    """Keep `plan` in memory and, if given a folder, in a file written atomically."""
    _IN_MEMORY[key] = plan
    if folder is None:
        return
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    text = json.dumps({"blocks": [list(block) for block in plan.blocks], "query": plan.query})
    handle, partial = tempfile.mkstemp(dir=folder, prefix=".plan-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(partial, folder / f"{key}.json")
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def forget_in_memory() -> None:
    """Drop the plans this process keeps in memory (files stay)."""
    _IN_MEMORY.clear()


def kept_in_memory() -> int:
    return len(_IN_MEMORY)
