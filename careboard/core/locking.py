"""Optimistic locking: two people edit the same record; the second save is refused."""

from __future__ import annotations

from typing import TypeVar

from django.db import transaction

from careboard.core.models import Versioned

V = TypeVar("V", bound=Versioned)


class EditConflict(Exception):
    """Someone else saved this record after it was opened for editing."""

    def __init__(self, current: Versioned) -> None:
        super().__init__(f"{current} was changed by someone else (now version {current.version}).")
        self.current = current


def save_if_unchanged(instance: V, expected_version: int) -> V:
    """Save `instance` only if the stored row is still at `expected_version`.

    Raises EditConflict (with the stored record) otherwise; nothing is written.
    """
    model = type(instance)
    with transaction.atomic():
        stored = model._default_manager.select_for_update().get(pk=instance.pk)
        if stored.version != expected_version:
            raise EditConflict(stored)
        instance.version = stored.version + 1
        instance.save()
    return instance
