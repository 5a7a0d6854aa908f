"""Header: one row per child, the child's sex, birth, ethnicity, UPN and motherhood.

903-schema.md 2.1 and 3.3. SEX is 1/2 to 2023-24 and M/F/U from 2024-25 (codes.py).
"""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.codes import SEX_MFU_FROM, YEARS
from careboard.analytics.ssda903.rules.builders import code_rule, date_rule, flags_rule
from careboard.analytics.ssda903.rules.registry import WARNING, RuleContext, rule

# A permanent UPN is a check letter and 12 digits; a temporary one ends in a letter.
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # the 23 letters UPNs use (no I, O, S)
UPN_PATTERN = "[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]"

code_rule(
    "101",
    "header",
    "SEX",
    "Sex is missing or not a valid code for this year.",
    required=True,
    dfe="101",
)
date_rule(
    "102",
    "header",
    "DOB",
    "Date of birth is missing or not a real DD/MM/YYYY date.",
    required=True,
    dfe="102",
)
code_rule(
    "103", "header", "ETHNIC", "Ethnicity is missing or not a valid code.", required=True, dfe="103"
)
flags_rule("CB-HD-01", "header", ("MOTHER",), "MOTHER must be 0, 1 or blank.")
date_rule(
    "CB-HD-02",
    "header",
    "MC_DOB",
    "Date of birth of the mother's child is not a real DD/MM/YYYY date.",
    required=False,
)


@rule(
    "168",
    tables=["header"],
    fields=["UPN"],
    dfe="168",
    message="UPN is missing or not in a valid format: a letter and 12 characters, or "
    "UN1 to UN5 when the UPN is unknown.",
)
def upn_format(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'UPN' AS col, UPN AS val FROM header
    WHERE UPN IS NULL OR NOT (UPN IN ('UN1', 'UN2', 'UN3', 'UN4', 'UN5')
                             OR regexp_full_match(UPN, '{UPN_PATTERN}'))"""


def upn_check_letter_sql(column: str) -> str:
    """SQL for the check letter a UPN in `column` should start with.

    Each of characters 2-13 is weighted by its position (a digit counts as itself, a final
    letter as its place in the 23-letter alphabet, A = 0); the sum modulo 23 picks the
    letter (UK Government data standards catalogue, Unique Pupil Number).
    """
    value = (
        f"CASE WHEN regexp_full_match(substr({column}, i, 1), '[0-9]') "
        f"THEN CAST(substr({column}, i, 1) AS INTEGER) "
        f"ELSE strpos('{UPN_LETTERS}', substr({column}, i, 1)) - 1 END"
    )
    total = f"list_sum(list_transform(range(2, 14), lambda i: i * {value}))"
    return f"substr('{UPN_LETTERS}', CAST({total} % 23 AS INTEGER) + 1, 1)"


@rule(
    "CB-HD-03",
    tables=["header"],
    fields=["UPN"],
    severity=WARNING,
    message="UPN check letter does not match its digits: the UPN is probably mistyped.",
)
def upn_check_letter(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'UPN' AS col, UPN AS val FROM header
    WHERE regexp_full_match(UPN, '{UPN_PATTERN}')
      AND substr(UPN, 1, 1) <> {upn_check_letter_sql("UPN")}"""


@rule(
    "301",
    tables=["header"],
    fields=["DOB"],
    dfe="301",
    message="Date of birth is after the end of the collection year.",
)
def dob_after_year_end(ctx: RuleContext) -> str:
    return f"SELECT _row, 'DOB' AS col, DOB AS val FROM header WHERE DOB_D > {ctx.end}"


@rule(
    "351",
    tables=["header"],
    fields=["DOB"],
    dfe="351",
    message="Child was over 25 at the start of the collection year.",
)
def over_25(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'DOB' AS col, DOB AS val FROM header
    WHERE age_at(DOB_D, {ctx.start}) > 25"""


@rule(
    "232",
    tables=["header"],
    fields=["SEX"],
    dfe="232",
    severity=WARNING,
    years=range(SEX_MFU_FROM, YEARS.stop),
    message="Sex is recorded as U (unknown or indeterminate): please confirm.",
)
def sex_unknown(ctx: RuleContext) -> str:
    return "SELECT _row, 'SEX' AS col, SEX AS val FROM header WHERE SEX = 'U'"


def male(ctx: RuleContext) -> str:
    return "'M'" if ctx.year >= SEX_MFU_FROM else "'1'"


def female(ctx: RuleContext) -> str:
    return "'F'" if ctx.year >= SEX_MFU_FROM else "'2'"


@rule(
    "174",
    tables=["header"],
    fields=["SEX", "MC_DOB"],
    dfe="174",
    message="A male child has a date of birth of a mother's child.",
)
def mother_fields_for_male(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'MC_DOB' AS col, MC_DOB AS val FROM header
    WHERE SEX = {male(ctx)} AND MC_DOB IS NOT NULL"""


@rule(
    "611",
    tables=["header"],
    fields=["MOTHER", "MC_DOB"],
    dfe="611",
    message="Child is recorded as a mother but the date of birth of her child is blank.",
)
def mother_without_child_dob(ctx: RuleContext) -> str:
    return """SELECT _row, 'MC_DOB' AS col, MC_DOB AS val FROM header
    WHERE MOTHER = '1' AND MC_DOB IS NULL"""


@rule(
    "612",
    tables=["header"],
    fields=["MOTHER", "MC_DOB"],
    dfe="612",
    message="Date of birth of the mother's child is given but the child is not recorded "
    "as a mother.",
)
def child_dob_without_mother(ctx: RuleContext) -> str:
    return """SELECT _row, 'MOTHER' AS col, MOTHER AS val FROM header
    WHERE MC_DOB IS NOT NULL AND MOTHER IS DISTINCT FROM '1'"""


@rule(
    "620",
    tables=["header"],
    fields=["DOB", "MC_DOB"],
    dfe="620",
    severity=WARNING,
    message="Mother was under 11 when her child was born: please check both dates.",
)
def mother_too_young(ctx: RuleContext) -> str:
    return """SELECT _row, 'MC_DOB' AS col, MC_DOB AS val FROM header
    WHERE MC_DOB_D >= DOB_D AND age_at(DOB_D, MC_DOB_D) < 11"""


@rule(
    "621",
    tables=["header"],
    fields=["DOB", "MC_DOB"],
    dfe="621",
    message="Date of birth of the mother's child is on or before the mother's own.",
)
def child_born_before_mother(ctx: RuleContext) -> str:
    return """SELECT _row, 'MC_DOB' AS col, MC_DOB AS val FROM header
    WHERE MC_DOB_D <= DOB_D"""


@rule(
    "625",
    tables=["header"],
    fields=["MC_DOB"],
    dfe="625",
    message="Date of birth of the mother's child is after the end of the collection year.",
)
def child_dob_in_future(ctx: RuleContext) -> str:
    return f"SELECT _row, 'MC_DOB' AS col, MC_DOB AS val FROM header WHERE MC_DOB_D > {ctx.end}"


@rule(
    "393",
    tables=["header", "episodes"],
    fields=["SEX", "MOTHER"],
    dfe="393",
    message="MOTHER is blank for a looked-after girl aged 11 or over at 31 March.",
)
def mother_missing_for_girl(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'MOTHER' AS col, MOTHER AS val FROM header h
    WHERE SEX = {female(ctx)} AND MOTHER IS NULL AND age_at(DOB_D, {ctx.end}) >= 11
      AND EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = h.CHILD)"""


@rule(
    "444",
    tables=["header"],
    fields=["UPN"],
    dfe="444",
    years=range(2026, YEARS.stop),
    message="The same UPN is recorded for more than one child.",
)
def duplicate_upn(ctx: RuleContext) -> str:
    return """SELECT _row, 'UPN' AS col, UPN AS val FROM (
        SELECT _row, UPN, row_number() OVER (PARTITION BY UPN ORDER BY _row) AS nth
        FROM header WHERE UPN IS NOT NULL AND UPN NOT LIKE 'UN_') AS u
    WHERE nth > 1"""
