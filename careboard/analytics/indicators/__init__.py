"""The 903-derived KPIs: one module per indicator family, each registered by decorator.

Importing this package registers every indicator in `registry.REGISTRY`. Building blocks:
`periods` (dates, ages, episode chains), `cohorts` (who is counted), `measures` (the result
shape), `groups` (DfE code groupings).
"""

from __future__ import annotations

from careboard.analytics.indicators import (  # noqa: F401  (importing registers them)
    adoption,
    care_leavers,
    health,
    missing,
    placement_location,
    placement_type,
    population,
    social_workers,
    stability,
    starts_and_ceases,
)
from careboard.analytics.indicators.registry import REGISTRY, Indicator, indicator

__all__ = ["REGISTRY", "Indicator", "indicator"]
