"""One demo sign-in per role, with made-up names and the demo password."""

from __future__ import annotations

from typing import Any

from careboard.accounts.models import Role, User
from careboard.demo.data.strategy_2022_25 import SLUG as STRATEGY_2022_25
from careboard.demo.loader import LoadSummary, load_demo
from careboard.strategy.models import Action


def test_one_user_for_each_role(demo: LoadSummary) -> None:
    roles = sorted(User.objects.values_list("role", flat=True))
    assert roles == sorted(Role.values)
    assert set(User.objects.values_list("username", flat=True)) == {
        "admin",
        "board",
        "owner",
        "analyst",
        "participation",
        "safeguarding",
        "auditor",
    }


def test_names_are_not_the_officers_named_in_the_seeds(demo: LoadSummary) -> None:
    surnames_in_seeds = {
        "Clements",
        "White",
        "Heeley",
        "Cannon",
        "Carubia",
        "Cooke",
        "Mehta",
        "O’Shaughnessy",
        "Myers",
        "Fisher",
        "Smith",
        "Jacobs",
    }
    assert not surnames_in_seeds & set(User.objects.values_list("last_name", flat=True))


def test_demo_password_comes_from_the_environment(
    db: None, fast_hashing: None, monkeypatch: Any
) -> None:
    monkeypatch.setenv("CAREBOARD_DEMO_PASSWORD", "a-local-demo-secret")
    summary = load_demo()
    assert User.objects.get(username="owner").check_password("a-local-demo-secret")
    assert {password for _, _, password in summary.logins} == {"a-local-demo-secret"}


def test_owner_owns_a_handful_of_2022_25_actions(demo: LoadSummary) -> None:
    owned = Action.objects.filter(owner__username="owner", plan__slug=STRATEGY_2022_25)
    assert sorted(owned.values_list("reference", flat=True)) == ["1.1", "2.1", "3.1", "4.1", "4.2"]


def test_default_password_is_used_without_the_environment_variable(
    db: None, fast_hashing: None, monkeypatch: Any
) -> None:
    monkeypatch.delenv("CAREBOARD_DEMO_PASSWORD", raising=False)
    load_demo()
    assert User.objects.get(username="auditor").check_password("careboard-demo-only")
