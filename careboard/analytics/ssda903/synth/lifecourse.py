"""Children's life courses: who comes into care, when, what happens, how it ends.

The generator works as 903-schema 6.1 describes: whole life courses first (dates of birth,
periods of care and their episodes, reviews, missing incidents, adoption decisions, social
workers, care-leaver status at each birthday from 17 to 21), yearly returns cut from them
afterwards (`snapshot`). Because every return is cut from the same life courses, an episode
open on 1 April is the one left open on last year's 31 March.

Entrants are drawn all at once (`entrants`); only those whose care or care-leaver years
touch the requested collection years are built here, one by one, in a loop fed by `Draws`.
"""

from __future__ import annotations

import numpy as np

from careboard.analytics.ssda903.synth import profiles as p
from careboard.analytics.ssda903.synth.dates import (
    K3_FROM_DAY,
    SUPPORTED_ACCOMMODATION_REGULATED,
    age_on,
    birthday,
    year_end,
    year_start,
    ymd,
)
from careboard.analytics.ssda903.synth.draws import Choice, Draws
from careboard.analytics.ssda903.synth.entrants import Entrants, draw_entrants, worth_building
from careboard.analytics.ssda903.synth.model import (
    Adoption,
    AdoptionDecision,
    CareLeaverStatus,
    Child,
    Episode,
    MissingIncident,
    PeriodOfCare,
    Placement,
    SocialWorkerEpisode,
)
from careboard.analytics.ssda903.synth.postcodes import PostcodeDirectory
from careboard.analytics.ssda903.synth.upn import permanent_upn

YEAR = 365.25
FOSTER = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
FOSTER_RELATIVE = frozenset({"U1", "U2", "U3"})
ADOPTION = frozenset({"A3", "A4", "A5", "A6"})


class LifeCourseBuilder:
    """Builds one child's life course from an entrant's first draws."""

    def __init__(
        self, draws: Draws, postcodes: PostcodeDirectory, children: int, window: tuple[int, int]
    ) -> None:
        """`window` is (1 April of the first year, 31 March of the last): reviews, missing
        incidents, social workers and care-leaver status are only drawn near it."""
        self.d = draws
        self.window_start, self.window_end = window
        self.postcodes = postcodes
        self.social_worker_pool = max(8, children // 12)
        self._homes = self._settings("K2", 6 + children // 40)
        self._supported = self._settings("SUPP", 4 + children // 60)
        self._agencies = [f"{2000000 + 37 * i}" for i in range(1, 31)]

    def _settings(self, kind: str, count: int) -> list[tuple[str, str, str]]:
        """Residential settings (URN, postcode, provider) for children's homes or supported
        accommodation; own-LA settings are always inside the LA (rule 1015)."""
        settings = []
        for i in range(count):
            area = self.d.pick(p.LOCATION["home" if kind == "K2" else "supported"])
            provider = (
                "PR1"
                if area == "home" and self.d.chance(0.35)
                else ("PR5" if self.d.chance(0.12) else "PR4")
            )
            urn = f"SC{400000 + 17 * i:06d}" if kind == "K2" else f"{2500000 + 29 * i}"
            settings.append((urn, self.d.item(self.postcodes.by_area[area]), provider))
        return settings

    # -- the child -------------------------------------------------------------------------

    def build(self, serial: int, entrants: Entrants, index: int) -> Child:
        d = self.d
        entry = int(entrants.entry[index])
        dob = entry - int(entrants.age_days[index])
        if ymd(dob)[1:] == (2, 29):
            dob -= 1
        uasc = bool(entrants.uasc[index])
        sex = "M" if d.chance(p.UASC_MALE_SHARE if uasc else p.SEX_MALE_SHARE) else "F"
        ethnic = d.pick(p.UASC_ETHNIC if uasc else p.ETHNIC)
        if uasc:
            upn = "UN2" if d.chance(0.8) else permanent_upn(serial, ymd(entry)[0])
        elif d.chance(0.03):
            upn = d.item(("UN3", "UN5"))
        else:
            upn = permanent_upn(serial, ymd(dob)[0] + 5)
        child = Child(f"C{serial:07d}", dob, sex, ethnic, uasc, None, upn, None)
        b18 = birthday(dob, 18)
        route = p.ROUTES[int(entrants.route[index])]
        planned_end = entry + int(entrants.planned_days[index])
        home_post = "" if uasc else d.item(self.postcodes.by_area[d.pick(p.HOME_POSTCODE_AREA)])
        first = self.period(child, entry, route, planned_end, home_post)
        child.periods.append(first)
        if route == "home" and first.end < birthday(dob, 17) and d.chance(0.2):
            start = first.end + 30 + int(d.exponential(350))
            if start < b18 - 90:
                route2 = "home" if d.chance(0.6) else "long"
                length = int(d.lognormal(*p.ROUTE_DURATION["home"])) + 1
                child.periods.append(self.period(child, start, route2, start + length, home_post))
        if uasc:
            granted = entry + 100 + int(d.exponential(500))
            child.duc = granted if d.chance(0.25) and granted < b18 else b18
        if sex == "F":
            self.maybe_mother(child)
        self.social_worker_history(child)
        self.care_leaver_statuses(child)
        return child

    def maybe_mother(self, child: Child) -> None:
        low = birthday(child.dob, 14) + 180
        for period in child.periods:
            start, end = max(period.start, low), min(period.end, birthday(child.dob, 18))
            if end - start > 30 and self.d.chance(p.MOTHER_CHANCE):
                child.mc_dob = start + self.d.integer(0, end - start - 1)
                return

    # -- one period of care ----------------------------------------------------------------

    def period(
        self, child: Child, start: int, route: str, planned_end: int, home_post: str
    ) -> PeriodOfCare:
        d = self.d
        dob = child.dob
        b18 = birthday(dob, 18)
        end = min(planned_end, b18)
        rec = ""
        if route in ("long", "uasc"):
            end = b18
            early = d.chance(0.3 if route == "uasc" else 0.22)
            if early and end - start > 200:
                leave = start + int((end - start) * (0.4 + 0.55 * d.uniform()))
                if route == "uasc":
                    end, rec = leave, d.pick(p.UASC_EARLY_REC)
                elif age_on(dob, leave) >= 16:
                    end, rec = leave, d.pick(p.EARLY_INDEPENDENCE_REC)
            if not rec:
                rec = d.pick(p.UASC_AGE_OUT_REC if route == "uasc" else p.AGE_OUT_REC)
        elif end == b18:
            rec = d.pick(p.AGE_OUT_REC)
        end = max(end, start + 1)

        cin = d.pick(p.UASC_CIN if child.uasc else p.CIN)
        period = PeriodOfCare(start, end, rec, cin, home_post)

        # Adoption: decision, placement order, match, placement, adoption (903-schema 6.4).
        adoption_days: tuple[int, int, int, int] | None = None
        consent = False
        if route == "adopt" and not rec:
            length = end - start
            adoption_days = (
                start + int(0.35 * length),
                start + int(0.5 * length),
                start + int(0.62 * length),
                start + int(0.72 * length),
            )
            consent = d.chance(0.1)
            period.rec = d.pick(p.ADOPTED_REC)
        elif (
            route == "sgo"
            and not rec
            and end - start > 200
            and age_on(dob, start) < 5
            and d.chance(0.12)
        ):
            decided = start + int(0.3 * (end - start))
            ceased = min(end - 1, decided + 60 + d.integer(0, 180))
            period.decisions.append(
                AdoptionDecision(decided, ceased, d.pick(p.PLACED_CEASED_REASON))
            )

        ls_changes = self.legal_statuses(child, period, route, adoption_days, consent)
        placements = self.placements(child, period, route, ls_changes, adoption_days, consent)
        if not period.rec:
            period.rec = self.closing_reason(child, period, route, placements[-1].place)
        self.episodes(child, period, ls_changes, placements)
        if adoption_days is not None:
            self.adoption(period, adoption_days, placements[-1].place)
        self.reviews(child, period)
        self.missing(child, period)
        self.previous_permanence(child, period)
        return period

    def closing_reason(self, child: Child, period: PeriodOfCare, route: str, last: str) -> str:
        d = self.d
        if route == "sgo":
            relative = last in FOSTER_RELATIVE
            if last in FOSTER and d.chance(0.7):
                return "E45" if relative else "E46"
            return "E47" if d.chance(0.5) else "E48"
        if route == "transfer":
            return "E3"
        if route == "custody":
            return "E9" if age_on(child.dob, period.end) >= 10 else "E8"
        if route == "remand":
            return "E14"
        if route == "uasc":
            return d.pick(p.UASC_EARLY_REC)
        if route == "adopt":  # an adoption route cut short by the 18th birthday
            return d.pick(p.AGE_OUT_REC)
        return d.pick(p.HOME_REC)

    def legal_statuses(
        self,
        child: Child,
        period: PeriodOfCare,
        route: str,
        adoption_days: tuple[int, int, int, int] | None,
        consent: bool,
    ) -> list[tuple[int, str]]:
        """(day, legal status) from the start of the period, each a change."""
        d = self.d
        start, end = period.start, period.end
        if child.uasc:
            first = "V2"
        elif route == "remand" and age_on(child.dob, start) >= 10:
            first = "J1"
        elif route == "adopt":
            first = "V2" if consent else d.pick(p.ADOPTION_FIRST_LS)
        else:
            first = d.pick(p.FIRST_LS)
        changes = [(start, first)]
        current, t = first, start
        while True:
            if current == "L1":
                nxt, t = ("C1" if d.chance(0.4) else "V2"), t + d.integer(1, 3)
            elif current == "L2":
                nxt, t = ("C1" if d.chance(0.7) else "V2"), t + d.integer(7, 21)
            elif current == "L3":
                nxt, t = ("C1" if d.chance(0.5) else "V2"), t + d.integer(1, 7)
            elif current == "C1" and d.chance(0.85):
                nxt, t = "C2", t + d.integer(90, 300)
            elif (
                current == "V2"
                and not child.uasc
                and not consent
                and d.chance(p.CARE_ORDER_AFTER_S20.get(route, 0.0))
            ):
                nxt, t = "C1", t + d.integer(30, 400)
            else:
                break
            if adoption_days is not None and t >= adoption_days[1]:
                break
            if t >= end:
                break
            changes.append((t, nxt))
            current = nxt
        if adoption_days is not None and not consent:
            placement_order = max(adoption_days[1], changes[-1][0] + 1)
            if changes[-1][1] in ("V2", "L1", "L2", "L3"):
                # a placement order follows a care order; skip straight to it if need be
                placement_order = max(placement_order, changes[-1][0] + 1)
            if placement_order < adoption_days[3]:
                changes.append((placement_order, "E1"))
        return changes

    def placements(
        self,
        child: Child,
        period: PeriodOfCare,
        route: str,
        ls_changes: list[tuple[int, str]],
        adoption_days: tuple[int, int, int, int] | None,
        consent: bool,
    ) -> list[Placement]:
        d = self.d
        start, end, dob = period.start, period.end, child.dob
        frailty = d.exponential(1.0)
        days = [start]
        t = start
        stop = adoption_days[3] if adoption_days else end
        while True:
            age = (t - dob) / YEAR
            if t - start < 365:
                rate = p.MOVES_FIRST_YEAR
            else:
                rate = p.MOVES_LATER_UNDER_10 if age < 10 else p.MOVES_LATER_10_PLUS
            t += max(1, int(d.exponential(YEAR / (rate * frailty + 1e-9))))
            if t >= stop:
                break
            days.append(t)
        placements: list[Placement] = []
        for i, begin in enumerate(days):
            finish = days[i + 1] if i + 1 < len(days) else stop
            ls = _status_on(ls_changes, begin)
            for _ in range(8):  # a move must change the placement (RNE P, rule 434-436)
                kind = self.placement_kind(child, route, begin, ls)
                new = self.make_placement(child, kind, begin, finish, period.home_post)
                if not placements or _where(new[0]) != _where(placements[-1]):
                    break
            placements.extend(new)
        if adoption_days is not None:
            placements.append(
                self.adoption_placement(placements[-1], adoption_days[3], consent, period.home_post)
            )
        return placements

    def placement_kind(self, child: Child, route: str, begin: int, ls: str) -> str:
        d = self.d
        age = age_on(child.dob, begin)
        if route == "adopt":
            return d.pick(p.ADOPTION_ROUTE_PLACEMENTS)
        if child.uasc:
            kind = d.pick(p.UASC_PLACEMENTS["16plus" if age >= 16 else "under16"])
        else:
            band = (
                "under1"
                if age < 1
                else "1to4"
                if age < 5
                else "5to9"
                if age < 10
                else "10to15"
                if age < 16
                else "16plus"
            )
            kind = d.pick(p.PLACEMENTS[band])
        if (
            (kind == "K2" and age < 8)
            or (kind == "S1" and age < 4)
            or (kind == "SUPP" and age < 16)
            or (kind == "P1" and ls not in ("C1", "C2", "E1"))
        ):
            kind = "U6"
        return kind

    def make_placement(
        self, child: Child, kind: str, begin: int, finish: int, home_post: str
    ) -> list[Placement]:
        """One placement, or two when supported accommodation spans 28/10/2023 (the setting
        registers with Ofsted: a T change, 903-schema 2.13.2)."""
        d = self.d
        if kind == "P1":
            pl_post = home_post or self._postcode("home", "")
            return [Placement(begin, "P1", "PR0", "", pl_post)]
        if kind in FOSTER:
            area = d.pick(p.LOCATION["foster"])
            if area == "home":
                provider = d.pick(_FOSTER_PROVIDER_INSIDE)
            else:
                provider = d.pick(_FOSTER_PROVIDER_OUTSIDE)
            urn = _LA_FOSTERING_URN if provider in ("PR1", "PR2") else d.item(self._agencies)
            if provider == "PR2":
                urn = _OTHER_LA_FOSTERING_URN
            return [Placement(begin, kind, provider, urn, self._postcode(area, home_post))]
        if kind in ("K1", "K2"):
            urn, pl_post, provider = d.item(self._homes)
            if pl_post == home_post:
                pl_post = self._postcode("near", home_post)
            return [Placement(begin, kind, provider, urn, pl_post)]
        if kind == "SUPP":
            urn, pl_post, provider = d.item(self._supported)
            if pl_post == home_post:
                pl_post = self._postcode("near", home_post)
            regulated = SUPPORTED_ACCOMMODATION_REGULATED
            if begin >= K3_FROM_DAY:
                return [Placement(begin, "K3", provider, urn, pl_post)]
            if begin >= regulated:
                return [Placement(begin, "H5", provider, urn, pl_post)]
            first_code = "P2" if finish <= regulated and d.chance(0.3) else "H5"
            first = Placement(begin, first_code, provider, "XXXXXXX", pl_post)
            if finish <= regulated:
                return [first]
            return [first, Placement(regulated, "H5", provider, urn, pl_post, same_carer=True)]
        if kind == "Z1":
            area = d.pick(p.LOCATION["other"])
            subtype = "Z11" if d.chance(0.7) else "Z14"
            return [
                Placement(begin, "Z1", "", "", self._postcode(area, home_post), z_subtype=subtype)
            ]
        area = d.pick(p.LOCATION["other"])
        pl_post = self._postcode(area, home_post)
        if kind == "R2":
            return [Placement(begin, "R2", "PR3", "", pl_post)]
        if kind == "R1":
            return [Placement(begin, "R1", "PR4", "", pl_post)]
        if kind == "R3":
            return [Placement(begin, "R3", "PR4", f"SC{300000 + d.integer(0, 999):06d}", pl_post)]
        return [Placement(begin, "S1", "PR4", "XXXXXXX", pl_post)]  # residential school (ISI)

    def adoption_placement(
        self, current: Placement, begin: int, consent: bool, home_post: str
    ) -> Placement:
        """Placed for adoption: with the current foster carer (A3/A5, a T change) or with
        new adopters (A4/A6). A5/A6 follow a placement order, A3/A4 parental consent."""
        d = self.d
        with_carer = current.place in FOSTER and d.chance(0.45)
        provider = "PR1" if d.chance(0.75) else ("PR2" if d.chance(0.4) else "PR5")
        urn = "XXXXXXX" if provider in ("PR1", "PR2") else f"SC{500000 + d.integer(0, 99):06d}"
        if with_carer:
            place = "A3" if consent else "A5"
            return Placement(begin, place, provider, urn, current.pl_post, same_carer=True)
        place = "A4" if consent else "A6"
        area = d.pick(p.LOCATION["adoption"])
        pl_post = self._postcode(area, current.pl_post)
        while pl_post == home_post:
            pl_post = self._postcode(area, current.pl_post)
        return Placement(begin, place, provider, urn, pl_post)

    def _postcode(self, area: str, avoid: str) -> str:
        choices = self.postcodes.by_area[area]
        while True:
            pcd = self.d.item(choices)
            if pcd != avoid:
                return pcd

    def episodes(
        self,
        child: Child,
        period: PeriodOfCare,
        ls_changes: list[tuple[int, str]],
        placements: list[Placement],
    ) -> None:
        """Merge legal status changes and placement changes into episodes (903-schema 3.2)."""
        d = self.d
        events = sorted({day for day, _ in ls_changes} | {pl.start for pl in placements})
        events = [e for e in events if e < period.end]
        episodes = period.episodes
        ls_index = pl_index = 0
        for i, decom in enumerate(events):
            while ls_index + 1 < len(ls_changes) and ls_changes[ls_index + 1][0] <= decom:
                ls_index += 1
            while pl_index + 1 < len(placements) and placements[pl_index + 1].start <= decom:
                pl_index += 1
            ls = ls_changes[ls_index][1]
            placement = placements[pl_index]
            if not episodes:
                rne = "S"
            else:
                previous = episodes[-1]
                ls_changed = ls != previous.ls
                pl_changed = placement.start == decom
                if ls_changed and pl_changed:
                    rne = "U" if placement.same_carer else "B"
                elif pl_changed:
                    rne = "T" if placement.same_carer else "P"
                else:
                    rne = "L"
                if pl_changed:
                    if placement.same_carer:
                        reason = "CARPL" if placement.place in ADOPTION else "PLACE"
                    else:
                        reason = d.pick(p.REASON_PLACE_CHANGE)
                    previous.reason_place_change = reason
            dec = events[i + 1] if i + 1 < len(events) else period.end
            rec = "X1" if i + 1 < len(events) else period.rec
            episodes.append(
                Episode(
                    decom,
                    dec,
                    rne,
                    ls,
                    placement.place,
                    placement.provider,
                    placement.urn,
                    placement.pl_post,
                    rec,
                    "",
                    placement.z_subtype,
                )
            )

    def adoption(self, period: PeriodOfCare, days: tuple[int, int, int, int], place: str) -> None:
        d = self.d
        decided, _order, matched, _placed = days
        period.decisions.append(AdoptionDecision(decided, None, ""))
        sex = d.pick(p.ADOPTER_SEX)
        if sex in ("M1", "F1"):
            nb, ls = "1", "L0"
        else:
            nb, ls = "2", d.pick(p.COUPLE_LS[sex])
        foster_care = "1" if place in ("A3", "A5") else "0"
        period.adoption = Adoption(decided, matched, foster_care, nb, sex, ls)

    def reviews(self, child: Child, period: PeriodOfCare) -> None:
        """First review within 20 working days, second within 3 months, then 6-monthly."""
        d = self.d
        t = period.start + 28 - d.integer(0, 6)
        gaps = iter((91,))
        fourth_birthday = birthday(child.dob, 4)
        end = min(period.end, self.window_end + 1)
        while t < end:
            if t < self.window_start:  # before the returns: keep the rhythm, skip the draws
                t += next(gaps, 182) - 7
                continue
            code = "PN0" if t < fourth_birthday else d.pick(p.REVIEW_CODE)
            period.reviews.append((t, code))
            t += next(gaps, 182) - d.integer(0, 14)

    def missing(self, child: Child, period: PeriodOfCare) -> None:
        """Missing and away incidents for children aged 10+, never across 31 March or past
        the end of care, never overlapping."""
        d = self.d
        from_day = max(period.start, birthday(child.dob, 10))
        if period.end - from_day < 7 or not d.chance(p.MISSING_PRONE_SHARE):
            return
        rate = p.MISSING_INCIDENTS_PER_YEAR * d.exponential(1.0)
        # Incidents arrive at random (memoryless), so starting just before the returns
        # changes nothing that a return shows.
        t = max(from_day, self.window_start - 30)
        while True:
            t += 1 + int(d.exponential(YEAR / (rate + 1e-9)))
            if t > self.window_end:
                return
            length = 0 if d.chance(0.4) else (1 if d.chance(0.5) else d.integer(2, 8))
            finish = t + length
            if finish >= period.end - 1:
                return
            start_year = ymd(t)[0] + (ymd(t)[1] > 3)
            if ymd(finish)[0] + (ymd(finish)[1] > 3) != start_year:
                finish = year_end(start_year)
            kind = "A" if d.chance(p.AWAY_SHARE) else "M"
            period.missing.append(MissingIncident(kind, t, finish))
            t = finish + 1

    def previous_permanence(self, child: Child, period: PeriodOfCare) -> None:
        d = self.d
        code = d.pick(p.PREV_PERM)
        if code in ("Z1", "P4"):
            period.prev_perm = (code, "", "")
            return
        when = child.dob + 1 + int((period.start - child.dob - 2) * d.uniform())
        year, month, day_of_month = ymd(when)
        style = d.uniform()
        if style < 0.5:
            date_perm = f"{day_of_month:02d}/{month:02d}/{year}"
        elif style < 0.8:
            date_perm = f"zz/{month:02d}/{year}"
        else:
            date_perm = f"zz/zz/{year}"
        period.prev_perm = (code, d.pick(p.LA_PERM), date_perm)

    # -- the wider life course -------------------------------------------------------------

    def social_worker_history(self, child: Child) -> None:
        """One allocated social worker at a time, from before the first period of care to the
        end of the last one (SW12: episodes while not looked after are returned too)."""
        d = self.d
        start = max(child.dob, child.periods[0].start - d.integer(0, 150))
        # Workers long before the returns are never shown: start the history about a year
        # before them (that worker's allocation date stands in for the real one).
        start = max(start, self.window_start - 400 + d.integer(0, 60))
        last_end = child.periods[-1].end
        if start >= last_end:
            return
        frailty = d.exponential(1.0)
        current = self._worker("")
        reason = "FCONTA"
        t = start
        while True:
            nxt = t + max(14, int(d.exponential(YEAR / (p.SW_CHANGES_PER_YEAR * frailty + 1e-9))))
            if nxt >= last_end or nxt > self.window_end:
                child.social_workers.append(SocialWorkerEpisode(current, t, last_end, reason))
                return
            child.social_workers.append(SocialWorkerEpisode(current, t, nxt, reason))
            current, reason, t = self._worker(current), d.pick(p.SW_REASON), nxt

    def _worker(self, avoid: str) -> str:
        while True:
            sw_id = f"SW{100000 + self.d.integer(0, self.social_worker_pool - 1)}"
            if sw_id != avoid:
                return sw_id

    def care_leaver_statuses(self, child: Child) -> None:
        """OC3 status around each 17th-21st birthday for former relevant young people
        (903-schema 4.6): 13 weeks looked after since the 14th birthday, some after the 16th,
        not still looked after on the birthday, not died, adopted or transferred."""
        last = child.periods[-1]
        if last.rec in ("E2", "E3", "E11", "E12", "E15", "E16"):
            return
        b14, b16 = birthday(child.dob, 14), birthday(child.dob, 16)
        died = False
        for age in range(17, 22):
            when = birthday(child.dob, age)
            if not self.window_start <= when <= self.window_end:
                continue
            if any(pc.start <= when < pc.end for pc in child.periods) or last.end > when:
                continue
            since_14 = sum(max(0, min(pc.end, when) - max(pc.start, b14)) for pc in child.periods)
            after_16 = any(pc.end > b16 for pc in child.periods)
            if since_14 < 91 or not after_16:
                continue
            child.care_leaver.append(self.care_leaver_status(when, age, died))
            died = died or child.care_leaver[-1].in_touch == "DIED"

    def care_leaver_status(self, when: int, age: int, died: bool) -> CareLeaverStatus:
        d = self.d
        band = "17to18" if age <= 18 else "19to21"
        in_touch = "DIED" if died else d.pick(p.IN_TOUCH[band])
        if in_touch in ("DIED", "RHOM"):
            return CareLeaverStatus(when, age, in_touch, "0", "0")
        accom_table = p.ACCOM["17" if age == 17 else "18" if age == 18 else "19to21"]
        if in_touch == "YES" or d.chance(p.NOT_IN_TOUCH_KNOWN_SHARE):
            return CareLeaverStatus(when, age, in_touch, d.pick(p.ACTIV[band]), d.pick(accom_table))
        return CareLeaverStatus(when, age, in_touch, "0", "0")


_FOSTER_PROVIDER_INSIDE = Choice.of({"PR1": 66, "PR4": 27, "PR5": 7})
_FOSTER_PROVIDER_OUTSIDE = Choice.of({"PR1": 30, "PR4": 55, "PR5": 10, "PR2": 5})
_LA_FOSTERING_URN = "SC064511"
_OTHER_LA_FOSTERING_URN = "SC071983"


def _where(placement: Placement) -> tuple[str, str, str, str]:
    """What a move must change, as the returns show it: an H5 placement is written as K3
    from 2024-25, so H5 followed by K3 in the same setting would not be a move."""
    place = "K3" if placement.place == "H5" else placement.place
    return place, placement.provider, placement.urn, placement.pl_post


def _status_on(changes: list[tuple[int, str]], when: int) -> str:
    status = changes[0][1]
    for day, ls in changes:
        if day > when:
            break
        status = ls
    return status


def build_life_courses(
    seed: int, children: int, first_year: int, last_year: int
) -> tuple[list[Child], PostcodeDirectory]:
    """All life courses that touch collection years first_year..last_year."""
    postcodes = PostcodeDirectory.generate(np.random.default_rng([seed, 1]))
    entrants = draw_entrants(np.random.default_rng([seed, 2]), children, first_year, last_year)
    keep = np.flatnonzero(worth_building(entrants, first_year))
    window = (year_start(first_year), year_end(last_year))
    builder = LifeCourseBuilder(
        Draws(np.random.default_rng([seed, 3])), postcodes, children, window
    )
    built = [builder.build(serial, entrants, int(i)) for serial, i in enumerate(keep, start=1)]
    return built, postcodes
