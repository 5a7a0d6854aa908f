"""Template helpers for the strategy pages: RAG tags and sortable table headings."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import QueryDict

from careboard.strategy.rag import status_label

register = template.Library()


@register.inclusion_tag("includes/rag.html")
def rag(status: str | None) -> dict[str, str]:
    """A RAG status as a word and a colour: {% rag action.status %}."""
    code = status or "none"
    return {"status": code, "label": status_label(code)}


@register.filter
def plural(label: str) -> str:
    """A plan's section label in the plural: Priority -> Priorities, Objective -> Objectives."""
    if label.endswith("y") and label[-2:-1] not in "aeiou":
        return label[:-1] + "ies"
    return label + "s"


@register.inclusion_tag("strategy/includes/sort_heading.html", takes_context=True)
def sort_heading(
    context: dict[str, Any], column: str, label: str, sortable: bool = True
) -> dict[str, Any]:
    """A table heading that sorts by `column`, keeping the current filters in the link.

    The first click sorts ascending, the next descending; aria-sort says which is in force.
    With `sortable` false it is a plain heading.
    """
    if not sortable:
        return {"label": label, "url": None}
    request = context["request"]
    current = request.GET.get("sort", "")
    query: QueryDict = request.GET.copy()
    if current == column:
        query["sort"], aria_sort = f"-{column}", "ascending"
    elif current == f"-{column}":
        query["sort"], aria_sort = column, "descending"
    else:
        query["sort"], aria_sort = column, "none"
    return {"label": label, "url": f"?{query.urlencode()}", "aria_sort": aria_sort}
