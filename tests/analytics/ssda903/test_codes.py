"""Code lists by collection year (903-schema.md 2.13, 2.14); years named by their end."""

from __future__ import annotations

import pytest

from careboard.analytics.ssda903.codes import (
    ACCOM,
    CODED_COLUMNS,
    YEARS,
    all_years_codes,
    check_year,
    codes_for,
    years_valid,
)


def test_sex_is_1_2_until_2023_24_and_m_f_u_from_2024_25():
    assert codes_for("SEX", 2024) == {"1", "2"}
    assert codes_for("SEX", 2025) == {"M", "F", "U"}


@pytest.mark.parametrize(
    ("code", "first", "last"),
    [
        ("K3", 2025, 2026),  # registered supported accommodation from 2024-25
        ("H5", 2017, 2025),  # semi-independent living, dropped in 2025-26
        ("P2", 2017, 2025),
        ("Z1", 2017, 2025),  # split into Z11-Z14 in 2025-26
        ("Z13", 2026, 2026),
        ("U4", 2017, 2026),
    ],
)
def test_placement_codes_by_year(code, first, last):
    assert years_valid("PLACE", code) == tuple(range(first, last + 1))


def test_special_guardianship_reasons_split_in_2018_19():
    assert years_valid("REC", "E43") == (2017, 2018)
    assert years_valid("REC", "E47") == tuple(range(2019, 2027))
    assert "CUSTOD" not in codes_for("REASON_PLACE_CHANGE", 2018)
    assert "CUSTOD" in codes_for("REASON_PLACE_CHANGE", 2019)


def test_activity_f3_split_into_f4_and_f5_in_2021_22():
    assert "F3" in codes_for("ACTIV", 2021)
    assert "F3" not in codes_for("ACTIV", 2022)
    assert {"F4", "P4", "F5", "P5"} <= codes_for("ACTIV", 2022)


def test_accommodation_is_a_letter_and_suitability_but_never_suitable_homeless_or_custody():
    assert {"U1", "U2", "S2", "X2", "0"} <= ACCOM
    assert not {"S1", "X1", "A1", "Z3"} & ACCOM
    assert len(ACCOM) == 16 * 2 - 2 + 1


def test_social_worker_reasons_exist_from_2023_24():
    assert codes_for("SW_REASON", 2023) == frozenset()
    assert "LEFTRL" in codes_for("SW_REASON", 2024)


def test_every_coded_column_has_codes_in_every_year_it_applies():
    for column in CODED_COLUMNS:
        assert all_years_codes(column), column
        assert codes_for(column, 2026) or column == "SW_REASON"


def test_years_outside_2017_2026_are_refused():
    assert check_year(2017) == 2017
    assert list(YEARS) == list(range(2017, 2027))
    with pytest.raises(ValueError, match="outside 2017-2026"):
        codes_for("SEX", 2016)
