"""Every URL of the project, requested anonymously and as every role, gives the expected answer.

security.md (Accounts and access): one permission matrix in code; a test walks every URL x
role and asserts the expected status. The walk is built from Django's resolver when the
tests are collected, so a page added tomorrow is checked tomorrow:

- anonymous people are sent to sign in (public pages, listed below, answer as listed);
- a role the matrix allows for the view's permission gets 200;
- every other role gets 403;
- a view that declares no permission with @requires fails, unless it is listed as public
  (PUBLIC, and the public site's namespace).

The data feed (/api/v1/) takes bearer tokens only: without one, everybody gets 401.

POST-only views (GET answers 405) are checked with an empty POST instead: anonymous people
are sent to sign in, roles without the permission get 403, allowed roles get past the check.
Object-level rules (an owner updates only their own action) are tested with the strategy app.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter

from careboard.accounts.models import Role, User
from careboard.accounts.permissions import MATRIX, required_permission
from careboard.indicators.models import CatalogueEntry
from careboard.strategy.models import Action, Plan, Priority, ProgressUpdate

ANONYMOUS = "anonymous"
SIGNED_IN = "signed in"

# Pages anyone may request, with the status expected when anonymous and when signed in.
PUBLIC: dict[str, dict[str, int]] = {
    "accounts:login": {ANONYMOUS: 200, SIGNED_IN: 302},  # signed-in people are sent on
    "accounts:logout": {ANONYMOUS: 405, SIGNED_IN: 405},  # sign-out is a POST
    "healthz": {ANONYMOUS: 200, SIGNED_IN: 200},
    "api-v1:openapi-json": {ANONYMOUS: 200, SIGNED_IN: 200},  # describes the feed, no data
    "api-v1:api-root": {ANONYMOUS: 404, SIGNED_IN: 404},  # the docs page is switched off
}
# The public site for children and young people: every page in it is open to anyone.
PUBLIC_NAMESPACES = ("public:",)
# The data feed: API clients are tokens, not users (security.md), so a staff session is
# refused like anyone else and only a bearer token gets in.
TOKEN_NAMESPACES = ("api-v1:",)


def public_expectations(route_name: str) -> dict[str, int] | None:
    if route_name in PUBLIC:
        return PUBLIC[route_name]
    if route_name.startswith(PUBLIC_NAMESPACES):
        return {ANONYMOUS: 200, SIGNED_IN: 200}
    return None


@dataclass(frozen=True)
class Route:
    name: str
    view: Callable[..., Any]
    parameters: tuple[tuple[str, Any], ...]  # (name, converter) pairs

    def __str__(self) -> str:
        return self.name


def walk(
    patterns: list[Any], namespace: str = "", parameters: tuple[tuple[str, Any], ...] = ()
) -> Iterator[Route]:
    for entry in patterns:
        found = parameters + _parameters_of(entry.pattern)
        if isinstance(entry, URLResolver):
            prefix = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, prefix, found)
        elif isinstance(entry, URLPattern):
            yield Route(f"{namespace}{entry.name}", entry.callback, found)


def _parameters_of(pattern: Any) -> tuple[tuple[str, Any], ...]:
    converters = getattr(pattern, "converters", None)
    if converters is not None:
        return tuple(converters.items())
    return tuple((name, None) for name in pattern.regex.groupindex)


ROUTES = list(walk(get_resolver().url_patterns))


# Which tiny object (or literal value) fills a URL parameter: by (namespace, parameter) first,
# then by parameter alone ("*"). A page with a parameter nobody has listed fails the walk.
PARAMETER_SOURCES: dict[tuple[str, str], str] = {
    ("*", "slug"): "plan",
    ("*", "plan"): "plan",
    ("*", "plan_slug"): "plan",
    ("*", "priority"): "priority",
    ("*", "priority_slug"): "priority",
    ("*", "pk"): "action",
    ("*", "action"): "action",
    ("*", "action_pk"): "action",
    ("*", "recommendation"): "recommendation",
    ("*", "update"): "update",
    ("*", "code"): "indicator",
    ("voice", "pk"): "feedback",
    ("voice", "slug"): "consultation",
    ("public", "slug"): "consultation",
    ("governance", "meeting"): "meeting",
    ("api", "pk"): "api_token",
    ("ingest", "run"): "import_run",
}
LITERAL_PARAMETERS: dict[tuple[str, str], str] = {
    ("*", "fmt"): "csv",
    ("*", "format"): "csv",
    ("governance", "fmt"): "html",
    ("indicators", "year"): "2016",
}


@dataclass
class TinyWorld:
    """A user of every role and one of each object the pages are about."""

    users: dict[Role, User]
    objects: dict[str, Any]
    api_key: str | None

    def value_for(self, route: Route, name: str, converter: Any) -> Any:
        namespace = route.name.rpartition(":")[0]
        for key in ((namespace, name), ("*", name)):
            if key in LITERAL_PARAMETERS:
                return LITERAL_PARAMETERS[key]
            if key in PARAMETER_SOURCES:
                target = self.objects[PARAMETER_SOURCES[key]]
                if isinstance(converter, IntConverter):
                    return target.pk
                if name == "code":
                    return target.code
                return getattr(target, "slug", target.pk)
        pytest.fail(
            f"{route}: the walker does not know what to put in <{name}>; "
            "add it to PARAMETER_SOURCES"
        )

    def url(self, route: Route) -> str:
        kwargs = {name: self.value_for(route, name, conv) for name, conv in route.parameters}
        return reverse(route.name, kwargs=kwargs)


@pytest.fixture
def world(db: None) -> TinyWorld:
    users = {role: User.objects.create_user(f"user-{role}", role=role) for role in Role}
    plan = Plan.objects.create(
        title="Corporate parenting action plan 2016-18",
        short_title="Action plan 2016-18",
        slug="action-plan-2016-18",
        starts_on=datetime.date(2016, 4, 1),
        ends_on=datetime.date(2018, 3, 31),
        status=Plan.Status.ACTIVE,
    )
    priority = Priority.objects.create(plan=plan, number=1, title="Stable homes", slug="homes")
    action = Action.objects.create(
        plan=plan,
        priority=priority,
        reference="1.1",
        title="Review placement stability every quarter",
        owner=users[Role.ACTION_OWNER],
    )
    objects: dict[str, Any] = {
        "plan": plan,
        "priority": priority,
        "action": action,
        "recommendation": Action.objects.create(
            plan=plan,
            priority=priority,
            kind=Action.Kind.RECOMMENDATION,
            reference="R1",
            title="Report placement moves to the board",
        ),
        "update": ProgressUpdate.objects.create(
            action=action,
            reported_on=datetime.date(2016, 9, 30),
            narrative="First quarterly review done.",
            rag="amber",
        ),
        "indicator": CatalogueEntry.objects.create(
            plan=plan,
            priority=priority,
            order=1,
            strategy_wording="Care leavers the council is in touch with",
            code="care-leavers-in-touch",
            source=CatalogueEntry.Source.MANUAL,
            polarity=CatalogueEntry.Polarity.HIGHER,
        ),
    }
    objects.update(_indicator_judgement(objects["indicator"]))
    objects.update(_voice_objects())
    objects.update(_governance_objects(plan, priority))
    objects.update(_ingest_objects(users[Role.PERFORMANCE_ANALYST]))
    api_key = None
    if apps.is_installed("careboard.api"):
        from careboard.api.models import ApiToken

        objects["api_token"], api_key = ApiToken.issue("Power BI", users[Role.ADMINISTRATOR])
    return TinyWorld(users, objects, api_key)


def _indicator_judgement(indicator: CatalogueEntry) -> dict[str, Any]:
    """The indicator's status for 2016-17, once indicators have statuses."""
    judgement = apps.all_models["indicators"].get("judgement")
    if judgement is None:
        return {}
    return {
        "judgement": judgement._default_manager.create(
            entry=indicator,
            year=2016,
            period_label="2016-17",
            value=88.0,
            sentence="88% of care leavers were in touch.",
        )
    }


def _ingest_objects(analyst: User) -> dict[str, Any]:
    """An uploaded 903 return waiting to be checked, if the ingest app is installed."""
    if not apps.is_installed("careboard.ingest"):
        return {}
    from careboard.ingest.models import ImportRun

    return {"import_run": ImportRun.objects.create(year=2016, uploaded_by=analyst, folder="run-1")}


def _voice_objects() -> dict[str, Any]:
    """Feedback from a young person and an open consultation, if the voice app is installed."""
    if not apps.is_installed("careboard.voice"):
        return {}
    from careboard.voice.models import Consultation, Feedback

    today = datetime.date.today()
    return {
        "feedback": Feedback.objects.create(
            about=Feedback._meta.get_field("about").choices[0][0],  # type: ignore[index]
            whats_good="My social worker listens to me.",
        ),
        "consultation": Consultation.objects.create(
            title="Where should the next care leavers' hub be?",
            slug="care-leavers-hub",
            purpose="We want to hear where you would go.",
            opens_on=today - datetime.timedelta(days=1),
            closes_on=today + datetime.timedelta(days=30),
        ),
    }


def _governance_objects(plan: Plan, priority: Priority) -> dict[str, Any]:
    """A board meeting themed on the priority, if the governance app is installed."""
    if not apps.is_installed("careboard.governance"):
        return {}
    from careboard.governance.models import Meeting

    return {
        "meeting": Meeting.objects.create(
            date=datetime.date(2016, 10, 12), plan=plan, theme=priority
        )
    }


def client_as(world: TinyWorld, role: Role | str) -> Client:
    client = Client()
    if isinstance(role, Role):
        client.force_login(world.users[role])
    return client


def sent_to_sign_in(response: Any) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        reverse(settings.LOGIN_URL)
    )


def test_the_walk_finds_the_pages_we_know_about() -> None:
    names = {route.name for route in ROUTES}
    assert {"core:audit", "healthz", "accounts:login", "strategy:home"} <= names


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_every_role_gets_the_expected_response(world: TinyWorld, route: Route) -> None:
    url = world.url(route)
    expected = public_expectations(route.name)
    if expected is not None:
        assert client_as(world, ANONYMOUS).get(url).status_code == expected[ANONYMOUS], url
        for role in Role:
            got = client_as(world, role).get(url).status_code
            assert got == expected[SIGNED_IN], f"{url} as {role}"
        return

    if route.name.startswith(TOKEN_NAMESPACES):
        assert_token_only(world, route, url)
        return

    permission = required_permission(route.view)
    assert permission is not None, (
        f"{route} ({url}) declares no permission: decorate the view with @requires(...) "
        "or, if it really is public, list it in PUBLIC"
    )
    allowed = MATRIX[permission]
    post_only = client_as(world, Role.ADMINISTRATOR).get(url).status_code == 405

    problems = []
    if post_only:
        if not sent_to_sign_in(client_as(world, ANONYMOUS).post(url, {})):
            problems.append("anonymous POST is not sent to sign in")
        for role in Role:
            status = client_as(world, role).post(url, {}).status_code
            if role in allowed and status in {403, 405}:
                problems.append(f"{role} may {permission} but POST got {status}")
            elif role in allowed and status >= 500:
                problems.append(f"{role} POST got a server error {status}")
            elif role not in allowed and status != 403:
                problems.append(f"{role} may not {permission} but POST got {status}")
    else:
        if not sent_to_sign_in(client_as(world, ANONYMOUS).get(url)):
            problems.append("anonymous GET is not sent to sign in")
        for role in Role:
            status = client_as(world, role).get(url).status_code
            expected_status = 200 if role in allowed else 403
            if status != expected_status:
                problems.append(f"{role}: expected {expected_status}, got {status}")
    assert problems == [], f"{route} ({url}, needs {permission}): {problems}"


def assert_token_only(world: TinyWorld, route: Route, url: str) -> None:
    statuses = {str(role): client_as(world, role).get(url).status_code for role in Role}
    statuses[ANONYMOUS] = client_as(world, ANONYMOUS).get(url).status_code
    assert set(statuses.values()) == {401}, f"{route} ({url}) without a token: {statuses}"
    with_token = Client(headers={"Authorization": f"Bearer {world.api_key}"}).get(url)
    assert with_token.status_code == 200, f"{route} ({url}) with a token"


INLINE_CODE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.I)


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_every_page_keeps_to_the_content_security_policy(world: TinyWorld, route: Route) -> None:
    """The CSP forbids inline script and style, so no page may rely on them."""
    viewer = ANONYMOUS if public_expectations(route.name) else Role.ADMINISTRATOR
    response = client_as(world, viewer).get(world.url(route))
    if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
        return
    if response.get("Content-Disposition", "").startswith("attachment"):
        return  # a downloaded document (e.g. a board pack), never shown as one of our pages
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert INLINE_CODE.findall(response.content.decode()) == []
