"""The shape of the minimised 903 tables in the analytics store: the contract between
import (reader -> validator -> minimise -> store) and the indicators.

Every stored table has `child` (keyed HMAC pseudonym of CHILD) and `year` (the collection
year, named by the year it ends: 2025 = 1 April 2024 to 31 March 2025). Names are the 903
column names in lower case. Dropped at import: UPN, MC_DOB, postcodes, URN, free text.
`dob` is moved to the first of its month. Dates are DATE, codes VARCHAR, 0/1 flags and
scores INTEGER.

Multi-year history: each table is de-duplicated on its key, later returns winning. An
episode's `dec` may therefore lie after the year being computed (it ended in a later
return): indicators must treat `dec > 31 March of year` as open at 31 March.
"""

from __future__ import annotations

# fmt: off
STORED_TABLES: dict[str, dict[str, str]] = {
    "header": {
        "child": "VARCHAR", "sex": "VARCHAR", "dob": "DATE", "ethnic": "VARCHAR",
        "is_mother": "BOOLEAN", "upn_known": "BOOLEAN", "year": "INTEGER",
    },
    "episodes": {
        "child": "VARCHAR", "decom": "DATE", "rne": "VARCHAR", "ls": "VARCHAR",
        "cin": "VARCHAR", "place": "VARCHAR", "place_provider": "VARCHAR", "dec": "DATE",
        "rec": "VARCHAR", "reason_place_change": "VARCHAR",
        "pl_location": "VARCHAR",  # IN / OUT of the responsible LA; NULL when unknown
        "pl_distance": "DOUBLE",  # miles, 1 dp; NULL when unknown (UASC, no postcode)
        "year": "INTEGER",
    },
    "uasc": {"child": "VARCHAR", "dob": "DATE", "duc": "DATE", "year": "INTEGER"},
    "ad1": {
        "child": "VARCHAR", "dob": "DATE", "date_int": "DATE", "date_match": "DATE",
        "foster_care": "INTEGER", "nb_adoptr": "INTEGER", "sex_adoptr": "VARCHAR",
        "ls_adoptr": "VARCHAR", "year": "INTEGER",
    },
    "placed_adoption": {
        "child": "VARCHAR", "dob": "DATE", "date_placed": "DATE",
        "date_placed_ceased": "DATE", "reason_placed_ceased": "VARCHAR", "year": "INTEGER",
    },
    "prev_perm": {
        "child": "VARCHAR", "dob": "DATE", "prev_perm": "VARCHAR", "la_perm": "VARCHAR",
        "date_perm": "VARCHAR", "year": "INTEGER",
    },
    "missing": {
        "child": "VARCHAR", "dob": "DATE", "missing": "VARCHAR", "mis_start": "DATE",
        "mis_end": "DATE", "year": "INTEGER",
    },
    "reviews": {
        "child": "VARCHAR", "dob": "DATE", "review": "DATE", "review_code": "VARCHAR",
        "year": "INTEGER",
    },
    "oc2": {
        "child": "VARCHAR", "dob": "DATE", "sdq_score": "INTEGER", "sdq_reason": "VARCHAR",
        "convicted": "INTEGER", "health_check": "INTEGER", "immunisations": "INTEGER",
        "teeth_check": "INTEGER", "health_assessment": "INTEGER",
        "substance_misuse": "INTEGER", "intervention_received": "INTEGER",
        "intervention_offered": "INTEGER", "year": "INTEGER",
    },
    "oc3": {
        "child": "VARCHAR", "dob": "DATE", "in_touch": "VARCHAR", "activ": "VARCHAR",
        "accom": "VARCHAR", "year": "INTEGER",
    },
    "sw_episodes": {
        "child": "VARCHAR", "dob": "DATE",
        "sw_id": "VARCHAR",  # keyed HMAC pseudonym of SW_ID (a member of staff)
        "sw_decom": "DATE", "sw_dec": "DATE", "sw_reason": "VARCHAR", "year": "INTEGER",
    },
}
# fmt: on

# De-duplication keys across years (later `year` wins for the same key).
HISTORY_KEYS: dict[str, tuple[str, ...]] = {
    "header": ("child",),
    "episodes": ("child", "decom"),
    "uasc": ("child",),
    "ad1": ("child", "year"),
    "placed_adoption": ("child", "date_placed"),
    "prev_perm": ("child", "year"),
    "missing": ("child", "missing", "mis_start"),
    "reviews": ("child", "review"),
    "oc2": ("child", "year"),
    "oc3": ("child", "year"),
    "sw_episodes": ("child", "sw_decom"),
}
