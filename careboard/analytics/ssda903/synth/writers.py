"""Write a cut return as one CSV per table and/or as DfE-shaped XML (903-schema 1.4).

CSV: one file per table named `<table>.csv`, the exact TABLE_COLUMNS header, comma separated,
no quoting (no value holds a comma), UTF-8 without BOM, `\\n` line ends.

XML: `ssda903_<year>.xml`, root EXPSSDA903, one CHILD per Header row holding HEADER (Header
items, UASC flag and DUC, AD1 and OC3 items, then AREVIEW, AMISSING, PERMANENCE, OC2 and
AD_PLACED groups) followed by EPISODE and SWEPISODE groups. CHILD is written as CHILDID and
PLACE as PL; an empty element means null. The social-worker group's tag is our own choice
(the sources read do not name it); its items are the SWEpisodes column names.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from xml.sax.saxutils import escape

from careboard.analytics.ssda903.synth.snapshot import PREV_PERM_FROM, Rows, YearReturn
from careboard.analytics.ssda903.tables import SW_EPISODES_FROM, TABLE_COLUMNS


def csv_name(table: str) -> str:
    return f"{table}.csv"


def xml_name(year: int) -> str:
    return f"ssda903_{year}.xml"


def table_exists(table: str, year: int) -> bool:
    """SWEpisodes starts in 2023-24, PrevPerm in 2016-17: no file before."""
    if table == "sw_episodes":
        return year >= SW_EPISODES_FROM
    if table == "prev_perm":
        return year >= PREV_PERM_FROM
    return True


def write_csv(year_return: YearReturn, folder: Path) -> list[str]:
    names = []
    for table, columns in TABLE_COLUMNS.items():
        if not table_exists(table, year_return.year):
            continue
        lines = [",".join(columns)]
        lines += [",".join(row) for row in year_return.tables[table]]
        (folder / csv_name(table)).write_text("\n".join(lines) + "\n", encoding="utf-8")
        names.append(csv_name(table))
    return names


_HEADER_GROUPS = (
    ("reviews", "AREVIEW"),
    ("missing", "AMISSING"),
    ("prev_perm", "PERMANENCE"),
    ("oc2", "OC2"),
    ("placed_adoption", "AD_PLACED"),
)
_CHILD_GROUPS = (("episodes", "EPISODE"), ("sw_episodes", "SWEPISODE"))
_RENAME = {"CHILD": "CHILDID", "PLACE": "PL"}


def _element(name: str, value: str) -> str:
    tag = _RENAME.get(name, name)
    return f"<{tag}>{escape(value)}</{tag}>" if value else f"<{tag}/>"


def _group(tag: str, table: str, row: list[str]) -> str:
    columns = TABLE_COLUMNS[table]
    items = "".join(
        _element(c, v) for c, v in zip(columns, row, strict=True) if c not in ("CHILD", "DOB")
    )
    return f"<{tag}>{items}</{tag}>"


def write_xml(year_return: YearReturn, folder: Path) -> str:
    by_child: dict[str, dict[str, list[list[str]]]] = defaultdict(lambda: defaultdict(list))
    for table, rows in year_return.tables.items():
        if table == "header":
            continue
        for row in rows:
            by_child[row[0]][table].append(row)
    header_columns = TABLE_COLUMNS["header"]
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f"<!-- SYNTHETIC SSDA903 return {year_return.year - 1}-{year_return.year % 100:02d}:"
        " invented children, not real data -->",
        "<EXPSSDA903>",
    ]
    for header in year_return.tables["header"]:
        cid = header[0]
        tables = by_child.get(cid, {})
        parts = ["<CHILD>", "<HEADER>"]
        parts += [_element(c, v) for c, v in zip(header_columns, header, strict=True)]
        uasc_rows = tables.get("uasc", [])
        parts.append(_element("UASC", "1" if uasc_rows else "0"))
        parts.append(_element("DUC", uasc_rows[0][3] if uasc_rows else ""))
        for table in ("ad1", "oc3"):
            for row in tables.get(table, []):
                parts += [
                    _element(c, v)
                    for c, v in zip(TABLE_COLUMNS[table], row, strict=True)
                    if c not in ("CHILD", "DOB")
                ]
        for table, tag in _HEADER_GROUPS:
            parts += [_group(tag, table, row) for row in tables.get(table, [])]
        parts.append("</HEADER>")
        for table, tag in _CHILD_GROUPS:
            parts += [_group(tag, table, row) for row in tables.get(table, [])]
        parts.append("</CHILD>")
        out.append("".join(parts))
    out.append("</EXPSSDA903>")
    (folder / xml_name(year_return.year)).write_text("\n".join(out) + "\n", encoding="utf-8")
    return xml_name(year_return.year)


def row_counts(tables: dict[str, Rows]) -> dict[str, int]:
    return {table: len(rows) for table, rows in tables.items()}
