"""Run every benchmark module (bench/bench_*.py), print the figures beside the baseline.

    python -m bench                 # all benchmarks, compared with bench/baseline.json
    python -m bench import          # only modules whose name contains "import"
    python -m bench --save-baseline # also store this run as the new baseline

Each module has `run(scale: str) -> list[Measurement]`. Every benchmark runs in its own
process so one's peak memory does not leak into another's figure.
"""

from __future__ import annotations

import argparse
import multiprocessing
import pkgutil
import sys
import time

from bench import harness


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("only", nargs="*", help="run modules whose name contains these words")
    parser.add_argument(
        "--scale",
        choices=["council", "national"],
        default="council",
        help="council (default, minutes) or national (slow: 100,000 children)",
    )
    parser.add_argument("--save-baseline", action="store_true")
    args = parser.parse_args(argv)

    names = sorted(m.name for m in pkgutil.iter_modules(["bench"]) if m.name.startswith("bench_"))
    if args.only:
        names = [n for n in names if any(word in n for word in args.only)]
    measurements: list[harness.Measurement] = []
    for name in names:
        print(f"running {name} ({args.scale}) ...", file=sys.stderr, flush=True)
        context = multiprocessing.get_context("spawn")
        queue = context.Queue()
        process = context.Process(target=harness.run_module, args=(name, args.scale, queue))
        process.start()
        results = queue.get()
        process.join()
        measurements += [harness.Measurement(**m) for m in results]

    print(harness.report(measurements, harness.load(harness.BASELINE)))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    harness.save(measurements, harness.RESULTS / f"{stamp}-{args.scale}.json")
    if args.save_baseline:
        harness.save(measurements, harness.BASELINE)
        print(f"saved as baseline: {harness.BASELINE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
