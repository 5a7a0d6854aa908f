"""The word shown beside an indicator's figure: its RAG, or why it has none."""

from __future__ import annotations

from careboard.indicators.models import CatalogueEntry, Judgement, RagStatus


def status_word(entry: CatalogueEntry, status: str, judgement: Judgement | None) -> str:
    if status:
        return str(RagStatus(status).label)
    if entry.polarity == CatalogueEntry.Polarity.CONTEXTUAL:
        return "Contextual"
    if judgement is not None and judgement.target_value is None:
        return "No target"
    return "No status"
