"""Template tags that let other apps' pages show what young people said."""

from __future__ import annotations

from typing import Any

from django import template

from careboard.strategy.models import Priority
from careboard.voice import summaries

register = template.Library()


@register.inclusion_tag("voice/priority_summary.html")
def priority_voice(priority: Priority) -> dict[str, Any]:
    return {"themes": summaries.themes(priority), "verdicts": summaries.verdicts(priority)}
