"""The public feedback form: taking feedback in safely (issue 7)."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from careboard.accounts.models import Role, User
from careboard.core.models import AuditEvent
from careboard.voice.models import ContactRequest, Feedback

pytestmark = pytest.mark.django_db
FORM = reverse("public:feedback")


def answers(**overrides):
    data = {
        "about": "homes",
        "whats_good": "My foster carer listens",
        "whats_not_good": "",
        "ideas": "",
        "age_band": "11_15",
        "wants_contact": "no",
        "contact_name": "",
        "contact_how": "",
        "website": "",
    }
    return {**data, **overrides}


def test_feedback_is_stored_anonymously_and_the_child_sees_what_happens_next(client):
    response = client.post(FORM, answers())
    assert response.status_code == 302
    assert response["Location"] == reverse("public:thanks")
    feedback = Feedback.objects.get()
    assert (feedback.about, feedback.whats_good, feedback.urgent) == (
        "homes",
        "My foster carer listens",
        False,
    )
    assert not ContactRequest.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "What happens next" in page
    assert "0800 1111" in page


def test_urgent_feedback_alerts_the_safeguarding_lead_at_once_without_the_childs_words(client):
    User.objects.create_user("lead", email="lead@council.example", role=Role.SAFEGUARDING_LEAD)
    User.objects.create_user(
        "worker", email="worker@council.example", role=Role.PARTICIPATION_WORKER
    )
    client.post(FORM, answers(whats_not_good="He hits me and I am scared to go home"))
    feedback = Feedback.objects.get()
    assert feedback.urgent
    assert feedback.signals == ["harm", "not safe"]
    assert feedback.alert_sent_at is not None
    assert len(mail.outbox) == 1
    alert = mail.outbox[0]
    assert alert.to == ["lead@council.example"]
    assert "URGENT" in alert.subject
    assert "hits me" not in alert.body
    assert "scared" not in alert.body
    assert reverse("voice:item", args=[feedback.pk]) in alert.body


def test_without_a_safeguarding_address_the_item_still_saves_and_shows_no_alert_was_sent(client):
    client.post(FORM, answers(whats_not_good="I don't feel safe"))
    feedback = Feedback.objects.get()
    assert feedback.urgent
    assert feedback.alert_sent_at is None
    assert mail.outbox == []


def test_contact_details_are_kept_apart_from_what_was_said(client):
    client.post(FORM, answers(wants_contact="yes", contact_name="Sam", contact_how="07700 900123"))
    feedback = Feedback.objects.get()
    assert feedback.wants_contact
    assert feedback.contact.how == "07700 900123"


def test_asking_for_contact_without_saying_how_is_an_error_that_keeps_the_answers(client):
    response = client.post(FORM, answers(wants_contact="yes", whats_good="Gym passes are good"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tell us how to contact you" in page
    assert "Gym passes are good" in page
    assert not Feedback.objects.exists()


def test_an_empty_form_says_what_to_fill_in(client):
    response = client.post(FORM, answers(about="", whats_good=""))
    page = response.content.decode()
    assert "Choose what you want to tell us about" in page
    assert "Tell us at least one thing" in page
    assert response.context["form"].errors


def test_the_audit_trail_never_copies_what_a_child_wrote(client):
    client.post(FORM, answers(whats_good="a very particular sentence 7731"))
    events = AuditEvent.objects.filter(model="voice.Feedback")
    assert events.exists()
    assert all("7731" not in str(e.after) for e in events)


def test_spam_robots_filling_the_hidden_box_are_thanked_but_nothing_is_stored(client):
    response = client.post(FORM, answers(website="http://spam.example"))
    assert response.status_code == 302
    assert not Feedback.objects.exists()


@override_settings(CAREBOARD_FEEDBACK_LIMIT_PER_HOUR=3)
def test_many_submissions_from_one_address_are_slowed_down(client):
    statuses = [
        client.post(FORM, answers(), REMOTE_ADDR="203.0.113.9").status_code for _ in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert Feedback.objects.count() == 3
    other = client.post(FORM, answers(), REMOTE_ADDR="203.0.113.10")
    assert other.status_code == 302


HOSTILE = [
    "<script>alert('x')</script>",
    "x" * 5000,
    "I feel 😀😀 today 🏳️‍🌈",
    "أنا لست آمنا هنا",  # right-to-left text
    '=HYPERLINK("http://evil.example")',
    "\u202eevil override",
    "a\x00b",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_crashes_and_is_never_rendered_unsafely(client, text):
    response = client.post(FORM, answers(whats_good=text))
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "<script>alert" not in response.content.decode()
    for feedback in Feedback.objects.all():
        staff = User.objects.create_user(f"w{feedback.pk}", role=Role.PARTICIPATION_WORKER)
        client.force_login(staff)
        page = client.get(reverse("voice:item", args=[feedback.pk])).content.decode()
        assert "<script>alert" not in page
        client.logout()


def test_overlong_text_is_refused_with_a_message_not_cut_silently(client):
    response = client.post(FORM, answers(whats_good="x" * 2001))
    assert response.status_code == 200
    assert not Feedback.objects.exists()
