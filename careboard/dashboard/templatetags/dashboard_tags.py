"""Template helpers of the dashboard: figures in their units, the change between periods,
and links that keep the chosen periods."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template

from careboard.charts.points import number_text, unit_name, value_text
from careboard.dashboard.figures import YearFigure
from careboard.dashboard.years import YearChoice

register = template.Library()


@register.filter
def in_unit(value: float | None, unit: str) -> str:
    """70.5%, 426 days, 1,234, -1.31; a dash when there is no figure."""
    return "–" if value is None else value_text(value, unit)


@register.filter
def shown(figure: YearFigure | None, unit: str) -> str:
    """A period's figure, or the words for why there is none ("Awaiting data", "c")."""
    if figure is None:
        return "Awaiting data"
    if figure.value is not None:
        return value_text(figure.value, unit)
    if figure.state == "suppressed":
        return "c (suppressed)"
    if figure.state == "unpublished":
        return "x (not published)"
    return figure.state_words


@register.filter
def counted(figure: YearFigure | None) -> str:
    """ "33 of 45" for a percentage's numerator and denominator, the count alone, or "–"."""
    if figure is None or figure.numerator is None:
        return "–"
    if figure.denominator is None:
        return f"{figure.numerator:,}"
    return f"{figure.numerator:,} of {figure.denominator:,}"


@register.simple_tag
def change_between(now: YearFigure | None, then: YearFigure | None, unit: str) -> str:
    """ "Up 3 points", "Down 12 days", "No change"; empty when either figure is missing."""
    if now is None or then is None or now.value is None or then.value is None:
        return ""
    difference = now.value - then.value
    amount = number_text(abs(difference), unit)
    if amount == number_text(0, unit):
        return "No change"
    name = unit_name(unit)
    words = {"percent": "points", "days": "days", "weeks": "weeks"}.get(name, "")
    if words and amount == "1":
        words = words.removesuffix("s")
    return f"{'Up' if difference > 0 else 'Down'} {amount}{' ' + words if words else ''}"


@register.simple_tag
def periods_query(choice: YearChoice | None, plan_slug: str = "") -> str:
    """The query string that keeps the chosen periods (and plan) on the next page."""
    query: dict[str, str] = {}
    if plan_slug:
        query["plan"] = plan_slug
    if choice is not None and choice.year is not None:
        query["year"] = str(choice.year)
    if choice is not None and choice.compare is not None:
        query["compare"] = str(choice.compare)
    return f"?{urlencode(query)}" if query else ""
