"""Record every create, update and delete of audited models in the hash-chained AuditEvent.

Register a model with `@audited`. The before and after images are the model's concrete
field values, serialised to JSON; who acted comes from core.audit_context.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from careboard.core.audit_context import current_actor
from careboard.core.models import AuditChainHead, AuditEvent

GENESIS = "0" * 64
_BEFORE = "_audit_before"

M = TypeVar("M", bound=type[models.Model])


REDACTED = "[not recorded]"


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The model's concrete field values as JSON-ready data.

    Fields a model lists in `audit_redact` (e.g. what a child wrote) are never copied into
    the trail: only whether they had a value.
    """
    encoder = DjangoJSONEncoder()
    redact = set(getattr(instance, "audit_redact", ()))
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if field.attname in redact:
            data[field.attname] = REDACTED if value else value
            continue
        data[field.attname] = (
            value
            if isinstance(value, str | int | float | bool | list | dict | None)
            else encoder.default(value)
        )
    return data


def _actor_label(actor: Any) -> str:
    if actor is None:
        return "system"
    if isinstance(actor, str):
        return actor
    return f"{actor} ({actor.get_username()})"


def record(
    action: str, instance: models.Model, before: dict | None, after: dict | None
) -> AuditEvent:
    actor = current_actor()
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"hash": GENESIS}
        )
        event = AuditEvent(
            at=timezone.now(),
            actor=actor if isinstance(actor, get_user_model()) else None,
            actor_label=_actor_label(actor),
            action=action,
            model=instance._meta.label,
            object_pk=str(instance.pk),
            object_repr=str(instance)[:300],
            before=before,
            after=after,
            previous_hash=head.hash,
        )
        event.hash = event.compute_hash()
        event.save()
        head.hash = event.hash
        head.save(update_fields=["hash"])
    return event


def _remember_before(sender: type[models.Model], instance: models.Model, **_: Any) -> None:
    if instance.pk is None:
        setattr(instance, _BEFORE, None)
        return
    stored = sender._default_manager.filter(pk=instance.pk).first()
    setattr(instance, _BEFORE, snapshot(stored) if stored is not None else None)


def _after_save(instance: models.Model, created: bool, raw: bool = False, **_: Any) -> None:
    if raw:  # loading fixtures
        return
    before = None if created else getattr(instance, _BEFORE, None)
    after = snapshot(instance)
    if before == after:
        return
    record(
        AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE, instance, before, after
    )


def _after_delete(instance: models.Model, **_: Any) -> None:
    record(AuditEvent.Action.DELETE, instance, snapshot(instance), None)


def audited(model: M) -> M:
    """Class decorator: audit every save and delete of this model."""
    uid = f"audit-{model._meta.label_lower}"
    pre_save.connect(_remember_before, sender=model, dispatch_uid=uid + "-pre")
    post_save.connect(_after_save, sender=model, dispatch_uid=uid + "-post")
    post_delete.connect(_after_delete, sender=model, dispatch_uid=uid + "-delete")
    return model


@dataclass(frozen=True)
class ChainBreak:
    event_id: int
    reason: str


def verify_chain(events: Iterator[AuditEvent] | None = None) -> list[ChainBreak]:
    """Recompute every hash in order; report each event whose link or content was altered."""
    breaks: list[ChainBreak] = []
    previous = GENESIS
    for event in events if events is not None else AuditEvent.objects.order_by("id").iterator():
        if event.previous_hash != previous:
            breaks.append(ChainBreak(event.id, "does not follow the event before it"))
        if event.compute_hash() != event.hash:
            breaks.append(ChainBreak(event.id, "content does not match its hash"))
        previous = event.hash
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and head.hash != previous:
        breaks.append(ChainBreak(0, "the newest events are missing from the chain"))
    return breaks
