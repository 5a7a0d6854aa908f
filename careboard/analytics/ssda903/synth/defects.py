"""Named data-quality defects injected into a generated CSV return, with their locations.

Each defect changes one place in the last collection year's CSV files and is recorded for
MANIFEST.json as {"defect", "year", "file", "table", "row", "column", "value"}: `row` is the
line number in the file (the header is line 1), `column` the CSV column. File-level defects
(`utf16_file`, `bom`) have row and column null. Defects touch different children, so one does
not hide another.

| name | what changes |
|---|---|
| overlapping_episodes | DECOM moved one day before the previous episode's DEC (501) |
| missing_x1 | REC blanked on an episode whose successor continues on its DEC (388, 148) |
| bad_code | PLACE set to `U9`, which no year's list holds (146) |
| bad_date | DEC set to 31 February of the collection year |
| future_date | a review dated 180 days after the year end (166 / date range) |
| retired_code | REC `E43`, retired in 2018-19 (PLACE `A1` for earlier years) |
| episode_without_header | Header row removed; the manifest points at the first episode |
| duplicate_header_child | a Header row repeated at the end of the file (INT, one row per CHILD) |
| extra_column | prev_perm.csv gains a `NOTES` column |
| utf16_file | missing.csv re-encoded as UTF-16 |
| bom | header.csv starts with a UTF-8 byte-order mark |
| placed_at_home_postcode | PL_POST = HOME_POST on a lone episode, not with parents (392d warning) |
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from careboard.analytics.ssda903.synth.dates import dmy, year_end

DEFECTS = (
    "overlapping_episodes",
    "missing_x1",
    "bad_code",
    "bad_date",
    "future_date",
    "retired_code",
    "episode_without_header",
    "duplicate_header_child",
    "extra_column",
    "utf16_file",
    "bom",
    "placed_at_home_postcode",
)

Record = dict[str, object]
Applied = tuple[str, int | None, str | None, str]  # table, row, column, value


class _Files:
    """The year's CSV files as rows of cells, edited in memory and written back once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.rows: dict[str, list[list[str]]] = {}
        self.encoding: dict[str, str] = {}
        self.touched_children: set[str] = set()

    def table(self, table: str) -> list[list[str]]:
        if table not in self.rows:
            text = (self.folder / f"{table}.csv").read_text(encoding="utf-8")
            self.rows[table] = [line.split(",") for line in text.splitlines()]
        return self.rows[table]

    def column(self, table: str, name: str) -> int:
        return self.table(table)[0].index(name)

    def write(self) -> None:
        for table, rows in self.rows.items():
            text = "\n".join(",".join(row) for row in rows) + "\n"
            encoding = self.encoding.get(table, "utf-8")
            (self.folder / f"{table}.csv").write_bytes(text.encode(encoding))


def _parse(value: str) -> date:
    d, m, y = value.split("/")
    return date(int(y), int(m), int(d))


def _fmt(value: date) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def inject(out: Path, year: int, names: tuple[str, ...], rng: np.random.Generator) -> list[Record]:
    """Apply the named defects to DIR/<year>/*.csv; return where each one is."""
    if not names:
        return []
    files = _Files(out / str(year))
    records: list[Record] = []
    for name in DEFECTS:
        if name in names:
            table, row, column, value = _APPLY[name](files, year, rng)
            records.append(
                {
                    "defect": name,
                    "year": year,
                    "file": f"{year}/{table}.csv",
                    "table": table,
                    "row": row,
                    "column": column,
                    "value": value,
                }
            )
    files.write()
    return records


def _pick(rng: np.random.Generator, candidates: list[int], defect: str) -> int:
    if not candidates:
        raise ValueError(f"no place to inject {defect}: generate more children")
    return candidates[int(rng.integers(0, len(candidates)))]


def _continuations(files: _Files) -> list[int]:
    """Indexes of episode rows that end with X1 and are followed by the child's next episode
    on the same day, for a child not yet touched by another defect."""
    rows = files.table("episodes")
    child, decom, dec, rec = (files.column("episodes", c) for c in ("CHILD", "DECOM", "DEC", "REC"))
    found = []
    for i in range(1, len(rows) - 1):
        this, nxt = rows[i], rows[i + 1]
        if this[child] in files.touched_children or this[child] != nxt[child]:
            continue
        if (
            this[rec] == "X1"
            and this[dec] == nxt[decom]
            and (_parse(this[dec]) - _parse(this[decom])).days >= 2
        ):
            found.append(i)
    return found


def _closed_episodes(files: _Files, want_final: bool) -> list[int]:
    rows = files.table("episodes")
    child, dec, rec = (files.column("episodes", c) for c in ("CHILD", "DEC", "REC"))
    return [
        i
        for i in range(1, len(rows))
        if rows[i][dec]
        and rows[i][child] not in files.touched_children
        and (rows[i][rec] != "X1") == want_final
    ]


def _set(files: _Files, table: str, index: int, column: str, value: str) -> tuple[int, str]:
    rows = files.table(table)
    rows[index][files.column(table, column)] = value
    files.touched_children.add(rows[index][0])
    return index + 1, value


def _overlapping(files: _Files, year: int, rng: np.random.Generator) -> Applied:
    i = _pick(rng, _continuations(files), "overlapping_episodes")
    rows = files.table("episodes")
    earlier = _parse(rows[i][files.column("episodes", "DEC")]) - timedelta(days=1)
    row, value = _set(files, "episodes", i + 1, "DECOM", _fmt(earlier))
    return "episodes", row, "DECOM", value


def _missing_x1(files: _Files, year: int, rng: np.random.Generator) -> Applied:
    i = _pick(rng, _continuations(files), "missing_x1")
    row, value = _set(files, "episodes", i, "REC", "")
    return "episodes", row, "REC", value


def _bad_code(files: _Files, year: int, rng: np.random.Generator) -> Applied:
    rows = files.table("episodes")
    candidates = [i for i in range(1, len(rows)) if rows[i][0] not in files.touched_children]
    row, value = _set(files, "episodes", _pick(rng, candidates, "bad_code"), "PLACE", "U9")
    return "episodes", row, "PLACE", value


def _bad_date(files: _Files, year: int, rng: np.random.Generator) -> Applied:
    i = _pick(rng, _closed_episodes(files, want_final=True), "bad_date")
    row, value = _set(files, "episodes", i, "DEC", f"31/02/{year}")
    return "episodes", row, "DEC", value


def _future_date(files: _Files, year: int, rng: np.random.Generator) -> Applied:
    rows = files.table("reviews")
    candidates = [i for i in range(1, len(rows)) if rows[i][0] not in files.touched_children]
    i = _pick(rng, candidates, "future_date")
    row, value = _set(files, "reviews", i, "REVIEW", dmy(year_end(year) + 180))
    return "reviews", row, "REVIEW", value


def _retired_code(files: _Files, year: int, rng: np.random.Generator) -> Applied:
    i = _pick(rng, _closed_episodes(files, want_final=True), "retired_code")
    if year >= 2019:
        row, value = _set(files, "episodes", i, "REC", "E43")
        return "episodes", row, "REC", value
    row, value = _set(files, "episodes", i, "PLACE", "A1")
    return "episodes", row, "PLACE", value


def _episode_without_header(files: _Files, year: int, rng: np.random.Generator) -> Applied:
    episodes = files.table("episodes")
    first_row: dict[str, int] = {}
    for i in range(1, len(episodes)):
        first_row.setdefault(episodes[i][0], i)
    candidates = sorted(i for c, i in first_row.items() if c not in files.touched_children)
    i = _pick(rng, candidates, "episode_without_header")
    child = episodes[i][0]
    header = files.table("header")
    header[:] = [row for row in header if row[0] != child]
    files.touched_children.add(child)
    return "episodes", i + 1, "CHILD", child


def _duplicate_header(files: _Files, year: int, rng: np.random.Generator) -> Applied:
    header = files.table("header")
    candidates = [i for i in range(1, len(header)) if header[i][0] not in files.touched_children]
    i = _pick(rng, candidates, "duplicate_header_child")
    header.append(list(header[i]))
    files.touched_children.add(header[i][0])
    return "header", len(header), "CHILD", header[i][0]


def _extra_column(files: _Files, year: int, rng: np.random.Generator) -> Applied:
    rows = files.table("prev_perm")
    rows[0].append("NOTES")
    for row in rows[1:]:
        row.append("synthetic")
    return "prev_perm", 1, "NOTES", "NOTES"


def _utf16(files: _Files, year: int, rng: np.random.Generator) -> Applied:
    files.table("missing")
    files.encoding["missing"] = "utf-16"
    return "missing", None, None, "utf-16"


def _bom(files: _Files, year: int, rng: np.random.Generator) -> Applied:
    files.table("header")
    files.encoding["header"] = "utf-8-sig"
    return "header", None, None, "utf-8-sig"


def _placed_at_home_postcode(files: _Files, year: int, rng: np.random.Generator) -> Applied:
    """The placement postcode of a child's only episode in the file becomes the home
    postcode, though the child is not placed with parents: a warning (392d), so the return
    can still be imported. The only episode, so no episode chain rule compares it."""
    rows = files.table("episodes")
    child, place, home, placed = (
        files.column("episodes", c) for c in ("CHILD", "PLACE", "HOME_POST", "PL_POST")
    )
    episodes_of = Counter(row[child] for row in rows[1:])
    candidates = [
        i
        for i in range(1, len(rows))
        if episodes_of[rows[i][child]] == 1
        and rows[i][child] not in files.touched_children
        and rows[i][place] != "P1"
        and rows[i][home]
        and rows[i][placed]
        and rows[i][home] != rows[i][placed]
    ]
    i = _pick(rng, candidates, "placed_at_home_postcode")
    row, value = _set(files, "episodes", i, "PL_POST", rows[i][home])
    return "episodes", row, "PL_POST", value


_APPLY = {
    "overlapping_episodes": _overlapping,
    "missing_x1": _missing_x1,
    "bad_code": _bad_code,
    "bad_date": _bad_date,
    "future_date": _future_date,
    "retired_code": _retired_code,
    "episode_without_header": _episode_without_header,
    "duplicate_header_child": _duplicate_header,
    "extra_column": _extra_column,
    "utf16_file": _utf16,
    "bom": _bom,
    "placed_at_home_postcode": _placed_at_home_postcode,
}
