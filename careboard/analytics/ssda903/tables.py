"""The SSDA903 tables as they arrive: each table's canonical name and its CSV header columns.

A CSV file is recognised by its header row (the set of columns, in any order), never by its
file name (903-schema.md 1.4). No table's column set is a subset of another's.
"""

from __future__ import annotations

# fmt: off
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "header": ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    "episodes": (
        "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
        "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN",
    ),
    "uasc": ("CHILD", "SEX", "DOB", "DUC"),
    "ad1": (
        "CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
        "LS_ADOPTR",
    ),
    "placed_adoption": (
        "CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED",
    ),
    "prev_perm": ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
    "missing": ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
    "reviews": ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    "oc2": (
        "CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
        "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED",
    ),
    "oc3": ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    "sw_episodes": ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
}
# fmt: on

# Names people know the tables by (DfE guide, liia-tools), for messages.
TABLE_TITLES: dict[str, str] = {
    "header": "Header",
    "episodes": "Episodes",
    "uasc": "UASC",
    "ad1": "AD1 (adoptions)",
    "placed_adoption": "PlacedAdoption",
    "prev_perm": "PrevPerm",
    "missing": "Missing",
    "reviews": "Reviews",
    "oc2": "OC2 (outcomes, 12-month cohort)",
    "oc3": "OC3 (care leavers)",
    "sw_episodes": "SWEpisodes (social workers)",
}

# Collection years careboard reads, named by the year they end (2017 = 2016-17).
FIRST_YEAR = 2017
LAST_YEAR = 2026
SW_EPISODES_FROM = 2024  # SWEpisodes table added in 2023-24

# The row-number column the reader adds to every raw table (line in the source file).
ROW = "_row"
