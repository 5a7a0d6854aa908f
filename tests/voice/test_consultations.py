"""Consultations: asked online or in a group session, results with small numbers hidden."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from careboard.accounts.models import Role, User
from careboard.voice.consultations import parse_questions, results
from careboard.voice.models import Consultation, ConsultationQuestion, ConsultationResponse

pytestmark = pytest.mark.django_db


def test_questions_are_written_one_a_line_with_their_answers():
    assert parse_questions(
        "Which matters most? | Health; Homes; School\n\nIs it clear? | Yes; No"
    ) == [("Which matters most?", ["Health", "Homes", "School"]), ("Is it clear?", ["Yes", "No"])]


@pytest.mark.parametrize("text", ["", "A question with no answers", "Q? | only one"])
def test_a_question_without_two_answers_is_refused_with_its_line(text):
    with pytest.raises(ValueError, match=r"Add at least one question|Line 1"):
        parse_questions(text)


@pytest.fixture
def consultation():
    today = timezone.localdate()
    asked = Consultation.objects.create(
        title="What matters most to you?",
        slug="priorities",
        purpose="Help us choose.",
        opens_on=today - dt.timedelta(days=1),
        closes_on=today + dt.timedelta(days=10),
    )
    ConsultationQuestion.objects.create(
        consultation=asked,
        order=1,
        text="Which matters most?",
        choices=["Health", "Homes", "School"],
    )
    return asked


def answer(consultation, choice, times):
    question = consultation.questions.get()
    for _ in range(times):
        ConsultationResponse.objects.create(
            consultation=consultation, channel="online", answers={str(question.pk): choice}
        )


def test_results_hide_small_counts_and_anything_that_would_reveal_them(consultation):
    answer(consultation, 0, 12)
    answer(consultation, 1, 3)
    answer(consultation, 2, 9)
    (result,) = results(consultation)
    shown = {choice: cell.text for choice, cell in result.answers}
    assert shown["Homes"] == "c"  # 3 young people: too few to show
    assert shown["School"] == "c"  # hidden too, or Homes = total - Health - School
    assert shown["Health"] == "12"
    assert result.total.text == "24"


def test_a_young_person_answers_online_without_an_account(client, consultation):
    question = consultation.questions.get()
    response = client.post(
        reverse("public:consultation", args=["priorities"]), {f"q{question.pk}": "1"}
    )
    assert response.status_code == 302
    saved = ConsultationResponse.objects.get()
    assert (saved.channel, saved.answers) == ("online", {str(question.pk): 1})


def test_an_answer_outside_the_choices_is_refused(client, consultation):
    question = consultation.questions.get()
    response = client.post(
        reverse("public:consultation", args=["priorities"]), {f"q{question.pk}": "7"}
    )
    assert response.status_code == 200
    assert not ConsultationResponse.objects.exists()
    page = response.content.decode()
    anchor = f"id_q{question.pk}_0"
    assert f'href="#{anchor}"' in page  # the error summary links to the first answer
    assert f'id="{anchor}"' in page


def test_a_closed_consultation_takes_no_answers(client, consultation):
    consultation.closes_on = timezone.localdate() - dt.timedelta(days=1)
    consultation.save()
    question = consultation.questions.get()
    page = client.post(
        reverse("public:consultation", args=["priorities"]), {f"q{question.pk}": "0"}
    )
    assert "closed" in page.content.decode()
    assert not ConsultationResponse.objects.exists()


def test_participation_workers_create_consultations_and_enter_group_answers(client):
    client.force_login(User.objects.create_user("p", role=Role.PARTICIPATION_WORKER))
    today = timezone.localdate()
    response = client.post(
        reverse("voice:consultation_new"),
        {
            "title": "Strategy priorities",
            "slug": "strategy",
            "purpose": "Which first?",
            "opens_on": today,
            "closes_on": today,
            "questions": "Which priority first? | Health; Independence; Homes; Education",
        },
    )
    assert response.status_code == 302
    asked = Consultation.objects.get(slug="strategy")
    question = asked.questions.get()
    client.post(
        reverse("voice:consultation", args=["strategy"]),
        {"session_note": "Care Leavers Council", f"q{question.pk}": "2"},
    )
    saved = ConsultationResponse.objects.get()
    assert (saved.channel, saved.session_note) == ("on_behalf", "Care Leavers Council")


def test_board_members_cannot_see_consultations(client, consultation):
    client.force_login(User.objects.create_user("b", role=Role.BOARD_MEMBER))
    assert client.get(reverse("voice:consultation", args=["priorities"])).status_code == 403


def test_a_safeguarding_lead_reads_results_but_cannot_add_answers(client, consultation):
    client.force_login(User.objects.create_user("s", role=Role.SAFEGUARDING_LEAD))
    url = reverse("voice:consultation", args=["priorities"])
    assert client.get(url).status_code == 200
    question = consultation.questions.get()
    assert client.post(url, {f"q{question.pk}": "0"}).status_code == 403
