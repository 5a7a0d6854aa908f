"""Demo indicator values: a synthetic council's 903 returns, computed, with illustrative
targets and a few manual figures.

The analytics store (settings.CAREBOARD_ANALYTICS_STORE) is filled only when it is empty or
missing: `careboard synth` children (fixed seed) are read, validated, minimised with the
public demo key and stored year by year, exactly as `careboard import` does. A store that
already holds data (a real import, or an earlier demo) is used as it is and never replaced.

The engine's results are kept in a small JSON file beside the store, keyed by the store's
size, modification time and the registry's codes, so loading the demo again (each demo test
module does) does not recompute ten years of indicators; the database side is still
recorded through `careboard.indicators.computed.save_results`, which skips unchanged values.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from careboard.analytics.commands.import_ import DEV_KEY
from careboard.analytics.engine import IndicatorResult
from careboard.analytics.indicators import REGISTRY
from careboard.analytics.ssda903.findings import warning_counts
from careboard.analytics.ssda903.minimise import minimise
from careboard.analytics.ssda903.reader import read_return
from careboard.analytics.ssda903.store import Store
from careboard.analytics.ssda903.synth.generate import SynthRequest, generate
from careboard.analytics.ssda903.validate import validate_return
from careboard.demo.data.strategy_2022_25 import SLUG as PLAN_SLUG
from careboard.indicators import judgements
from careboard.indicators.computed import Results, compute_results, save_results
from careboard.indicators.models import CatalogueEntry, IndicatorValue, Target, ValueSource
from careboard.indicators.records import NewValue, enter_value, set_target

FIRST_YEAR, LAST_YEAR = 2021, 2026  # six collection years: 2020-21 to 2025-26
CHILDREN = 700
SEED = 2022
ILLUSTRATIVE = "Illustrative figure for the demo (invented, not the council's data)."
TARGET_REASON = "Illustrative target for the demo."


class DemoStoreError(RuntimeError):
    """The synthetic returns did not pass the validator (a bug in synth or the rules)."""


@dataclass(frozen=True)
class DemoTarget:
    code: str
    value: float
    tolerance: float


# Targets near England's latest figures (docs/indicators.md), so that the synthetic council
# shows Green, Amber and Red.
TARGETS = (
    DemoTarget("foster_placement_pct", 70, 3),
    DemoTarget("oc2_health_assessment_pct", 90, 3),
    DemoTarget("oc2_dental_check_pct", 85, 3),
    DemoTarget("oc2_sdq_completed_pct", 85, 5),
    DemoTarget("placed_outside_la_pct", 40, 5),
    DemoTarget("care_leavers_19_21_eet_pct", 60, 5),
    DemoTarget("care_leavers_19_21_suitable_accom_pct", 90, 3),
    DemoTarget("sw_changes_2plus_pct", 20, 5),
    DemoTarget("peps_completed_pct", 95, 5),
    DemoTarget("camhs_waiting_weeks", 12, 4),
)

# (code, period year, value, numerator, denominator): invented manual figures.
MANUAL_VALUES: tuple[tuple[str, int, float, int | None, int | None], ...] = (
    ("peps_completed_pct", 2024, 91.0, 364, 400),
    ("peps_completed_pct", 2025, 93.5, 374, 400),
    ("peps_completed_pct", 2026, 88.0, 352, 400),
    ("camhs_waiting_weeks", 2025, 18.0, None, None),
    ("camhs_waiting_weeks", 2026, 14.0, None, None),
    ("ks2_rwm_expected_pct", 2024, 38.0, 19, 50),
    ("ks2_rwm_expected_pct", 2025, 41.0, 20, 49),
    ("care_leavers_passport_pct", 2026, 46.0, 115, 250),
)


def ensure_store(path: Path, progress: Callable[[str], None] = lambda _: None) -> list[int]:
    """The years in the store, generating and importing the synthetic council if empty."""
    store = Store(path)
    years = store.years()
    if years:
        return years
    with tempfile.TemporaryDirectory(prefix="careboard-demo-") as scratch:
        folder = Path(scratch)
        manifest = generate(
            SynthRequest(
                children=CHILDREN,
                first_year=FIRST_YEAR,
                last_year=LAST_YEAR,
                seed=SEED,
                out=folder,
            )
        )
        postcodes = str(folder / str(manifest["postcodes"]))
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            progress(f"importing the synthetic {year} return")
            raw = read_return(folder / str(year), year)
            findings = list(raw.findings) + validate_return(raw, year)
            errors = [f for f in findings if f.blocks_import]
            if errors:
                raise DemoStoreError(
                    f"synthetic {year} return has {len(errors)} error(s), e.g. "
                    f"{errors[0].location()}: {errors[0].message}"
                )
            store.load(
                year,
                minimise(raw, key=DEV_KEY, postcodes=postcodes, la=str(manifest["home_la"])),
                warnings=warning_counts(findings, year),
            )
    return store.years()


def _fingerprint(path: Path, codes: list[str]) -> str:
    stat = path.stat()
    return json.dumps([stat.st_size, stat.st_mtime_ns, codes])


def cached_results(path: Path, codes: list[str]) -> Results:
    """The engine's results for every stored year, from the cache beside the store if fresh."""
    cache = path.with_name(path.name + ".demo-results.json")
    fingerprint = _fingerprint(path, codes)
    if cache.exists():
        try:
            saved = json.loads(cache.read_text(encoding="utf-8"))
            if saved.get("fingerprint") == fingerprint:
                return {
                    int(year): {
                        code: IndicatorResult.from_dict(result) for code, result in by_code.items()
                    }
                    for year, by_code in saved["results"].items()
                }
        except (ValueError, KeyError, TypeError):
            pass  # a damaged cache is simply rebuilt
    results = compute_results(path, codes=codes)
    payload = {
        "fingerprint": fingerprint,
        "results": {
            str(year): {code: result.as_dict() for code, result in by_code.items()}
            for year, by_code in results.items()
        },
    }
    partial = cache.with_name(f"{cache.name}.{os.getpid()}")
    partial.write_text(json.dumps(payload), encoding="utf-8")
    os.replace(partial, cache)  # readers see the old cache or the new one, never half
    return results


def load_indicator_values(
    actor: str, progress: Callable[[str], None] = lambda _: None
) -> dict[tuple[str, str], int]:
    """Fill the store if needed, record computed values, targets and manual figures.

    Returns counts of rows written, by (model name, "created"); nothing on a second run.
    """
    counts: dict[tuple[str, str], int] = {}
    path = Path(settings.CAREBOARD_ANALYTICS_STORE)
    ensure_store(path, progress)
    codes = sorted(
        {code for code in CatalogueEntry.objects.values_list("code", flat=True)} & set(REGISTRY)
    )
    progress("computing the indicators")
    report = save_results(cached_results(path, codes), by=actor)
    if report.recorded:
        counts[(IndicatorValue.__name__, "created")] = report.recorded
    entries = {entry.code: entry for entry in CatalogueEntry.objects.filter(plan__slug=PLAN_SLUG)}
    years = sorted(set(Store(path).years()))
    for target in TARGETS:
        entry = entries.get(target.code)
        if entry is None:
            continue
        written = [
            year
            for year in years
            if set_target(
                entry,
                year,
                target.value,
                target.tolerance,
                reason=TARGET_REASON,
                by=actor,
                refresh=False,
            )
        ]
        if written:
            judgements.refresh(entry)
            key = (Target.__name__, "created")
            counts[key] = counts.get(key, 0) + len(written)
    for code, year, value, numerator, denominator in MANUAL_VALUES:
        entry = entries.get(code)
        if entry is None:
            continue
        new = NewValue(value, numerator, denominator, note=ILLUSTRATIVE)
        if enter_value(entry, year, new, source=ValueSource.MANUAL, by=actor):
            key = (IndicatorValue.__name__, "created")
            counts[key] = counts.get(key, 0) + 1
    return counts
