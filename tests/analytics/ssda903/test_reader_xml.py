"""The DfE XML format (903-schema.md 1.4): groups become table rows, tags are renamed."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest

from careboard.analytics.ssda903.findings import Severity
from careboard.analytics.ssda903.reader import RawReturn, read_return
from careboard.analytics.ssda903.tables import ROW

RETURN_XML = """<?xml version="1.0" encoding="UTF-8"?>
<EXPSSDA903>
  <CHILD>
    <HEADER>
      <CHILDID>A1234</CHILDID><UPN>UN2</UPN><SEX>m</SEX><DOB>15/06/2008</DOB>
      <ETHNIC>BAFR</ETHNIC><UASC>1</UASC><DUC>14/06/2026</DUC><MOTHER>0</MOTHER><MC_DOB/>
      <AREVIEW><REVIEW>02/05/2024</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
      <AMISSING><MISSING>M</MISSING><MIS_START>07/07/2024</MIS_START><MIS_END/></AMISSING>
    </HEADER>
    <EPISODE><DECOM>01/04/2024</DECOM><RNE>S</RNE><LS>V2</LS><CIN>N8</CIN><PL>U6</PL>
      <PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC/><REC/></EPISODE>
  </CHILD>
  <CHILD>
    <HEADER><CHILDID>B7</CHILDID><SEX>F</SEX><DOB>01/01/2006</DOB>
      <IN_TOUCH>YES</IN_TOUCH><ACTIV>F2</ACTIV><ACCOM>U1</ACCOM></HEADER>
  </CHILD>
</EXPSSDA903>
"""


def read(tmp_path: Path, text: str = RETURN_XML) -> RawReturn:
    path = tmp_path / "return.xml"
    path.write_text(text, encoding="utf-8")
    return read_return(path, 2025)


def test_header_and_episode_rows_with_renamed_tags(tmp_path: Path) -> None:
    raw = read(tmp_path)
    assert raw.findings == []
    assert raw.tables["header"].column("CHILD").to_pylist() == ["A1234", "B7"]
    assert raw.tables["header"].column("SEX").to_pylist() == ["M", "F"]
    [episode] = raw.tables["episodes"].to_pylist()
    assert episode["CHILD"] == "A1234"  # from CHILDID in HEADER
    assert episode["PLACE"] == "U6"  # from PL
    assert episode["DEC"] is None  # empty element is null
    assert episode[ROW] == 10  # line of <EPISODE>


def test_groups_inside_header_become_rows_with_child_and_dob(tmp_path: Path) -> None:
    raw = read(tmp_path)
    assert raw.tables["reviews"].to_pylist() == [
        {
            "CHILD": "A1234",
            "DOB": "15/06/2008",
            "REVIEW": "02/05/2024",
            "REVIEW_CODE": "PN1",
            ROW: 7,
        }
    ]
    assert raw.tables["missing"].column("MIS_START").to_pylist() == ["07/07/2024"]


def test_uasc_and_oc3_rows_come_from_header_items(tmp_path: Path) -> None:
    raw = read(tmp_path)
    assert raw.tables["uasc"].column("CHILD").to_pylist() == ["A1234"]
    assert raw.tables["uasc"].column("DUC").to_pylist() == ["14/06/2026"]
    assert raw.tables["oc3"].to_pylist() == [
        {
            "CHILD": "B7",
            "DOB": "01/01/2006",
            "IN_TOUCH": "YES",
            "ACTIV": "F2",
            "ACCOM": "U1",
            ROW: 14,
        }
    ]
    assert raw.tables["ad1"].num_rows == 0  # no DATE_INT anywhere


def test_social_worker_group_is_recognised_by_its_items(tmp_path: Path) -> None:
    text = RETURN_XML.replace(
        "</HEADER>\n    <EPISODE>",
        "<SWEPISODE><SW_ID>SW9a</SW_ID><SW_DECOM>01/04/2024</SW_DECOM><SW_DEC/>"
        "<SW_REASON>manage</SW_REASON></SWEPISODE></HEADER>\n    <EPISODE>",
    )
    sw = read(tmp_path, text).tables["sw_episodes"].to_pylist()
    assert [(r["CHILD"], r["SW_ID"], r["SW_REASON"]) for r in sw] == [("A1234", "SW9a", "MANAGE")]


def test_unknown_element_is_a_warning_with_its_line(tmp_path: Path) -> None:
    raw = read(tmp_path, RETURN_XML.replace("<MC_DOB/>", "<MC_DOB/><SHOE_SIZE>4</SHOE_SIZE>"))
    [finding] = raw.findings
    assert (finding.rule_id, finding.severity, finding.column, finding.row) == (
        "FILE23",
        Severity.WARNING,
        "SHOE_SIZE",
        6,
    )


def test_malformed_xml_is_an_error_with_its_line(tmp_path: Path) -> None:
    raw = read(tmp_path, RETURN_XML.replace("</EPISODE>", "</EPISOD>"))
    [finding] = raw.findings
    assert (finding.rule_id, finding.row) == ("FILE21", 11)
    assert raw.tables == {}


def test_xml_and_csv_together_are_refused(tmp_path: Path) -> None:
    (tmp_path / "return.xml").write_text(RETURN_XML)
    (tmp_path / "h.csv").write_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n")
    assert [f.rule_id for f in read_return(tmp_path, 2025).findings] == ["FILE16"]


def test_xml_and_csv_of_the_same_synthetic_return_read_the_same(tmp_path: Path) -> None:
    synth = pytest.importorskip("careboard.analytics.ssda903.synth.generate")
    synth.generate(
        synth.SynthRequest(
            children=40, first_year=2025, last_year=2025, seed=7, out=tmp_path, format="both"
        )
    )
    folder = tmp_path / "2025"
    from_csv = read_return(sorted(folder.glob("*.csv")), 2025)
    from_xml = read_return(sorted(folder.glob("*.xml")), 2025)
    assert from_csv.findings == from_xml.findings == []
    assert from_csv.tables["episodes"].num_rows > 0
    for table, data in from_csv.tables.items():
        order: list[tuple[str, Literal["ascending", "descending"]]] = [
            (c, "ascending") for c in data.column_names if c != ROW
        ]
        assert (
            data.drop([ROW]).sort_by(order).to_pylist()
            == from_xml.tables[table].drop([ROW]).sort_by(order).to_pylist()
        ), table


@pytest.mark.parametrize("declaration", ["", ' encoding="UTF-8"', ' encoding="windows-1252"'])
def test_cp1252_xml_is_read_whatever_it_declares(tmp_path: Path, declaration: str) -> None:
    path = tmp_path / "return.xml"
    path.write_bytes(
        f'<?xml version="1.0"{declaration}?>\n<EXPSSDA903><CHILD><HEADER><CHILDID>Élo1'
        "</CHILDID><SEX>F</SEX><DOB>01/01/2010</DOB></HEADER></CHILD></EXPSSDA903>".encode("cp1252")
    )
    raw = read_return(path, 2025)
    assert raw.findings == []
    assert raw.tables["header"].column("CHILD").to_pylist() == ["Élo1"]


def test_default_namespace_is_ignored(tmp_path: Path) -> None:
    raw = read(tmp_path, RETURN_XML.replace("<EXPSSDA903>", '<EXPSSDA903 xmlns="urn:dfe:903">'))
    assert raw.findings == []
    assert raw.tables["episodes"].num_rows == 1
