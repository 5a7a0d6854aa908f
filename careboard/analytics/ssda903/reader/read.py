"""`read_return`: files in, a RawReturn out; problems become findings, never exceptions."""

from __future__ import annotations

from collections.abc import Callable

import pyarrow as pa

from careboard.analytics.ssda903.findings import Finding
from careboard.analytics.ssda903.reader import file_rules
from careboard.analytics.ssda903.reader.csv_table import Progress, read_csv_table
from careboard.analytics.ssda903.reader.encoding import Encoding, detect_encoding
from careboard.analytics.ssda903.reader.raw_return import RawReturn
from careboard.analytics.ssda903.reader.sources import (
    DEFAULT_ZIP_LIMITS,
    Source,
    SourceFile,
    ZipLimits,
    local_files,
)
from careboard.analytics.ssda903.reader.xml_return import read_xml_return
from careboard.analytics.ssda903.tables import FIRST_YEAR, LAST_YEAR, TABLE_TITLES


def read_return(
    source: Source,
    year: int,
    *,
    progress: Progress | None = None,
    zip_limits: ZipLimits = DEFAULT_ZIP_LIMITS,
) -> RawReturn:
    """Read one collection year's return (`year` names the year it ends: 2025 = 2024-25).

    `source` is a folder, a file, a list of files or a zip. `progress(file, rows)` is called
    as rows are read (children, for XML), for a progress bar.
    """
    result = RawReturn(year)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        result.findings.append(
            file_rules.error(
                file_rules.YEAR_OUT_OF_RANGE,
                f"careboard reads collection years {FIRST_YEAR} to {LAST_YEAR}; {year} is "
                "outside them.",
            )
        )
    with local_files(source, zip_limits) as (files, source_findings):
        result.findings.extend(source_findings)
        sorted_files = _by_format(files, result.findings)
        if sorted_files is None:
            return result
        csv_files, xml_files = sorted_files
        for file in xml_files:
            _guarded(_read_xml, file, result, progress)
        for file in csv_files:
            _guarded(_read_csv, file, result, progress)
    if not result.has_errors and result.table("header").num_rows == 0:
        result.findings.append(
            file_rules.error(
                file_rules.NO_CHILDREN,
                "The return has no children: its Header table is missing or empty. An empty "
                "return would wipe the year's data, so it is refused.",
                table="header",
            )
        )
    return result


def _by_format(
    files: list[SourceFile], findings: list[Finding]
) -> tuple[list[SourceFile], list[SourceFile]] | None:
    csv_files: list[SourceFile] = []
    xml_files: list[SourceFile] = []
    for file in files:
        try:
            is_xml = _starts_like_xml(file)
        except OSError as problem:
            findings.append(
                file_rules.error(
                    file_rules.UNREADABLE_FILE,
                    f"The file could not be opened: {problem}.",
                    file=file.name,
                )
            )
            continue
        (xml_files if is_xml else csv_files).append(file)
    if xml_files and (csv_files or len(xml_files) > 1):
        findings.append(
            file_rules.error(
                file_rules.MIXED_FORMATS,
                "A return is either one XML file or a set of CSV files, not both: got "
                + ", ".join(f.name for f in [*xml_files, *csv_files])
                + ".",
            )
        )
        return None
    return csv_files, xml_files


def _starts_like_xml(file: SourceFile) -> bool:
    with file.path.open("rb") as stream:
        start = stream.read(256).lstrip(b"\xef\xbb\xbf").lstrip()
    return start.startswith(b"<")


def _guarded(
    read: Callable[[SourceFile, RawReturn, Progress | None], None],
    file: SourceFile,
    result: RawReturn,
    progress: Progress | None,
) -> None:
    """The disk or Arrow failing mid-file is a finding about that file, not a crash."""
    try:
        read(file, result, progress)
    except (OSError, pa.ArrowException) as problem:
        result.tables = {t: d for t, d in result.tables.items() if result.files.get(t) != file.name}
        result.files = {t: f for t, f in result.files.items() if f != file.name}
        result.findings.append(
            file_rules.error(
                file_rules.UNREADABLE_FILE,
                f"The file could not be read to the end ({type(problem).__name__}: {problem}).",
                file=file.name,
            )
        )


def _read_xml(file: SourceFile, result: RawReturn, progress: Progress | None) -> None:
    encoding = detect_encoding(file.path, file.name)
    if isinstance(encoding, Finding):
        result.findings.append(encoding)
        return
    override = encoding.name if encoding.name != "utf-8" else None
    read = read_xml_return(file.path, file.name, progress, encoding=override)
    result.findings.extend(read.findings)
    result.tables.update(read.tables)
    result.files.update({table: file.name for table in read.tables})


def _read_csv(file: SourceFile, result: RawReturn, progress: Progress | None) -> None:
    encoding: Encoding | Finding = detect_encoding(file.path, file.name)
    if isinstance(encoding, Finding):
        result.findings.append(encoding)
        return
    read = read_csv_table(file.path, file.name, encoding, progress)
    result.findings.extend(read.findings)
    if read.table is None or read.data is None:
        return
    if read.table in result.files:
        result.findings.append(
            file_rules.error(
                file_rules.DUPLICATE_TABLE,
                f"Both {result.files[read.table]} and {file.name} hold the "
                f"{TABLE_TITLES[read.table]} table; give one file per table.",
                file=file.name,
                table=read.table,
            )
        )
        return
    result.tables[read.table] = read.data
    result.files[read.table] = file.name
