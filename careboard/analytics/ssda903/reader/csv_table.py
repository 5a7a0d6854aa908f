"""Read one CSV file as one raw 903 table, streaming through pyarrow.csv.

Python touches only the header line. The body is parsed by Arrow in blocks with every
column typed as text, cleaned column-wise (`normalise`), and numbered with the physical
line it came from, so every finding can point at a line an analyst can open in Excel.
Rows with the wrong number of fields are skipped with a finding each (up to a cap).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv

from careboard.analytics.ssda903.findings import Finding
from careboard.analytics.ssda903.reader import file_rules
from careboard.analytics.ssda903.reader.encoding import Encoding
from careboard.analytics.ssda903.reader.normalise import clean_batch, drop_blank_rows, raw_schema
from careboard.analytics.ssda903.reader.recognise import recognise
from careboard.analytics.ssda903.tables import TABLE_COLUMNS, TABLE_TITLES

MAX_HEADER_BYTES = 64 * 1024
MAX_MALFORMED_ROWS = 1000
BLOCK_SIZE = 4 << 20
# Tables a real return always fills; elsewhere (no adoptions this year) empty is normal.
ALWAYS_HAS_ROWS = frozenset({"header", "episodes"})
_OTHER_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}

Progress = Callable[[str, int], None]


@dataclass
class CsvResult:
    table: str | None
    data: pa.Table | None
    findings: list[Finding] = field(default_factory=list)


def read_csv_table(
    path: Path, display_name: str, encoding: Encoding, progress: Progress | None = None
) -> CsvResult:
    header = _read_header(path, display_name, encoding)
    if isinstance(header, Finding):
        return CsvResult(None, None, [header])
    findings: list[Finding] = []
    duplicates = sorted({c for c in header if header.count(c) > 1 and c})
    for column in duplicates:
        findings.append(
            file_rules.error(
                file_rules.DUPLICATE_COLUMN,
                f"Column {column} appears more than once in the header row.",
                file=display_name,
                row=1,
                column=column,
            )
        )
    recognised = recognise(header)
    if recognised.table is None:
        findings.append(_unrecognised(header, display_name))
        return CsvResult(None, None, findings)
    table = recognised.table
    title = TABLE_TITLES[table]
    if recognised.also_complete:
        others = ", ".join(TABLE_TITLES[t] for t in recognised.also_complete)
        findings.append(
            file_rules.error(
                file_rules.AMBIGUOUS_HEADER,
                f"The header holds the columns of {title} and of {others}: one table "
                "per file, please.",
                file=display_name,
                row=1,
            )
        )
    for column in recognised.missing:
        findings.append(
            file_rules.error(
                file_rules.MISSING_COLUMN,
                f"This looks like the {title} table but column {column} is missing.",
                file=display_name,
                table=table,
                row=1,
                column=column,
            )
        )
    for column in recognised.extra:
        findings.append(
            file_rules.warning(
                file_rules.EXTRA_COLUMN,
                f"Column {column or '(blank)'} is not part of the {title} table; it is ignored.",
                file=display_name,
                table=table,
                row=1,
                column=column or None,
            )
        )
    if duplicates or recognised.missing or recognised.also_complete:
        return CsvResult(table, None, findings)
    data, body_findings = _read_body(path, display_name, encoding, header, table, progress)
    findings.extend(body_findings)
    return CsvResult(table, data, findings)


def _read_header(path: Path, display_name: str, encoding: Encoding) -> list[str] | Finding:
    with path.open("rb") as stream:
        first_line = stream.readline(MAX_HEADER_BYTES)
    text = first_line.decode(encoding.name, errors="replace").lstrip("\ufeff")
    if not text.strip():
        return file_rules.error(
            file_rules.EMPTY_FILE,
            "The first line is empty: a 903 CSV file starts with its header row.",
            file=display_name,
            row=1,
        )
    if not first_line.endswith(b"\n") and len(first_line) >= MAX_HEADER_BYTES:
        return file_rules.error(
            file_rules.UNRECOGNISED_HEADER,
            "The first line is too long to be a 903 header row.",
            file=display_name,
            row=1,
        )
    cells = next(csv.reader([text.rstrip("\r\n")]), [])
    return [cell.strip().upper() for cell in cells]


def _unrecognised(header: list[str], display_name: str) -> Finding:
    if len(header) == 1:
        for delimiter, name in _OTHER_DELIMITERS.items():
            if delimiter in header[0]:
                return file_rules.error(
                    file_rules.WRONG_DELIMITER,
                    f"The header row is separated by {name}, not commas. Save the file "
                    "as CSV (comma delimited).",
                    file=display_name,
                    row=1,
                )
    shown = ", ".join(cell[:30] for cell in header[:8]) + (", ..." if len(header) > 8 else "")
    return file_rules.error(
        file_rules.UNRECOGNISED_HEADER,
        f"The header row ({shown}) does not match any 903 table.",
        file=display_name,
        row=1,
    )


class _MalformedRows:
    """Collects rows Arrow cannot split into the header's number of fields."""

    def __init__(self, display_name: str, table: str, expected: int) -> None:
        self.display_name = display_name
        self.table = table
        self.expected = expected
        self.lines: list[int] = []
        self.findings: list[Finding] = []

    def __call__(self, row: pa_csv.InvalidRow) -> Literal["skip", "error"]:
        line = int(row.number) if row.number is not None else None
        if line is not None:
            self.lines.append(line)
        if len(self.lines) > MAX_MALFORMED_ROWS:
            return "error"
        self.findings.append(
            file_rules.error(
                file_rules.MALFORMED_ROW,
                f"This row has {row.actual_columns} fields; the header has {self.expected}. "
                "A comma inside a value needs the value in double quotes.",
                file=self.display_name,
                table=self.table,
                row=line,
            )
        )
        return "skip"


def _read_body(
    path: Path,
    display_name: str,
    encoding: Encoding,
    header: list[str],
    table: str,
    progress: Progress | None,
) -> tuple[pa.Table | None, list[Finding]]:
    wanted = [c for c in header if c in TABLE_COLUMNS[table]]
    # Blank header cells need names Arrow accepts; they are never read.
    names = [c or f"_blank_{i}" for i, c in enumerate(header)]
    malformed = _MalformedRows(display_name, table, len(header))
    reader = pa_csv.open_csv(
        path,
        read_options=pa_csv.ReadOptions(
            use_threads=False,  # keeps physical line numbers for malformed rows
            block_size=BLOCK_SIZE,
            column_names=names,
            skip_rows=1,
            encoding=encoding.name,
        ),
        parse_options=pa_csv.ParseOptions(ignore_empty_lines=False, invalid_row_handler=malformed),
        convert_options=pa_csv.ConvertOptions(
            column_types={c: pa.string() for c in wanted},
            include_columns=wanted,
            strings_can_be_null=False,
        ),
    )
    batches: list[pa.RecordBatch] = []
    rows_read = 0
    next_line = 2
    try:
        for batch in reader:
            lines, next_line = _line_numbers(batch.num_rows, next_line, malformed.lines)
            batches.append(clean_batch(table, batch, lines))
            rows_read += batch.num_rows
            if progress is not None:
                progress(display_name, rows_read)
    except pa.ArrowInvalid as problem:
        findings = malformed.findings[:MAX_MALFORMED_ROWS]
        if len(malformed.lines) > MAX_MALFORMED_ROWS:
            findings.append(
                file_rules.error(
                    file_rules.TOO_MANY_MALFORMED_ROWS,
                    f"More than {MAX_MALFORMED_ROWS} rows have the wrong number of fields; "
                    "the file was not read further. Is it really comma-separated?",
                    file=display_name,
                    table=table,
                )
            )
        else:
            findings.append(
                file_rules.error(
                    file_rules.MALFORMED_ROW,
                    f"The file could not be read past line {next_line}: {problem}",
                    file=display_name,
                    table=table,
                    row=next_line,
                )
            )
        return None, findings
    data = pa.Table.from_batches(batches, schema=raw_schema(table))
    findings = list(malformed.findings)
    data, blank_lines = drop_blank_rows(table, data)
    if len(blank_lines):
        first = blank_lines[0].as_py()
        findings.append(
            file_rules.warning(
                file_rules.BLANK_ROWS,
                f"{len(blank_lines)} empty row(s) ignored, the first on line {first}.",
                file=display_name,
                table=table,
                row=first,
            )
        )
    if data.num_rows == 0 and table in ALWAYS_HAS_ROWS:
        findings.append(
            file_rules.warning(
                file_rules.NO_DATA_ROWS,
                f"The {TABLE_TITLES[table]} file has a header row but no data rows.",
                file=display_name,
                table=table,
            )
        )
    return data, findings


def _line_numbers(count: int, next_line: int, skipped: list[int]) -> tuple[pa.Array, int]:
    """Line numbers of the next `count` good rows, stepping over skipped (malformed) lines.

    `skipped` is sorted (Arrow reads serially) and short (capped), so this stays vectorised.
    """
    candidates = np.arange(next_line, next_line + count + len(skipped), dtype=np.int32)
    if skipped:
        candidates = candidates[~np.isin(candidates, np.asarray(skipped, dtype=np.int32))]
    lines = np.ascontiguousarray(candidates[:count])
    last = int(lines[-1]) + 1 if count else next_line
    # from_buffers, not pa.array: the latter imports pandas to inspect a numpy array.
    array = pa.Array.from_buffers(pa.int32(), count, [None, pa.py_buffer(lines.tobytes())])
    return array, last
