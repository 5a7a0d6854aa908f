"""Consultation results: counts per answer, with small numbers suppressed."""

from __future__ import annotations

from dataclasses import dataclass

from careboard.analytics.disclosure import Shown, protect_table
from careboard.voice.models import Consultation, ConsultationQuestion


@dataclass(frozen=True)
class QuestionResult:
    question: ConsultationQuestion
    answers: list[tuple[str, Shown]]
    total: Shown


def parse_questions(text: str) -> list[tuple[str, list[str]]]:
    """Questions written one per line as `Question? | answer; answer; answer`."""
    questions = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        question, _, answers = line.partition("|")
        choices = [c.strip() for c in answers.split(";") if c.strip()]
        if not question.strip() or len(choices) < 2:
            raise ValueError(
                f"Line {number}: write the question, then |, then at least two answers "
                "separated by ;"
            )
        questions.append((question.strip(), choices))
    if not questions:
        raise ValueError("Add at least one question")
    return questions


def results(consultation: Consultation) -> list[QuestionResult]:
    responses = list(consultation.responses.values_list("answers", flat=True))
    outcome = []
    for question in consultation.questions.all():
        counts = [0] * len(question.choices)
        for answers in responses:
            chosen = answers.get(str(question.pk))
            if isinstance(chosen, int) and 0 <= chosen < len(counts):
                counts[chosen] += 1
        table = protect_table([[count] for count in counts])
        outcome.append(
            QuestionResult(
                question,
                [
                    (choice, row[0])
                    for choice, row in zip(question.choices, table.cells, strict=True)
                ],
                table.grand_total,
            )
        )
    return outcome
