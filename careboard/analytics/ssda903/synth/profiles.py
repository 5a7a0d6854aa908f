"""England priors the generator draws from (903-schema 6.3, indicators.md).

Weights are percentages or relative weights; `Choice.of` normalises them. Where DfE publishes
a figure at 31 March or for ceasers, the weights here are the inputs that make the simulated
population land near it (checked in tests/analytics/ssda903/synth/test_rates.py).
"""

from __future__ import annotations

from careboard.analytics.ssda903.synth.draws import Choice

# Children looked after during a year per child starting in it (England 2024: 116,420 /
# 32,270 = 3.6; the simulation has few re-entries, so slightly more starters).
STARTERS_PER_CHILD_IN_YEAR = 0.255
UASC_SHARE_OF_STARTERS = 0.21

# Age group at entry for children who are not UASC (starters: <1 16%, 1-4 15%, 5-9 15%,
# 10-15 26%, 16+ 29% of which most are UASC).
AGE_GROUPS = ("under1", "1to4", "5to9", "10to15", "16plus")
AGE_GROUP_WEIGHTS = (16.0, 15.0, 15.0, 26.0, 7.0)
AGE_GROUP_DAYS = {  # [low, high) age in days at entry
    "under1": (0, 365),
    "1to4": (365, 5 * 365),
    "5to9": (5 * 365 + 1, 10 * 365),
    "10to15": (10 * 365 + 3, 16 * 365),
    "16plus": (16 * 365 + 4, 18 * 365 - 40),
}
UASC_AGE_YEARS = Choice.of({"14": 4, "15": 12, "16": 40, "17": 44})

# How a period of care ends, by age group at entry.
ROUTES = ("adopt", "sgo", "home", "long", "transfer", "custody", "remand", "uasc")
ROUTE_WEIGHTS = {
    "under1": {"adopt": 38, "sgo": 20, "home": 22, "long": 12, "transfer": 8},
    "1to4": {"adopt": 15, "sgo": 25, "home": 34, "long": 20, "transfer": 6},
    "5to9": {"adopt": 2, "sgo": 20, "home": 42, "long": 30, "transfer": 6},
    "10to15": {"sgo": 6, "home": 48, "long": 34, "transfer": 6, "custody": 3, "remand": 3},
    "16plus": {"home": 38, "long": 52, "transfer": 5, "custody": 5},
}
# Median planned length (days) and spread (sigma of the log) by route; "long" and "uasc" run
# to the 18th birthday.
ROUTE_DURATION = {
    "adopt": (760.0, 0.3),
    "sgo": (700.0, 0.6),
    "home": (140.0, 1.3),
    "transfer": (300.0, 1.0),
    "custody": (150.0, 0.9),
    "remand": (40.0, 0.6),
}

SEX_MALE_SHARE = 0.55
UASC_MALE_SHARE = 0.96
ETHNIC = Choice.of(
    {
        "WBRI": 66,
        "WIRI": 0.5,
        "WOTH": 3.5,
        "WIRT": 0.5,
        "WROM": 0.5,
        "MWBC": 3,
        "MWBA": 2,
        "MWAS": 2,
        "MOTH": 4,
        "AIND": 0.5,
        "APKN": 1,
        "ABAN": 0.5,
        "AOTH": 1,
        "BCRB": 1.5,
        "BAFR": 3,
        "BOTH": 1.5,
        "CHNE": 0.3,
        "OOTH": 3,
        "REFU": 0.5,
        "NOBT": 0.5,
    }
)
UASC_ETHNIC = Choice.of({"BAFR": 35, "AOTH": 25, "OOTH": 25, "WOTH": 8, "BOTH": 7})

CIN = Choice.of({"N1": 72, "N5": 13, "N4": 7.5, "N8": 2, "N2": 2.2, "N3": 2, "N6": 1, "N7": 0.3})
UASC_CIN = Choice.of({"N8": 88, "N1": 4, "N4": 4, "N5": 4})

# First legal status for a period of care that is not UASC, remand or adoption.
FIRST_LS = Choice.of({"V2": 57, "C1": 31, "L1": 4, "L2": 6, "L3": 0.5})
# Chance that accommodation under s20 (V2) turns into a care order, by route: long stays are
# mostly under care orders (75% of children at 31 March).
CARE_ORDER_AFTER_S20 = {"long": 0.8, "sgo": 0.6, "adopt": 0.7, "home": 0.12, "transfer": 0.3}
ADOPTION_FIRST_LS = Choice.of({"C1": 65, "V2": 25, "L2": 10})

# Placement type families by age band; "SUPP" becomes P2, H5 or K3 by date.
PLACEMENTS = {
    "under1": Choice.of(
        {"U6": 55, "U3": 15, "U5": 12, "U2": 3, "U4": 2, "U1": 1, "P1": 5, "R3": 4, "Z1": 1}
    ),
    "1to4": Choice.of({"U6": 52, "U3": 19, "U5": 3, "U4": 7, "U1": 4, "P1": 11, "Z1": 4, "R2": 1}),
    "5to9": Choice.of(
        {"U6": 44, "U3": 15, "U4": 12, "U1": 6, "P1": 11, "K2": 5, "Z1": 5, "S1": 1, "R2": 1}
    ),
    "10to15": Choice.of(
        {
            "U6": 32,
            "U3": 9,
            "U4": 11,
            "U1": 5,
            "K2": 24,
            "K1": 1,
            "P1": 9,
            "Z1": 5,
            "S1": 3,
            "R1": 1,
        }
    ),
    "16plus": Choice.of(
        {
            "U6": 18,
            "U3": 6,
            "U4": 9,
            "U1": 4,
            "K2": 14,
            "SUPP": 36,
            "P1": 6,
            "Z1": 5,
            "R1": 1,
            "R2": 1,
        }
    ),
}
UASC_PLACEMENTS = {
    "under16": Choice.of({"U6": 80, "K2": 15, "Z1": 5}),
    "16plus": Choice.of({"SUPP": 50, "U6": 33, "K2": 10, "Z1": 5, "U3": 2}),
}
ADOPTION_ROUTE_PLACEMENTS = Choice.of({"U6": 60, "U5": 20, "U3": 15, "U2": 5})

# Where a placement is, by placement family: inside the LA, near (outside, within about
# 20 miles) or far. Tuned so that about 45% of children at 31 March are placed outside the LA
# and about a fifth are both outside and more than 20 miles away.
LOCATION = {
    "foster": Choice.of({"home": 56, "near": 27, "far": 17}),
    "home": Choice.of({"home": 26, "near": 24, "far": 50}),
    "supported": Choice.of({"home": 48, "near": 32, "far": 20}),
    "adoption": Choice.of({"home": 40, "near": 35, "far": 25}),
    "other": Choice.of({"home": 30, "near": 30, "far": 40}),
}
HOME_POSTCODE_AREA = Choice.of({"home": 92, "near": 8})

# Placement hazard (moves a year): higher in the first year of a period of care; each child
# has an exponential "instability" multiplier.
MOVES_FIRST_YEAR = 1.0
MOVES_LATER_UNDER_10 = 0.22
MOVES_LATER_10_PLUS = 0.42

REASON_PLACE_CHANGE = Choice.of(
    {
        "CARPL": 40,
        "OTHER": 22,
        "CREQB": 12,
        "CREQO": 9,
        "CHILD": 5,
        "LAREQ": 3,
        "STAND": 2,
        "ALLEG": 2,
        "CLOSE": 3,
        "APPRR": 2,
    }
)

HOME_REC = Choice.of({"E4A": 55, "E4B": 10, "E13": 20, "E41": 10, "E8": 5})
AGE_OUT_REC = Choice.of({"E17": 40, "E5": 30, "E6": 6, "E8": 20, "E7": 4})
EARLY_INDEPENDENCE_REC = Choice.of({"E5": 55, "E6": 15, "E4B": 15, "E8": 15})
UASC_AGE_OUT_REC = Choice.of({"E5": 35, "E17": 30, "E6": 8, "E8": 27})
UASC_EARLY_REC = Choice.of({"E15": 55, "E16": 20, "E4B": 25})
ADOPTED_REC = Choice.of({"E11": 70, "E12": 30})

PREV_PERM = Choice.of({"Z1": 78, "P4": 20, "P2": 1, "P1": 0.5, "P3": 0.5})
LA_PERM = Choice.of({"344": 50, "340": 15, "341": 15, "999": 20})

REVIEW_CODE = Choice.of({"PN1": 40, "PN2": 10, "PN3": 5, "PN4": 5, "PN5": 15, "PN6": 15, "PN7": 10})
SW_REASON = Choice.of(
    {
        "MANAGE": 20,
        "LEFTRL": 30,
        "ORGRST": 8,
        "TSPROC": 20,
        "ABSENC": 8,
        "CHCHAN": 3,
        "PCCHAN": 3,
        "OTHERS": 8,
    }
)
SW_CHANGES_PER_YEAR = 1.25  # 27% of children at 31 March had 3+ workers in the year

MISSING_PRONE_SHARE = 0.23  # of children in care aged 10+ (11% of all went missing)
MISSING_INCIDENTS_PER_YEAR = 8.0  # 6.5 incidents per missing child
AWAY_SHARE = 0.11  # 'A' incidents among all

ADOPTER_SEX = Choice.of({"MF": 72, "FF": 8, "MM": 5, "F1": 13, "M1": 2})
COUPLE_LS = {
    "MF": Choice.of({"L11": 70, "L3": 30}),
    "FF": Choice.of({"L12": 50, "L2": 30, "L4": 20}),
    "MM": Choice.of({"L12": 50, "L2": 30, "L4": 20}),
}
PLACED_CEASED_REASON = Choice.of({"RD1": 25, "RD2": 20, "RD3": 35, "RD4": 20})

# Care leavers (OC3) at each birthday, by age band.
IN_TOUCH = {
    "17to18": Choice.of({"YES": 94, "NO": 3, "REFU": 1, "NREQ": 1.5, "RHOM": 0.4, "DIED": 0.1}),
    "19to21": Choice.of({"YES": 92, "NO": 4.5, "REFU": 1, "NREQ": 2.2, "RHOM": 0.2, "DIED": 0.1}),
}
ACTIV = {
    "17to18": Choice.of(
        {"F1": 3, "F2": 36, "P2": 6, "F4": 2.5, "F5": 11, "P5": 10, "G5": 22, "G4": 6, "G6": 3.5}
    ),
    "19to21": Choice.of(
        {
            "F1": 6.5,
            "P1": 0.5,
            "F2": 13,
            "P2": 5,
            "F4": 2.2,
            "P4": 0.3,
            "F5": 17,
            "P5": 14,
            "G5": 28,
            "G4": 8.6,
            "G6": 5.4,
        }
    ),
}
ACCOM = {
    "17": Choice.of(
        {
            "U1": 20,
            "D1": 35,
            "B1": 20,
            "E1": 10,
            "K1": 3,
            "C1": 6,
            "Y1": 2,
            "U2": 0.8,
            "S2": 0.6,
            "V2": 0.5,
            "B2": 1,
            "X2": 0.7,
            "R2": 0.4,
        }
    ),
    "18": Choice.of(
        {
            "U1": 28,
            "D1": 25,
            "B1": 13,
            "Z1": 14,
            "E1": 8,
            "K1": 3,
            "T1": 2,
            "C1": 2,
            "Y1": 1.5,
            "U2": 0.8,
            "S2": 0.8,
            "V2": 0.6,
            "B2": 0.8,
            "X2": 1,
            "R2": 0.4,
        }
    ),
    "19to21": Choice.of(
        {
            "U1": 36,
            "D1": 20,
            "B1": 12,
            "Z1": 10,
            "E1": 6,
            "K1": 3,
            "T1": 3,
            "C1": 2,
            "Y1": 1.5,
            "U2": 1.2,
            "S2": 1.2,
            "V2": 0.9,
            "W2": 0.6,
            "X2": 1.2,
            "B2": 1,
            "R2": 0.5,
            "G1": 0.3,
        }
    ),
}
# Not in touch or refusing: activity and accommodation mostly not known.
NOT_IN_TOUCH_KNOWN_SHARE = 0.2

# OC2 (outcomes for the 12-month cohort, 2025 England figures).
HEALTH_ASSESSMENT_RATE = 0.905
IMMUNISATIONS_RATE = 0.845
TEETH_CHECK_RATE = 0.815
DEVELOPMENT_CHECK_RATE = 0.88
SDQ_RECEIVED_RATE = 0.785
SDQ_MEAN, SDQ_SD = 15.0, 7.5
SDQ_NO_SCORE_REASON = Choice.of({"SDQ2": 15, "SDQ3": 20, "SDQ4": 45, "SDQ5": 20})
CONVICTED_RATE = 0.025
SUBSTANCE_MISUSE_RATE_11_PLUS = 0.055
INTERVENTION_RECEIVED_RATE = 0.41
INTERVENTION_REFUSED_SHARE_OF_NOT_RECEIVED = 0.44 / 0.59

MOTHER_CHANCE = 0.035  # girls in care between 14 and 18
