"""careboard's 903 validation beside the DfE-endorsed open-source validator (issue 4).

One run, the same generated CSV files for both: a council year (about 1,000 children) or,
with --scale national, a national-size year (100,000 children). Each tool runs in a fresh
process of its own, so each peak memory figure is that tool's alone (interpreter and
libraries included, as an import would pay them); the seconds are the reading and
validating only, imports left out on both sides. Rows:

* careboard: read + validate (the same work the reference validator does);
* careboard: read + validate + minimise + store (the whole import);
* reference: `csc-validator-be-903` with its rule pack for the year, installed in
  `bench/.venvs/` by `bench.d2i_validator` (never in `.venv`).

The reference row's note gives the ratios (reference / careboard read + validate). If the
reference validator cannot be installed or run, its row says why and has no figure.

    python -m bench.bench_validator_vs_d2i [council|national]
    python -m bench.bench_validator_vs_d2i --worker validate FOLDER YEAR   # one careboard run
"""

from __future__ import annotations

import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench import d2i_validator
from bench.harness import Measurement

# "tiny" is for tests/bench only.
CHILDREN = {"tiny": 40, "council": 1_000, "national": 100_000}
REPEAT = {"tiny": 1, "council": 3, "national": 1}
REFERENCE_TIMEOUT = {"tiny": 600.0, "council": 600.0, "national": 3 * 3600.0}
YEAR = 2025
KEY = b"benchmark-key-not-secret-0123456789"
LA = "E08000015"
WORKERS = ("validate", "import")
ROOT = Path(__file__).resolve().parent.parent
WORKER = (sys.executable, "-m", "bench.bench_validator_vs_d2i", "--worker")


def generate(children: int, out: Path, years: tuple[int, int] = (YEAR - 1, YEAR)) -> None:
    """Synthetic returns from `careboard synth`, in a subprocess (its memory is not ours)."""
    command = [
        sys.executable,
        "-m",
        "careboard.analytics.cli",
        "synth",
        "--children",
        str(children),
        "--years",
        f"{years[0]}-{years[1]}",
        "--seed",
        "1",
        "--format",
        "csv",
        "--out",
        str(out),
    ]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # noqa: S603 - our own CLI


def careboard_worker(mode: str, folder: Path, year: int) -> dict[str, object]:
    """Read and validate (and, for `import`, minimise and store) one year; runs in its own
    process. Returns the seconds, this process's peak memory and what was found."""
    from careboard.analytics.ssda903.minimise import minimise
    from careboard.analytics.ssda903.reader import read_return
    from careboard.analytics.ssda903.store import Store
    from careboard.analytics.ssda903.validate import validate_return

    files = sorted(folder.glob("*.csv"))
    with tempfile.TemporaryDirectory(prefix="careboard-bench-") as scratch:
        started, cpu = time.perf_counter(), time.process_time()
        raw = read_return(files, year)
        findings = validate_return(raw, year)
        if mode == "import":
            postcodes = folder.parent / "postcodes.csv"
            minimised = minimise(raw, key=KEY, postcodes=postcodes, la=LA)
            Store(Path(scratch) / "store.duckdb").load(year, minimised)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children": raw.table("header").num_rows,
        "episodes": raw.table("episodes").num_rows,
        "findings": len(findings),
        "rules_with_findings": len({f.rule_id for f in findings}),
    }


def _careboard(mode: str, folder: Path, repeat: int) -> dict[str, float]:
    """Best of `repeat` fresh processes: least seconds, and the largest peak memory seen."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run(  # noqa: S603 - this module, our interpreter
            [*WORKER, mode, str(folder), str(YEAR)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    best = min(runs, key=lambda r: r["seconds"])
    return {**best, "peak_mb": max(r["peak_mb"] for r in runs)}


def _reference(folder: Path, scale: str) -> d2i_validator.ReferenceRun | str:
    """Best of the repeats, or the reason the reference validator gave no figure."""
    try:
        runs = [
            d2i_validator.run(folder, YEAR, timeout=REFERENCE_TIMEOUT[scale])
            for _ in range(REPEAT[scale])
        ]
    except d2i_validator.ReferenceValidatorUnavailable as problem:
        return str(problem)
    best = min(runs, key=lambda r: r.seconds)
    return replace(best, peak_mb=max(r.peak_mb for r in runs))


def run(scale: str) -> list[Measurement]:
    repeat = REPEAT[scale]
    with tempfile.TemporaryDirectory(prefix="careboard-bench-") as scratch:
        returns = Path(scratch) / "returns"
        generate(CHILDREN[scale], returns)
        folder = returns / str(YEAR)
        validated = _careboard("validate", folder, repeat)
        imported = _careboard("import", folder, repeat)
        reference = _reference(folder, scale)

    size = f"{validated['children']:,} children, {validated['episodes']:,} episodes"
    best_of = f"best of {repeat} fresh process(es); peak MB is that process's own"
    results = [
        Measurement(
            f"903 validate: careboard read + validate ({scale})",
            float(validated["seconds"]),
            float(validated["peak_mb"]),
            note=f"{size}; {validated['cpu_seconds']:.1f} CPU s; {validated['findings']:,} "
            f"findings from {validated['rules_with_findings']} rules; {best_of}",
        ),
        Measurement(
            f"903 validate: careboard full import ({scale})",
            float(imported["seconds"]),
            float(imported["peak_mb"]),
            note=f"read + validate + minimise + store; {imported['cpu_seconds']:.1f} CPU s",
        ),
    ]
    label = f"903 validate: reference {d2i_validator.PACKAGE} {d2i_validator.VERSION} ({scale})"
    if isinstance(reference, str):
        results.append(Measurement(label, math.nan, None, note=f"NOT MEASURED: {reference}"))
        return results
    failed = ", ".join(reference.rules_failed) or "none"
    results.append(
        Measurement(
            label,
            reference.seconds,
            reference.peak_mb,
            note=f"reference / careboard read + validate: "
            f"{reference.seconds / float(validated['seconds']):.1f}x the time, "
            f"{reference.peak_mb / float(validated['peak_mb']):.1f}x the peak memory "
            f"({reference.cpu_seconds:.1f} CPU s); "
            f"rule pack {d2i_validator.ruleset(YEAR)}: {reference.rules} rules, "
            f"{reference.rules_run} ran, {reference.rules_skipped} skipped (tables not "
            f"given), failed to run: {failed}; {reference.rows_flagged:,} rows flagged",
        )
    )
    return results


def main(argv: list[str]) -> int:
    if argv[:1] == ["--worker"] and len(argv) == 4 and argv[1] in WORKERS:
        print(json.dumps(careboard_worker(argv[1], Path(argv[2]), int(argv[3]))))
        return 0
    from bench.harness import report

    print(report(run(argv[0] if argv else "council"), {}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
