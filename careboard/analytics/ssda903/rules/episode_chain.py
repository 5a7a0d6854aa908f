"""Episode chains: each child's episodes in DECOM order (903-schema.md 3.2, E1-E16).

All rules read `episodes_chain` (rules/prepare.py), where every episode carries its
predecessor's values (`prev_*`), its successor's start (`next_decom`), its place in the
child's chain (`seq` of `n_eps`) and its period-of-care number (`poc`). Findings point at
the later of two episodes that disagree.
"""

# ruff: noqa: S608 - SQL here is built from this package's constants and code lists only;
# cell values never enter a query string (they are read from the registered tables).

from __future__ import annotations

from careboard.analytics.ssda903.codes import (
    FOSTER_PLACEMENTS,
    SHORT_BREAKS,
    TEMPORARY_PLACEMENTS,
    YEARS,
)
from careboard.analytics.ssda903.rules.registry import WARNING, RuleContext, rule, sql_list

TEMPORARY = sql_list(TEMPORARY_PLACEMENTS)

# The previous episode ended with X1 and this one starts on that day: a continuation.
CONTINUES = "prev_rec = 'X1' AND DECOM_D = prev_dec"
LS_CHANGED = "LS IS DISTINCT FROM prev_ls"
PLACEMENT_CHANGED = """(PLACE IS DISTINCT FROM prev_place
    OR PLACE_PROVIDER IS DISTINCT FROM prev_provider OR URN IS DISTINCT FROM prev_urn
    OR PL_POST IS DISTINCT FROM prev_pl_post)"""


@rule(
    "501",
    tables=["episodes"],
    fields=["DECOM", "DEC"],
    dfe="501",
    message="Episode starts before the previous episode ended: episodes overlap.",
)
def overlap(ctx: RuleContext) -> str:
    return """SELECT _row, 'DECOM' AS col, DECOM AS val FROM episodes_chain
    WHERE DECOM_D < prev_dec"""


@rule(
    "142",
    tables=["episodes"],
    fields=["DEC", "REC"],
    dfe="142",
    message="A later episode exists but this one has no end date or reason: only the "
    "child's last episode may be open.",
)
def earlier_episode_open(ctx: RuleContext) -> str:
    return """SELECT _row, CASE WHEN DEC IS NULL THEN 'DEC' ELSE 'REC' END AS col,
        coalesce(DEC, REC) AS val FROM episodes_chain
    WHERE seq < n_eps AND (DEC IS NULL OR REC IS NULL)"""


@rule(
    "388",
    tables=["episodes"],
    fields=["REC"],
    dfe="388",
    message="The child's last episode ends with X1 (a new episode the same day), but no "
    "later episode is recorded.",
)
def last_episode_x1(ctx: RuleContext) -> str:
    return """SELECT _row, 'REC' AS col, REC AS val FROM episodes_chain
    WHERE seq = n_eps AND REC = 'X1'"""


@rule(
    "433",
    tables=["episodes"],
    fields=["DECOM", "DEC", "REC"],
    dfe="433",
    message="The previous episode ended with X1, so this episode should start on that "
    "date, but it starts later.",
)
def gap_after_x1(ctx: RuleContext) -> str:
    return """SELECT _row, 'DECOM' AS col, DECOM AS val FROM episodes_chain
    WHERE prev_rec = 'X1' AND DECOM_D > prev_dec"""


@rule(
    "CB-CH-01",
    tables=["episodes"],
    fields=["DECOM", "REC"],
    message="The previous episode ended the period of care (reason not X1) on the day this "
    "episode starts: it should end with X1, or the new period start later.",
)
def care_ended_same_day(ctx: RuleContext) -> str:
    return """SELECT _row, 'DECOM' AS col, DECOM AS val FROM episodes_chain
    WHERE prev_rec <> 'X1' AND DECOM_D = prev_dec"""


@rule(
    "CB-CH-02",
    tables=["episodes"],
    fields=["RNE"],
    dfe="431, 432",
    message="A period of care must start with reason for new episode S: this episode "
    "starts a new period (after care ended, or first in the year) but its reason is not S.",
)
def period_not_starting_with_s(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'RNE' AS col, RNE AS val FROM episodes_chain
    WHERE RNE <> 'S' AND ((prev_rec IS NOT NULL AND prev_rec <> 'X1')
                          OR (seq = 1 AND DECOM_D >= {ctx.start}))"""


@rule(
    "CB-CH-03",
    tables=["episodes"],
    fields=["RNE", "REC"],
    message="Reason for new episode is S (started to be looked after), but the previous "
    "episode ended with X1, so the child was already looked after.",
)
def s_after_x1(ctx: RuleContext) -> str:
    return """SELECT _row, 'RNE' AS col, RNE AS val FROM episodes_chain
    WHERE RNE = 'S' AND prev_rec = 'X1'"""


@rule(
    "504",
    tables=["episodes"],
    fields=["CIN"],
    dfe="504",
    message="Category of need changes within a period of care; it is recorded once, at "
    "the start of the period.",
)
def cin_changes(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'CIN' AS col, CIN AS val FROM episodes_chain
    WHERE {CONTINUES} AND CIN IS DISTINCT FROM prev_cin"""


@rule(
    "CB-CH-04",
    tables=["episodes"],
    fields=["RNE", "LS", "PLACE"],
    dfe="434-436",
    message="Reason for new episode is L (legal status change only), but the legal status "
    "did not change or the placement did.",
)
def rne_l_mismatch(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'RNE' AS col, RNE AS val FROM episodes_chain
    WHERE {CONTINUES} AND RNE = 'L' AND (NOT {LS_CHANGED} OR {PLACEMENT_CHANGED})"""


@rule(
    "CB-CH-05",
    tables=["episodes"],
    fields=["RNE", "LS", "PLACE"],
    dfe="434-436",
    message="Reason for new episode is P or T (placement change only), but the placement "
    "did not change or the legal status did.",
)
def rne_p_t_mismatch(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'RNE' AS col, RNE AS val FROM episodes_chain
    WHERE {CONTINUES} AND RNE IN ('P', 'T') AND ({LS_CHANGED} OR NOT {PLACEMENT_CHANGED})"""


@rule(
    "CB-CH-06",
    tables=["episodes"],
    fields=["RNE", "LS", "PLACE"],
    dfe="434-436",
    message="Reason for new episode is B or U (legal status and placement change), but "
    "one of them did not change.",
)
def rne_b_u_mismatch(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'RNE' AS col, RNE AS val FROM episodes_chain
    WHERE {CONTINUES} AND RNE IN ('B', 'U')
      AND (NOT {LS_CHANGED} OR NOT {PLACEMENT_CHANGED})"""


@rule(
    "380",
    tables=["episodes"],
    fields=["RNE", "PLACE"],
    dfe="380",
    message="A period of care cannot start in a temporary placement (T0-T4).",
)
def starts_in_temporary(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'PLACE' AS col, PLACE AS val FROM episodes
    WHERE RNE = 'S' AND PLACE IN {TEMPORARY}"""


@rule(
    "381",
    tables=["episodes"],
    fields=["REC", "PLACE"],
    dfe="381",
    message="A period of care cannot end in a temporary placement (T0-T4).",
)
def ends_in_temporary(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'PLACE' AS col, PLACE AS val FROM episodes
    WHERE REC IS NOT NULL AND REC <> 'X1' AND PLACE IN {TEMPORARY}"""


@rule(
    "383",
    tables=["episodes"],
    fields=["PLACE"],
    dfe="383",
    severity=WARNING,
    message="After a temporary placement (T0-T4) the child should return to the placement "
    "they left, but the next placement type differs.",
)
def temporary_not_returning(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'PLACE' AS col, PLACE AS val FROM episodes_chain
    WHERE PLACE IN {TEMPORARY} AND prev_rec = 'X1' AND REC = 'X1'
      AND next_place IS NOT NULL AND next_place IS DISTINCT FROM prev_place"""


@rule(
    "377",
    tables=["episodes"],
    fields=["PLACE", "DECOM"],
    dfe="377",
    message="More than two temporary placements while the foster carer was on holiday "
    "(T3) started in the year.",
)
def too_many_t3(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'PLACE' AS col, PLACE AS val FROM (
        SELECT _row, PLACE,
            row_number() OVER (PARTITION BY CHILD ORDER BY DECOM_D, _row) AS nth
        FROM episodes_chain
        WHERE PLACE = 'T3' AND DECOM_D BETWEEN {ctx.start} AND {ctx.end}) AS t3
    WHERE nth > 2"""


@rule(
    "367",
    tables=["episodes"],
    fields=["LS", "DECOM", "DEC"],
    dfe="367",
    message="Short breaks (V3) add up to more than 75 days in the year.",
)
def short_breaks_over_75_days(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'LS' AS col, LS AS val FROM (
        SELECT _row, LS, sum(days) OVER w AS total, sum(days) OVER w - days AS before
        FROM (SELECT *, date_diff('day', greatest(DECOM_D, {ctx.start}),
                                  least(coalesce(DEC_D, {ctx.end}), {ctx.end})) AS days
              FROM episodes_chain WHERE LS = 'V3') AS breaks
        WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM_D, _row ROWS UNBOUNDED PRECEDING)
    ) AS running WHERE total > 75 AND before <= 75"""


@rule(
    "302",
    tables=["episodes", "header"],
    fields=["DECOM", "DOB"],
    dfe="302",
    message="Episode starts before the child's date of birth.",
)
def starts_before_birth(ctx: RuleContext) -> str:
    return """SELECT e._row, 'DECOM' AS col, e.DECOM AS val
    FROM episodes_chain e WHERE e.DECOM_D < e.dob"""


@rule(
    "352",
    tables=["episodes", "header"],
    fields=["RNE", "DECOM", "DOB"],
    dfe="352",
    message="A period of care starts when the young person is already 18 or over.",
)
def starts_at_18(ctx: RuleContext) -> str:
    return """SELECT e._row, 'DECOM' AS col, e.DECOM AS val
    FROM episodes_chain e WHERE e.RNE = 'S' AND age_at(e.dob, e.DECOM_D) >= 18"""


@rule(
    "359",
    tables=["episodes", "header"],
    fields=["LS", "PLACE", "DEC", "DOB"],
    dfe="359",
    message="Young person is 18 or over on 31 March and still looked after; only "
    "accommodation under section 20 (V2) in a children's home (K2) may continue past 18.",
)
def looked_after_past_18(ctx: RuleContext) -> str:
    return f"""SELECT e._row, 'DEC' AS col, e.DEC AS val
    FROM episodes_chain e
    WHERE e.DEC IS NULL AND age_at(e.dob, {ctx.end}) >= 18
      AND NOT (e.LS = 'V2' AND e.PLACE = 'K2')
      AND e.LS NOT IN {sql_list(SHORT_BREAKS)}"""


@rule(
    "390",
    tables=["episodes"],
    fields=["REC", "PLACE"],
    dfe="390",
    message="Adopted (E11/E12), but the episode that ends was not a placement for adoption "
    "(A3-A6).",
)
def adopted_from_adoption_placement(ctx: RuleContext) -> str:
    return """SELECT _row, 'PLACE' AS col, PLACE AS val FROM episodes
    WHERE REC IN ('E11', 'E12') AND PLACE NOT IN ('A3', 'A4', 'A5', 'A6')"""


@rule(
    "516",
    tables=["episodes"],
    fields=["REC", "PLACE"],
    dfe="516",
    message="Special guardianship to former foster carers (E45/E46), but the episode that "
    "ends was not a foster placement (U1-U6).",
)
def sgo_to_foster_carers(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'PLACE' AS col, PLACE AS val FROM episodes
    WHERE REC IN ('E45', 'E46') AND PLACE NOT IN {sql_list(FOSTER_PLACEMENTS)}"""


@rule(
    "384",
    tables=["episodes"],
    fields=["LS", "PLACE"],
    dfe="384",
    message="A child on a series of short breaks (V3/V4) cannot be in long-term foster care "
    "(U1/U4).",
)
def short_breaks_long_term_fostering(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'PLACE' AS col, PLACE AS val FROM episodes
    WHERE LS IN {sql_list(SHORT_BREAKS)} AND PLACE IN ('U1', 'U4')"""


@rule(
    "225",
    tables=["episodes"],
    fields=["REASON_PLACE_CHANGE", "REC"],
    dfe="225",
    message="The next episode moves the child to a new carer (reason P or B), so this "
    "episode needs a reason for the placement change.",
)
def reason_for_move_missing(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'REASON_PLACE_CHANGE' AS col, REASON_PLACE_CHANGE AS val
    FROM episodes_chain
    WHERE REC = 'X1' AND next_rne IN ('P', 'B') AND REASON_PLACE_CHANGE IS NULL
      AND PLACE NOT IN {TEMPORARY} AND next_place NOT IN {TEMPORARY}"""


@rule(
    "226",
    tables=["episodes"],
    fields=["REASON_PLACE_CHANGE", "PLACE"],
    dfe="226",
    message="No reason for placement change is recorded for a temporary placement (T0-T4).",
)
def reason_for_temporary(ctx: RuleContext) -> str:
    return f"""SELECT _row, 'REASON_PLACE_CHANGE' AS col, REASON_PLACE_CHANGE AS val
    FROM episodes WHERE REASON_PLACE_CHANGE IS NOT NULL AND PLACE IN {TEMPORARY}"""


@rule(
    "233",
    tables=["episodes"],
    fields=["REASON_PLACE_CHANGE", "DEC"],
    dfe="233",
    years=range(2026, YEARS.stop),
    message="A reason for placement change is recorded on an episode that has not ended.",
)
def reason_on_open_episode(ctx: RuleContext) -> str:
    return """SELECT _row, 'REASON_PLACE_CHANGE' AS col, REASON_PLACE_CHANGE AS val
    FROM episodes WHERE REASON_PLACE_CHANGE IS NOT NULL AND DEC IS NULL"""


@rule(
    "234",
    tables=["episodes", "header"],
    fields=["REASON_PLACE_CHANGE", "DEC", "DOB"],
    dfe="234",
    years=range(2026, YEARS.stop),
    message="Custody (CUSTOD) as the reason for a placement change needs the child to be 10 "
    "or over.",
)
def custody_under_10(ctx: RuleContext) -> str:
    return """SELECT e._row, 'REASON_PLACE_CHANGE' AS col, e.REASON_PLACE_CHANGE AS val
    FROM episodes_chain e
    WHERE e.REASON_PLACE_CHANGE = 'CUSTOD' AND age_at(e.dob, e.DEC_D) < 10"""
