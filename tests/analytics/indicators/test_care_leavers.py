"""Care leavers (OC3): counts, in touch, EET, suitable accommodation, HE, apprenticeships."""

import pytest

from tests.analytics.indicators.builders import episode, oc3
from tests.analytics.indicators.conftest import Run

YEAR = 2025  # ages are at 31 March 2025: the age turned on the birthday in the year

LEAVERS = (
    # Aged 17-18
    oc3("A17", "2007-06-01", in_touch="YES", activ="F2", accom="U1"),
    oc3("B18", "2006-05-01", in_touch="NO", activ="0", accom="0"),  # not known: stays
    # C18 was born 1 April 2006: 19 only on 1 April 2025, so 18 in this return.
    oc3("C18", "2006-04-01", in_touch="REFU", activ="G5", accom="S2"),
    oc3("F17", "2007-07-01", in_touch="NREQ", activ="F4", accom="G1"),  # gone abroad
    oc3("G17", "2007-08-01", in_touch="YES", activ="F5", accom="D1"),
    oc3("I17", "2007-09-01", in_touch="YES", activ="P5", accom="E1"),
    episode("I17", "2020-01-01", ls="V3", dec="2020-01-03", rec="E4A", year=2020),
    episode("I17", "2021-01-01", ls="V2", dec="2024-10-01", rec="E5"),  # real care too
    # Left out: died, returned home, short breaks only.
    oc3("D17", "2007-08-01", in_touch="DIED", activ="0", accom="0"),
    oc3("E17", "2007-08-01", in_touch="RHOM", activ="0", accom="0"),
    oc3("H17", "2007-08-01", in_touch="YES", activ="F2", accom="B1"),
    episode("H17", "2020-01-01", ls="V3", dec="2020-01-03", rec="E4A", year=2020),
    # Aged 19-21
    oc3("J19", "2005-06-01", in_touch="YES", activ="F1", accom="U1"),
    oc3("K21", "2003-04-01", in_touch="YES", activ="P1", accom="R2"),  # residence unknown
    oc3("L21", "2003-05-01", in_touch="YES", activ="G6", accom="S2"),
    oc3("N20", "2004-09-01", in_touch="NO", activ="0", accom="0"),
    oc3("Q19", "2005-07-01", in_touch="YES", activ="P4", accom="U1"),
    oc3("O20", "2004-09-01", in_touch="DIED", activ="0", accom="0"),  # left out
    oc3("M22", "2003-03-01", in_touch="YES", activ="F1", accom="U1"),  # 22: too old
    # Another year's return: not this year's cohort.
    oc3("LAST", "2006-06-01", in_touch="YES", activ="F1", accom="U1", year=2024),
)


@pytest.mark.parametrize(
    ("code", "numerator", "denominator", "value"),
    [
        # Cohort 17-18: A17, B18, C18, F17, G17, I17 (DIED, RHOM and V3/V4-only left out).
        ("care_leavers_17_18_count", 6, None, 6.0),
        # In touch = YES; NO, REFU and NREQ stay in the denominator.
        ("care_leavers_17_18_in_touch_pct", 3, 6, 50.0),  # A17, G17, I17
        # EET: F1/P1, F2/P2, F4/P4, F5/P5 (F3/P3 legacy); not known (0) in the denominator.
        ("care_leavers_17_18_eet_pct", 4, 6, 66.7),  # A17, F17, G17, I17
        # ACCOM ending 1 out of the cohort less G/H/R (F17 abroad); ACCOM 0 stays.
        ("care_leavers_17_18_suitable_accom_pct", 3, 5, 60.0),  # A17, G17, I17
        # Cohort 19-21: J19, K21, L21, N20, Q19.
        ("care_leavers_19_21_count", 5, None, 5.0),
        ("care_leavers_19_21_in_touch_pct", 4, 5, 80.0),
        ("care_leavers_19_21_eet_pct", 3, 5, 60.0),  # J19, K21, Q19
        ("care_leavers_19_21_suitable_accom_pct", 2, 4, 50.0),  # J19, Q19; K21 (R) out
        ("care_leavers_19_21_higher_education_pct", 2, 5, 40.0),  # F1 J19, P1 K21
        # Apprenticeship F4/P4 among all care leavers aged 17-21.
        ("care_leavers_apprenticeship_count", 2, 11, 2.0),  # F17, Q19
    ],
)
def test_care_leaver_indicators(
    run: Run, code: str, numerator: int, denominator: int | None, value: float
) -> None:
    result = run(code, *LEAVERS, year=YEAR)
    assert (result.numerator, result.denominator, result.value) == (
        numerator,
        denominator,
        value,
    )


def test_legacy_training_or_employment_codes_count_as_eet(run: Run) -> None:
    # Up to 2020-21 ACTIV F3/P3 meant training or employment (later split into F4/P4 and
    # F5/P5): in EET for those years.
    result = run(
        "care_leavers_17_18_eet_pct",
        oc3("F3", "2002-06-01", activ="F3"),
        oc3("P3", "2002-07-01", activ="P3"),
        oc3("NEET", "2002-08-01", activ="G5"),
        year=2020,
    )
    assert (result.numerator, result.denominator) == (2, 3)


def test_apprenticeships_are_not_derivable_before_2021_22(run: Run) -> None:
    result = run(
        "care_leavers_apprenticeship_count", oc3("F3", "2003-06-01", activ="F3"), year=2021
    )
    assert result.flags == ("not_derivable",)
