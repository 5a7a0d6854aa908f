"""Each hostile file gives a clear Finding (table/row/column where it applies), never an
exception, through the reader and through `careboard import`."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from careboard.analytics.cli import main
from careboard.analytics.ssda903.findings import Finding, Severity
from careboard.analytics.ssda903.reader import ZipLimits, read_return

REVIEWS = "CHILD,DOB,REVIEW,REVIEW_CODE\nKID01,15/06/2012,01/06/2024,PN1\n"
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<EXPSSDA903><CHILD><HEADER><CHILDID>&lol9;</CHILDID></HEADER></CHILD></EXPSSDA903>
"""


def write_bytes(name: str, content: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    return make


def zip_bomb(folder: Path) -> Path:
    # 64 MiB of zeros squeezes into about 64 KiB: a ratio near 1000 to 1.
    path = folder / "return.zip"
    block = b"\0" * (1 << 20)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle,
        bundle.open("episodes.csv", "w") as entry,
    ):
        for _ in range(64):
            entry.write(block)
    return path


def zip_of_many_files(folder: Path) -> Path:
    path = folder / "return.zip"
    with zipfile.ZipFile(path, "w") as bundle:
        for number in range(100):
            bundle.writestr(f"file{number}.csv", REVIEWS)
    return path


def not_a_zip(folder: Path) -> Path:
    path = folder / "return.zip"
    path.write_bytes(b"PK\x03\x04" + b"\xff" * 200)
    return path


@dataclass(frozen=True)
class Case:
    make: Callable[[Path], Path]
    rule_id: str
    severity: Severity = Severity.ERROR
    table: str | None = None
    row: int | None = None
    column: str | None = None


UNKNOWN_COLUMN = REVIEWS.replace("REVIEW_CODE", "REVIEW_CODE,FAVOURITE_FOOD").replace(
    "PN1", "PN1,chips"
)
CORPUS = {
    "empty file": Case(write_bytes("e.csv", b""), "FILE04"),
    "only blank lines": Case(write_bytes("e.csv", b"\n\n"), "FILE04", row=1),
    "header only": Case(
        write_bytes("h.csv", b"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"),
        "FILE13",
        Severity.WARNING,
        table="header",
    ),
    "semicolon delimiter": Case(
        write_bytes("r.csv", REVIEWS.replace(",", ";").encode()), "FILE06", row=1
    ),
    "UTF-16": Case(write_bytes("r.csv", REVIEWS.encode("utf-16")), "FILE02"),
    "NUL bytes": Case(
        write_bytes("r.csv", REVIEWS.encode() + b"KID02,\x00\x00,x,y\n"), "FILE03", row=3
    ),
    "unknown column": Case(
        write_bytes("r.csv", UNKNOWN_COLUMN.encode()),
        "FILE09",
        Severity.WARNING,
        table="reviews",
        row=1,
        column="FAVOURITE_FOOD",
    ),
    "unknown header": Case(write_bytes("x.csv", b"NAME,ADDRESS\nA,B\n"), "FILE05", row=1),
    "missing required column": Case(
        write_bytes("r.csv", b"CHILD,DOB,REVIEW\nKID01,15/06/2012,01/06/2024\n"),
        "FILE07",
        table="reviews",
        row=1,
        column="REVIEW_CODE",
    ),
    "ragged row": Case(
        write_bytes("r.csv", (REVIEWS + "KID02,01/01/2010\n").encode()),
        "FILE11",
        table="reviews",
        row=3,
    ),
    "binary junk": Case(write_bytes("r.csv", bytes(range(128, 256)) * 8), "FILE01", row=1),
    "XML bomb": Case(write_bytes("r.xml", BILLION_LAUGHS.encode()), "FILE22", row=2),
    "XML nested too deep": Case(
        write_bytes("r.xml", ("<A>" * 50 + "</A>" * 50).encode()), "FILE24", row=1
    ),
    "XML truncated": Case(
        write_bytes("r.xml", b"<EXPSSDA903><CHILD><HEADER><CHILDID>A1"), "FILE21", row=1
    ),
    "zip bomb": Case(zip_bomb, "FILE26"),
    "zip with too many files": Case(zip_of_many_files, "FILE25"),
    "damaged zip": Case(not_a_zip, "FILE27"),
}


def the_finding(findings: list[Finding], rule_id: str) -> Finding:
    matching = [f for f in findings if f.rule_id == rule_id]
    assert matching, f"no {rule_id} in {findings}"
    return matching[0]


@pytest.mark.parametrize("case", CORPUS, ids=list(CORPUS))
def test_reader_gives_a_clear_finding(tmp_path: Path, case: str) -> None:
    expected = CORPUS[case]
    finding = the_finding(read_return(expected.make(tmp_path), 2025).findings, expected.rule_id)
    assert finding.severity is expected.severity
    assert (finding.table, finding.row, finding.column) == (
        expected.table,
        expected.row,
        expected.column,
    )
    assert finding.file is not None
    assert finding.message.endswith((".", "?"))
    assert len(finding.message) > 30


@pytest.mark.parametrize("case", CORPUS, ids=list(CORPUS))
def test_import_command_refuses_without_a_traceback(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = CORPUS[case].make(tmp_path)
    status = main(
        [
            "import",
            str(path),
            "--year",
            "2025",
            "--store",
            str(tmp_path / "store.duckdb"),
            "--dev-key",
        ]
    )
    output = capsys.readouterr()
    assert status == 1  # every case lacks a valid Header and Episodes, or is an error itself
    assert "Traceback" not in output.out + output.err
    assert not (tmp_path / "store.duckdb").exists()


def test_zip_caps_are_checked_while_unpacking_not_only_from_the_directory(
    tmp_path: Path,
) -> None:
    path = tmp_path / "return.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("reviews.csv", REVIEWS + "KID02,15/06/2012,01/07/2024,PN1\n" * 5000)
    limits = ZipLimits(max_total_bytes=50_000)  # the entry is about 165 kB
    finding = the_finding(read_return(path, 2025, zip_limits=limits).findings, "FILE26")
    assert "limit" in finding.message


def test_zip_entry_paths_cannot_escape_the_scratch_folder(tmp_path: Path) -> None:
    path = tmp_path / "return.zip"
    with zipfile.ZipFile(path, "w") as bundle:
        bundle.writestr("../../outside/reviews.csv", REVIEWS)
    raw = read_return(path, 2025)
    assert raw.tables["reviews"].num_rows == 1
    assert raw.files["reviews"] == "return.zip/../../outside/reviews.csv"
    assert not (tmp_path.parent / "outside").exists()


def test_impossible_and_future_dates_are_kept_as_written(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text(
        "CHILD,DOB,REVIEW,REVIEW_CODE\nKID01,31/02/2024,01/06/2099,PN1\nKID02,1/2/24,,PN1\n"
    )
    raw = read_return(tmp_path, 2025)
    assert [f.rule_id for f in raw.findings] == ["FILE28"]  # no Header; dates are for the validator
    assert raw.tables["reviews"].column("DOB").to_pylist() == ["31/02/2024", "1/2/24"]


def test_child_in_episodes_without_header_does_not_trouble_the_reader(tmp_path: Path) -> None:
    (tmp_path / "e.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN\nORPHAN1,01/04/2024,S,C2,N1,U6,PR1,,,,,,\n"
    )
    (tmp_path / "h.csv").write_text(
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nKID01,M,15/06/2012,WBRI,UN1,,\n"
    )
    raw = read_return(tmp_path, 2025)
    assert raw.findings == []
    assert sorted(raw.tables) == ["episodes", "header"]
    assert raw.tables["episodes"].column("CHILD").to_pylist() == ["ORPHAN1"]


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_a_file_the_system_cannot_read_is_a_finding() -> None:
    # Reading /proc/self/mem from its start fails with an I/O error: a real unreadable file.
    [finding] = read_return([Path("/proc/self/mem")], 2025).findings
    assert (finding.rule_id, finding.file) == ("FILE19", "mem")
