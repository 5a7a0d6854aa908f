"""The hard invariants of 903-schema 6.2, checked on generated returns read straight from CSV."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from careboard.analytics.ssda903.synth.upn import CHECK_ALPHABET, check_letter
from careboard.analytics.ssda903.tables import TABLE_COLUMNS
from tests.analytics.ssda903.synth.conftest import read_table

YEARS = range(2016, 2026)
DATE = re.compile(r"^\d{2}/\d{2}/\d{4}$")
FOSTER = {f"U{i}" for i in range(1, 7)}
URN_EXEMPT = {"P1", "P2", "P3", "R1", "R2", "R5", "Z1", "Z11", "Z12", "Z13", "Z14"}


def d(text: str) -> date:
    day, month, year = text.split("/")
    return date(int(year), int(month), int(day))


def age(dob: date, when: date) -> int:
    return when.year - dob.year - ((when.month, when.day) < (dob.month, dob.day))


def episodes_by_child(folder: Path) -> dict[str, list[dict[str, str]]]:
    by_child: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in read_table(folder, "episodes"):
        by_child[row["CHILD"]].append(row)
    return by_child


@pytest.mark.parametrize("year", YEARS)
def test_headers_are_exact_and_dates_have_four_digit_years(ten_years: Path, year: int) -> None:
    for path in sorted((ten_years / str(year)).glob("*.csv")):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert tuple(lines[0].split(",")) == TABLE_COLUMNS[path.stem]
        for line in lines[1:]:
            for cell in line.split(","):
                if "/" in cell and not cell.startswith("zz"):  # DATE_PERM may be partial
                    assert DATE.match(cell), (path.name, cell)


@pytest.mark.parametrize("year", YEARS)
def test_episode_chains(ten_years: Path, year: int) -> None:
    """E1-E9: no overlaps; X1 exactly when the next episode starts that day; S only after a
    gap; CIN constant in a period of care; RNE says what changed (L, P/T, B/U)."""
    for child, rows in episodes_by_child(ten_years / str(year)).items():
        rows.sort(key=lambda r: d(r["DECOM"]))
        for i, row in enumerate(rows):
            if row["DEC"]:
                assert d(row["DECOM"]) < d(row["DEC"]), child
                assert row["REC"], child
            else:
                assert i == len(rows) - 1, child
                assert not row["REC"], child
            if i == 0:
                continue
            before = rows[i - 1]
            assert d(row["DECOM"]) >= d(before["DEC"]), f"overlap for {child}"
            continues = before["DEC"] == row["DECOM"]
            assert (before["REC"] == "X1") == continues, child
            assert (row["RNE"] != "S") == continues, child
            if not continues:
                continue
            assert row["CIN"] == before["CIN"], child
            ls_changed = row["LS"] != before["LS"]
            where = ("PLACE", "PLACE_PROVIDER", "URN", "PL_POST")
            placement_changed = any(row[c] != before[c] for c in where)
            expected = {(True, False): {"L"}, (False, True): {"P", "T"}, (True, True): {"B", "U"}}[
                (ls_changed, placement_changed)
            ]
            assert row["RNE"] in expected, (child, row["RNE"], ls_changed, placement_changed)
            assert bool(before["REASON_PLACE_CHANGE"]) == placement_changed, child


@pytest.mark.parametrize("year", YEARS)
def test_codes_follow_the_year(ten_years: Path, year: int) -> None:
    """903-schema 2.14: SEX 1/2 to 2023-24 then M/F; K3 not H5 from 2024-25; no P2 open
    after 28/10/2023; Z11-Z14 from 2025-26; E45-E48 from 2018-19; F4/F5 from 2021-22."""
    folder = ten_years / str(year)
    sexes = {row["SEX"] for row in read_table(folder, "header")}
    assert sexes <= ({"M", "F"} if year >= 2025 else {"1", "2"})
    episodes = read_table(folder, "episodes")
    places = {row["PLACE"] for row in episodes}
    recs = {row["REC"] for row in episodes}
    if year >= 2025:
        assert "H5" not in places
    else:
        assert "K3" not in places
    if year >= 2026:
        assert "Z1" not in places
    else:
        assert not places & {"Z11", "Z12", "Z13", "Z14"}
    for row in episodes:
        if row["PLACE"] == "P2" and year >= 2024:  # 217t: not open after 28/10/2023
            assert row["DEC"]
            assert d(row["DEC"]) <= date(2023, 10, 28)
    if year >= 2019:
        assert not recs & {"E43", "E44"}
    else:
        assert not recs & {"E45", "E46", "E47", "E48"}
    activ = {row["ACTIV"] for row in read_table(folder, "oc3")}
    if year >= 2022:
        assert not activ & {"F3", "P3"}
    else:
        assert not activ & {"F4", "P4", "F5", "P5"}
    assert (folder / "sw_episodes.csv").exists() == (year >= 2024)


@pytest.mark.parametrize("year", YEARS)
def test_ages_providers_and_urns(ten_years: Path, year: int) -> None:
    """Age limits (358, 370-373, 386, 387, 460), leaving by 18, provider pairs (527-531,
    550), provider blank only for Z1 (178), URN exactly where required (218, 222)."""
    folder = ten_years / str(year)
    dob = {row["CHILD"]: d(row["DOB"]) for row in read_table(folder, "header")}
    for row in read_table(folder, "episodes"):
        child, place, provider = row["CHILD"], row["PLACE"], row["PLACE_PROVIDER"]
        start_age = age(dob[child], d(row["DECOM"]))
        if row["LS"] in {"J1", "J2", "J3"}:
            assert start_age >= 10
        if place in {"P2", "H5", "K3"}:
            assert start_age >= 16
        if place == "S1":
            assert start_age >= 4
        if row["DEC"]:
            born = dob[child]
            assert d(row["DEC"]) <= date(born.year + 18, born.month, born.day)  # 6.2: leave by 18
            end_age = age(dob[child], d(row["DEC"]))
            if row["REC"] in {"E11", "E12"}:
                assert end_age < 18
            if row["REC"] == "E17":
                assert end_age >= 18
            if row["REC"] in {"E5", "E6"}:
                assert end_age >= 14
        assert (provider == "PR0") == (place == "P1")
        if provider in {"PR1", "PR2"}:
            assert place not in {"P1", "R2", "R5"}
        if provider == "PR3":
            assert place not in FOSTER | {"A3", "A4", "A5", "A6", "K1", "K2", "P1"}
        assert (provider == "") == place.startswith("Z1")
        if place in URN_EXEMPT:
            assert row["URN"] in {"", "XXXXXXX"}, row
        else:
            assert re.match(r"^(SC\d{6}|\d{7}|XXXXXXX)$", row["URN"]), row
        if place != "P1":
            assert row["PL_POST"] != row["HOME_POST"]


@pytest.mark.parametrize("year", YEARS[1:])
def test_cardinality_prev_perm_ad1_placed_adoption(ten_years: Path, year: int) -> None:
    """PrevPerm for every starter (630), AD1 for every adoption (601, 602) after an A3-A6
    placement (390), a placement order before A5/A6 (408), a decision for each (551, 523)."""
    folder = ten_years / str(year)
    start, end = date(year - 1, 4, 1), date(year, 3, 31)
    by_child = episodes_by_child(folder)
    starters = {
        c
        for c, rows in by_child.items()
        if any(r["RNE"] == "S" and start <= d(r["DECOM"]) <= end for r in rows)
    }
    assert {row["CHILD"] for row in read_table(folder, "prev_perm")} == starters
    adopted = {c for c, rows in by_child.items() if any(r["REC"] in {"E11", "E12"} for r in rows)}
    ad1 = {row["CHILD"]: row for row in read_table(folder, "ad1")}
    assert set(ad1) == adopted
    decisions = {row["CHILD"]: row for row in read_table(folder, "placed_adoption")}
    for child in adopted:
        last = max(by_child[child], key=lambda r: d(r["DECOM"]))
        assert last["PLACE"] in {"A3", "A4", "A5", "A6"}
        assert ad1[child]["FOSTER_CARE"] == ("1" if last["PLACE"] in {"A3", "A5"} else "0")
        if last["PLACE"] in {"A5", "A6"}:
            assert last["LS"] == "E1"
        assert decisions[child]["DATE_PLACED"] == ad1[child]["DATE_INT"]
        assert d(ad1[child]["DATE_MATCH"]) <= d(last["DECOM"])
    for child, rows in by_child.items():
        if any(r["PLACE"] in {"A3", "A4", "A5", "A6"} or r["LS"] == "E1" for r in rows):
            assert child in decisions


@pytest.mark.parametrize("year", YEARS[1:])
def test_oc2_is_exactly_the_twelve_month_cohort(ten_years: Path, year: int) -> None:
    """4.5: looked after at 31 March and continuously since 1 April; items by age (542,
    545, SDQ 4-16)."""
    folder = ten_years / str(year)
    start, end = date(year - 1, 4, 1), date(year, 3, 31)
    dob = {row["CHILD"]: d(row["DOB"]) for row in read_table(folder, "header")}
    cohort = set()
    for child, rows in episodes_by_child(folder).items():
        open_at_end = any(not r["DEC"] for r in rows)
        broke = any(r["RNE"] == "S" and start < d(r["DECOM"]) for r in rows) or any(
            r["REC"] not in {"", "X1"} for r in rows
        )
        if open_at_end and not broke:
            cohort.add(child)
    oc2 = read_table(folder, "oc2")
    assert {row["CHILD"] for row in oc2} == cohort
    for row in oc2:
        years_old = age(dob[row["CHILD"]], end)
        assert (row["CONVICTED"] != "") == (years_old >= 10)
        assert (row["HEALTH_CHECK"] != "") == (years_old < 5)
        if row["SDQ_SCORE"]:
            assert 4 <= years_old <= 16
            assert not row["SDQ_REASON"]
        else:
            assert row["SDQ_REASON"]
        assert (row["INTERVENTION_RECEIVED"] != "") == (row["SUBSTANCE_MISUSE"] == "1")


@pytest.mark.parametrize("year", YEARS)
def test_oc3_only_for_care_leavers_at_17_to_21(ten_years: Path, year: int) -> None:
    """391, 1007, 1016: a birthday from 17 to 21 in the year, not looked after after it;
    345: in touch means activity and accommodation are known; 344: DIED/RHOM give 0."""
    folder = ten_years / str(year)
    start, end = date(year - 1, 4, 1), date(year, 3, 31)
    dob = {row["CHILD"]: d(row["DOB"]) for row in read_table(folder, "header")}
    by_child = episodes_by_child(folder)
    for row in read_table(folder, "oc3"):
        born = dob[row["CHILD"]]
        birthdays = [date(born.year + n, born.month, born.day) for n in range(17, 22)]
        (birthday,) = [b for b in birthdays if start <= b <= end]
        for episode in by_child.get(row["CHILD"], []):
            assert episode["DEC"]
            assert d(episode["DEC"]) <= birthday
        if row["IN_TOUCH"] == "YES":
            assert row["ACTIV"] != "0"
            assert row["ACCOM"] != "0"
        if row["IN_TOUCH"] in {"DIED", "RHOM"}:
            assert row["ACTIV"] == row["ACCOM"] == "0"


@pytest.mark.parametrize("year", [2024, 2025])
def test_social_worker_episodes(ten_years: Path, year: int) -> None:
    """SWEpisodes for children looked after at 31 March: IDs begin SW (SW02), no overlaps
    (SW08), one open at 31 March (SW17), a successor for each that ends (SW11)."""
    folder = ten_years / str(year)
    at_end = {c for c, rows in episodes_by_child(folder).items() if any(not r["DEC"] for r in rows)}
    by_child: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in read_table(folder, "sw_episodes"):
        assert row["SW_ID"].startswith("SW")
        assert row["SW_REASON"]
        by_child[row["CHILD"]].append(row)
    assert set(by_child) == at_end
    for rows in by_child.values():
        rows.sort(key=lambda r: d(r["SW_DECOM"]))
        assert [r["SW_DEC"] for r in rows].count("") == 1
        assert rows[-1]["SW_DEC"] == ""
        for before, after in itertools.pairwise(rows):
            assert before["SW_DEC"] == after["SW_DECOM"]
            assert before["SW_ID"] != after["SW_ID"]


def test_upn_check_letter_worked_example() -> None:
    """Body 344200024001: 2x3 + 3x4 + 4x4 + 5x2 + 6x0 + 7x0 + 8x0 + 9x2 + 10x4 + 11x0 +
    12x0 + 13x1 = 6+12+16+10+18+40+13 = 115; 115 mod 23 = 0 -> 'A'."""
    assert check_letter("344200024001") == "A"
    # A temporary UPN's final letter counts as its place in the alphabet: 'B' = 1, like the
    # digit 1 it replaces, so the sum is still 115; 'C' = 2 adds 13 more: 128 mod 23 = 13.
    assert check_letter("34420002400B") == "A"
    assert check_letter("34420002400C") == CHECK_ALPHABET[13] == "P"


@pytest.mark.parametrize("year", YEARS)
def test_upns_have_correct_check_letters_or_un_codes(ten_years: Path, year: int) -> None:
    folder = ten_years / str(year)
    end = date(year, 3, 31)
    for row in read_table(folder, "header"):
        upn = row["UPN"]
        if upn.startswith("UN"):
            assert upn in {"UN1", "UN2", "UN3", "UN5"}
            if upn == "UN1":
                assert age(d(row["DOB"]), end) < 5  # rule 209
        else:
            assert re.match(r"^[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]$", upn)
            assert check_letter(upn[1:]) == upn[0]


def test_cross_year_continuity(ten_years: Path) -> None:
    """E13 / rule 502-503: the episode open at 31 March is the first one next year, the same
    in every field (H5 written as K3 from 2024-25, Z1 as Z1x from 2025-26)."""
    carried = 0
    for year in YEARS[:-1]:
        now = {(r["CHILD"], r["DECOM"]): r for r in read_table(ten_years / str(year), "episodes")}
        later = {
            (r["CHILD"], r["DECOM"]): r for r in read_table(ten_years / str(year + 1), "episodes")
        }
        for key, row in now.items():
            if row["DEC"]:
                continue
            carried += 1
            nxt = later[key]
            for column in ("RNE", "LS", "CIN", "PLACE_PROVIDER", "URN", "HOME_POST", "PL_POST"):
                assert nxt[column] == row[column], (key, column)
            place = (
                {"H5": "K3"}.get(row["PLACE"], row["PLACE"]) if year + 1 >= 2025 else row["PLACE"]
            )
            if year + 1 >= 2026 and place == "Z1":
                assert nxt["PLACE"] in {"Z11", "Z12", "Z13", "Z14"}
            else:
                assert nxt["PLACE"] == place
    assert carried > 100
