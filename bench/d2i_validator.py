"""Install and drive the DfE-endorsed open-source 903 validator for side-by-side benchmarks.

The reference validator is `csc-validator-be-903` on PyPI (Data to Insight / Social
Finance; import name `lac_validator`). It pins old pandas and numpy, so it is never a
careboard dependency and never goes into `.venv`: `ensure_installed()` makes its own
virtualenv under `bench/.venvs/` (gitignored) the first time it is needed, and every run
happens in a subprocess of that virtualenv's Python. The subprocess prints one line of JSON:
the seconds spent reading and validating (interpreter start and imports left out, as for
careboard), its own peak resident memory, and what the rules did.

    python -m bench.d2i_validator FOLDER YEAR   # run it once on a folder of CSV files
"""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "csc-validator-be-903"
VERSION = "0.1.17"
VENV = Path(__file__).parent / ".venvs" / f"d2i-903-{VERSION}"
LOCAL_AUTHORITY = "E08000015"  # the synthetic generator's home council (Wirral)


class ReferenceValidatorUnavailable(RuntimeError):
    """The reference validator could not be installed or run here; the message says why."""


@dataclass(frozen=True)
class ReferenceRun:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    rules: int
    rules_run: int
    rules_skipped: int
    rules_failed: tuple[str, ...]
    rows_flagged: int


def ruleset(year: int) -> str:
    """The validator's rule pack for a collection year named by its end: 2025 -> lac2024_25."""
    return f"lac{year - 1}_{year % 100:02d}"


def python() -> Path:
    return VENV / "bin" / "python"


def ensure_installed() -> Path:
    """The isolated virtualenv's Python, creating it and installing the package if needed."""
    marker = VENV / ".installed"
    if marker.exists():
        return python()
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        subprocess.run(  # noqa: S603 - fixed arguments, the venv's own pip
            [str(python()), "-m", "pip", "install", "--quiet", f"{PACKAGE}=={VERSION}"],
            check=True,
            capture_output=True,
            text=True,
        )
    except subprocess.CalledProcessError as failure:
        raise ReferenceValidatorUnavailable(
            f"pip could not install {PACKAGE}=={VERSION}: {failure.stderr.strip()[-500:]}"
        ) from failure
    except OSError as failure:
        raise ReferenceValidatorUnavailable(f"could not create {VENV}: {failure}") from failure
    marker.write_text(f"{PACKAGE}=={VERSION}\n")
    return python()


# Runs inside the reference validator's virtualenv: it must not import careboard.
DRIVER = r"""
import importlib, json, logging, resource, sys, time
from pathlib import Path

logging.disable(logging.CRITICAL)
import contextlib, io
from lac_validator import lac_validator
from lac_validator.utils import process_uploaded_files

folder, year, ruleset, la = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry
started, cpu = time.perf_counter(), time.process_time()
uploads = process_uploaded_files({"This year": [str(p) for p in sorted(folder.glob("*.csv"))]})
with contextlib.redirect_stdout(io.StringIO()):  # some rules print as they run
    run = lac_validator.LacValidator(
        metadata={"collectionYear": year, "localAuthority": la},
        files=uploads,
        registry=registry,
    )
seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
flagged = 0
for name, table in run.ds_results.items():
    if name != "metadata" and hasattr(table, "filter"):
        flagged += int((table.filter(like="ERR_") == True).any(axis=1).sum())
print(json.dumps({
    "seconds": seconds,
    "cpu_seconds": cpu_seconds,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "rules": len(registry),
    "rules_run": len(run.dones),
    "rules_skipped": len(run.skips),
    "rules_failed": [str(code) for code in run.fails],
    "rows_flagged": flagged,
}))
"""

# Also inside the virtualenv: every rule of a year's pack with its message and tables.
LIST_RULES = r"""
import importlib, json, logging, sys
logging.disable(logging.CRITICAL)
registry = importlib.import_module(f"lac_validator.rules.{sys.argv[1]}").registry
print(json.dumps([
    {"code": str(rule.code), "message": rule.message or "",
     "tables": [t for t in (rule.tables or []) if t], "fields": list(rule.affected_fields or [])}
    for rule in registry.values()
]))
"""


def _last_json_line(output: str) -> object:
    for line in reversed(output.strip().splitlines()):
        if line.startswith(("{", "[")):
            return json.loads(line)
    raise ReferenceValidatorUnavailable(f"no result from the reference validator: {output[-500:]}")


def run(folder: Path, year: int, *, timeout: float | None = None) -> ReferenceRun:
    """Validate the CSV files in `folder` as collection `year` in a fresh subprocess."""
    interpreter = ensure_installed()
    try:
        done = subprocess.run(  # noqa: S603 - our driver, the venv's Python
            [
                str(interpreter),
                "-c",
                DRIVER,
                str(folder),
                str(year),
                ruleset(year),
                LOCAL_AUTHORITY,
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.CalledProcessError as failure:
        raise ReferenceValidatorUnavailable(
            f"the reference validator failed: {failure.stderr.strip()[-800:]}"
        ) from failure
    except subprocess.TimeoutExpired as failure:
        raise ReferenceValidatorUnavailable(
            f"the reference validator did not finish within {timeout:.0f} s"
        ) from failure
    result = _last_json_line(done.stdout)
    assert isinstance(result, dict)
    return ReferenceRun(
        seconds=float(result["seconds"]),
        cpu_seconds=float(result["cpu_seconds"]),
        peak_mb=float(result["peak_mb"]),
        rules=int(result["rules"]),
        rules_run=int(result["rules_run"]),
        rules_skipped=int(result["rules_skipped"]),
        rules_failed=tuple(result["rules_failed"]),
        rows_flagged=int(result["rows_flagged"]),
    )


def rules(year: int) -> list[dict[str, object]]:
    """Every rule in the reference validator's pack for `year`: code, message, tables."""
    interpreter = ensure_installed()
    done = subprocess.run(  # noqa: S603 - our script, the venv's Python
        [str(interpreter), "-c", LIST_RULES, ruleset(year)],
        check=True,
        capture_output=True,
        text=True,
    )
    listed = _last_json_line(done.stdout)
    assert isinstance(listed, list)
    return listed


if __name__ == "__main__":
    print(run(Path(sys.argv[1]), int(sys.argv[2])))
