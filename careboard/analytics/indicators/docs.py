"""Generate docs/indicators/ from the registry, so the pages cannot drift from the code.

    python -m careboard.analytics.indicators.docs [docs/indicators]

writes README.md (the index, by strategy priority) and one page per indicator.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from careboard.analytics.indicators import REGISTRY, Indicator
from careboard.analytics.indicators.registry import PRIORITIES

DEFAULT_DIRECTORY = Path("docs/indicators")
GENERATED = (
    "_Generated from the indicator registry by "
    "`python -m careboard.analytics.indicators.docs`; do not edit by hand._"
)
POLARITY = {
    "higher": "higher is better",
    "lower": "lower is better",
    "contextual": "contextual (no better or worse; trend and benchmarks only)",
}
PERIOD = {
    "dfe_year": "DfE year, 1 April to 31 March",
    "academic_year": "academic year",
    "care_leaver_birthday_year": "the year of the care leaver's 17th to 21st birthday "
    "(collection year, 1 April to 31 March)",
}
UNIT = {"count": "children", "percent": "%", "days": "days (mean)", "score": "score (mean)"}


def _returns_needed(indicator: Indicator) -> str:
    if not indicator.years_back:
        return "the year's return"
    before = max(indicator.years_back)
    return (
        f"the year's return and the {before} returns before it"
        if before > 1
        else ("the year's return and the one before it")
    )


def render_page(indicator: Indicator) -> str:
    rows = [
        ("Code", f"`{indicator.code}`"),
        ("Strategy priority", PRIORITIES[indicator.priority]),
        ("Unit", UNIT[indicator.unit]),
        ("Polarity", POLARITY[indicator.polarity]),
        ("Cohort", indicator.cohort),
        ("Period", PERIOD[indicator.period]),
        ("Source fields", ", ".join(f"`{field}`" for field in indicator.source_fields)),
        ("Stored tables read", ", ".join(f"`{name}`" for name in indicator.tables)),
        ("Returns needed", _returns_needed(indicator)),
        ("DfE publication", indicator.dfe_publication),
    ]
    if indicator.first_year is not None:
        first = indicator.first_year
        rows.append(("First year", f"{first - 1}-{str(first)[-2:]}"))
    if indicator.caveat is not None:
        rows.append(("Data-quality caveat", indicator.caveat))
    table = "\n".join(f"| {name} | {value} |" for name, value in rows)
    return (
        f"# {indicator.title}\n\n{indicator.definition}\n\n"
        f"| | |\n|---|---|\n{table}\n\n"
        f"Computed by `{indicator.source_path}`, tested in `{indicator.test_path}`.\n\n"
        f"{GENERATED}\n"
    )


def render_index(indicators: Iterable[Indicator]) -> str:
    by_priority: dict[str, list[Indicator]] = {key: [] for key in PRIORITIES}
    for indicator in indicators:
        by_priority[indicator.priority].append(indicator)
    parts = [
        "# Indicators computed from the SSDA903 return\n",
        "Each page gives the definition, cohort, period, polarity and source fields of one "
        "indicator, and where it is computed and tested.\n",
        "Every indicator is an Ibis expression over the stored, minimised 903 tables, so it "
        "runs on DuckDB and on PySpark; `careboard compute PATH... --year YYYY --json OUT` "
        "computes them all. Each result has an exact numerator, denominator and cohort size "
        "and a value rounded to one decimal place (a count is its numerator). Flags: "
        "`not_derivable` (a table or an earlier year's return it needs is missing, or the "
        "year is before the data item existed), `empty_cohort` (nobody to divide by) and "
        "`data_quality` (some of the cohort carry the caveat named on the page, or validation "
        "warnings in a return the indicator reads concern a field in its source fields; the "
        "result lists those warnings by year, rule, table and column, and its note says how "
        "many). Small numbers are suppressed later, by the disclosure module.\n",
        "To add an indicator: write its definition with the `@indicator` decorator in a module "
        "of `careboard/analytics/indicators/` (import the module in the package's "
        "`__init__.py`), add hand-worked fixture tests to "
        "`tests/analytics/indicators/test_<module>.py`, and regenerate these pages with "
        "`python -m careboard.analytics.indicators.docs`.\n",
    ]
    for key, members in by_priority.items():
        if not members:
            continue
        parts.append(f"## {PRIORITIES[key]}\n")
        parts.append("| Indicator | Code | Unit | Polarity |\n|---|---|---|---|")
        for indicator in sorted(members, key=lambda i: i.code):
            parts.append(
                f"| [{indicator.title}]({indicator.code}.md) | `{indicator.code}` | "
                f"{UNIT[indicator.unit]} | {indicator.polarity} |"
            )
        parts.append("")
    parts.append(GENERATED + "\n")
    return "\n".join(parts)


def render_all(registry: Mapping[str, Indicator] = REGISTRY) -> dict[str, str]:
    """File name -> content for the whole docs/indicators folder."""
    pages = {f"{code}.md": render_page(indicator) for code, indicator in registry.items()}
    return {"README.md": render_index(registry.values()), **pages}


def write(directory: Path = DEFAULT_DIRECTORY) -> list[Path]:
    """Write the pages, removing pages of indicators no longer registered."""
    directory.mkdir(parents=True, exist_ok=True)
    wanted = render_all()
    for stale in directory.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
    written = []
    for name, content in wanted.items():
        path = directory / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIRECTORY
    print(f"wrote {len(write(target))} files to {target}")
