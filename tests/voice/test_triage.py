"""The staff triage queue (issue 7)."""

import pytest
from django.urls import reverse

from careboard.accounts.models import Role, User
from careboard.voice.models import ContactRequest, Feedback
from careboard.voice.services import take_feedback

pytestmark = pytest.mark.django_db


def feedback(text="Football club is good", **extra):
    return take_feedback(
        about="health", whats_good=text, whats_not_good="", ideas="", age_band="", **extra
    )


def staff(role):
    return User.objects.create_user(role.value, role=role)


def test_urgent_items_come_first_then_new_ones_oldest_first(client):
    calm = feedback("Gym pass is good")
    urgent = feedback("I am not safe")
    later = feedback("More trips please")
    client.force_login(staff(Role.PARTICIPATION_WORKER))
    page = client.get(reverse("voice:queue"))
    assert [f.pk for f in page.context["page"]] == [urgent.pk, calm.pk, later.pk]
    assert page.context["urgent_open"] == 1


def test_triage_moves_an_item_from_new_to_triaged_and_records_who(client):
    item = feedback()
    worker = staff(Role.PARTICIPATION_WORKER)
    client.force_login(worker)
    response = client.post(
        reverse("voice:item", args=[item.pk]),
        {
            "version": item.version,
            "status": "triaged",
            "theme": "Activities",
            "sentiment": "positive",
            "priority": "",
            "staff_notes": "",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.theme, item.triaged_by) == ("triaged", "Activities", worker)


def test_a_stale_triage_form_is_refused_and_keeps_what_was_typed(client):
    item = feedback()
    client.force_login(staff(Role.PARTICIPATION_WORKER))
    url = reverse("voice:item", args=[item.pk])
    form = {
        "version": item.version,
        "status": "triaged",
        "theme": "",
        "sentiment": "",
        "priority": "",
        "staff_notes": "",
    }
    client.post(url, form)
    clash = client.post(url, {**form, "status": "closed", "theme": "Typed by the second"})
    assert clash.status_code == 200
    assert clash.context["conflict"] is not None
    assert "Typed by the second" in clash.content.decode()
    item.refresh_from_db()
    assert item.status == "triaged"


@pytest.mark.parametrize(
    ("role", "sees_contact"),
    [
        (Role.PARTICIPATION_WORKER, True),
        (Role.SAFEGUARDING_LEAD, True),
        (Role.ADMINISTRATOR, False),
    ],
)
def test_only_participation_and_safeguarding_roles_see_contact_details(client, role, sees_contact):
    item = feedback(contact_name="Sam", contact_how="07700 900123")
    assert ContactRequest.objects.filter(feedback=item).exists()
    client.force_login(staff(role))
    page = client.get(reverse("voice:item", args=[item.pk])).content.decode()
    assert ("07700 900123" in page) is sees_contact


@pytest.mark.parametrize(
    "role", [Role.BOARD_MEMBER, Role.ACTION_OWNER, Role.AUDITOR, Role.PERFORMANCE_ANALYST]
)
def test_other_roles_cannot_read_feedback(client, role):
    item = feedback()
    client.force_login(staff(role))
    assert client.get(reverse("voice:queue")).status_code == 403
    assert client.get(reverse("voice:item", args=[item.pk])).status_code == 403


def test_closing_an_item_records_when(client):
    item = feedback()
    client.force_login(staff(Role.SAFEGUARDING_LEAD))
    client.post(
        reverse("voice:item", args=[item.pk]),
        {
            "version": item.version,
            "status": "closed",
            "theme": "",
            "sentiment": "",
            "priority": "",
            "staff_notes": "Spoke to the young person's social worker",
        },
    )
    assert Feedback.objects.get(pk=item.pk).closed_at is not None
