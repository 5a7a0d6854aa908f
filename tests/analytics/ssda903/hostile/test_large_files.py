"""Large files: read in blocks by Arrow, every row numbered, memory about the data's size.

The default run reads 100,000 episode rows. The 10^6-row and 200 MB files are marked slow
and run only with CAREBOARD_SLOW_TESTS=1; they measure the reader's peak memory in a fresh
process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pytest

from careboard.analytics.ssda903.reader import read_return
from careboard.analytics.ssda903.tables import ROW, TABLE_COLUMNS

slow = pytest.mark.skipif(
    os.environ.get("CAREBOARD_SLOW_TESTS") != "1", reason="set CAREBOARD_SLOW_TESTS=1"
)


def write_episodes(folder: Path, rows: int) -> Path:
    """`rows` plausible episode rows (one child each) plus a one-row Header file."""
    folder.mkdir(parents=True, exist_ok=True)
    numbers = pa.array(np.arange(rows)).cast(pa.string())
    ids = pc.utf8_replace_slice(numbers, 0, 0, "CH")  # "CH0", "CH1", ...
    constant = {
        "DECOM": "01/04/2024",
        "RNE": "S",
        "LS": "C2",
        "CIN": "N1",
        "PLACE": "U6",
        "PLACE_PROVIDER": "PR1",
        "HOME_POST": "CH41 1AA",
        "PL_POST": "CH62 2BB",
        "URN": "SC123456",
    }
    columns = {
        name: ids if name == "CHILD" else pa.repeat(pa.scalar(constant.get(name, "")), rows)
        for name in TABLE_COLUMNS["episodes"]
    }
    path = folder / "episodes.csv"
    pa_csv.write_csv(
        pa.table(columns), path, pa_csv.WriteOptions(quoting_style="none", batch_size=65536)
    )
    (folder / "header.csv").write_text(
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nCH0,M,15/06/2012,WBRI,UN1,,\n"
    )
    return path


def test_hundred_thousand_rows_are_all_read_and_numbered(tmp_path: Path) -> None:
    path = write_episodes(tmp_path, 100_000)
    raw = read_return(tmp_path, 2025)
    episodes = raw.tables["episodes"]
    assert raw.findings == []
    assert episodes.num_rows == 100_000
    lines = episodes.column(ROW)
    assert (pc.min(lines).as_py(), pc.max(lines).as_py()) == (2, 100_001)
    assert episodes.column("CHILD")[99_999].as_py() == "CH99999"
    # The table costs about what the file does: no per-row Python objects.
    assert episodes.nbytes < 2 * path.stat().st_size


PEAK_MEMORY = textwrap.dedent(
    """
    import json, resource, sys, time
    import pyarrow as pa
    from careboard.analytics.ssda903.reader import read_return
    start = time.perf_counter()
    raw = read_return(sys.argv[1], 2025)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rows": raw.tables["episodes"].num_rows, "seconds": seconds,
                      "peak_mb": peak_mb, "table_mb": raw.tables["episodes"].nbytes / 2**20,
                      "errors": [f.rule_id for f in raw.findings]}))
    """
)


def measure(folder: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY, str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    print(folder.name, result)
    return result


@pytest.mark.slow
@slow
def test_a_million_rows_read_in_bounded_memory(tmp_path: Path) -> None:
    path = write_episodes(tmp_path, 1_000_000)
    result = measure(tmp_path)
    assert result["rows"] == 1_000_000
    assert result["errors"] == []
    file_mb = path.stat().st_size / 2**20
    # Interpreter and libraries take about 150 MB; the rest should be about the table.
    assert result["peak_mb"] < 250 + 2 * file_mb, result


@pytest.mark.slow
@slow
def test_a_200_megabyte_file_is_read(tmp_path: Path) -> None:
    path = write_episodes(tmp_path, 3_300_000)
    assert path.stat().st_size > 200 * 2**20
    result = measure(tmp_path)
    assert result["rows"] == 3_300_000
    assert result["peak_mb"] < 250 + 2 * path.stat().st_size / 2**20, result
