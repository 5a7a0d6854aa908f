"""Which of the reference 903 validator's rules careboard's validator covers.

    python -m bench.validation_coverage            # rewrites docs/903-validation-coverage.md

The reference list is the rule pack the DfE-endorsed `csc-validator-be-903` registers for
the 2024-25 collection (read from the installed package in `bench/.venvs/`, see
`bench.d2i_validator`). careboard's side is the `dfe` number(s) each of its rules declares
(careboard/analytics/ssda903/rules). A reference code counts as covered when:

* careboard names the same code (case aside; ranges such as `202-208` or `503A-503J` are
  spelled out), or
* the same code without the reference's stage suffix (`SW06STG2` -> `SW06`), or
* the code's family: the reference splits some rules into lettered parts (`205A`-`205D`)
  where careboard names the number (`205`); these are listed as family matches so a reader
  can check them.

Themes follow the tables a reference rule reads: a rule reading a table besides Header and
Episodes belongs to that table; the last year's tables, and the Ofsted provider lists, have
themes of their own.
"""

from __future__ import annotations

import re
import string
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bench import d2i_validator

YEAR = 2025
DOC = Path(__file__).resolve().parent.parent / "docs" / "903-validation-coverage.md"
STAGE = re.compile(r"STG\d$")
PART = re.compile(r"[A-Z]+$")
CODE = re.compile(r"^(\D*)(\d+)(\D*)$")

THEMES = {
    "HEADER": "Header (child's details)",
    "EPISODES": "Episodes",
    "UASC": "UASC",
    "AD1": "Adoption (AD1)",
    "PLACEDADOPTION": "Placed for adoption",
    "PREVPERM": "Previous permanence",
    "MISSING": "Missing",
    "REVIEWS": "Reviews",
    "OC2": "OC2 (outcomes, 12 months in care)",
    "OC2S": "OC2 (outcomes, 12 months in care)",
    "OC3": "OC3 (care leavers)",
    "SWEPISODES": "Social worker episodes",
}
PREVIOUS_YEAR = "Compared with last year's return"
PROVIDERS = "Ofsted provider lists (URN look-ups)"
SEVERAL = "Across several tables"


@dataclass(frozen=True)
class ReferenceRule:
    code: str
    message: str
    tables: tuple[str, ...]

    @property
    def theme(self) -> str:
        names = [t.upper().replace(" ", "") for t in self.tables]
        if "PROVIDERINFO" in names:
            return PROVIDERS
        if any(name.endswith("_LAST") for name in names):
            return PREVIOUS_YEAR
        if self.code.upper().startswith("SW"):
            return THEMES["SWEPISODES"]
        others = {THEMES.get(n, n) for n in names if n not in ("HEADER", "EPISODES")}
        if len(others) == 1:
            return others.pop()
        if others:
            return SEVERAL
        return THEMES["EPISODES"] if "EPISODES" in names else THEMES["HEADER"]


def expand(numbers: str) -> set[str]:
    """careboard's `dfe` text as single codes: "202-208, 503A-503C" -> 202, ..., 503C."""
    codes: set[str] = set()
    for part in numbers.split(","):
        token = part.strip().upper()
        if not token:
            continue
        first, dash, last = token.partition("-")
        if not dash:
            codes.add(token)
            continue
        low, high = CODE.match(first), CODE.match(last)
        if low is None or high is None:
            codes.update({first, last})
        elif low.group(2) == high.group(2):  # lettered parts: 503A-503J, SW16A-SW16C
            letters = string.ascii_uppercase
            start, stop = letters.index(low.group(3)), letters.index(high.group(3))
            codes.update(f"{low.group(1)}{low.group(2)}{c}" for c in letters[start : stop + 1])
        else:
            width = len(low.group(2))
            for number in range(int(low.group(2)), int(high.group(2)) + 1):
                codes.add(f"{low.group(1)}{number:0{width}d}{low.group(3)}")
    return codes


def careboard_codes() -> dict[str, list[str]]:
    """DfE code -> the careboard rule ids that implement it."""
    from careboard.analytics.ssda903.rules.registry import all_rules

    found: dict[str, list[str]] = defaultdict(list)
    for rule in all_rules():
        for code in expand(rule.dfe or ""):
            found[code].append(rule.id)
    return dict(found)


def match(code: str, ours: dict[str, list[str]]) -> tuple[str, str] | None:
    """(how, careboard code) when careboard covers the reference `code`, else None."""
    upper = code.upper()
    if upper in ours:
        return "same code", upper
    unstaged = STAGE.sub("", upper)
    if unstaged in ours:
        return "same code without the stage suffix", unstaged
    family = PART.sub("", unstaged)
    if family != unstaged and family in ours:
        return "family", family
    return None


def _rows(rules: Iterable[ReferenceRule], ours: dict[str, list[str]]) -> list[str]:
    return [
        f"| {r.code} | {r.message.replace('|', '/')} | "
        f"{'' if (m := match(r.code, ours)) is None else m[1]} |"
        for r in rules
    ]


def render(reference: list[ReferenceRule], ours: dict[str, list[str]], own_rules: int = 0) -> str:
    covered = [r for r in reference if match(r.code, ours)]
    missing = [r for r in reference if not match(r.code, ours)]
    families = [r for r in covered if (m := match(r.code, ours)) and m[0] == "family"]
    themes = sorted({r.theme for r in reference})
    referenced = {
        m[1] for r in reference if (m := match(r.code, ours)) is not None
    }  # careboard codes the reference pack uses
    ours_only = sorted(set(ours) - referenced, key=lambda c: (len(c), c))
    lines = [
        "# 903 validation: careboard's rules against the reference validator",
        "",
        "Generated by `python -m bench.validation_coverage`; do not edit by hand.",
        "",
        f"The reference is the rule pack `{d2i_validator.ruleset(YEAR)}` (the 2024-25 "
        f"collection) of `{d2i_validator.PACKAGE}` {d2i_validator.VERSION}, the DfE-endorsed "
        "open-source 903 validator, read from the installed package. careboard's side is the "
        "DfE rule number(s) each careboard rule declares. A reference rule is covered when "
        "careboard declares the same code, the same code without the reference's stage "
        "suffix (`SW06STG2` is careboard's `SW06`), or the code's family (the reference's "
        "`205A`-`205D` against careboard's `205`; listed below so they can be checked).",
        "",
        f"**{len(covered)} of {len(reference)} reference rules are covered; "
        f"{len(missing)} are not.** ({len(families)} of the covered ones by family.) "
        f"careboard also has {own_rules} rules of its own with no DfE number.",
        "",
        "| theme | reference rules | covered | not covered |",
        "| --- | ---: | ---: | ---: |",
    ]
    for theme in themes:
        in_theme = [r for r in reference if r.theme == theme]
        done = sum(1 for r in in_theme if match(r.code, ours))
        lines.append(f"| {theme} | {len(in_theme)} | {done} | {len(in_theme) - done} |")
    lines += [
        f"| **all** | **{len(reference)}** | **{len(covered)}** | **{len(missing)}** |",
        "",
        "## Not covered, by theme",
        "",
    ]
    for theme in themes:
        in_theme = [r for r in missing if r.theme == theme]
        if not in_theme:
            continue
        lines += [f"### {theme} ({len(in_theme)})", "", "| code | reference message |"]
        lines.append("| --- | --- |")
        lines += [f"| {r.code} | {r.message.replace('|', '/')} |" for r in in_theme]
        lines.append("")
    lines += [
        "## Covered by family (check these)",
        "",
        "| reference code | reference message | careboard code |",
        "| --- | --- | --- |",
        *_rows(families, ours),
        "",
        "## careboard DfE codes that are not in the reference's 2024-25 pack",
        "",
        "Rules the reference has deleted for 2024-25, or numbers it does not use: "
        + (", ".join(ours_only) if ours_only else "none")
        + ".",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    listed = d2i_validator.rules(YEAR)
    reference = sorted(
        (
            ReferenceRule(
                str(item["code"]),
                " ".join(str(item["message"]).split()),
                tuple(str(t) for t in item["tables"]),  # type: ignore[attr-defined]
            )
            for item in listed
        ),
        key=lambda r: (not r.code[:1].isdigit(), len(r.code.rstrip(string.ascii_letters)), r.code),
    )
    from careboard.analytics.ssda903.rules.registry import all_rules

    own_rules = sum(1 for rule in all_rules() if not rule.dfe)
    DOC.write_text(render(reference, careboard_codes(), own_rules), encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
