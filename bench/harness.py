"""Measure a piece of work (wall time and peak memory) and compare runs side by side."""

from __future__ import annotations

import importlib
import json
import resource
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results"
BASELINE = Path(__file__).parent / "baseline.json"


@dataclass
class Measurement:
    name: str
    seconds: float
    peak_mb: float | None = None
    target_seconds: float | None = None
    note: str = ""


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(
    name: str,
    work: Callable[[], Any],
    *,
    repeat: int = 3,
    target_seconds: float | None = None,
    note: str = "",
) -> Measurement:
    """Best of `repeat` runs: the least disturbed by the rest of the machine."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return Measurement(name, best, peak_rss_mb(), target_seconds, note)


def run_module(name: str, scale: str, queue: Any) -> None:
    """Run one bench module's `run(scale)` and send its measurements back (in a child)."""
    module = importlib.import_module(f"bench.{name}")
    queue.put([asdict(m) for m in module.run(scale)])


def save(measurements: list[Measurement], path: Path) -> None:
    """Store `measurements` in `path`, replacing rows of the same name and keeping the others
    (a run of some modules updates only their rows of the baseline)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    kept = load(path)
    kept.update((m.name, m) for m in measurements)
    rows = [asdict(m) for m in kept.values()]
    path.write_text(json.dumps(rows, indent=2) + "\n")


def load(path: Path) -> dict[str, Measurement]:
    if not path.exists():
        return {}
    return {m["name"]: Measurement(**m) for m in json.loads(path.read_text())}


def report(measurements: list[Measurement], baseline: dict[str, Measurement]) -> str:
    """A table: this run, the baseline, their ratio, the target and whether it is met."""
    header = (
        f"{'benchmark':<52} {'now s':>9} {'base s':>9} {'ratio':>7} {'target s':>9} "
        f"{'peak MB':>8}  ok"
    )
    lines = [header, "-" * len(header)]
    for m in measurements:
        base = baseline.get(m.name)
        ratio = f"{m.seconds / base.seconds:.2f}" if base and base.seconds else "-"
        target = f"{m.target_seconds:g}" if m.target_seconds else "-"
        met = (
            "-" if m.target_seconds is None else ("yes" if m.seconds <= m.target_seconds else "NO")
        )
        peak = f"{m.peak_mb:.0f}" if m.peak_mb is not None else "-"
        base_s = f"{base.seconds:.3f}" if base else "-"
        lines.append(
            f"{m.name:<52} {m.seconds:>9.3f} {base_s:>9} {ratio:>7} {target:>9} {peak:>8}  {met}"
        )
        if m.note:
            lines.append(f"    {m.note}")
    return "\n".join(lines)
