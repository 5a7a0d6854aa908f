"""The read-only data feed, version 1: `/api/v1/`, described at `/api/v1/openapi.json`.

For Power BI (Web connector) and Excel: every list takes `limit`, `offset` and `format`
(json or csv), answers with an ETag and honours If-None-Match. Authentication is a bearer
token created by an administrator.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.security import HttpBearer

from careboard.analytics.benchmarks.snapshot import shipped_snapshot
from careboard.api.models import ApiToken
from careboard.api.responses import MAX_LIMIT, MAX_OFFSET, paginated, respond
from careboard.governance.models import Meeting
from careboard.indicators.judgements import council_code
from careboard.indicators.models import CatalogueEntry, IndicatorValue, Judgement
from careboard.indicators.publication import published
from careboard.strategy.models import Action, Plan, ProgressUpdate
from careboard.strategy.rag import STATUS_LABELS


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        return ApiToken.authenticate(token)


api = NinjaAPI(
    title="careboard data feed",
    version="1",
    description=__doc__ or "",
    urls_namespace="api-v1",
    auth=TokenAuth(),
    docs_url=None,  # the interactive docs page loads third-party scripts; the JSON is enough
)

Format = Literal["json", "csv"]


class Page(Schema):
    count: int
    limit: int
    offset: int


class PlanOut(Schema):
    slug: str
    title: str
    starts_on: dt.date
    ends_on: dt.date
    status: str
    section_label: str
    vision: str
    previous_plan: str | None


class PlanPage(Page):
    items: list[PlanOut]


class PriorityOut(Schema):
    plan: str
    number: int
    slug: str
    title: str
    child_friendly: str


class PlanDetail(PlanOut):
    priorities: list[PriorityOut]


class ActionOut(Schema):
    id: int
    plan: str
    priority_number: int | None
    reference: str
    kind: str
    title: str
    responsibility: str
    timescale: str
    due_on: dt.date | None
    status: str
    status_label: str
    last_update_on: dt.date | None
    latest_update: str = Field(description="The newest progress update's narrative.")
    carried_from: int | None


class ActionPage(Page):
    items: list[ActionOut]


class IndicatorOut(Schema):
    plan: str
    code: str
    strategy_wording: str
    priority_number: int | None
    source: str
    unit: str
    polarity: str
    period: str
    definition: str


class IndicatorPage(Page):
    items: list[IndicatorOut]


class Paging(Schema):
    limit: int = Field(100, ge=1, le=MAX_LIMIT, description="Rows per page (at most 500).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Rows to skip.")
    format: Format = Field("json", description="json (default) or csv.")


class ActionFilters(Paging):
    plan: str | None = Field(None, max_length=50, description="A plan's slug.")
    priority: int | None = Field(None, ge=0, le=1000, description="Priority number.")
    kind: Literal["action", "recommendation"] | None = None
    status: Literal["green", "amber", "red", "none"] | None = None


class IndicatorFilters(Paging):
    plan: str | None = Field(None, max_length=50, description="A plan's slug.")


def _plan_row(plan: Plan) -> dict:
    return {
        "slug": plan.slug,
        "title": plan.title,
        "starts_on": plan.starts_on,
        "ends_on": plan.ends_on,
        "status": plan.status,
        "section_label": plan.section_label,
        "vision": plan.vision,
        "previous_plan": plan.previous_plan.slug if plan.previous_plan else None,
    }


@api.get("/plans", response=PlanPage, summary="Strategies and action plans")
def plans(request: HttpRequest, paging: Query[Paging]) -> HttpResponse:
    limit, offset = paging.limit, paging.offset
    found = Plan.objects.select_related("previous_plan").order_by("starts_on", "slug")
    rows = [_plan_row(p) for p in found[offset : offset + limit]]
    return respond(request, paginated(rows, found.count(), limit, offset), paging.format)


@api.get("/plans/{slug}", response=PlanDetail, summary="One plan with its priorities")
def plan(request: HttpRequest, slug: str = Path(..., max_length=50)) -> HttpResponse:
    found = get_object_or_404(Plan.objects.select_related("previous_plan"), slug=slug)
    body = _plan_row(found) | {
        "priorities": [
            {
                "plan": found.slug,
                "number": p.number,
                "slug": p.slug,
                "title": p.title,
                "child_friendly": p.child_friendly,
            }
            for p in found.priorities.all()
        ]
    }
    return respond(request, body)


@api.get(
    "/actions",
    response=ActionPage,
    summary="Actions and recommendations with their current RAG status",
)
def actions(request: HttpRequest, filters: Query[ActionFilters]) -> HttpResponse:
    limit, offset = filters.limit, filters.offset
    found = (
        Action.objects.with_status()
        .select_related("plan", "priority")
        .order_by("plan__starts_on", "plan__slug", "priority__number", "id")
    )
    if filters.plan:
        found = found.filter(plan__slug=filters.plan)
    if filters.priority is not None:
        found = found.filter(priority__number=filters.priority)
    if filters.kind:
        found = found.filter(kind=filters.kind)
    if filters.status:
        found = found.in_status(filters.status)
    chosen = list(found[offset : offset + limit])
    newest: dict[int, str] = {}
    for update in ProgressUpdate.objects.filter(action__in=chosen).order_by(
        "action_id", "-reported_on", "-id"
    ):
        newest.setdefault(update.action_id, update.narrative)
    rows = [
        {
            "id": a.pk,
            "plan": a.plan.slug,
            "priority_number": a.priority.number if a.priority else None,
            "reference": a.reference,
            "kind": a.kind,
            "title": a.title,
            "responsibility": a.responsibility,
            "timescale": a.timescale,
            "due_on": a.due_on,
            "status": a.status,
            "status_label": STATUS_LABELS[a.status],
            "last_update_on": getattr(a, "last_update_on", None),
            "latest_update": newest.get(a.pk, ""),
            "carried_from": a.carried_from_id,
        }
        for a in chosen
    ]
    return respond(request, paginated(rows, found.count(), limit, offset), filters.format)


@api.get(
    "/indicators",
    response=IndicatorPage,
    summary="The strategy's indicators (Measuring Success) and their definitions",
)
def indicators(request: HttpRequest, filters: Query[IndicatorFilters]) -> HttpResponse:
    limit, offset = filters.limit, filters.offset
    found = CatalogueEntry.objects.select_related("plan", "priority")
    if filters.plan:
        found = found.filter(plan__slug=filters.plan)
    rows = [
        {
            "plan": e.plan.slug,
            "code": e.code,
            "strategy_wording": e.strategy_wording,
            "priority_number": e.priority.number if e.priority else None,
            "source": e.source,
            "unit": e.unit,
            "polarity": e.polarity,
            "period": e.period,
            "definition": e.definition,
        }
        for e in found[offset : offset + limit]
    ]
    return respond(request, paginated(rows, found.count(), limit, offset), filters.format)


class ValueOut(Schema):
    plan: str
    code: str
    year: int
    period_label: str
    value: float | None = Field(description="Empty when withheld, not derivable or missing.")
    value_text: str = Field(description='The figure as printed: a number, "c" or "x".')
    numerator: int | None
    denominator: int | None
    withheld_note: str | None
    status: str = Field(description="green, amber, red, or empty when there is no judgement.")
    reason: str
    flags: list[str]
    source: str


class ValuePage(Page):
    items: list[ValueOut]


class ValueFilters(Paging):
    plan: str | None = Field(None, max_length=50, description="A plan's slug.")
    code: str | None = Field(None, max_length=80, description="An indicator code.")
    year: int | None = Field(None, ge=1990, le=2100, description="Year the period ends.")


@api.get(
    "/values",
    response=ValuePage,
    summary="Indicator values by year with their RAG and reason, under disclosure control",
)
def values(request: HttpRequest, filters: Query[ValueFilters]) -> HttpResponse:
    """Counts of 1 to 5, percentages of fewer than 10 children and averages over 1 to 5
    children are withheld ("c"), and so are their numerator and denominator."""
    limit, offset = filters.limit, filters.offset
    found = (
        IndicatorValue.objects.filter(is_current=True)
        .select_related("entry__plan", "entry__priority")
        .order_by("entry__plan__slug", "entry__code", "year")
    )
    if filters.plan:
        found = found.filter(entry__plan__slug=filters.plan)
    if filters.code:
        found = found.filter(entry__code=filters.code)
    if filters.year:
        found = found.filter(year=filters.year)
    page = list(found[offset : offset + limit])
    judgements = {
        (j.entry_id, j.year): j
        for j in Judgement.objects.filter(
            entry_id__in={row.entry_id for row in page}, year__in={row.year for row in page}
        )
    }
    rows = []
    for row in page:
        shown = published(row, judgements.get((row.entry_id, row.year)))
        withheld = row.value is not None and shown.value is None
        rows.append(
            {
                "plan": row.entry.plan.slug,
                "code": row.entry.code,
                "year": row.year,
                "period_label": row.period_label,
                "value": shown.value,
                "value_text": shown.text,
                "numerator": None if withheld else row.numerator,
                "denominator": None if withheld else row.denominator,
                "withheld_note": shown.note,
                "status": shown.status,
                "reason": shown.sentence,
                "flags": list(row.flags),
                "source": row.source,
            }
        )
    return respond(request, paginated(rows, found.count(), limit, offset), filters.format)


class BenchmarkOut(Schema):
    code: str
    year: int
    council: float | None = Field(description="The council's figure as DfE published it.")
    england: float | None
    north_west: float | None
    neighbours_average: float | None
    neighbours_with_value: int
    quartile: str | None = Field(description="A (best quarter) to D, in the indicator's polarity.")
    missing_reason: str | None


class BenchmarkPage(Page):
    items: list[BenchmarkOut]


class BenchmarkFilters(Paging):
    code: str | None = Field(None, max_length=80, description="An indicator code.")


@api.get(
    "/benchmarks",
    response=BenchmarkPage,
    summary="DfE published comparators: England, North West, statistical neighbours",
)
def benchmarks(request: HttpRequest, filters: Query[BenchmarkFilters]) -> HttpResponse:
    """From the DfE snapshot shipped with careboard (Open Government Licence v3.0)."""
    snapshot = shipped_snapshot()
    la = council_code()
    keys = [
        (code, year)
        for code in sorted(snapshot.indicators())
        if filters.code in (None, code)
        for year in snapshot.years(code)
    ]
    rows = []
    for code, year in keys[filters.offset : filters.offset + filters.limit]:
        compared = snapshot.compare(code, year, la)
        rows.append(
            {
                "code": code,
                "year": year,
                "council": compared.value.value,
                "england": compared.england.value,
                "north_west": compared.region_value.value,
                "neighbours_average": compared.neighbour_average,
                "neighbours_with_value": compared.neighbours_with_value,
                "quartile": compared.quartile.quartile if compared.quartile else None,
                "missing_reason": compared.value.reason,
            }
        )
    body = paginated(rows, len(keys), filters.limit, filters.offset)
    return respond(request, body, filters.format)


class AgendaItemOut(Schema):
    order: int
    kind: str
    title: str


class DecisionOut(Schema):
    order: int
    text: str
    status: str
    action_reference: str | None


class MeetingOut(Schema):
    id: int
    date: dt.date
    board: str
    plan: str | None
    theme_priority: int | None
    theme: str | None
    status: str
    agenda: list[AgendaItemOut]
    decisions: list[DecisionOut]


class MeetingPage(Page):
    items: list[MeetingOut]


@api.get(
    "/meetings",
    response=MeetingPage,
    summary="Board meetings: theme, agenda and decisions (no names, no minutes)",
)
def meetings(request: HttpRequest, paging: Query[Paging]) -> HttpResponse:
    """People's names and the minutes stay on the staff site; board actions created by a
    decision appear by reference (see /actions)."""
    found = Meeting.objects.select_related("plan", "theme").order_by("date", "id")
    chosen = list(
        found.prefetch_related("agenda", "decisions__action")[
            paging.offset : paging.offset + paging.limit
        ]
    )
    rows = [_meeting_row(m, nested=paging.format != "csv") for m in chosen]
    body = paginated(rows, found.count(), paging.limit, paging.offset)
    return respond(request, body, paging.format)


def _meeting_row(meeting: Meeting, *, nested: bool) -> dict[str, Any]:
    """JSON nests the agenda and decisions; CSV (one row a meeting) counts them."""
    agenda = [{"order": a.order, "kind": a.kind, "title": a.title} for a in meeting.agenda.all()]
    decisions = [
        {
            "order": d.order,
            "text": d.text,
            "status": d.status,
            "action_reference": d.action.reference if d.action else None,
        }
        for d in meeting.decisions.all()
    ]
    row: dict[str, Any] = {
        "id": meeting.pk,
        "date": meeting.date,
        "board": meeting.board,
        "plan": meeting.plan.slug if meeting.plan else None,
        "theme_priority": meeting.theme.number if meeting.theme else None,
        "theme": meeting.theme.title if meeting.theme else None,
        "status": meeting.status,
    }
    if nested:
        return row | {"agenda": agenda, "decisions": decisions}
    return row | {"agenda_items": len(agenda), "decisions": len(decisions)}
