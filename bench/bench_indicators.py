"""The 903 indicators: careboard's engine beside a plain pandas implementation (issue 5).

Targets: one council, 10 years (about 1,000 children a year), every indicator for every
year in under 1 s once the data is loaded; national scale (about 100,000 children a year),
every indicator for one year in under 15 s and 2 GB peak memory; and at national scale at
least 10x faster than pandas (`bench/pandas_indicators.py`, the same definitions).

Steps, each in a fresh process so that each peak memory figure is that step's own:

1. `careboard synth` writes the years; they are read, minimised and loaded into a DuckDB
   analytics store (the load time is noted, not a target).
2. The engine computes the indicators on the store (`careboard.analytics.engine.compute`),
   best of a few runs in one process. The very first run builds and compiles the Ibis
   expressions and keeps the compiled plan beside the store (ADR 7); it runs in a process
   of its own and has its own row. The measured process finds the plan there, as every
   later process does in use; its first run has a row too, against the same target.
3. pandas reads the same stored history tables into DataFrames (noted, not timed as
   compute) and computes the indicators the engine found derivable, best of a few runs.
4. Every numerator, denominator, cohort size and caveat count must be equal: the benchmark
   stops with an AssertionError if one differs, so the ratio compares like with like.

    python -m bench.bench_indicators [council|national]
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.harness import Measurement

# "tiny" is for tests/bench only: a few dozen children, three years.
CHILDREN = {"tiny": 40, "council": 1_000, "national": 100_000}
LAST_YEAR = 2025
YEARS = {"tiny": 3, "council": 10, "national": 10}  # collection years generated and loaded
REPEAT = {"tiny": 1, "council": 2, "national": 2}
TARGET_SECONDS = {"tiny": 1.0, "council": 1.0, "national": 15.0}
TARGET_PEAK_MB = {"national": 2048.0}
AIM_RATIO = 10.0
KEY = b"benchmark-key-not-secret-0123456789"
ROOT = Path(__file__).resolve().parent.parent
WORKER = (sys.executable, "-m", "bench.bench_indicators", "--worker")

Results = dict[str, dict[str, list[int | None]]]  # year -> code -> the four integers


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate_and_load(children: int, years: tuple[int, int], scratch: Path) -> Path:
    """Write synthetic returns for `years` (inclusive) and load them into a new store."""
    returns = scratch / "returns"
    span = f"{years[0]}-{years[1]}"
    synth = [sys.executable, "-m", "careboard.analytics.cli", "synth", "--seed", "1"]
    subprocess.run(  # noqa: S603 - our own CLI
        [*synth, "--children", str(children), "--years", span, "--out", str(returns)],
        check=True,
        stdout=subprocess.DEVNULL,
        cwd=ROOT,
    )
    store = scratch / "store.duckdb"
    _worker("load", str(returns), str(store))
    return store


def load_worker(returns: Path, store_path: Path) -> dict[str, Any]:
    from careboard.analytics.ssda903.minimise import minimise
    from careboard.analytics.ssda903.reader import read_return
    from careboard.analytics.ssda903.store import Store

    store = Store(store_path)
    manifest = json.loads((returns / "MANIFEST.json").read_text())
    started = time.perf_counter()
    for year in manifest["years"]:
        raw = read_return(returns / str(year), year)
        tables = minimise(raw, key=KEY, postcodes=returns / "postcodes.csv", la=manifest["home_la"])
        store.load(year, tables)
    return {"seconds": time.perf_counter() - started, "peak_mb": _peak_mb()}


def engine_worker(store_path: Path, years: list[int], repeat: int) -> dict[str, Any]:
    """Compute every indicator for `years`, `repeat` times; the best time and the results."""
    from careboard.analytics import engine
    from careboard.analytics.ssda903.store import Store

    store = Store(store_path)
    backend = store.ibis()
    loaded = store.years()
    tables = engine.stored_tables(backend)
    times: list[tuple[float, float]] = []  # (wall, CPU) seconds of each run
    results: Results = {}
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        computed = engine.compute_years(
            backend, years, tables=tables, years_loaded=loaded, plans_dir=store.plans_dir
        )
        times.append((time.perf_counter() - started, time.process_time() - cpu))
    for year, by_code in computed.items():
        results[str(year)] = {
            code: [r.numerator, r.denominator, r.cohort_size, r.caveat_count]
            for code, r in by_code.items()
            if engine.NOT_DERIVABLE not in r.flags
        }
    return {
        "seconds": min(times)[0],
        "cpu_seconds": min(times)[1],
        "first_seconds": times[0][0],
        "peak_mb": _peak_mb(),
        "indicators": len(next(iter(computed.values()))),
        "results": results,
    }


def pandas_worker(store_path: Path, codes_path: Path, repeat: int) -> dict[str, Any]:
    """Read the stored history into DataFrames, then compute the codes asked for per year."""
    from bench import pandas_indicators
    from careboard.analytics.ssda903.store import Store
    from careboard.analytics.ssda903.stored import STORED_TABLES

    wanted: dict[str, list[str]] = json.loads(codes_path.read_text())
    started = time.perf_counter()
    with Store(store_path).connect_readonly() as con:
        frames = pandas_indicators.load_tables(con, STORED_TABLES)
    read_seconds = time.perf_counter() - started
    times: list[tuple[float, float]] = []
    results: Results = {}
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        computed = {
            year: pandas_indicators.compute(frames, int(year), codes)
            for year, codes in wanted.items()
        }
        times.append((time.perf_counter() - started, time.process_time() - cpu))
    for year, by_code in computed.items():
        results[year] = {
            code: [c.numerator, c.denominator, c.cohort, c.caveat] for code, c in by_code.items()
        }
    return {
        "seconds": min(times)[0],
        "cpu_seconds": min(times)[1],
        "first_seconds": times[0][0],
        "read_seconds": read_seconds,
        "peak_mb": _peak_mb(),
        "results": results,
    }


def _worker(*arguments: str) -> dict[str, Any]:
    done = subprocess.run(  # noqa: S603 - this module, our interpreter
        [*WORKER, *arguments], check=True, capture_output=True, text=True, cwd=ROOT
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(result, dict)
    return result


def differences(engine: Results, pandas: Results) -> list[str]:
    """Every (year, indicator) whose four integers differ, or that one side lacks."""
    found = []
    for year in sorted(set(engine) | set(pandas)):
        ours, theirs = engine.get(year, {}), pandas.get(year, {})
        for code in sorted(set(ours) | set(theirs)):
            if ours.get(code) != theirs.get(code):
                found.append(f"{year} {code}: engine {ours.get(code)}, pandas {theirs.get(code)}")
    return found


def run(scale: str) -> list[Measurement]:
    last = LAST_YEAR
    first = last - YEARS[scale] + 1
    computed_years = [last] if scale == "national" else list(range(first, last + 1))
    repeat = str(REPEAT[scale])
    with tempfile.TemporaryDirectory(prefix="careboard-bench-") as scratch_name:
        scratch = Path(scratch_name)
        load_started = time.perf_counter()
        store = generate_and_load(CHILDREN[scale], (first, last), scratch)
        prepared = time.perf_counter() - load_started
        years_asked = ",".join(map(str, computed_years))
        # The first process compiles and keeps the plan beside the store; a second process
        # finds it there, as every process after the first does in use (ADR 7).
        compiling = _worker("engine", str(store), years_asked, "1")
        engine = _worker("engine", str(store), years_asked, repeat)
        codes_path = scratch / "codes.json"
        codes_path.write_text(json.dumps({y: list(r) for y, r in engine["results"].items()}))
        pandas = _worker("pandas", str(store), str(codes_path), repeat)

    wrong = differences(engine["results"], pandas["results"])
    wrong += differences(compiling["results"], engine["results"])
    if wrong:
        raise AssertionError("pandas and the engine disagree:\n" + "\n".join(wrong[:20]))
    compared = sum(len(r) for r in engine["results"].values())
    what = (
        f"all {engine['indicators']} indicators for {len(computed_years)} year(s) "
        f"({compared} derivable), {YEARS[scale]} years loaded, ~{CHILDREN[scale]:,} children a year"
    )
    ratio = pandas["seconds"] / engine["seconds"]
    faster = f"engine {ratio:.1f}x faster" if ratio >= 1 else f"pandas {1 / ratio:.1f}x faster"
    engine_note = (
        f"{what}; engine.compute_years; best of {repeat} runs ({engine['cpu_seconds']:.1f} "
        f"CPU s), in a process that found the compiled plan beside the store; "
        f"generate + load beforehand {prepared:.0f} s"
    )
    if scale in TARGET_PEAK_MB:
        met = "met" if engine["peak_mb"] <= TARGET_PEAK_MB[scale] else "NOT met"
        engine_note += f"; peak memory target {TARGET_PEAK_MB[scale]:,.0f} MB {met}"
    aim = f" (aim at national scale: {AIM_RATIO:g}x)" if scale == "national" else ""
    label = "one year" if scale == "national" else f"all {YEARS[scale]} years"
    return [
        Measurement(
            f"indicators: engine, {label} ({scale})",
            float(engine["seconds"]),
            float(engine["peak_mb"]),
            TARGET_SECONDS[scale],
            engine_note,
        ),
        Measurement(
            f"indicators: engine, {label}, first run in a new process ({scale})",
            float(engine["first_seconds"]),
            None,
            TARGET_SECONDS[scale],
            "reads the compiled plan kept beside the store by an earlier process, then runs it",
        ),
        Measurement(
            f"indicators: engine, {label}, first run ever ({scale})",
            float(compiling["first_seconds"]),
            None,
            note="builds and compiles the Ibis expressions (no plan kept yet), then runs them; "
            "once per store and code version",
        ),
        Measurement(
            f"indicators: plain pandas, {label} ({scale})",
            float(pandas["seconds"]),
            float(pandas["peak_mb"]),
            note=f"same {compared} results, integer for integer; {faster}"
            f"{aim}; reading the tables into DataFrames {pandas['read_seconds']:.1f} s "
            f"(not counted); best of {repeat} ({pandas['cpu_seconds']:.1f} CPU s), first run "
            f"{pandas['first_seconds']:.2f} s",
        ),
    ]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--worker"]:
        mode, *rest = argv[1:]
        if mode == "load":
            result = load_worker(Path(rest[0]), Path(rest[1]))
        elif mode == "engine":
            years = [int(y) for y in rest[1].split(",")]
            result = engine_worker(Path(rest[0]), years, int(rest[2]))
        else:
            result = pandas_worker(Path(rest[0]), Path(rest[1]), int(rest[2]))
        print(json.dumps(result))
        return 0
    from bench.harness import report

    print(report(run(argv[0] if argv else "council"), {}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
