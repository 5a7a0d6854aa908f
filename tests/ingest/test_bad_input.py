"""Hostile uploads (issue 4, "Bad input"; security.md, Reliability): each one ends on the run
page with a clear message, the import refused, and never a server error."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from django.test import Client
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careboard.ingest.models import ImportRun, Status
from tests.ingest.conftest import latest_run, upload

# A billion-laughs XML file, ten entities deep would be a gigabyte; three levels is enough
# to show that any DTD is refused before expansion.
XML_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Message><Children><Child><Header><CHILD>&lol3;</CHILD></Header></Child></Children></Message>
"""


def _zip_bomb(path: Path) -> None:
    """20 MB of zeros squeezed to about 20 kB: a ratio near 1000 to 1."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("header.csv", b"0" * (20 << 20))


HOSTILE: dict[str, tuple[str, bytes | None, str]] = {
    # name: (file name, content (None: built by a helper), words the message must contain)
    "empty file": ("header.csv", b"", "The file is empty"),
    "binary junk": ("episodes.csv", bytes(range(256)) * 40, "NUL bytes"),
    "UTF-16": ("header.csv", "CHILD,SEX,DOB\r\n".encode("utf-16"), "UTF-16"),
    "XML bomb": ("return.xml", XML_BOMB, "XML bombs"),
    "zip bomb": ("return.zip", None, "zip bomb"),
    "header only": ("header.csv", b"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n", "no children"),
}


@pytest.mark.parametrize("case", HOSTILE, ids=str)
def test_a_hostile_upload_is_refused_with_a_clear_message(
    analyst_client: Client, tmp_path: Path, case: str
) -> None:
    name, content, words = HOSTILE[case]
    path = tmp_path / name
    if content is None:
        _zip_bomb(path)
    else:
        path.write_bytes(content)

    page = upload(analyst_client, [path])

    assert page.status_code == 200
    run = latest_run()
    assert run.status == Status.REFUSED
    assert run.errors >= 1
    html = page.content.decode()
    assert words in html
    assert 'id="confirm"' not in html


def test_a_formula_in_a_cell_is_shown_as_text_and_neutralised_in_the_download(
    analyst_client: Client, clean_return: Path, tmp_path: Path
) -> None:
    """PLACE is not personal, so its value is shown (upper-cased by the reader); a formula
    is not a placement code (rule 146), and the download must not let a spreadsheet run it."""
    folder = tmp_path / "return"
    folder.mkdir()
    for source in clean_return.glob("*.csv"):
        (folder / source.name).write_bytes(source.read_bytes())
    episodes = folder / "episodes.csv"
    lines = episodes.read_text().splitlines()
    columns = lines[0].split(",")
    cells = lines[1].split(",")
    cells[columns.index("PLACE")] = '=HYPERLINK("HTTP://EXAMPLE.INVALID")'
    lines[1] = ",".join(cells)
    episodes.write_text("\r\n".join(lines) + "\r\n")

    page = upload(analyst_client, sorted(folder.glob("*.csv")))

    run = latest_run()
    assert run.status == Status.REFUSED
    html = page.content.decode()
    assert "=HYPERLINK(&quot;HTTP://EXAMPLE.INVALID&quot;)" in html  # escaped, inert
    download = analyst_client.get(f"/imports/{run.pk}/findings.csv?table=episodes")
    text = b"".join(download.streaming_content).decode()  # type: ignore[attr-defined]
    place_rows = [line for line in text.splitlines() if "HYPERLINK" in line]
    assert place_rows
    assert all(",\"'=HYPERLINK(" in line for line in place_rows)
    assert not any(',"=HYPERLINK(' in line or ",=HYPERLINK(" in line for line in place_rows)


def test_a_5_mb_csv_is_read_and_checked_without_a_server_error(
    analyst_client: Client, tmp_path: Path
) -> None:
    """120,000 Header rows and no Episodes: read in full, then refused with findings."""
    path = tmp_path / "big-header.csv"
    rows = 120_000
    with path.open("w", newline="") as out:
        out.write("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n")
        for number in range(rows):
            birth = f"01/0{1 + number % 9}/2010"
            out.write(f"C{number:07d},{1 + number % 2},{birth},WBRI,A{number:012d},,\r\n")
    assert path.stat().st_size > 5_000_000

    page = upload(analyst_client, [path])

    assert page.status_code == 200
    run = latest_run()
    assert run.rows_read == rows
    assert run.rows_by_table == {"header": rows}
    assert run.status in (Status.REFUSED, Status.CHECKED)
    assert escape(run.message) in page.content.decode()


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.binary(max_size=2000)
    | st.text(alphabet='CHILD,SEX;DOB\t"=+-@\r\n0123456789/é\x00', max_size=400).map(
        lambda text: ("CHILD,SEX,DOB\r\n" + text).encode("utf-8")
    ),
    name=st.sampled_from(["header.csv", "episodes.xml", "return.zip"]),
)
def test_any_bytes_end_with_a_verdict_never_a_server_error(
    analyst_client: Client, tmp_path: Path, content: bytes, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    before = ImportRun.objects.count()

    page = upload(analyst_client, [path])

    assert page.status_code == 200
    assert ImportRun.objects.count() == before + 1
    run = latest_run()
    assert run.status in (Status.REFUSED, Status.CHECKED)
    assert run.message
    assert escape(run.message) in page.content.decode()
