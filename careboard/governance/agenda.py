"""The standard agenda of a themed board meeting (seed 001: each meeting themed on a priority)."""

from __future__ import annotations

from django.db import transaction

from careboard.governance.models import AgendaItem, Meeting

Kind = AgendaItem.Kind


def standard_agenda(meeting: Meeting) -> list[AgendaItem]:
    """The items every themed meeting has, in order; unsaved."""
    if meeting.theme is not None:
        label = meeting.plan.section_label
        deep_dive = (
            f"Deep-dive: {label} {meeting.theme.number}, {meeting.theme.title}: "
            "its indicators and actions"
        )
    else:
        deep_dive = "Deep-dive: no theme chosen yet"
    titles = [
        (Kind.OPENING, "Welcome, apologies and minutes of the last meeting"),
        (Kind.DEEP_DIVE, deep_dive),
        (Kind.PERFORMANCE, "Performance report: indicators with RAG and reasons"),
        (Kind.OVERDUE, "Actions overdue or due before the next meeting"),
        (Kind.VOICE, "Voice of the child: what young people told us"),
        (Kind.CARE_COUNCIL, "Care councils: their verdict and questions for the board"),
        (Kind.DECISIONS, "Decisions needed and any other business"),
    ]
    return [
        AgendaItem(meeting=meeting, order=order, kind=kind, title=title)
        for order, (kind, title) in enumerate(titles, start=1)
    ]


@transaction.atomic
def build_agenda(meeting: Meeting) -> list[AgendaItem]:
    """Replace the standard items of `meeting`'s agenda with ones for its current theme.

    Items someone added by hand (kind "other") are kept, after the standard ones.
    """
    meeting.agenda.exclude(kind=Kind.OTHER).delete()
    extra = list(meeting.agenda.all())
    items = standard_agenda(meeting)
    for item in items:
        item.save()
    for order, item in enumerate(extra, start=len(items) + 1):
        item.order = order
        item.save()
    return items + extra
