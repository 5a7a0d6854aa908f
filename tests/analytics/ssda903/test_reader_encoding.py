"""Encodings: UTF-8 with or without BOM and cp1252 are read; anything else is a finding."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from careboard.analytics.ssda903.findings import Finding
from careboard.analytics.ssda903.reader import RawReturn, read_return

# O'Brien-Lévêque: an apostrophe and accents, as Excel on Windows writes them.
TEXT = "CHILD,DOB,REVIEW,REVIEW_CODE\nÉlodie1,01/01/2015,02/05/2024,pn1\n"


def file_findings(raw: RawReturn) -> list[Finding]:
    """Findings about the files, leaving out FILE28 (no Header table), which single-table
    examples here always raise and which has its own test."""
    return [f for f in raw.findings if f.rule_id != "FILE28"]


@pytest.mark.parametrize(
    "raw_bytes",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8 with BOM", "cp1252"],
)
def test_accepted_encodings_give_the_same_table(tmp_path: Path, raw_bytes: bytes) -> None:
    (tmp_path / "r.csv").write_bytes(raw_bytes)
    raw = read_return(tmp_path, 2025)
    assert file_findings(raw) == []
    assert raw.tables["reviews"].column("CHILD").to_pylist() == ["Élodie1"]


def test_utf16_is_refused_with_advice(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_bytes(TEXT.encode("utf-16"))
    [finding] = file_findings(read_return(tmp_path, 2025))
    assert finding.rule_id == "FILE02"
    assert "UTF-16" in finding.message


def test_utf16_without_bom_is_refused(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_bytes(TEXT.encode("utf-16-le"))
    assert [f.rule_id for f in file_findings(read_return(tmp_path, 2025))] == ["FILE02"]


def test_bytes_neither_utf8_nor_cp1252_are_refused_at_their_line(tmp_path: Path) -> None:
    # 0x81 is undefined in cp1252 and, alone, invalid in UTF-8.
    (tmp_path / "r.csv").write_bytes(
        b"CHILD,DOB,REVIEW,REVIEW_CODE\nA1,01/01/2015,02/05/2024,PN1\nA\x812,x,y,z\n"
    )
    [finding] = file_findings(read_return(tmp_path, 2025))
    assert (finding.rule_id, finding.row) == ("FILE01", 3)


def test_utf8_bom_with_cp1252_bytes_after_it_is_refused(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_bytes(codecs.BOM_UTF8 + TEXT.encode("cp1252"))
    assert [f.rule_id for f in file_findings(read_return(tmp_path, 2025))] == ["FILE01"]
