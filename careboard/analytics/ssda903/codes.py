"""SSDA903 code lists, as valid in each collection year (903-schema.md 2.13 and 2.14).

Years are named by the year the collection ends: 2025 = 1 April 2024 to 31 March 2025.
`codes_for(field, year)` gives the closed list for one column in one year; `all_years_codes`
gives every code the column has ever had, so a validator can tell a code that belongs to
another year (retired, or not yet introduced) from one that never existed.

Where the sources disagree (903-schema.md section 8) we follow the DfE validator except for
its known bugs: K3 is accepted in 2024-25 (the validator's list has it in lower case), H5
and P2 remain listed in 2024-25 and are removed in 2025-26, S1 and X1 are not ACCOM codes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from careboard.analytics.ssda903.tables import FIRST_YEAR, LAST_YEAR, SW_EPISODES_FROM

YEARS: range = range(FIRST_YEAR, LAST_YEAR + 1)

# Year of each change (the collection year in which the new list first applies).
SEX_MFU_FROM = 2025  # 2024-25: M/F/U replaces 1/2 (rule 101 rewritten)
K3_FROM = 2025  # registered supported accommodation
H5_P2_LAST = 2025  # H5 and P2 dropped from 2025-26
Z1_SPLIT_FROM = 2026  # Z1 replaced by Z11-Z14
SGO_SPLIT_FROM = 2019  # 2018-19: E43/E44 replaced by E45-E48; CUSTOD added
ACTIV_SPLIT_FROM = 2022  # 2021-22: F3/P3 replaced by F4/P4 and F5/P5

ETHNIC = frozenset(
    [
        "WBRI",
        "WIRI",
        "WOTH",
        "WIRT",
        "WROM",
        "MWBC",
        "MWBA",
        "MWAS",
        "MOTH",
        "AIND",
        "APKN",
        "ABAN",
        "AOTH",
        "BCRB",
        "BAFR",
        "BOTH",
        "CHNE",
        "OOTH",
        "REFU",
        "NOBT",
    ]
)
RNE = frozenset(["S", "L", "P", "T", "B", "U"])
LS = frozenset(["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"])
CIN = frozenset(f"N{i}" for i in range(1, 9))
PLACE_PROVIDER = frozenset(f"PR{i}" for i in range(6))
REVIEW_CODE = frozenset(f"PN{i}" for i in range(8))
SDQ_REASON = frozenset(f"SDQ{i}" for i in range(1, 6))
IN_TOUCH = frozenset(["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"])
MISSING = frozenset({"M", "A"})
PREV_PERM = frozenset(["P1", "P2", "P3", "P4", "Z1"])
REASON_PLACED_CEASED = frozenset(["RD1", "RD2", "RD3", "RD4"])
SEX_ADOPTR = frozenset(["M1", "F1", "MM", "FF", "MF"])
LS_ADOPTR = frozenset(["L0", "L11", "L12", "L2", "L3", "L4"])
NB_ADOPTR = frozenset({"1", "2"})
FLAG = frozenset({"0", "1"})
UPN_UNKNOWN = frozenset(f"UN{i}" for i in range(1, 6))
SW_REASON = frozenset(
    [
        "MANAGE",
        "FCONTA",
        "LEFTRL",
        "ORGRST",
        "TSPROC",
        "ABSENC",
        "CHCHAN",
        "PCCHAN",
        "SWDIED",
        "OTHERS",
    ]
)
# ACCOM: a type letter plus 1 (suitable) or 2 (not suitable), or 0; homelessness (S) and
# custody (X) can only be unsuitable.
ACCOM = frozenset(
    {f"{letter}{digit}" for letter in "BCDEGHKRSTUVWXYZ" for digit in "12"} - {"S1", "X1"}
) | {"0"}

_PLACE_ALWAYS = frozenset(
    [
        "A3",
        "A4",
        "A5",
        "A6",
        "K1",
        "K2",
        "P1",
        "P3",
        "R1",
        "R2",
        "R3",
        "R5",
        "S1",
        "T0",
        "T1",
        "T2",
        "T3",
        "T4",
        "U1",
        "U2",
        "U3",
        "U4",
        "U5",
        "U6",
    ]
)
TEMPORARY_PLACEMENTS = frozenset(["T0", "T1", "T2", "T3", "T4"])
OTHER_PLACEMENTS = frozenset(["Z1", "Z11", "Z12", "Z13", "Z14"])
ADOPTION_PLACEMENTS = frozenset(["A3", "A4", "A5", "A6"])
FOSTER_PLACEMENTS = frozenset(["U1", "U2", "U3", "U4", "U5", "U6"])
SHORT_BREAKS = frozenset({"V3", "V4"})


def _sex(year: int) -> frozenset[str]:
    return frozenset({"M", "F", "U"}) if year >= SEX_MFU_FROM else frozenset({"1", "2"})


def _place(year: int) -> frozenset[str]:
    codes = set(_PLACE_ALWAYS)
    if year <= H5_P2_LAST:
        codes |= {"H5", "P2"}
    if year >= K3_FROM:
        codes.add("K3")
    codes |= {"Z11", "Z12", "Z13", "Z14"} if year >= Z1_SPLIT_FROM else {"Z1"}
    return frozenset(codes)


def _rec(year: int) -> frozenset[str]:
    codes = set(
        [
            "X1",
            "E11",
            "E12",
            "E2",
            "E3",
            "E4A",
            "E4B",
            "E13",
            "E41",
            "E5",
            "E6",
            "E7",
            "E9",
            "E14",
            "E15",
            "E16",
            "E17",
            "E8",
        ]
    )
    codes |= {"E45", "E46", "E47", "E48"} if year >= SGO_SPLIT_FROM else {"E43", "E44"}
    return frozenset(codes)


def _reason_place_change(year: int) -> frozenset[str]:
    codes = set(
        [
            "CARPL",
            "CLOSE",
            "ALLEG",
            "STAND",
            "APPRR",
            "CREQB",
            "CREQO",
            "CHILD",
            "LAREQ",
            "PLACE",
            "OTHER",
        ]
    )
    if year >= SGO_SPLIT_FROM:
        codes.add("CUSTOD")
    return frozenset(codes)


def _activ(year: int) -> frozenset[str]:
    codes = {"F1", "P1", "F2", "P2", "G4", "G5", "G6", "0"}
    codes |= {"F4", "P4", "F5", "P5"} if year >= ACTIV_SPLIT_FROM else {"F3", "P3"}
    return frozenset(codes)


def _sw_reason(year: int) -> frozenset[str]:
    return SW_REASON if year >= SW_EPISODES_FROM else frozenset()


def _constant(codes: frozenset[str]) -> Callable[[int], frozenset[str]]:
    return lambda _year: codes


# One entry per coded column (column names as in the CSV headers).
_CODE_LISTS: dict[str, Callable[[int], frozenset[str]]] = {
    "SEX": _sex,
    "ETHNIC": _constant(ETHNIC),
    "RNE": _constant(RNE),
    "LS": _constant(LS),
    "CIN": _constant(CIN),
    "PLACE": _place,
    "PLACE_PROVIDER": _constant(PLACE_PROVIDER),
    "REC": _rec,
    "REASON_PLACE_CHANGE": _reason_place_change,
    "REVIEW_CODE": _constant(REVIEW_CODE),
    "SDQ_REASON": _constant(SDQ_REASON),
    "IN_TOUCH": _constant(IN_TOUCH),
    "ACTIV": _activ,
    "ACCOM": _constant(ACCOM),
    "MISSING": _constant(MISSING),
    "PREV_PERM": _constant(PREV_PERM),
    "REASON_PLACED_CEASED": _constant(REASON_PLACED_CEASED),
    "SEX_ADOPTR": _constant(SEX_ADOPTR),
    "LS_ADOPTR": _constant(LS_ADOPTR),
    "NB_ADOPTR": _constant(NB_ADOPTR),
    "SW_REASON": _sw_reason,
}

CODED_COLUMNS: tuple[str, ...] = tuple(_CODE_LISTS)


def check_year(year: int) -> int:
    """Return `year` if careboard knows its code lists, else raise ValueError."""
    if year not in YEARS:
        raise ValueError(
            f"collection year {year} is outside {FIRST_YEAR}-{LAST_YEAR} "
            "(years are named by the year the collection ends)"
        )
    return year


@cache
def codes_for(column: str, year: int) -> frozenset[str]:
    """The codes valid for `column` in collection `year`."""
    return _CODE_LISTS[column](check_year(year))


@cache
def all_years_codes(column: str) -> frozenset[str]:
    """Every code `column` has had in any collection year careboard reads."""
    return frozenset().union(*(_CODE_LISTS[column](year) for year in YEARS))


def years_valid(column: str, code: str) -> tuple[int, ...]:
    """The collection years in which `code` is valid for `column` (empty if never)."""
    return tuple(year for year in YEARS if code in codes_for(column, year))
