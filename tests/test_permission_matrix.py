"""Every URL of the project, requested anonymously and as every role, gives the expected answer.

security.md (Accounts and access): one permission matrix in code; a test walks every URL x
role and asserts the expected status. The walk is built from Django's resolver when the
tests are collected, so a page added tomorrow is checked tomorrow:

- anonymous people are sent to sign in (public pages, listed below, answer as listed);
- a role the matrix allows for the view's permission gets 200;
- every other role gets 403;
- a view that declares no permission with @requires fails, unless it is listed as public
  (PUBLIC, and the public site's namespace).

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
}
# The public site for children and young people: every page in it is open to anyone.
PUBLIC_NAMESPACES = ("public:",)


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


@dataclass
class TinyWorld:
    """One of each object the pages are about, so URLs with parameters can be built."""

    users: dict[Role, User]
    plan: Plan
    priority: Priority
    action: Action
    recommendation: Action
    update: ProgressUpdate
    indicator: CatalogueEntry
    feedback: Any  # careboard.voice's Feedback, when that app is installed

    def value_for(self, route: Route, name: str, converter: Any) -> Any:
        namespace = route.name.rpartition(":")[0]
        if name == "pk" and namespace == "voice":
            return self.feedback.pk
        objects: dict[str, Any] = {
            "slug": self.plan,
            "plan": self.plan,
            "plan_slug": self.plan,
            "priority": self.priority,
            "priority_slug": self.priority,
            "pk": self.action,
            "action": self.action,
            "action_pk": self.action,
            "action_id": self.action,
            "recommendation": self.recommendation,
            "recommendation_pk": self.recommendation,
            "update": self.update,
            "update_pk": self.update,
            "code": self.indicator,
            "indicator": self.indicator,
        }
        if name in {"fmt", "format"}:
            return "csv"
        if name not in objects:
            pytest.fail(
                f"{route}: the walker does not know what to put in <{name}>; "
                "add it to TinyWorld.value_for"
            )
        target = objects[name]
        if isinstance(converter, IntConverter):
            return target.pk
        if name == "code":
            return target.code
        return getattr(target, "slug", target.pk)

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
    recommendation = Action.objects.create(
        plan=plan,
        priority=priority,
        kind=Action.Kind.RECOMMENDATION,
        reference="R1",
        title="Report placement moves to the board",
    )
    update = ProgressUpdate.objects.create(
        action=action,
        reported_on=datetime.date(2016, 9, 30),
        narrative="First quarterly review done.",
        rag="amber",
    )
    indicator = CatalogueEntry.objects.create(
        plan=plan,
        priority=priority,
        order=1,
        strategy_wording="Children with three or more placements in a year",
        code="placement-stability-short-term",
        source=CatalogueEntry.Source.SSDA903,
        polarity=CatalogueEntry.Polarity.LOWER,
    )
    return TinyWorld(users, plan, priority, action, recommendation, update, indicator, _feedback())


def _feedback() -> Any:
    """A piece of feedback from a young person, if the voice app is installed."""
    if not apps.is_installed("careboard.voice"):
        return None
    from careboard.voice.models import Feedback

    return Feedback.objects.create(
        about=Feedback._meta.get_field("about").choices[0][0],  # type: ignore[index]
        whats_good="My social worker listens to me.",
    )


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


INLINE_CODE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.I)


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_every_page_keeps_to_the_content_security_policy(world: TinyWorld, route: Route) -> None:
    """The CSP forbids inline script and style, so no page may rely on them."""
    viewer = ANONYMOUS if public_expectations(route.name) else Role.ADMINISTRATOR
    response = client_as(world, viewer).get(world.url(route))
    if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
        return
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert INLINE_CODE.findall(response.content.decode()) == []
