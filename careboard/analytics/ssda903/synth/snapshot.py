"""Cut one collection year's return from the life courses (903-schema 6.1 step 5).

Episodes overlapping the year are kept, with DEC, REC and the placement-change reason blanked
when the episode is still open on 31 March. Header, UASC, PrevPerm, AD1, PlacedAdoption,
Reviews, Missing, OC2, OC3 and (from 2023-24) SWEpisodes follow from the same life courses.
Codes are written as the year's code lists require (SEX 1/2 before 2024-25, K3 for an H5
episode carried into 2024-25, Z11-Z14 from 2025-26, E43/E44 before 2018-19, F3/P3 before
2021-22).

Each table is a list of rows (lists of strings) in TABLE_COLUMNS order, children in ID order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from careboard.analytics.ssda903.synth import profiles as p
from careboard.analytics.ssda903.synth.dates import (
    SGO_SPLIT_DAY,
    age_on,
    dmy,
    year_end,
    year_start,
)
from careboard.analytics.ssda903.synth.model import Child, Episode
from careboard.analytics.ssda903.tables import SW_EPISODES_FROM, TABLE_COLUMNS

Rows = list[list[str]]

SEX_MFU_FROM = 2025
K3_FROM = 2025
Z1_SPLIT_FROM = 2026
ACTIV_SPLIT_FROM = 2022
PREV_PERM_FROM = 2017  # PrevPerm applies to starts from 1 April 2016 (rule 634)
_OLD_ACTIV = {"F4": "F3", "F5": "F3", "P4": "P3", "P5": "P3"}
_OLD_SGO = {"E45": "E43", "E46": "E43", "E47": "E44", "E48": "E44"}


@dataclass(slots=True)
class YearReturn:
    year: int
    tables: dict[str, Rows]
    uasc_children: set[str]


def sex_code(sex: str, year: int) -> str:
    if year >= SEX_MFU_FROM:
        return sex
    return "1" if sex == "M" else "2"


def place_code(episode: Episode, year: int) -> str:
    if episode.place == "H5" and year >= K3_FROM:
        return "K3"  # an H5 episode carried into 2024-25 continues as K3 (rule 503D)
    if episode.place == "Z1" and year >= Z1_SPLIT_FROM:
        return episode.z_subtype
    return episode.place


def rec_code(episode: Episode) -> str:
    if episode.dec < SGO_SPLIT_DAY:
        return _OLD_SGO.get(episode.rec, episode.rec)
    return episode.rec


def cut_year(children: list[Child], year: int, seed: int) -> YearReturn:
    """The return for the collection year ending 31 March `year`."""
    start, end = year_start(year), year_end(year)
    tables: dict[str, Rows] = {name: [] for name in TABLE_COLUMNS}
    oc2_children: list[tuple[str, str, int]] = []
    uasc_children: set[str] = set()
    for child in children:
        periods = [pc for pc in child.periods if pc.start <= end and pc.end >= start]
        leaving = [s for s in child.care_leaver if start <= s.birthday <= end]
        if not periods and not leaving:
            continue
        cid, dob = child.child_id, dmy(child.dob)
        sex = sex_code(child.sex, year)
        upn = "UN1" if age_on(child.dob, end) < 5 and not child.uasc else child.upn
        mother, mc_dob = "", ""
        if child.sex == "F":
            is_mother = child.mc_dob is not None and child.mc_dob <= end
            mother = "1" if is_mother else "0"
            mc_dob = dmy(child.mc_dob) if is_mother and child.mc_dob is not None else ""
        tables["header"].append([cid, sex, dob, child.ethnic, upn, mother, mc_dob])

        # A UASC row while the status lasts into the year: rule 104 rejects a DUC before
        # the collection start.
        if periods and child.uasc and (child.duc is None or child.duc >= start):
            uasc_children.add(cid)
            duc = dmy(child.duc) if child.duc is not None else ""
            tables["uasc"].append([cid, sex, dob, duc])
        started = False
        for period in periods:
            for ep in period.episodes:
                if ep.decom > end or ep.dec < start:
                    continue
                closed = ep.dec <= end
                tables["episodes"].append(
                    [
                        cid,
                        dmy(ep.decom),
                        ep.rne,
                        ep.ls,
                        period.cin,
                        place_code(ep, year),
                        ep.provider,
                        dmy(ep.dec) if closed else "",
                        rec_code(ep) if closed else "",
                        ep.reason_place_change if closed else "",
                        period.home_post,
                        ep.pl_post,
                        ep.urn,
                    ]
                )
            if start <= period.start and not started and year >= PREV_PERM_FROM:
                started = True
                code, la_perm, date_perm = period.prev_perm
                tables["prev_perm"].append([cid, dob, code, la_perm, date_perm])
            if period.adoption is not None and start <= period.end <= end:
                a = period.adoption
                tables["ad1"].append(
                    [
                        cid,
                        dob,
                        dmy(a.date_int),
                        dmy(a.date_match),
                        a.foster_care,
                        a.nb_adoptr,
                        a.sex_adoptr,
                        a.ls_adoptr,
                    ]
                )
            for decision in period.decisions:
                ceased = decision.date_ceased
                if decision.date_placed > end or (ceased is not None and ceased < start):
                    continue
                shown = ceased is not None and ceased <= end
                tables["placed_adoption"].append(
                    [
                        cid,
                        dob,
                        dmy(decision.date_placed),
                        dmy(ceased) if shown and ceased else "",
                        decision.reason_ceased if shown else "",
                    ]
                )
            for when, code in period.reviews:
                if start <= when <= end:
                    tables["reviews"].append([cid, dob, dmy(when), code])
            for incident in period.missing:
                if start <= incident.start <= end:
                    tables["missing"].append(
                        [cid, dob, incident.kind, dmy(incident.start), dmy(incident.end)]
                    )
        open_at_end = any(pc.start <= end < pc.end for pc in periods)
        if open_at_end and any(pc.start <= start and pc.end > end for pc in periods):
            oc2_children.append((cid, dob, age_on(child.dob, end)))
        for status in leaving:
            activ = status.activ
            if year < ACTIV_SPLIT_FROM:
                activ = _OLD_ACTIV.get(activ, activ)
            tables["oc3"].append([cid, dob, status.in_touch, activ, status.accom])
        if open_at_end and year >= SW_EPISODES_FROM:
            for sw in child.social_workers:
                if sw.start <= end and sw.end >= start:
                    tables["sw_episodes"].append(
                        [
                            cid,
                            dob,
                            sw.sw_id,
                            dmy(sw.start),
                            dmy(sw.end) if sw.end <= end else "",
                            sw.reason,
                        ]
                    )
    tables["oc2"] = outcomes(oc2_children, np.random.default_rng([seed, 100, year]))
    return YearReturn(year, tables, uasc_children)


def outcomes(cohort: list[tuple[str, str, int]], rng: np.random.Generator) -> Rows:
    """OC2 rows for the 12-month cohort, items by age at 31 March (903-schema 2.9, 4.5)."""
    n = len(cohort)
    if n == 0:
        return []
    age = np.array([c[2] for c in cohort])
    u = rng.random((9, n))
    score = np.clip(np.rint(rng.normal(p.SDQ_MEAN, p.SDQ_SD, n)), 0, 40).astype(int)
    reasons = np.array(p.SDQ_NO_SCORE_REASON.codes)
    reason_pick = reasons[
        np.minimum(
            np.searchsorted(np.array(p.SDQ_NO_SCORE_REASON.cumulative), u[8]), len(reasons) - 1
        )
    ]
    sdq_age = (age >= 4) & (age <= 16)
    has_score = sdq_age & (u[0] < p.SDQ_RECEIVED_RATE)
    misuse = (age >= 11) & (u[4] < p.SUBSTANCE_MISUSE_RATE_11_PLUS)
    received = misuse & (u[5] < p.INTERVENTION_RECEIVED_RATE)
    offered = misuse & ~received & (u[6] < p.INTERVENTION_REFUSED_SHARE_OF_NOT_RECEIVED)

    def flag(mask: np.ndarray, i: int) -> str:
        return "1" if mask[i] else "0"

    health = u[1] < p.HEALTH_ASSESSMENT_RATE
    immunised = u[2] < p.IMMUNISATIONS_RATE
    teeth = u[3] < p.TEETH_CHECK_RATE
    convicted = u[7] < p.CONVICTED_RATE
    development = u[7] < p.DEVELOPMENT_CHECK_RATE
    rows: Rows = []
    for i, (cid, dob, years) in enumerate(cohort):
        if has_score[i]:
            sdq_score, sdq_reason = str(score[i]), ""
        elif sdq_age[i]:
            sdq_score, sdq_reason = "", str(reason_pick[i])
        else:
            sdq_score, sdq_reason = "", "SDQ1"
        rows.append(
            [
                cid,
                dob,
                sdq_score,
                sdq_reason,
                flag(convicted, i) if years >= 10 else "",
                flag(development, i) if years < 5 else "",
                flag(immunised, i),
                flag(teeth, i),
                flag(health, i),
                flag(misuse, i),
                flag(received, i) if misuse[i] else "",
                flag(offered, i) if misuse[i] and not received[i] else "",
            ]
        )
    return rows
