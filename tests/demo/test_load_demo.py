"""`manage.py load_demo` loads the seeds' data once, however often it runs."""

from __future__ import annotations

from io import StringIO

from django.apps import apps
from django.core.management import call_command

from careboard.core.audit import verify_chain
from careboard.core.models import AuditEvent
from careboard.demo.loader import LoadSummary, demo_password, load_demo


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for app in ("accounts", "strategy", "indicators", "core")
        for model in apps.get_app_config(app).get_models()
    }


def test_second_run_creates_and_changes_nothing(demo: LoadSummary) -> None:
    assert demo.changed > 0
    before = _row_counts()
    newest_event = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first()

    again = load_demo()

    assert again.changed == 0
    assert _row_counts() == before
    assert AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() == newest_event


def test_command_reports_nothing_changed_on_rerun_and_prints_logins(demo: LoadSummary) -> None:
    out = StringIO()
    call_command("load_demo", stdout=out)
    text = out.getvalue()
    assert "nothing changed" in text
    for username in (
        "admin",
        "board",
        "owner",
        "analyst",
        "participation",
        "safeguarding",
        "auditor",
    ):
        assert f"  {username} " in text
    # The default password unless CAREBOARD_DEMO_PASSWORD is set.
    assert f"  owner          {demo_password()}  (Action owner)" in text


def test_everything_loaded_is_audited_as_load_demo(demo: LoadSummary) -> None:
    labels = set(AuditEvent.objects.values_list("actor_label", flat=True))
    assert labels == {"load_demo"}
    assert verify_chain() == []


def test_every_loaded_row_passes_model_validation(demo: LoadSummary) -> None:
    """Field lengths hold, so PostgreSQL (which enforces them) accepts what SQLite did."""
    for app in ("accounts", "strategy", "indicators"):
        for model in apps.get_app_config(app).get_models():
            for row in model._default_manager.all():
                row.full_clean(validate_unique=False)
