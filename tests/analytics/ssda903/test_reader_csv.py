"""The CSV reader: tables recognised by header, cells cleaned, rows numbered by file line."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from careboard.analytics.ssda903.findings import Finding, Severity
from careboard.analytics.ssda903.reader import RawReturn, read_return
from careboard.analytics.ssda903.tables import ROW, TABLE_COLUMNS


def file_findings(raw: RawReturn) -> list[Finding]:
    """Findings about the files, leaving out FILE28 (no Header table), which single-table
    examples here always raise and which has its own test."""
    return [f for f in raw.findings if f.rule_id != "FILE28"]


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


HEADER_CSV = (
    "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
    "ab1, 1 ,15/06/2010,wbri,UN1,,\n"
    "AB2,2,01/02/2009,bafr,A123456789012,0,\n"
)


def test_table_is_recognised_by_header_whatever_the_file_name(tmp_path: Path) -> None:
    write(tmp_path, "export-17.csv", HEADER_CSV)
    raw = read_return(tmp_path, 2025)
    assert list(raw.tables) == ["header"]
    assert raw.files == {"header": "export-17.csv"}
    assert file_findings(raw) == []


def test_cells_are_stripped_upper_cased_and_empty_is_null_but_child_keeps_case(
    tmp_path: Path,
) -> None:
    write(tmp_path, "h.csv", HEADER_CSV)
    header = read_return(tmp_path, 2025).tables["header"]
    assert header.to_pylist()[0] == {
        "CHILD": "ab1",
        "SEX": "1",
        "DOB": "15/06/2010",
        "ETHNIC": "WBRI",
        "UPN": "UN1",
        "MOTHER": None,
        "MC_DOB": None,
        ROW: 2,
    }


def test_raw_tables_are_all_text_in_the_documented_column_order(tmp_path: Path) -> None:
    # Columns in a scrambled order in the file.
    write(tmp_path, "r.csv", "REVIEW_CODE,DOB,REVIEW,CHILD\npn1,01/01/2015,02/05/2024,C9\n")
    reviews = read_return(tmp_path, 2025).tables["reviews"]
    assert reviews.column_names == [*TABLE_COLUMNS["reviews"], ROW]
    assert set(reviews.schema.types[:-1]) == {pa.string()}
    assert reviews.schema.field(ROW).type == pa.int32()
    assert reviews.to_pylist() == [
        {"CHILD": "C9", "DOB": "01/01/2015", "REVIEW": "02/05/2024", "REVIEW_CODE": "PN1", ROW: 2}
    ]


def test_extra_column_is_a_warning_and_is_dropped(tmp_path: Path) -> None:
    write(tmp_path, "r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE,NOTES\nC9,01/01/2015,02/05/2024,PN1,x\n")
    raw = read_return(tmp_path, 2025)
    [finding] = file_findings(raw)
    assert (finding.rule_id, finding.severity, finding.column, finding.row) == (
        "FILE09",
        Severity.WARNING,
        "NOTES",
        1,
    )
    assert "NOTES" not in raw.tables["reviews"].column_names


def test_missing_column_is_an_error_naming_table_and_column(tmp_path: Path) -> None:
    write(tmp_path, "r.csv", "CHILD,DOB,REVIEW\nC9,01/01/2015,02/05/2024\n")
    raw = read_return(tmp_path, 2025)
    [finding] = file_findings(raw)
    assert (finding.rule_id, finding.severity, finding.table, finding.column) == (
        "FILE07",
        Severity.ERROR,
        "reviews",
        "REVIEW_CODE",
    )
    assert "reviews" not in raw.tables


def test_duplicate_column_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE,REVIEW\nC9,01/01/2015,a,PN1,b\n")
    raw = read_return(tmp_path, 2025)
    assert [(f.rule_id, f.column) for f in file_findings(raw)] == [("FILE08", "REVIEW")]
    assert raw.has_errors


def test_short_row_is_reported_at_its_line_and_later_rows_keep_their_line_numbers(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        "r.csv",
        "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/01/2015,02/05/2024,PN1\nC2,01/01/2015\n"
        "C3,01/01/2015,03/05/2024,PN1\n",
    )
    raw = read_return(tmp_path, 2025)
    [finding] = file_findings(raw)
    assert (finding.rule_id, finding.row, finding.table) == ("FILE11", 3, "reviews")
    assert raw.tables["reviews"].column(ROW).to_pylist() == [2, 4]


def test_blank_rows_are_dropped_with_a_warning_and_numbering_is_kept(tmp_path: Path) -> None:
    write(
        tmp_path,
        "r.csv",
        "CHILD,DOB,REVIEW,REVIEW_CODE\r\nC1,01/01/2015,02/05/2024,PN1\r\n,,,\r\n"
        "C3,01/01/2015,03/05/2024,PN1\r\n",
    )
    raw = read_return(tmp_path, 2025)
    assert [(f.rule_id, f.row) for f in file_findings(raw)] == [("FILE14", 3)]
    assert raw.tables["reviews"].column(ROW).to_pylist() == [2, 4]


def test_quoted_comma_stays_in_one_cell(tmp_path: Path) -> None:
    write(tmp_path, "r.csv", 'CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/01/2015,"02/05,2024",PN1\n')
    reviews = read_return(tmp_path, 2025).tables["reviews"]
    assert reviews.column("REVIEW").to_pylist() == ["02/05,2024"]


def test_same_table_in_two_files_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "a.csv", HEADER_CSV)
    write(tmp_path, "b.csv", HEADER_CSV)
    raw = read_return(tmp_path, 2025)
    assert [(f.rule_id, f.file) for f in file_findings(raw)] == [("FILE15", "b.csv")]


def test_absent_table_reads_as_empty_table_of_the_right_shape(tmp_path: Path) -> None:
    write(tmp_path, "h.csv", HEADER_CSV)
    raw = read_return(tmp_path, 2025)
    assert raw.table("oc3").num_rows == 0
    assert raw.table("oc3").column_names == [*TABLE_COLUMNS["oc3"], ROW]


def test_year_outside_the_supported_range_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "h.csv", HEADER_CSV)
    assert [f.rule_id for f in file_findings(read_return(tmp_path, 2015))] == ["FILE20"]


def test_explicit_list_of_files_is_read(tmp_path: Path) -> None:
    one = write(tmp_path, "h.txt", HEADER_CSV)
    raw = read_return([one], 2025)
    assert raw.tables["header"].num_rows == 2


def test_other_files_in_a_folder_are_ignored_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "h.csv", HEADER_CSV)
    write(tmp_path, "notes.docx", "not a table")
    raw = read_return(tmp_path, 2025)
    assert [(f.rule_id, f.severity) for f in file_findings(raw)] == [("FILE17", Severity.WARNING)]


def test_progress_reports_rows_read(tmp_path: Path) -> None:
    write(tmp_path, "h.csv", HEADER_CSV)
    seen: list[tuple[str, int]] = []
    read_return(tmp_path, 2025, progress=lambda file, rows: seen.append((file, rows)))
    assert seen[-1] == ("h.csv", 2)


def test_return_without_children_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC9,01/01/2015,02/05/2024,PN1\n")
    write(tmp_path / "empty", "h.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n")
    assert [f.rule_id for f in read_return(tmp_path, 2025).findings] == ["FILE28"]
    empty_header = read_return(tmp_path / "empty", 2025).findings
    assert [(f.rule_id, f.severity) for f in empty_header] == [
        ("FILE13", Severity.WARNING),
        ("FILE28", Severity.ERROR),
    ]


def test_trailing_commas_from_excel_give_one_warning(tmp_path: Path) -> None:
    write(tmp_path, "r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE,,,\nC9,01/01/2015,02/05/2024,PN1,,,\n")
    raw = read_return(tmp_path, 2025)
    assert [(f.rule_id, f.column) for f in file_findings(raw)] == [("FILE09", None)]
    assert raw.tables["reviews"].num_rows == 1
