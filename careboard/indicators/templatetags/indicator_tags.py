"""Template helpers for indicator figures: a value written with its unit."""

from __future__ import annotations

from django import template

register = template.Library()


def plain(number: float) -> str:
    """At most two decimal places, no trailing zeros, thousands separated: 1,234 or 70.5."""
    rounded = round(number, 2)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.2f}".rstrip("0")


@register.filter
def figure(value: float | None, unit: str = "") -> str:
    """A value as the board reads it: "70.5%", "426 days", "1,234"; "No figure" if empty."""
    if value is None:
        return "No figure"
    text = plain(value)
    cleaned = (unit or "").strip().lower()
    if cleaned in ("%", "percent"):
        return f"{text}%"
    if cleaned in ("days", "weeks"):
        return f"{text} {cleaned}"
    return text
