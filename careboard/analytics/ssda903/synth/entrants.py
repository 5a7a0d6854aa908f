"""Who comes into care and when: first entries drawn for everyone at once with numpy.

Entry dates, ages and routes out of care (profiles.ROUTES) for every first entry into care in
a window starting 19 years before the first collection year, so that children who came into
care as babies are still there. `worth_building` keeps only those whose care, re-entry or
care-leaver years can reach the returns asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from careboard.analytics.ssda903.synth import profiles as p
from careboard.analytics.ssda903.synth.dates import year_end, year_start

YEAR = 365.25


@dataclass(frozen=True, slots=True)
class Entrants:
    """Everyone who starts a first period of care in the simulated window (vectorised)."""

    entry: np.ndarray
    age_days: np.ndarray
    age_group: np.ndarray  # index into AGE_GROUPS, -1 for UASC
    uasc: np.ndarray
    route: np.ndarray  # index into ROUTES
    planned_days: np.ndarray


def draw_entrants(
    rng: np.random.Generator, children: int, first_year: int, last_year: int
) -> Entrants:
    """Entry dates, ages and routes for every first entry into care that could matter.

    Simulation starts 19 years before the first collection year, so that children who came
    into care as babies are still there; the rate makes about `children` looked after in a year.
    """
    window_start, window_end = year_start(first_year), year_end(last_year)
    sim_start = window_start - int(19 * YEAR)
    days = window_end - sim_start + 1
    per_day = children * p.STARTERS_PER_CHILD_IN_YEAR / YEAR
    total = int(rng.poisson(per_day * days))
    entry = np.sort(sim_start + rng.integers(0, days, size=total))
    uasc = rng.random(total) < p.UASC_SHARE_OF_STARTERS

    weights = np.array(p.AGE_GROUP_WEIGHTS) / sum(p.AGE_GROUP_WEIGHTS)
    age_group = rng.choice(len(p.AGE_GROUPS), size=total, p=weights)
    low = np.array([p.AGE_GROUP_DAYS[g][0] for g in p.AGE_GROUPS])[age_group]
    high = np.array([p.AGE_GROUP_DAYS[g][1] for g in p.AGE_GROUPS])[age_group]
    age_days = low + (rng.random(total) * (high - low)).astype(np.int64)
    uasc_years = rng.choice(
        [int(c) for c in p.UASC_AGE_YEARS.codes],
        size=total,
        p=np.diff((0.0, *p.UASC_AGE_YEARS.cumulative)),
    )
    uasc_age = (uasc_years * YEAR + rng.random(total) * (YEAR - 40)).astype(np.int64)
    age_days = np.where(uasc, uasc_age, age_days)
    age_group = np.where(uasc, -1, age_group)

    route = np.full(total, p.ROUTES.index("uasc"))
    u = rng.random(total)
    for index, group in enumerate(p.AGE_GROUPS):
        table = p.ROUTE_WEIGHTS[group]
        probs = np.array(list(table.values()), dtype=float)
        cumulative = np.cumsum(probs / probs.sum())
        codes = np.array([p.ROUTES.index(r) for r in table])
        mask = age_group == index
        route[mask] = codes[np.minimum(np.searchsorted(cumulative, u[mask]), len(codes) - 1)]

    planned = np.full(total, 30 * 365, dtype=np.int64)  # "long" and "uasc": to age 18
    normal = rng.standard_normal(total)
    for name, (median, sigma) in p.ROUTE_DURATION.items():
        mask = route == p.ROUTES.index(name)
        planned[mask] = np.maximum(1, (median * np.exp(sigma * normal[mask])).astype(np.int64))
    adopt = route == p.ROUTES.index("adopt")
    planned[adopt] = np.maximum(planned[adopt], 300)
    return Entrants(entry, age_days, age_group, uasc, route, planned)


def worth_building(entrants: Entrants, first_year: int) -> np.ndarray:
    """Entrants whose care could reach the window, directly, by re-entry or as care leavers."""
    window_start = year_start(first_year)
    to_18 = (18 * YEAR - entrants.age_days).astype(np.int64)
    end = entrants.entry + np.minimum(entrants.planned_days, to_18)
    age_at_end = entrants.age_days + (end - entrants.entry)
    home = entrants.route == p.ROUTES.index("home")
    return (
        (end >= window_start)
        | (home & (end >= window_start - int(3 * YEAR)))
        | (
            (age_at_end >= 14 * YEAR)
            & (entrants.entry - entrants.age_days + int(21 * YEAR) + 2 >= window_start)
        )
    )
