"""What a synthetic child's life course holds: periods of care, episodes, placements and the
events around them. Dates are day ordinals (see `dates`); `lifecourse` fills these in and
`snapshot` cuts yearly returns from them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Placement:
    """Where the child lives and who provides it; `same_carer` marks a T/U change."""

    start: int
    place: str
    provider: str
    urn: str
    pl_post: str
    same_carer: bool = False
    z_subtype: str = ""  # Z11-Z14, used from 2025-26 for a Z1 placement


@dataclass(slots=True)
class Episode:
    decom: int
    dec: int  # always set in the life course; a return blanks it when after 31 March
    rne: str
    ls: str
    place: str
    provider: str
    urn: str
    pl_post: str
    rec: str
    reason_place_change: str
    z_subtype: str = ""


@dataclass(slots=True)
class Adoption:
    date_int: int
    date_match: int
    foster_care: str
    nb_adoptr: str
    sex_adoptr: str
    ls_adoptr: str


@dataclass(slots=True)
class AdoptionDecision:
    date_placed: int
    date_ceased: int | None
    reason_ceased: str


@dataclass(slots=True)
class MissingIncident:
    kind: str  # M or A
    start: int
    end: int


@dataclass(slots=True)
class PeriodOfCare:
    start: int
    end: int
    rec: str
    cin: str
    home_post: str
    episodes: list[Episode] = field(default_factory=list)
    reviews: list[tuple[int, str]] = field(default_factory=list)
    missing: list[MissingIncident] = field(default_factory=list)
    decisions: list[AdoptionDecision] = field(default_factory=list)
    adoption: Adoption | None = None
    prev_perm: tuple[str, str, str] = ("Z1", "", "")


@dataclass(slots=True)
class SocialWorkerEpisode:
    sw_id: str
    start: int
    end: int
    reason: str


@dataclass(slots=True)
class CareLeaverStatus:
    birthday: int
    age: int
    in_touch: str
    activ: str
    accom: str


@dataclass(slots=True)
class Child:
    child_id: str
    dob: int
    sex: str  # M or F; a return codes it 1/2 before 2024-25
    ethnic: str
    uasc: bool
    duc: int | None
    upn: str  # permanent UPN or a UN code; UN1 is used while under school age
    mc_dob: int | None
    periods: list[PeriodOfCare] = field(default_factory=list)
    social_workers: list[SocialWorkerEpisode] = field(default_factory=list)
    care_leaver: list[CareLeaverStatus] = field(default_factory=list)
