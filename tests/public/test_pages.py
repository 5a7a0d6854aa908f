"""The Right Side of Care: public pages (issue 7)."""

import datetime as dt
import re

import pytest
import textstat
from django.urls import reverse

from careboard.strategy.models import Action, Plan, Priority, ProgressUpdate
from careboard.voice.models import YouSaidWeDid
from careboard.voice.services import take_feedback

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "home",
    "promises",
    "changes",
    "progress",
    "care_councils",
    "help",
    "feedback",
    "thanks",
]


@pytest.fixture
def plan():
    plan = Plan.objects.create(
        title="Children Looked After and Care Leavers Strategy 2022-25",
        short_title="2022-25",
        slug="2022-25",
        starts_on=dt.date(2022, 4, 1),
        ends_on=dt.date(2025, 3, 31),
        status=Plan.Status.ACTIVE,
    )
    for number, line in enumerate(
        [
            "Making sure you are happy and healthy.",
            "Helping you learn life skills.",
            "Making sure you have a good home.",
            "Helping you do well at school and find work.",
        ],
        start=1,
    ):
        Priority.objects.create(
            plan=plan,
            number=number,
            title=f"Priority {number}",
            slug=f"p{number}",
            child_friendly=line,
        )
    return plan


def visible_text(html: str) -> str:
    """The page's prose: main content without tables, each block ending a sentence."""
    main = html.split('id="main-content"', 1)[1].split("</main>", 1)[0]
    main = re.sub(r"<table.*?</table>", " ", main.split(">", 1)[1], flags=re.S)
    blocks = re.findall(r"<(h[1-3]|p|li|legend|label|dt|dd)\b[^>]*>(.*?)</\1>", main, flags=re.S)
    sentences = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", b)).strip() for _, b in blocks]
    return " ".join(s if s.endswith((".", "?", "!")) else s + "." for s in sentences if s)


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_every_public_page_opens_without_signing_in_and_sets_no_session(client, plan, name):
    response = client.get(reverse(f"public:{name}"))
    assert response.status_code == 200
    assert "sessionid" not in response.cookies


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_are_written_for_a_reading_age_of_9_to_11(client, plan, name):
    text = visible_text(client.get(reverse(f"public:{name}")).content.decode())
    # Flesch-Kincaid grade 6 or lower is a reading age of about 11 or younger.
    assert textstat.flesch_kincaid_grade(text) <= 6, text


def test_nothing_a_child_writes_ever_appears_on_a_public_page(client, plan):
    secret = "Zebrafish umbrella 4471"
    take_feedback(
        about="homes",
        whats_good=secret,
        whats_not_good=secret + " not safe",
        ideas=secret,
        age_band="16_17",
        contact_name="Sam",
        contact_how="07700 900123",
    )
    for name in PUBLIC_PAGES:
        page = client.get(reverse(f"public:{name}")).content.decode()
        assert secret not in page
        assert "07700 900123" not in page


def test_you_said_we_did_shows_only_approved_staff_written_entries(client, plan):
    YouSaidWeDid.objects.create(
        you_said="You wanted gym passes.",
        we_did="Care leavers get them.",
        approved=True,
        published_on=dt.date(2023, 5, 1),
    )
    YouSaidWeDid.objects.create(you_said="Draft not yet approved", we_did="-", approved=False)
    page = client.get(reverse("public:changes")).content.decode()
    assert "You wanted gym passes." in page
    assert "Draft not yet approved" not in page


def test_progress_counts_jobs_by_status_for_each_promise(client, plan):
    first = plan.priorities.get(number=1)
    done = Action.objects.create(plan=plan, priority=first, reference="1.1", title="Gym passes")
    Action.objects.create(plan=plan, priority=first, reference="1.2", title="Crisis team")
    ProgressUpdate.objects.create(
        action=done, reported_on=dt.date(2023, 1, 1), narrative="Done", rag="green"
    )
    rows = client.get(reverse("public:progress")).context["rows"]
    assert (rows[0]["title"], rows[0]["done"], rows[0]["not_yet"]) == (
        "Being happy and healthy",
        1,
        1,
    )
