"""DfE statistical groupings of 903 codes used by the indicators (903-schema.md 4.8, 2.13).

These are groupings for statistics, not the validator's lists of valid codes: retired codes
(E43/E44, F3/P3) stay in the groups they belonged to so that older years count the same way.
"""

from __future__ import annotations

SHORT_BREAKS = ("V3", "V4")  # series of short breaks: outside every DfE CLA figure
PLACEMENT_ORDER = ("E1", "D1")  # placement order, or the older freeing order

FOSTER = ("U1", "U2", "U3", "U4", "U5", "U6")
LONG_TERM_FOSTER = ("U1", "U4")
PLACED_FOR_ADOPTION = ("A3", "A4", "A5", "A6")
ADOPTION_WITH_CURRENT_CARER = ("A3", "A5")
TEMPORARY = ("T0", "T1", "T2", "T3", "T4")

ADOPTED = ("E11", "E12")  # REC: adoption order granted
# REC: special guardianship order; E43/E44 until 2017-18, then split into E45-E48
SPECIAL_GUARDIANSHIP = ("E43", "E44", "E45", "E46", "E47", "E48")
STILL_LOOKED_AFTER = "X1"  # REC: the episode ends and another starts the same day

# RNE: a new placement starts; only L (legal status change) continues the placement.
NEW_PLACEMENT = ("S", "P", "T", "B", "U")
# RNE: a new carer; T and U keep the carer.
NEW_CARER = ("S", "P", "B")
SAME_CARER = ("T", "U")

# OC3
LEFT_THE_COHORT = ("DIED", "RHOM")  # IN_TOUCH: died, or returned home for 6 months or more
EET = ("F1", "P1", "F2", "P2", "F3", "P3", "F4", "P4", "F5", "P5")  # F3/P3: up to 2020-21
HIGHER_EDUCATION = ("F1", "P1")
APPRENTICESHIP = ("F4", "P4")
APPRENTICESHIP_FROM = 2022  # F4/P4 split from F3/P3 in 2021-22
ACCOM_OUT_OF_SCOPE = ("G", "H", "R")  # abroad, deported, residence not known
SUITABLE = "1"  # last character of ACCOM

SW_EPISODES_FROM = 2024  # SWEpisodes collected from 2023-24
