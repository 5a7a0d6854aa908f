"""Template tags that let other apps' pages show what young people said."""

from __future__ import annotations

from typing import Any

from django import template

from careboard.strategy.models import Action, Priority
from careboard.voice import summaries

register = template.Library()


@register.inclusion_tag("voice/priority_summary.html")
def priority_voice(priority: Priority) -> dict[str, Any]:
    return {"themes": summaries.themes(priority), "verdicts": summaries.verdicts(priority)}


@register.inclusion_tag("voice/action_verdicts.html")
def action_verdicts(action: Action) -> dict[str, Any]:
    return {"verdicts": list(action.verdicts.order_by("-heard_on"))}
