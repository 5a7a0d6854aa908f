"""Load the fictional voice-of-the-child demo data (careboard.demo.data.voice), idempotently."""

from __future__ import annotations

from careboard.accounts.models import Role, User
from careboard.demo.data import strategy_2022_25, voice
from careboard.strategy.models import Priority
from careboard.voice.models import (
    CareCouncilVerdict,
    Consultation,
    ConsultationQuestion,
    ConsultationResponse,
    ContactRequest,
    Feedback,
    YouSaidWeDid,
)
from careboard.voice.safeguarding import signals_in

DEMO_NOTE = "Fictional demo item {number}."


def load_voice() -> int:
    """Create what is missing; return how many rows were written."""
    written = 0
    priorities = {p.number: p for p in Priority.objects.filter(plan__slug=strategy_2022_25.SLUG)}
    worker = User.objects.filter(role=Role.PARTICIPATION_WORKER).first()
    for record in voice.FEEDBACK:
        note = DEMO_NOTE.format(number=record.number)
        if Feedback.objects.filter(staff_notes=note).exists():
            continue
        found = signals_in(record.good, record.not_good, record.ideas)
        feedback = Feedback.objects.create(
            about=record.about,
            whats_good=record.good,
            whats_not_good=record.not_good,
            ideas=record.ideas,
            age_band=record.age_band,
            wants_contact=bool(record.contact_how),
            urgent=bool(found),
            signals=found,
            alert_sent_at=record.received if found else None,
            status=record.status,
            theme=record.theme,
            sentiment=record.sentiment,
            priority=priorities.get(
                {"health": 1, "independence": 2, "homes": 3, "education": 4}.get(record.about, 0)
            ),
            staff_notes=note,
            triaged_by=worker if record.status != "new" else None,
            closed_at=record.received if record.status == "closed" else None,
        )
        Feedback.objects.filter(pk=feedback.pk).update(created_at=record.received)
        if record.contact_how:
            ContactRequest.objects.create(feedback=feedback, name="", how=record.contact_how)
        written += 1
    written += _consultation(worker)
    for v in voice.VERDICTS:
        _, created = CareCouncilVerdict.objects.get_or_create(
            council=v.council,
            heard_on=v.heard_on,
            priority=priorities.get(v.priority),
            defaults={"verdict": v.verdict, "what_they_said": v.said, "recorded_by": worker},
        )
        written += created
    approver = User.objects.filter(role=Role.ADMINISTRATOR).first()
    for number, said, did, published in voice.YOU_SAID_WE_DID:
        _, created = YouSaidWeDid.objects.get_or_create(
            you_said=said,
            defaults={
                "priority": priorities.get(number),
                "we_did": did,
                "written_by": worker,
                "approved": published is not None,
                "approved_by": approver if published else None,
                "published_on": published,
            },
        )
        written += created
    return written


def _consultation(worker: User | None) -> int:
    if Consultation.objects.filter(slug=voice.CONSULTATION_SLUG).exists():
        return 0
    asked = Consultation.objects.create(
        slug=voice.CONSULTATION_SLUG, created_by=worker, **voice.CONSULTATION
    )
    questions = [
        ConsultationQuestion.objects.create(
            consultation=asked, order=order, text=text, choices=list(choices)
        )
        for order, (text, choices, _) in enumerate(voice.QUESTIONS, start=1)
    ]
    # One response per young person; answers to each question dealt out in order.
    answers_by_question = [
        [index for index, count in enumerate(counts) for _ in range(count)]
        for _, _, counts in voice.QUESTIONS
    ]
    people = max(len(a) for a in answers_by_question)
    ConsultationResponse.objects.bulk_create(
        ConsultationResponse(
            consultation=asked,
            channel="on_behalf" if person % 3 else "online",
            session_note="Care council session" if person % 3 else "",
            answers={
                str(q.pk): answers[person]
                for q, answers in zip(questions, answers_by_question, strict=True)
                if person < len(answers)
            },
        )
        for person in range(people)
    )
    return 1 + len(questions) + people
