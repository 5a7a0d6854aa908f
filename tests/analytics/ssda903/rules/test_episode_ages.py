"""Age limits on episodes (903-schema.md 3.2 E16): age from Header's DOB, at DECOM or DEC."""

from __future__ import annotations

import pytest

from tests.analytics.ssda903.rules.examples import Example, Tables, Whole, tables_of


def child_born(dob: str, **episode: str) -> Tables:
    """One child, born on `dob`, with one episode (line 2 of Episodes)."""
    return tables_of(header=[{"CHILD": "A", "DOB": dob}], episodes=[{"CHILD": "A", **episode}])


AT_DECOM = [("episodes", 2, None)]


def age_case(
    rule: str,
    column: str,
    code: str,
    at: str,
    ok_dob: str,
    bad_dob: str,
    when: str = "01/06/2024",
    year: int = 2025,
) -> Whole:
    """`code` in `column` is fine for a child born on `ok_dob`, not for one born `bad_dob`."""
    return Whole(
        rule,
        ok=child_born(ok_dob, **{column: code, at: when}),
        bad=child_born(bad_dob, **{column: code, at: when}),
        expected=[("episodes", 2, column)],
        year=year,
    )


CASES: list[Example] = [
    # on 1 June 2024: born 1 June 2014 is 10 that day, born 2 June 2014 is still 9
    age_case("358", "LS", "J1", "DECOM", ok_dob="01/06/2014", bad_dob="02/06/2014"),
    age_case("370", "PLACE", "P2", "DECOM", ok_dob="01/06/2008", bad_dob="02/06/2008"),
    # before 2023-24 independent living was allowed from 15
    age_case(
        "370",
        "PLACE",
        "P2",
        "DECOM",
        ok_dob="01/06/2004",
        bad_dob="02/06/2004",
        when="01/06/2019",
        year=2020,
    ),
    age_case("371", "PLACE", "K3", "DECOM", ok_dob="01/06/2008", bad_dob="02/06/2008"),
    age_case("372", "PLACE", "R5", "DECOM", ok_dob="01/06/2014", bad_dob="02/06/2014"),
    age_case("373", "PLACE", "S1", "DECOM", ok_dob="01/06/2020", bad_dob="02/06/2020"),
    age_case("374", "PLACE", "P3", "DECOM", ok_dob="01/06/2010", bad_dob="02/06/2010"),
    # adoption must happen before the 18th birthday
    age_case("386", "REC", "E11", "DEC", ok_dob="02/06/2006", bad_dob="01/06/2006"),
    age_case("387", "REC", "E6", "DEC", ok_dob="01/06/2010", bad_dob="02/06/2010"),
    age_case("389", "REC", "E7", "DEC", ok_dob="01/06/2008", bad_dob="02/06/2008"),
    age_case("407", "REC", "E47", "DEC", ok_dob="02/06/2006", bad_dob="01/06/2006"),
    age_case("460", "REC", "E17", "DEC", ok_dob="01/06/2006", bad_dob="02/06/2006"),
]


@pytest.mark.parametrize("example", CASES, ids=lambda e: f"{e.rule}-{e.year}")
def test_age_rule(example: Example) -> None:
    example.check()


def test_a_29_february_birthday_counts_on_29_february_or_else_1_march():
    # born 29/02/2008: 16 on 29 February 2024; born 29/02/2012: 14 only on 1 March 2026
    Whole(
        "371",
        ok=child_born("29/02/2008", PLACE="K3", DECOM="29/02/2024"),
        bad=child_born("29/02/2008", PLACE="K3", DECOM="28/02/2024"),
        expected=[("episodes", 2, "PLACE")],
    ).check()
    Whole(
        "374",
        ok=child_born("29/02/2012", PLACE="P3", DECOM="01/03/2026"),
        bad=child_born("29/02/2012", PLACE="P3", DECOM="28/02/2026"),
        expected=[("episodes", 2, "PLACE")],
    ).check()
