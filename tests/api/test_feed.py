"""The read-only data feed: tokens, JSON and CSV, pagination, ETags (issue 6)."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from careboard.accounts.models import Role, User
from careboard.api.models import ApiToken
from careboard.strategy.models import Action, Plan, Priority, ProgressUpdate

pytestmark = pytest.mark.django_db
ENDPOINTS = [
    "/api/v1/plans",
    "/api/v1/plans/2014-16",
    "/api/v1/actions",
    "/api/v1/indicators",
    "/api/v1/values",
    "/api/v1/benchmarks",
    "/api/v1/meetings",
]


@pytest.fixture
def plan():
    plan = Plan.objects.create(
        title="Corporate Parenting Strategy 2014-16",
        short_title="2014-16",
        slug="2014-16",
        starts_on=dt.date(2014, 4, 1),
        ends_on=dt.date(2016, 3, 31),
        section_label="Objective",
    )
    first = Priority.objects.create(plan=plan, number=1, title="Listen to children", slug="o1")
    green = Action.objects.create(
        plan=plan, priority=first, reference="R1", kind="recommendation", title="Raise aspirations"
    )
    ProgressUpdate.objects.create(
        action=green, reported_on=dt.date(2016, 3, 1), narrative="Done", rag="green"
    )
    Action.objects.create(
        plan=plan,
        priority=first,
        reference="R8",
        kind="recommendation",
        title='=HYPERLINK("http://evil.example","click")',
    )
    return plan


@pytest.fixture
def key():
    admin = User.objects.create_user("admin", role=Role.ADMINISTRATOR)
    return ApiToken.issue("Power BI", admin)[1]


def get(client, url, key=None, **headers):
    if key:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    return client.get(url, **headers)


@pytest.mark.parametrize("url", ENDPOINTS)
def test_every_endpoint_needs_a_valid_token(client, plan, key, url):
    assert get(client, url).status_code == 401
    assert get(client, url, "cb_00000000_wrong").status_code == 401
    assert get(client, url, key).status_code == 200


@pytest.mark.parametrize("url", ENDPOINTS)
def test_a_revoked_token_stops_working_at_once(client, plan, key, url):
    ApiToken.objects.get().revoke()
    assert get(client, url, key).status_code == 401


def test_tokens_are_stored_hashed_and_record_when_they_were_last_used(client, plan, key):
    token = ApiToken.objects.get()
    assert key.split("_", 2)[2] not in token.key_hash
    assert token.last_used_at is None
    get(client, "/api/v1/plans", key)
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_actions_carry_their_status_including_no_progress_reported(client, plan, key):
    items = get(client, "/api/v1/actions?plan=2014-16", key).json()["items"]
    assert [(i["reference"], i["status"], i["status_label"]) for i in items] == [
        ("R1", "green", "Green"),
        ("R8", "none", "No progress reported"),
    ]
    none_only = get(client, "/api/v1/actions?status=none", key).json()
    assert [i["reference"] for i in none_only["items"]] == ["R8"]


def test_csv_has_the_same_rows_as_json_with_formulas_neutralised(client, plan, key):
    as_json = get(client, "/api/v1/actions", key).json()["items"]
    response = get(client, "/api/v1/actions?format=csv", key)
    assert response["Content-Type"].startswith("text/csv")
    as_csv = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["reference"] for row in as_csv] == [item["reference"] for item in as_json]
    assert as_csv[0]["status"] == as_json[0]["status"]
    assert as_csv[1]["title"].startswith("'=HYPERLINK")


def test_lists_are_paginated(client, plan, key):
    body = get(client, "/api/v1/actions?limit=1&offset=1", key).json()
    assert (body["count"], body["limit"], body["offset"]) == (2, 1, 1)
    assert [i["reference"] for i in body["items"]] == ["R8"]
    assert get(client, "/api/v1/actions?limit=501", key).status_code == 422
    assert get(client, "/api/v1/actions?offset=-1", key).status_code == 422


def test_unchanged_data_answers_304_to_a_conditional_request(client, plan, key):
    first = get(client, "/api/v1/plans", key)
    again = get(client, "/api/v1/plans", key, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    Plan.objects.filter(slug="2014-16").update(title="Renamed")
    changed = get(client, "/api/v1/plans", key, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_an_unknown_plan_is_404_not_a_server_error(client, plan, key):
    assert get(client, "/api/v1/plans/nope", key).status_code == 404


def test_the_openapi_document_describes_every_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert {
        "/api/v1/plans",
        "/api/v1/plans/{slug}",
        "/api/v1/actions",
        "/api/v1/indicators",
    } <= set(schema["paths"])
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


def test_only_administrators_manage_tokens(client):
    client.force_login(User.objects.create_user("b", role=Role.BOARD_MEMBER))
    assert client.get(reverse("api:tokens")).status_code == 403
    client.force_login(User.objects.create_user("a", role=Role.ADMINISTRATOR))
    page = client.post(reverse("api:tokens"), {"name": "Excel"})
    token = ApiToken.objects.get()
    assert f"cb_{token.prefix}_" in page.content.decode()
    client.post(reverse("api:revoke", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_meetings_show_theme_agenda_and_decisions_but_no_names_or_minutes(client, plan, key):
    from careboard.governance.models import AgendaItem, Decision, Meeting, Participant

    meeting = Meeting.objects.create(
        date=dt.date(2016, 1, 12),
        plan=plan,
        theme=plan.priorities.get(number=1),
        minutes="Private discussion 8812",
    )
    AgendaItem.objects.create(meeting=meeting, order=1, title="Deep dive: listening")
    Participant.objects.create(
        meeting=meeting, name="Councillor Example 7731", kind=Participant.Kind.MEMBER
    )
    Decision.objects.create(meeting=meeting, text="Note the progress report")
    response = get(client, "/api/v1/meetings", key)
    (item,) = response.json()["items"]
    assert (item["theme_priority"], item["agenda"][0]["title"], item["decisions"][0]["text"]) == (
        1,
        "Deep dive: listening",
        "Note the progress report",
    )
    body = response.content.decode()
    assert "8812" not in body
    assert "7731" not in body
    as_csv = get(client, "/api/v1/meetings?format=csv", key).content.decode()
    assert "agenda_items" in as_csv


def test_actions_carry_their_latest_update(client, plan, key):
    items = {i["reference"]: i for i in get(client, "/api/v1/actions", key).json()["items"]}
    assert (items["R1"]["latest_update"], items["R8"]["latest_update"]) == ("Done", "")
