"""The scrutiny progress report, in the shape of the 2016 final report (seed 003).

Per objective: the recommendations it holds, a progress narrative and RAG for each (from
the newest rated progress update, or "No progress reported"), then summary counts and the
Amber recommendations to carry into the next plan. Recommendations that share a narrative
and a status are reported together, as the committee report does ("Recommendations 6 and
9: Green").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch

from careboard.governance.reports.model import (
    Bar,
    Cell,
    Figure,
    Paragraph,
    RagCell,
    Report,
    Section,
    Table,
)
from careboard.strategy.models import Action, Plan, Priority, ProgressUpdate
from careboard.strategy.rag import NO_PROGRESS_REPORTED, Rag, status_label

COUNT_ORDER = [Rag.GREEN.value, Rag.AMBER.value, Rag.RED.value, NO_PROGRESS_REPORTED]
NO_NARRATIVE = "No progress reported."


@dataclass
class RecommendationProgress:
    recommendation: Action
    status: str  # a RAG code, or "none"
    narrative: str  # the newest rated update's narrative, or "" when nobody reported

    @property
    def number(self) -> str:
        return recommendation_number(self.recommendation.reference)


def recommendation_number(reference: str) -> str:
    """ "R12" -> "12"; any other reference is shown as it is."""
    match = re.fullmatch(r"R(\d+\w*)", reference.strip(), flags=re.I)
    return match.group(1) if match else reference


def numbers_phrase(numbers: list[str]) -> str:
    """ "Recommendation 1", "Recommendations 6 and 9", "Recommendations 7, 10 and 11"."""
    if len(numbers) == 1:
        return f"Recommendation {numbers[0]}"
    return f"Recommendations {', '.join(numbers[:-1])} and {numbers[-1]}"


def _reference_key(reference: str) -> tuple[int, str]:
    digits = re.search(r"\d+", reference)
    return (int(digits.group()) if digits else 10**6, reference)


def progress_of(plan: Plan) -> dict[int | None, list[RecommendationProgress]]:
    """Each recommendation's status and narrative, grouped by objective (priority pk)."""
    rated = ProgressUpdate.objects.filter(rag__isnull=False).order_by("-reported_on", "-id")
    recommendations = Action.objects.filter(
        plan=plan, kind=Action.Kind.RECOMMENDATION
    ).prefetch_related(Prefetch("updates", queryset=rated, to_attr="rated_updates"))
    grouped: dict[int | None, list[RecommendationProgress]] = {}
    for item in sorted(recommendations, key=lambda a: _reference_key(a.reference)):
        newest = item.rated_updates[0] if item.rated_updates else None
        progress = RecommendationProgress(
            item,
            (newest.rag if newest else None) or NO_PROGRESS_REPORTED,
            newest.narrative if newest else "",
        )
        grouped.setdefault(item.priority_id, []).append(progress)
    return grouped


def summary_counts(progress: Iterable[RecommendationProgress]) -> dict[str, int]:
    counts = dict.fromkeys(COUNT_ORDER, 0)
    for item in progress:
        counts[item.status] += 1
    return counts


def carry_forward_list(progress: Iterable[RecommendationProgress]) -> list[RecommendationProgress]:
    """Amber means further work is needed: the item moves into the next plan (seed 003)."""
    return [item for item in progress if item.status == Rag.AMBER]


def _groups(items: list[RecommendationProgress]) -> list[list[RecommendationProgress]]:
    """Recommendations with the same narrative and status, kept together in first-seen order."""
    groups: dict[tuple[str, str], list[RecommendationProgress]] = {}
    order: list[list[RecommendationProgress]] = []
    for item in items:
        if not item.narrative:
            order.append([item])
            continue
        key = (item.narrative, item.status)
        if key not in groups:
            groups[key] = []
            order.append(groups[key])
        groups[key].append(item)
    return order


def build_scrutiny_report(plan: Plan) -> Report:
    label = plan.section_label
    priorities = list(Priority.objects.filter(plan=plan).order_by("number"))
    grouped = progress_of(plan)
    everything = [item for items in grouped.values() for item in items]
    counts = summary_counts(everything)
    carried = carry_forward_list(everything)
    next_plan = plan.next_plans.order_by("starts_on").first()

    report = Report(
        title=f"{plan.title}: progress on scrutiny recommendations",
        subtitle=f"Progress report to the scrutiny committee, {len(everything)} recommendations",
        author="careboard",
    )
    summary = report.section("Report summary")
    summary.add(
        Paragraph(
            f"This report gives progress on the {len(everything)} scrutiny recommendations "
            f"held in the {plan.title}. Each recommendation is linked to one of the plan's "
            f"{len(priorities)} {label.lower()}s, and progress is reported "
            f"{label.lower()} by {label.lower()}."
        )
    )
    summary.add(
        Paragraph(
            "Green means the action has been completed. Amber means further work is still "
            "needed and the recommendation will be carried into the next plan. Red means no "
            "progress has been made. No progress reported means nobody has given a rating."
        )
    )
    count_rows: list[list[Cell]] = [
        [RagCell(code, status_label(code)), counts[code]] for code in COUNT_ORDER
    ]
    count_rows.append(["Total", len(everything)])
    summary.add(Table("Recommendations by progress", ["Progress", "Recommendations"], count_rows))
    summary.add(
        Figure(
            "Recommendations by progress",
            alt="Bar chart of recommendations by progress: "
            + ", ".join(f"{status_label(code)} {counts[code]}" for code in COUNT_ORDER)
            + ".",
            bars=[Bar(status_label(code), counts[code], code) for code in COUNT_ORDER],
        )
    )

    appendix = report.section("Appendix 1: progress against each recommendation")
    for priority in priorities:
        _objective(appendix, label, priority, grouped.get(priority.pk, []))
    if grouped.get(None):
        _objective(appendix, label, None, grouped[None])

    forward = report.section("Carried forward into the next plan")
    target = next_plan.title if next_plan else "the next plan"
    if carried:
        forward.add(Paragraph(f"These recommendations are rated Amber and move into {target}."))
        forward.add(
            Table(
                "Recommendations carried forward",
                ["Recommendation", label, "What it asks", "Carried into"],
                [
                    [
                        item.number,
                        str(item.recommendation.priority.number)
                        if item.recommendation.priority
                        else "-",
                        item.recommendation.title,
                        _carried_into(item.recommendation),
                    ]
                    for item in carried
                ],
            )
        )
    else:
        forward.add(Paragraph("No recommendation is rated Amber: nothing is carried forward."))
    return report


def _carried_into(recommendation: Action) -> str:
    try:
        later = recommendation.carried_into
    except Action.DoesNotExist:
        return "Not carried yet"
    return f"{later.plan.short_title or later.plan.title} ({later.reference})"


def _objective(
    appendix: Section, label: str, priority: Priority | None, items: list[RecommendationProgress]
) -> None:
    if priority is None:
        heading = f"Not linked to an {label.lower()}"
    else:
        heading = f"{label} {priority.number}: {priority.title}"
    if items:
        heading += f" (incorporating {numbers_phrase([item.number for item in items])})"
    section = appendix.subsection(heading)
    if not items:
        section.add(
            Paragraph(f"There are no scrutiny recommendations within this {label.lower()}.")
        )
        return
    section.add(
        Table(
            f"Recommendations in {label.lower()} {priority.number if priority else ''}".strip(),
            ["Recommendation", "What it asks", "Progress"],
            [
                [
                    item.number,
                    item.recommendation.title,
                    RagCell(item.status, status_label(item.status)),
                ]
                for item in items
            ],
        )
    )
    for group in _groups(items):
        phrase = numbers_phrase([item.number for item in group])
        titles = "; ".join(item.recommendation.title for item in group)
        part = section.subsection(f"{phrase}: {titles}")
        part.add(Paragraph(group[0].narrative or NO_NARRATIVE))
        part.add(
            Paragraph(f"Progress against {phrase}: {status_label(group[0].status)}", emphasis=True)
        )
