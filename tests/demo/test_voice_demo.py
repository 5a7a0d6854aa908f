"""The fictional voice-of-the-child demo data."""

import pytest
from django.core.management import call_command

from careboard.voice.consultations import results
from careboard.voice.models import CareCouncilVerdict, Consultation, Feedback, YouSaidWeDid

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    call_command("load_demo", verbosity=0)


def test_feedback_covers_every_priority_and_flags_the_urgent_items(loaded):
    assert set(Feedback.objects.values_list("about", flat=True)) >= {
        "health",
        "independence",
        "homes",
        "education",
    }
    urgent = Feedback.objects.filter(urgent=True)
    assert {tuple(f.signals) for f in urgent} == {("not safe",), ("running away",)}


def test_the_consultation_results_are_suppressed_where_small(loaded):
    consultation = Consultation.objects.get(slug="priorities-2022")
    first = results(consultation)[0]
    shown = dict((choice, cell.text) for choice, cell in first.answers)
    assert shown["School, college and work"] == "c"  # 3 answers: too few to show
    assert first.total.text == "43"


def test_verdicts_cover_all_four_priorities(loaded):
    numbers = set(CareCouncilVerdict.objects.values_list("priority__number", flat=True))
    assert numbers == {1, 2, 3, 4}


def test_loading_twice_adds_no_voice_rows(loaded):
    counts = (
        Feedback.objects.count(),
        YouSaidWeDid.objects.count(),
        CareCouncilVerdict.objects.count(),
    )
    call_command("load_demo", verbosity=0)
    assert (
        Feedback.objects.count(),
        YouSaidWeDid.objects.count(),
        CareCouncilVerdict.objects.count(),
    ) == counts
