"""Import benchmark: read, validate, minimise and store one generated collection year.

Targets (issue 4): one council-year (about 1,000 children) end to end in under 3 s; a
national-size year (100,000 children) in under 60 s and 1.5 GB peak memory. The data is
made by the synthetic generator in a separate process (so its memory is not counted here)
into a temporary folder; the CSV and XML layouts of the same year are both read.
Validation findings are counted but do not stop the benchmark from storing: it measures
speed, not data quality.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench.harness import Measurement, timed
from careboard.analytics.ssda903.minimise import minimise
from careboard.analytics.ssda903.reader import RawReturn, read_return
from careboard.analytics.ssda903.store import Store

CHILDREN = {"council": 1_000, "national": 100_000}
TARGET_SECONDS = {"council": 3.0, "national": 60.0}
YEAR = 2025
KEY = b"benchmark-key-not-secret-0123456789"
LA = "E08000015"


def _generate(children: int, out: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "careboard.analytics.cli",
        "synth",
        "--children",
        str(children),
        "--years",
        f"{YEAR - 1}-{YEAR}",
        "--seed",
        "1",
        "--format",
        "both",
        "--out",
        str(out),
    ]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # noqa: S603 - our own CLI


def _validate(raw: RawReturn) -> int:
    try:
        from careboard.analytics.ssda903.validate import validate_return
    except ImportError:
        return -1
    return len(validate_return(raw, YEAR))


def run(scale: str) -> list[Measurement]:
    repeat = 3 if scale == "council" else 1
    with tempfile.TemporaryDirectory(prefix="careboard-bench-") as scratch:
        root = Path(scratch)
        returns = root / "returns"
        _generate(CHILDREN[scale], returns)
        folder = returns / str(YEAR)
        csv_files = sorted(folder.glob("*.csv"))
        xml_files = sorted(folder.glob("*.xml"))
        postcodes = returns / "postcodes.csv"
        store = Store(root / "store.duckdb")

        raw = read_return(csv_files, YEAR)
        minimised = minimise(raw, key=KEY, postcodes=postcodes, la=LA)
        children = raw.table("header").num_rows
        label = f"{scale}: {children:,} children, {raw.table('episodes').num_rows:,} episodes"

        def end_to_end() -> None:
            read = read_return(csv_files, YEAR)
            _validate(read)
            store.load(YEAR, minimise(read, key=KEY, postcodes=postcodes, la=LA))

        results = [
            timed(
                f"import: read CSV ({scale})",
                lambda: read_return(csv_files, YEAR),
                repeat=repeat,
                note=label,
            ),
        ]
        if xml_files:
            results.append(
                timed(
                    f"import: read XML ({scale})",
                    lambda: read_return(xml_files[0], YEAR),
                    repeat=repeat,
                )
            )
        findings = _validate(raw)
        results += [
            timed(
                f"import: validate ({scale})",
                lambda: _validate(raw),
                repeat=repeat,
                note=f"{findings:,} findings (-1: validator not installed)",
            ),
            timed(
                f"import: minimise with postcodes ({scale})",
                lambda: minimise(raw, key=KEY, postcodes=postcodes, la=LA),
                repeat=repeat,
            ),
            timed(
                f"import: store load ({scale})", lambda: store.load(YEAR, minimised), repeat=repeat
            ),
            timed(
                f"import: end to end ({scale})",
                end_to_end,
                repeat=repeat,
                target_seconds=TARGET_SECONDS[scale],
                note="read CSV + validate + minimise + store; peak MB is this process's",
            ),
        ]
        return results


if __name__ == "__main__":
    from bench.harness import report

    print(report(run(sys.argv[1] if len(sys.argv) > 1 else "council"), {}))
