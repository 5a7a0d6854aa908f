"""Episodes, one row at a time: codes, dates, placement and provider, URN, postcodes,
legal-status and placement durations (903-schema.md 2.2, 2.13.2-2.13.7, 3.2 E1, E11, E15).
"""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.codes import (
    ADOPTION_PLACEMENTS,
    FOSTER_PLACEMENTS,
    H5_P2_LAST,
    K3_FROM,
    OTHER_PLACEMENTS,
    SHORT_BREAKS,
    TEMPORARY_PLACEMENTS,
)
from careboard.analytics.ssda903.findings import Severity
from careboard.analytics.ssda903.rules.builders import code_rule, date_rule
from careboard.analytics.ssda903.rules.registry import (
    ERROR,
    WARNING,
    RuleContext,
    rule,
    sql_list,
)

code_rule(
    "143",
    "episodes",
    "RNE",
    "Reason for new episode is missing or not a valid code.",
    required=True,
    dfe="143",
)
code_rule(
    "144",
    "episodes",
    "LS",
    "Legal status is missing or not a valid code.",
    required=True,
    dfe="144",
)
code_rule(
    "145",
    "episodes",
    "CIN",
    "Category of need is missing or not a valid code.",
    required=True,
    dfe="145",
)
code_rule(
    "146",
    "episodes",
    "PLACE",
    "Placement type is missing or not a valid code for this year.",
    required=True,
    dfe="146",
)
code_rule(
    "149",
    "episodes",
    "REC",
    "Reason episode ceased is not a valid code for this year.",
    required=False,
    dfe="149",
)
code_rule(
    "1009",
    "episodes",
    "REASON_PLACE_CHANGE",
    "Reason for placement change is not a valid code for this year.",
    required=False,
    dfe="1009",
)
date_rule(
    "141",
    "episodes",
    "DECOM",
    "Date episode started is missing or not a real DD/MM/YYYY date.",
    required=True,
    dfe="141",
)
date_rule(
    "147",
    "episodes",
    "DEC",
    "Date episode ceased is not a real DD/MM/YYYY date.",
    required=False,
    dfe="147",
)

# Placements for which no provider is recorded: temporary moves and "other" placements.
NO_PROVIDER_PLACEMENTS = TEMPORARY_PLACEMENTS | OTHER_PLACEMENTS
# Placements with no Ofsted URN (903-schema.md 3.3, rule 218/222 exemptions).
NO_URN_PLACEMENTS = frozenset({"P1", "P3", "R1", "R2", "R5"}) | NO_PROVIDER_PLACEMENTS
URN_PATTERN = "SC[0-9]{6,7}|[0-9]{6,7}|XXXXXXX"
POSTCODE_PATTERN = "[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}"
SUPPORTED_ACCOMMODATION_DEADLINE = "DATE '2023-10-28'"  # Ofsted registration required


@rule(
    "178",
    tables=["episodes"],
    fields=["PLACE", "PLACE_PROVIDER"],
    dfe="178",
    message="Placement provider is missing or not a valid code (PR0-PR5); it may be blank "
    "only for temporary (T0-T4) and other (Z) placements.",
)
def provider_code(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'PLACE_PROVIDER' AS col, PLACE_PROVIDER AS val FROM episodes
    WHERE (PLACE_PROVIDER IS NOT NULL AND PLACE_PROVIDER NOT IN {ctx.codes("PLACE_PROVIDER")})
       OR (PLACE_PROVIDER IS NULL AND PLACE IS NOT NULL
           AND PLACE NOT IN {sql_list(NO_PROVIDER_PLACEMENTS)})"""


@rule(
    "213",
    tables=["episodes"],
    fields=["PLACE", "PLACE_PROVIDER"],
    dfe="213",
    message="A provider is recorded for a temporary (T0-T4) or other (Z) placement, "
    "which has none.",
)
def provider_for_exempt_placement(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'PLACE_PROVIDER' AS col, PLACE_PROVIDER AS val FROM episodes
    WHERE PLACE_PROVIDER IS NOT NULL AND PLACE IN {sql_list(NO_PROVIDER_PLACEMENTS)}"""


# (rule, provider, placements it may not be used with, message) - 903-schema.md 2.13.5
PROVIDER_EXCLUSIONS: tuple[tuple[str, str, frozenset[str], str], ...] = (
    (
        "527",
        "PR1",
        frozenset({"P1", "R2", "R5"}),
        "Own-LA provision (PR1) cannot be used with placement P1, R2 or R5.",
    ),
    (
        "528",
        "PR2",
        frozenset({"P1", "R2", "R5"}),
        "Other-LA provision (PR2) cannot be used with placement P1, R2 or R5.",
    ),
    (
        "529",
        "PR3",
        frozenset({"P1", "K1", "K2"}) | ADOPTION_PLACEMENTS | FOSTER_PLACEMENTS,
        "Other public provision (PR3) cannot be used with parents, adoption, children's home "
        "or foster placements.",
    ),
    ("530", "PR4", frozenset({"P1"}), "Private provision (PR4) cannot be used with P1."),
    ("531", "PR5", frozenset({"P1"}), "Voluntary provision (PR5) cannot be used with P1."),
)


def _exclusion_rule(rule_id: str, provider: str, places: frozenset[str], message: str) -> None:
    @rule(
        rule_id,
        tables=["episodes"],
        fields=["PLACE", "PLACE_PROVIDER"],
        dfe=rule_id,
        message=message,
    )
    def query(ctx: RuleContext) -> str:
        return f"""SELECT _row, 'PLACE' AS col, PLACE AS val FROM episodes
        WHERE PLACE_PROVIDER = '{provider}' AND PLACE IN {sql_list(places)}"""


for _args in PROVIDER_EXCLUSIONS:
    _exclusion_rule(*_args)


@rule(
    "550",
    tables=["episodes"],
    fields=["PLACE", "PLACE_PROVIDER"],
    dfe="550",
    message="Placement with parents (P1) and provider 'parents' (PR0) go together: one "
    "is recorded without the other.",
)
def parents_provider(ctx: RuleContext) -> str:
    return """SELECT _row, 'PLACE_PROVIDER' AS col, PLACE_PROVIDER AS val FROM episodes
    WHERE (PLACE_PROVIDER = 'PR0') <> (PLACE = 'P1')
      AND PLACE IS NOT NULL AND PLACE_PROVIDER IS NOT NULL"""


@rule(
    "148",
    tables=["episodes"],
    fields=["DEC", "REC"],
    dfe="148",
    message="Date episode ceased and reason episode ceased must both be given or both blank.",
)
def dec_and_rec_together(ctx: RuleContext) -> str:
    return """SELECT _row, CASE WHEN DEC IS NULL THEN 'DEC' ELSE 'REC' END AS col,
        coalesce(DEC, REC) AS val FROM episodes WHERE (DEC IS NULL) <> (REC IS NULL)"""


@rule(
    "353",
    tables=["episodes"],
    fields=["DECOM"],
    dfe="353",
    message="Episode starts before 14 October 1991, when the Children Act 1989 came into force.",
)
def decom_before_1991(ctx: RuleContext) -> str:
    return """SELECT _row, 'DECOM' AS col, DECOM AS val FROM episodes
    WHERE DECOM_D < DATE '1991-10-14'"""


@rule(
    "354",
    tables=["episodes"],
    fields=["DECOM"],
    dfe="354",
    message="Episode starts after the end of the collection year.",
)
def decom_in_future(ctx: RuleContext) -> str:
    return f"SELECT _row, 'DECOM' AS col, DECOM AS val FROM episodes WHERE DECOM_D > {ctx.end}"


@rule(
    "385",
    tables=["episodes"],
    fields=["DEC"],
    dfe="385",
    message="Episode ends after the end of the collection year; leave DEC blank if it was "
    "still open on 31 March.",
)
def dec_in_future(ctx: RuleContext) -> str:
    return f"SELECT _row, 'DEC' AS col, DEC AS val FROM episodes WHERE DEC_D > {ctx.end}"


@rule(
    "356",
    tables=["episodes"],
    fields=["DECOM", "DEC"],
    dfe="356",
    message="Episode ends before it starts.",
)
def dec_before_decom(ctx: RuleContext) -> str:
    return "SELECT _row, 'DEC' AS col, DEC AS val FROM episodes WHERE DEC_D < DECOM_D"


@rule(
    "355",
    tables=["episodes"],
    fields=["DECOM", "DEC"],
    dfe="355",
    severity=WARNING,
    message="Episode ends on the day it starts (less than 24 hours): please check.",
)
def same_day_episode(ctx: RuleContext) -> str:
    return "SELECT _row, 'DEC' AS col, DEC AS val FROM episodes WHERE DEC_D = DECOM_D"


@rule(
    "378",
    tables=["episodes"],
    fields=["LS", "PLACE"],
    dfe="378",
    message="A child accommodated under section 20 (V2) cannot be placed with parents (P1).",
)
def v2_with_parents(ctx: RuleContext) -> str:
    return (
        "SELECT _row, 'PLACE' AS col, PLACE AS val FROM episodes WHERE LS = 'V2' AND PLACE = 'P1'"
    )


@rule(
    "382",
    tables=["episodes"],
    fields=["LS", "PLACE"],
    dfe="382",
    message="A child on a series of short breaks (V3/V4) cannot be in a temporary (T) placement.",
)
def short_break_temporary(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'PLACE' AS col, PLACE AS val FROM episodes
    WHERE LS IN {sql_list(SHORT_BREAKS)} AND PLACE IN {sql_list(TEMPORARY_PLACEMENTS)}"""


@rule(
    "408",
    tables=["episodes"],
    fields=["LS", "PLACE"],
    dfe="408",
    message="Placed for adoption under a placement order (A5/A6) needs legal status E1 "
    "(placement order) or D1 (freeing order).",
)
def a5_a6_need_placement_order(ctx: RuleContext) -> str:
    return """SELECT _row, 'LS' AS col, LS AS val FROM episodes
    WHERE PLACE IN ('A5', 'A6') AND LS NOT IN ('E1', 'D1')"""


@rule(
    "217",
    tables=["episodes"],
    fields=["RNE", "PLACE"],
    dfe="217",
    message="Placed for adoption with current foster carers (A3/A5) must start with reason "
    "S, T or U: the carer stays the same.",
)
def adoption_by_foster_carer_rne(ctx: RuleContext) -> str:
    return """SELECT _row, 'RNE' AS col, RNE AS val FROM episodes
    WHERE PLACE IN ('A3', 'A5') AND RNE NOT IN ('S', 'T', 'U')"""


@rule(
    "217t",
    tables=["episodes"],
    fields=["PLACE", "DEC"],
    dfe="217t",
    years=range(2024, H5_P2_LAST + 1),
    message="Independent living (P2) cannot continue after 28 October 2023: the setting "
    "must be registered supported accommodation.",
)
def p2_after_deadline(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'PLACE' AS col, PLACE AS val FROM episodes
    WHERE PLACE = 'P2' AND (DEC_D IS NULL OR DEC_D > {SUPPORTED_ACCOMMODATION_DEADLINE})"""


@rule(
    "CB-EP-01",
    tables=["episodes"],
    fields=["PLACE", "DECOM"],
    years=range(K3_FROM, 2026),
    message="A semi-independent placement starting in 2024-25 must be recorded as K3 "
    "(registered supported accommodation), not H5.",
)
def new_h5_after_k3(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'PLACE' AS col, PLACE AS val FROM episodes
    WHERE PLACE = 'H5' AND DECOM_D >= {ctx.start}"""


@rule(
    "CB-EP-02",
    tables=["episodes"],
    fields=["URN"],
    message="URN is not an Ofsted URN (6 or 7 digits, optionally after SC) nor XXXXXXX.",
)
def urn_format(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'URN' AS col, URN AS val FROM episodes
    WHERE URN IS NOT NULL AND NOT regexp_full_match(URN, '{URN_PATTERN}')"""


@rule(
    "222",
    tables=["episodes"],
    fields=["PLACE", "URN"],
    dfe="222",
    message="A URN is given for a placement type that Ofsted does not register; leave it "
    "blank (or XXXXXXX).",
)
def urn_for_exempt_placement(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'URN' AS col, URN AS val FROM episodes
    WHERE URN IS NOT NULL AND URN <> 'XXXXXXX' AND PLACE IN {sql_list(NO_URN_PLACEMENTS)}"""


@rule(
    "218",
    tables=["episodes"],
    fields=["PLACE", "URN"],
    dfe="218",
    severity=WARNING,
    message="URN is blank for a placement Ofsted registers (required when the placement "
    "is in England; XXXXXXX for CQC, ISI or adoption agencies).",
)
def urn_missing(ctx: RuleContext) -> str:
    exempt = NO_URN_PLACEMENTS | {"H5", "P2"}
    return f"""SELECT _row, 'URN' AS col, URN AS val FROM episodes
    WHERE URN IS NULL AND PLACE IS NOT NULL AND PLACE NOT IN {sql_list(exempt)}
      AND (DEC_D IS NULL OR DEC_D >= {ctx.start})"""


@rule(
    "392c",
    tables=["episodes"],
    fields=["HOME_POST", "PL_POST"],
    dfe="392c",
    message="Postcode is not in the shape of a UK postcode.",
)
def postcode_shape(ctx: RuleContext) -> str:
    return " UNION ALL ".join(
        f"""SELECT _row, '{c}' AS col, {c} AS val FROM episodes
        WHERE {c} IS NOT NULL AND NOT regexp_full_match({c}, '{POSTCODE_PATTERN}')"""
        for c in ("HOME_POST", "PL_POST")
    )


@rule(
    "392d",
    tables=["episodes"],
    fields=["HOME_POST", "PL_POST", "PLACE"],
    dfe="392d",
    severity=WARNING,
    message="Placement postcode is the same as the home postcode, but the child is not "
    "placed with parents (P1).",
)
def placed_at_home_address(ctx: RuleContext) -> str:
    return """SELECT _row, 'PL_POST' AS col, PL_POST AS val FROM episodes
    WHERE replace(PL_POST, ' ', '') = replace(HOME_POST, ' ', '')
      AND PLACE IS DISTINCT FROM 'P1'"""


# (rule, column, codes, longest allowed days, severity, message) - 903-schema.md 3.2 E15
DURATION_LIMITS: tuple[tuple[str, str, str, int, Severity, str], ...] = (
    ("361", "LS", "L1", 3, ERROR, "Police protection (L1) lasted more than 72 hours."),
    ("362", "LS", "L2", 21, ERROR, "Emergency protection order (L2) lasted more than 21 days."),
    ("363", "LS", "L3", 7, ERROR, "Child assessment order (L3) lasted more than 7 days."),
    (
        "364",
        "LS",
        "J2",
        21,
        WARNING,
        "Accommodation under PACE (J2) lasted more than 21 days: please check.",
    ),
    ("365", "LS", "V3", 17, ERROR, "A single short break (V3) lasted more than 17 days."),
    (
        "375",
        "PLACE",
        "T1",
        42,
        ERROR,
        "Temporary placement in hospital (T1) lasted more than 6 weeks.",
    ),
    (
        "376",
        "PLACE",
        "T3",
        21,
        ERROR,
        "Temporary placement while the foster carer is on holiday (T3) lasted more than 21 days.",
    ),
    (
        "379",
        "PLACE",
        "T4",
        7,
        ERROR,
        "Temporary placement for another reason (T4) lasted more than 7 days.",
    ),
)


def _duration_rule(
    rule_id: str, column: str, code: str, days: int, severity: Severity, message: str
) -> None:
    @rule(
        rule_id,
        tables=["episodes"],
        fields=[column, "DECOM", "DEC"],
        dfe=rule_id,
        severity=severity,
        message=message,
    )
    def query(ctx: RuleContext) -> str:
        return f"""SELECT _row, '{column}' AS col, {column} AS val FROM episodes
        WHERE {column} = '{code}'
          AND date_diff('day', DECOM_D, coalesce(DEC_D, {ctx.end})) > {days}"""


for _limit in DURATION_LIMITS:
    _duration_rule(*_limit)
