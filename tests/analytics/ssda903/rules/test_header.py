"""Header rules (903-schema.md 2.1): each example shows a passing and a failing Header."""

from __future__ import annotations

import pytest

from tests.analytics.ssda903.rules.examples import (
    Cells,
    Example,
    Whole,
    clean_return,
    edit,
    tables_of,
)

H = "header"
CASES: list[Example] = [
    # 101: SEX is M/F/U from 2024-25, 1/2 before; blank always fails
    Cells("101", H, "SEX", ok=[{"SEX": "M"}, {"SEX": "U"}], bad=[{"SEX": "X"}, {"SEX": None}]),
    Cells("101", H, "SEX", ok=[{"SEX": "1"}, {"SEX": "2"}], bad=[{"SEX": "3"}], year=2020),
    # 102: impossible dates and 2-digit years are not dates
    Cells(
        "102",
        H,
        "DOB",
        ok=[{"DOB": "29/02/2012"}, {"DOB": "1/4/2012"}],
        bad=[{"DOB": "31/02/2012"}, {"DOB": "01/04/12"}, {"DOB": "2012-04-01"}, {"DOB": None}],
    ),
    Cells(
        "103",
        H,
        "ETHNIC",
        ok=[{"ETHNIC": "WBRI"}, {"ETHNIC": "NOBT"}],
        bad=[{"ETHNIC": "WHITE"}, {"ETHNIC": None}],
    ),
    Cells(
        "CB-HD-01", H, "MOTHER", ok=[{"MOTHER": "0"}, {"MOTHER": "1"}, {}], bad=[{"MOTHER": "Y"}]
    ),
    Cells(
        "CB-HD-02", H, "MC_DOB", ok=[{"MC_DOB": "01/01/2024"}, {}], bad=[{"MC_DOB": "32/01/2024"}]
    ),
    # 168: a check letter and 12 characters, or UN1-UN5 (I, O and S are never used)
    Cells(
        "168",
        H,
        "UPN",
        ok=[{"UPN": "L201234567890"}, {"UPN": "UN4"}],
        bad=[{"UPN": "I201234567890"}, {"UPN": "L20123456789"}, {"UPN": "UN6"}, {"UPN": None}],
    ),
    # CB-HD-03: L201234567890's check letter is L (sum of position x digit, modulo 23)
    Cells(
        "CB-HD-03",
        H,
        "UPN",
        ok=[{"UPN": "L201234567890"}, {"UPN": "N30123456789A"}],
        bad=[{"UPN": "M201234567890"}, {"UPN": "L201234567809"}],
    ),
    Cells("301", H, "DOB", ok=[{"DOB": "31/03/2025"}], bad=[{"DOB": "01/04/2025"}]),
    # 351: 25 at the start of 2024-25 is fine, 26 is not
    Cells("351", H, "DOB", ok=[{"DOB": "01/04/1999"}], bad=[{"DOB": "31/03/1998"}]),
    Cells("232", H, "SEX", ok=[{"SEX": "F"}], bad=[{"SEX": "U"}]),
    Cells(
        "174",
        H,
        "MC_DOB",
        ok=[{"SEX": "F", "MC_DOB": "01/01/2024"}, {"SEX": "M"}],
        bad=[{"SEX": "M", "MC_DOB": "01/01/2024"}],
    ),
    Cells(
        "174",
        H,
        "MC_DOB",
        ok=[{"SEX": "2", "MC_DOB": "01/01/2020"}],
        bad=[{"SEX": "1", "MC_DOB": "01/01/2020"}],
        year=2021,
    ),
    Cells(
        "611",
        H,
        "MC_DOB",
        ok=[{"MOTHER": "1", "MC_DOB": "01/01/2024"}, {"MOTHER": "0"}],
        bad=[{"MOTHER": "1"}],
    ),
    Cells(
        "612",
        H,
        "MOTHER",
        ok=[{"MOTHER": "1", "MC_DOB": "01/01/2024"}],
        bad=[{"MOTHER": "0", "MC_DOB": "01/01/2024"}, {"MC_DOB": "01/01/2024"}],
    ),
    # 620: a mother of 10 is queried, 15 is not
    Cells(
        "620",
        H,
        "MC_DOB",
        ok=[{"DOB": "01/05/2008", "MC_DOB": "01/06/2023"}],
        bad=[{"DOB": "01/05/2008", "MC_DOB": "01/04/2019"}],
    ),
    Cells(
        "621",
        H,
        "MC_DOB",
        ok=[{"DOB": "01/05/2008", "MC_DOB": "01/06/2023"}],
        bad=[{"DOB": "01/05/2008", "MC_DOB": "01/05/2008"}],
    ),
    Cells("625", H, "MC_DOB", ok=[{"MC_DOB": "31/03/2025"}], bad=[{"MC_DOB": "01/04/2025"}]),
    # 444 (from 2025-26): one UPN per child; the unknown codes UN1-UN5 may repeat
    Cells(
        "444",
        H,
        "UPN",
        ok=[{"UPN": "L201234567890"}, {"UPN": "UN1"}, {"UPN": "UN1"}],
        bad=[],
        year=2026,
    ),
    Whole(
        "444",
        ok=tables_of(header=[{"CHILD": "A", "UPN": "UN2"}, {"CHILD": "B", "UPN": "UN2"}]),
        bad=tables_of(
            header=[{"CHILD": "A", "UPN": "L201234567890"}, {"CHILD": "B", "UPN": "L201234567890"}]
        ),
        expected=[(H, 3, "UPN")],
        year=2026,
    ),
    # 393: a looked-after girl of 11+ needs MOTHER; C3 is not in Episodes, C4 is 4
    Whole(
        "393",
        ok=clean_return(),
        bad=edit(clean_return(), H, 2, SEX="F"),
        expected=[(H, 2, "MOTHER")],
    ),
]


@pytest.mark.parametrize("example", CASES, ids=lambda e: f"{e.rule}-{e.year}")
def test_header_rule(example: Example) -> None:
    example.check()
