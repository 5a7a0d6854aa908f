"""Read a DfE SSDA903 XML file (903-schema.md 1.4) into raw tables, streaming.

The file is fed to expat in 1 MiB blocks through defusedxml, which refuses DTDs, entity
declarations and external references: the billion-laughs and quadratic-blowup bombs need
them, and a 903 file never has them. A SAX-style target keeps only the child being read;
finished rows are buffered in short Python lists and moved to Arrow every 64k rows.

Mapping: CHILDID -> CHILD, PL -> PLACE; EPISODE, AREVIEW, AMISSING, PERMANENCE, OC2 and
AD_PLACED are rows of their tables; HEADER items give the Header row, a UASC row when UASC
is 1 or DUC is filled, an AD1 row when DATE_INT is filled and an OC3 row when IN_TOUCH is.
Any other group whose items match a table's columns (social worker episodes, whose tag the
sources do not name) is read as that table. A row's `_row` is the line of its group's
opening tag; Header, UASC, AD1 and OC3 rows use the HEADER tag's line.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.parsers.expat import ErrorString, ExpatError

import pyarrow as pa
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from careboard.analytics.ssda903.findings import Finding
from careboard.analytics.ssda903.reader import file_rules
from careboard.analytics.ssda903.reader.normalise import clean_column, raw_schema
from careboard.analytics.ssda903.reader.recognise import recognise
from careboard.analytics.ssda903.tables import ROW, TABLE_COLUMNS

BLOCK = 1 << 20
FLUSH_ROWS = 1 << 16
MAX_DEPTH = 8  # EXPSSDA903 / CHILD / HEADER / AREVIEW / REVIEW is depth 5
MAX_TEXT = 4096  # characters kept from one element's text

RENAMES = {"CHILDID": "CHILD", "PL": "PLACE"}
GROUP_TABLES = {
    "EPISODE": "episodes",
    "AREVIEW": "reviews",
    "AMISSING": "missing",
    "PERMANENCE": "prev_perm",
    "OC2": "oc2",
    "AD_PLACED": "placed_adoption",
}
HEADER_ITEMS = frozenset(
    {
        *TABLE_COLUMNS["header"],
        *TABLE_COLUMNS["uasc"],
        *TABLE_COLUMNS["ad1"],
        *TABLE_COLUMNS["oc3"],
        "UASC",
    }
)

Progress = Callable[[str, int], None]


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _Element:
    """An open element. Kept small: expat creates one per tag, millions in a big file."""

    __slots__ = ("has_children", "item_lines", "items", "line", "tag", "text")

    def __init__(self, tag: str, line: int) -> None:
        self.tag = tag
        self.line = line
        self.text = ""
        self.has_children = False
        self.items: dict[str, str] = {}
        self.item_lines: dict[str, int] = {}


@dataclass
class XmlResult:
    tables: dict[str, pa.Table]
    findings: list[Finding]


class _ReturnBuilder:
    """expat target: turns start/data/end events into rows of the raw tables."""

    def __init__(self, display_name: str, progress: Progress | None) -> None:
        self.display_name = display_name
        self.progress = progress
        self.current_line: Callable[[], int] = lambda: 0
        self.stack: list[_Element] = []
        self.pending: dict[str, dict[str, list[str | int | None]]] = {
            t: {c: [] for c in (*cols, ROW)} for t, cols in TABLE_COLUMNS.items()
        }
        self.batches: dict[str, list[pa.RecordBatch]] = {t: [] for t in TABLE_COLUMNS}
        self.header: _Element | None = None
        self.child_rows: list[tuple[str, _Element]] = []
        self.unknown: dict[str, tuple[int, int]] = {}  # tag -> (first line, count)
        self.children = 0

    # expat target interface -------------------------------------------------------------
    def start(self, tag: str, attrib: dict[str, str]) -> None:
        line = self.current_line()
        if len(self.stack) >= MAX_DEPTH:
            raise _TooDeep(line)
        if self.stack:
            self.stack[-1].has_children = True
        self.stack.append(_Element(_local_name(tag), line))

    def data(self, text: str) -> None:
        if self.stack:
            element = self.stack[-1]
            if len(element.text) < MAX_TEXT:
                element.text = (element.text + text)[:MAX_TEXT]

    def end(self, tag: str) -> None:
        element = self.stack.pop()
        depth = len(self.stack)  # 0 = root, 1 = CHILD, 2 = HEADER / EPISODE, ...
        if not element.has_children:
            if depth >= 2:
                name = RENAMES.get(element.tag, element.tag)
                parent = self.stack[-1]
                parent.items[name] = element.text
                parent.item_lines[name] = element.line
            elif depth == 1:
                self._note_unknown(element.tag, element.line)
            return
        if depth == 0:
            return
        if depth == 1:
            if element.tag == "CHILD":
                self._finish_child(element)
            else:
                self._note_unknown(element.tag, element.line)
            return
        if depth == 2 and element.tag == "HEADER":
            self.header = element
            return
        table = GROUP_TABLES.get(element.tag) or self._table_by_items(element.items)
        if table is None:
            self._note_unknown(element.tag, element.line)
            return
        self.child_rows.append((table, element))

    def close(self) -> None:
        return None

    # rows --------------------------------------------------------------------------------
    def _table_by_items(self, items: dict[str, str]) -> str | None:
        recognised = recognise([*items, "CHILD", "DOB"])
        return recognised.table if recognised.complete else None

    def _finish_child(self, child: _Element) -> None:
        source = self.header or child
        header = {**child.items, **source.items}
        item_lines = {**child.item_lines, **source.item_lines}
        line = source.line
        for name in header:
            if name not in HEADER_ITEMS:
                self._note_unknown(name, item_lines[name])
        self._add("header", line, header)
        if _filled(header, "UASC") not in ("", "0") or _filled(header, "DUC"):
            self._add("uasc", line, header)
        if _filled(header, "DATE_INT"):
            self._add("ad1", line, header)
        if _filled(header, "IN_TOUCH"):
            self._add("oc3", line, header)
        identity = {"CHILD": header.get("CHILD", ""), "DOB": header.get("DOB", "")}
        for table, group in self.child_rows:
            for name in group.items:
                if name not in TABLE_COLUMNS[table]:
                    self._note_unknown(name, group.item_lines[name])
            self._add(table, group.line, {**identity, **group.items})
        self.header, self.child_rows = None, []
        self.children += 1
        if self.progress is not None and self.children % 1000 == 0:
            self.progress(self.display_name, self.children)

    def _add(self, table: str, line: int, items: dict[str, str]) -> None:
        columns = self.pending[table]
        for column in TABLE_COLUMNS[table]:
            columns[column].append(items.get(column))
        columns[ROW].append(line)
        if len(columns[ROW]) >= FLUSH_ROWS:
            self._flush(table)

    def _flush(self, table: str) -> None:
        columns = self.pending[table]
        if not columns[ROW]:
            return
        arrays = [clean_column(c, pa.array(columns[c], pa.string())) for c in TABLE_COLUMNS[table]]
        arrays.append(pa.array(columns[ROW], pa.int32()))
        self.batches[table].append(pa.RecordBatch.from_arrays(arrays, schema=raw_schema(table)))
        for values in columns.values():
            values.clear()

    def _note_unknown(self, tag: str, line: int) -> None:
        first, count = self.unknown.get(tag, (line, 0))
        self.unknown[tag] = (first, count + 1)

    def tables(self) -> dict[str, pa.Table]:
        for table in TABLE_COLUMNS:
            self._flush(table)
        return {
            t: pa.Table.from_batches(self.batches[t], schema=raw_schema(t)) for t in TABLE_COLUMNS
        }


def _filled(items: dict[str, str], name: str) -> str:
    return (items.get(name) or "").strip()


@functools.lru_cache(maxsize=512)
def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].upper()


def read_xml_return(
    path: Path, display_name: str, progress: Progress | None = None, encoding: str | None = None
) -> XmlResult:
    """`encoding` overrides the file's declaration (for cp1252 files that claim UTF-8)."""
    builder = _ReturnBuilder(display_name, progress)
    parser = DefusedXMLParser(
        target=builder,
        encoding=encoding,
        forbid_dtd=True,
        forbid_entities=True,
        forbid_external=True,
    )
    # defusedxml installs its refusals (DTD, entity and external-reference handlers) on the
    # expat parser. The element and text handlers then go straight to the builder, skipping
    # ElementTree's pure-Python layer, which would double the time per element.
    expat = parser.parser
    expat.buffer_text = True
    expat.StartElementHandler = builder.start
    expat.EndElementHandler = builder.end
    expat.CharacterDataHandler = builder.data
    builder.current_line = lambda: int(expat.CurrentLineNumber)
    try:
        with path.open("rb") as stream:
            while block := stream.read(BLOCK):
                expat.Parse(block, False)
        expat.Parse(b"", True)
    except DefusedXmlException:
        return XmlResult(
            {},
            [
                file_rules.error(
                    file_rules.XML_FORBIDDEN,
                    "The XML file declares a DTD, entities or external references. 903 files never "
                    "need them and they are how 'XML bombs' work, so the file is refused.",
                    file=display_name,
                    row=int(expat.CurrentLineNumber),
                )
            ],
        )
    except _TooDeep as too_deep:
        return XmlResult(
            {},
            [
                file_rules.error(
                    file_rules.XML_TOO_DEEP,
                    f"XML elements are nested more than {MAX_DEPTH} deep; this is not a 903 file.",
                    file=display_name,
                    row=too_deep.line,
                )
            ],
        )
    except ExpatError as problem:
        line = problem.lineno
        return XmlResult(
            {},
            [
                file_rules.error(
                    file_rules.XML_MALFORMED,
                    f"The XML is not well-formed: {ErrorString(problem.code)}.",
                    file=display_name,
                    row=line,
                )
            ],
        )
    findings = [
        file_rules.warning(
            file_rules.XML_UNKNOWN_ELEMENT,
            f"Element <{tag}> is not part of the 903 format and was ignored "
            f"({count} time(s), first on line {first}).",
            file=display_name,
            row=first,
            column=tag,
        )
        for tag, (first, count) in sorted(builder.unknown.items(), key=lambda kv: kv[1][0])
    ]
    tables = builder.tables()
    if builder.children == 0:
        findings.append(
            file_rules.error(
                file_rules.NO_DATA_ROWS if path.stat().st_size else file_rules.EMPTY_FILE,
                "The XML file holds no <CHILD> records.",
                file=display_name,
            )
        )
    return XmlResult(tables, findings)
