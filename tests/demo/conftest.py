"""The demo data, loaded once per test module and rolled back at its end.

Loading writes about 200 audited rows, so read-only tests share one load (`demo`); tests
that load again themselves start from an empty database (`fresh_db`). Argon2 is slow on
purpose, so these tests hash passwords with MD5.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.test import override_settings

from careboard.demo.loader import LoadSummary, load_demo

FAST_HASHING = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


@pytest.fixture(scope="module")
def _demo_for_module(django_db_setup: Any, django_db_blocker: Any) -> Iterator[LoadSummary]:
    with django_db_blocker.unblock(), FAST_HASHING, transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_for_module: LoadSummary, db: None) -> LoadSummary:
    """The module's load; each test runs in its own savepoint inside it."""
    return _demo_for_module


@pytest.fixture
def fast_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
