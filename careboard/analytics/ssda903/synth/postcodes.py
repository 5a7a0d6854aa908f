"""A synthetic postcode directory in the shape of the ONS Postcode Directory (ONSPD).

There is no ONSPD here, so the generator invents its own: real outward codes of the home
council (Wirral, E08000015) and of councils near and far, each with invented inward codes whose
second character is always `Z` (e.g. `CH41 3ZB`), and OS grid references scattered around the
district's rough centre. Columns follow ONSPD: `pcd`, `oseast1m`, `osnrth1m`, `utla`.

Areas are grouped by how far they are from the home council: `home` (inside the LA), `near`
(outside, within about 20 miles of Birkenhead) and `far` (outside, well over 20 miles).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

HOME_LA = "E08000015"  # Wirral

# (upper-tier LA code, outward code, rough easting, rough northing)
_HOME = [
    (HOME_LA, "CH41", 332500, 389500),
    (HOME_LA, "CH42", 332000, 387000),
    (HOME_LA, "CH43", 329000, 388500),
    (HOME_LA, "CH44", 331000, 391500),
    (HOME_LA, "CH45", 330500, 392500),
    (HOME_LA, "CH46", 325500, 390500),
    (HOME_LA, "CH47", 322000, 390000),
    (HOME_LA, "CH48", 322000, 387000),
    (HOME_LA, "CH49", 326000, 388000),
    (HOME_LA, "CH60", 326500, 381500),
    (HOME_LA, "CH61", 327500, 384500),
    (HOME_LA, "CH62", 333000, 382500),
    (HOME_LA, "CH63", 332500, 384000),
]
_NEAR = [
    ("E08000012", "L1", 335000, 390000),
    ("E08000012", "L4", 336500, 394500),
    ("E08000012", "L8", 335500, 388500),
    ("E08000012", "L11", 339000, 395000),
    ("E08000012", "L15", 338500, 389500),
    ("E08000014", "L20", 334000, 396500),
    ("E08000014", "L21", 334000, 398500),
    ("E08000014", "L22", 332000, 399000),
    ("E08000011", "L36", 343000, 392000),
    ("E08000011", "L34", 345000, 394500),
    ("E06000050", "CH1", 340500, 366500),
    ("E06000050", "CH2", 341500, 368500),
    ("E06000050", "CH64", 329500, 376500),
    ("E06000050", "CH65", 340000, 376500),
    ("E06000050", "CH66", 337000, 375500),
    ("E06000006", "WA7", 353000, 381000),
    ("E06000006", "WA8", 351000, 385000),
    ("E08000013", "WA9", 352000, 394000),
    ("E08000013", "WA10", 350000, 395500),
    ("E06000007", "WA1", 360000, 388500),
]
_FAR = [
    ("E08000003", "M1", 384000, 398000),
    ("E08000003", "M14", 385000, 394500),
    ("E10000017", "PR1", 354000, 429500),
    ("E10000017", "BB1", 368000, 428500),
    ("E10000017", "LA1", 347500, 461500),
    ("E06000009", "FY1", 331000, 436000),
    ("E06000049", "CW1", 370500, 355500),
    ("E06000049", "SK11", 391500, 373500),
    ("E06000051", "SY1", 349500, 313000),
    ("E06000021", "ST1", 388500, 347500),
    ("E10000028", "ST16", 392000, 323500),
    ("E08000025", "B1", 406500, 287000),
    ("E08000035", "LS1", 430000, 433500),
    ("E06000063", "CA1", 340500, 556000),
    ("E08000019", "S1", 435500, 387000),
]
_PER_DISTRICT = {"home": 16, "near": 8, "far": 6}
# Letters used in inward codes (ONS never uses C, I, K, M, O, V there).
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXY"
MILES_PER_KM = 1.6093

AREAS = ("home", "near", "far")


@dataclass(frozen=True, slots=True)
class Postcode:
    pcd: str
    easting: int
    northing: int
    utla: str
    area: str  # home / near / far


class PostcodeDirectory:
    """The invented postcodes, grouped by area, with grid references for distances."""

    def __init__(self, postcodes: list[Postcode]) -> None:
        self.postcodes = postcodes
        self.by_code = {p.pcd: p for p in postcodes}
        self.by_area: dict[str, tuple[str, ...]] = {
            area: tuple(p.pcd for p in postcodes if p.area == area) for area in AREAS
        }

    @classmethod
    def generate(cls, rng: np.random.Generator) -> PostcodeDirectory:
        postcodes: list[Postcode] = []
        seen: set[str] = set()
        for area, districts in (("home", _HOME), ("near", _NEAR), ("far", _FAR)):
            for utla, outward, east, north in districts:
                made = 0
                while made < _PER_DISTRICT[area]:
                    digit = int(rng.integers(0, 10))
                    letter = _INWARD_LETTERS[int(rng.integers(0, len(_INWARD_LETTERS)))]
                    pcd = f"{outward} {digit}Z{letter}"
                    if pcd in seen:
                        continue
                    seen.add(pcd)
                    dx, dy = rng.integers(-900, 901, size=2)
                    postcodes.append(Postcode(pcd, east + int(dx), north + int(dy), utla, area))
                    made += 1
        return cls(postcodes)

    def miles_between(self, first: str, second: str) -> float:
        a, b = self.by_code[first], self.by_code[second]
        metres = math.hypot(a.easting - b.easting, a.northing - b.northing)
        return round(metres / 1000 / MILES_PER_KM, 1)

    def is_home_la(self, pcd: str) -> bool:
        return self.by_code[pcd].utla == HOME_LA

    def write_csv(self, path: Path) -> None:
        lines = ["pcd,oseast1m,osnrth1m,utla"]
        lines += [f"{p.pcd},{p.easting},{p.northing},{p.utla}" for p in self.postcodes]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
