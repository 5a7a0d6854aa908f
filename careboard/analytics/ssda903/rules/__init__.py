"""SSDA903 validation rules, one module per theme, registered in `registry`.

`load_all()` imports every theme module so that their rules are registered; the validator
(`careboard.analytics.ssda903.validate`) and the rules document use it.
"""

from __future__ import annotations

import importlib

THEMES: tuple[str, ...] = (
    "header",
    "episodes_fields",
    "episode_ages",
    "episode_chain",
    "uasc",
    "adoption",
    "prev_perm",
    "missing",
    "reviews",
    "oc2",
    "oc3",
    "social_workers",
    "code_years",
    "cross_table",
    "previous_year",
)


def load_all() -> None:
    for theme in THEMES:
        importlib.import_module(f"{__name__}.{theme}")
