"""Board pack benchmark: build and render the pack for a demo-sized meeting.

Target (issue 8): the board pack for the demo meeting builds in under 3 s, in each format.
The benchmark makes its own throwaway SQLite database (migrate, the demo data, the demo
forward plan from careboard.governance.demo_meetings) so it never touches a real one, and
gives every indicator of the demo catalogue ten years of synthetic figures with targets, so
the performance report and the deep-dive charts are full. The "council" scale is the demo as
it is plus 60 pieces of triaged feedback; "national" adds 500 actions with two updates each
to the themed priority and 5,000 pieces of feedback, to show how the pack grows with a busy
board. The 12-month progress report and the child-friendly summary are timed too.
"""

from __future__ import annotations

import datetime
import os
import tempfile
from pathlib import Path
from typing import Any

from bench.harness import Measurement, timed

TARGET_SECONDS = 3.0
EXTRA = {"council": (0, 60), "national": (500, 5_000)}  # (actions, feedback items)


def _set_up_django(scratch: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'bench.sqlite3'}"
    os.environ["CAREBOARD_VAR_DIR"] = str(scratch)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # Demo users are created with a password: a fast hasher keeps set-up quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)


FIGURE_YEARS = range(2014, 2024)  # ten periods up to 2022-23, the December 2023 meeting's


def _synthetic_figures(plan: Any) -> None:
    """Ten years of made-up figures for every catalogue entry: percentages of 40 to 60
    children, counts, days; a target on each entry with a direction; judgements refreshed."""
    from careboard.indicators import judgements
    from careboard.indicators.models import ValueSource
    from careboard.indicators.records import NewValue, record_value, set_target

    for number, entry in enumerate(plan.indicators.all()):
        for step, year in enumerate(FIGURE_YEARS):
            denominator = 40 + (number * 7 + step * 3) % 21
            numerator = denominator // 2 + (number + step) % 9
            if entry.unit == "%":
                new = NewValue(100 * numerator / denominator, numerator, denominator)
            elif entry.unit == "count":
                new = NewValue(float(numerator))
            else:
                new = NewValue(float(200 + 10 * ((number + step) % 7)))
            record_value(entry, year, new, source=ValueSource.MANUAL, by="bench")
            if entry.polarity in ("higher", "lower"):
                target = new.value or 0.0
                set_target(
                    entry, year, round(target), 2.0, reason="bench", by="bench", refresh=False
                )
        judgements.refresh(entry)


def _demo_meeting(extra_actions: int, feedback_items: int) -> Any:
    from django.utils import timezone

    from careboard.demo.data import strategy_2022_25
    from careboard.demo.loader import load_demo
    from careboard.governance.demo_meetings import create_demo_meetings
    from careboard.strategy.models import Action, Plan, ProgressUpdate
    from careboard.voice.models import About, Feedback

    load_demo()
    plan = Plan.objects.get(slug=strategy_2022_25.PLAN.slug)
    _synthetic_figures(plan)
    meeting = create_demo_meetings(plan)[2]  # December 2023, themed on Priority 3
    assert meeting.theme is not None
    due = meeting.date - datetime.timedelta(days=200)
    actions = Action.objects.bulk_create(
        Action(
            plan=plan,
            priority=meeting.theme,
            reference=f"3.{100 + n}",
            title=f"Synthetic action {n} for the benchmark",
            due_on=due + datetime.timedelta(days=n % 400),
        )
        for n in range(extra_actions)
    )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            action=action,
            reported_on=meeting.date - datetime.timedelta(days=days),
            narrative="Synthetic progress.",
            rag=rag,
        )
        for action in actions
        for days, rag in ((150, "green"), (30, "amber"))
    )
    about = [About.HOMES, About.EDUCATION, About.HEALTH, About.INDEPENDENCE, About.OTHER]
    received = timezone.make_aware(
        datetime.datetime.combine(meeting.date - datetime.timedelta(days=20), datetime.time(9))
    )
    Feedback.objects.bulk_create(
        Feedback(about=about[n % len(about)], status=Feedback.Status.TRIAGED, ideas="x")
        for n in range(feedback_items)
    )
    Feedback.objects.update(created_at=received)
    return meeting


def run(scale: str) -> list[Measurement]:
    extra_actions, feedback_items = EXTRA[scale]
    with tempfile.TemporaryDirectory(prefix="careboard-bench-") as scratch:
        _set_up_django(Path(scratch))
        from careboard.governance.models import Meeting
        from careboard.governance.reports.board_pack import build_board_pack
        from careboard.governance.reports.child_friendly import build_child_friendly
        from careboard.governance.reports.kinds import render
        from careboard.governance.reports.progress import build_progress_report
        from careboard.governance.reports.scrutiny import build_scrutiny_report
        from careboard.strategy.models import Plan

        meeting_pk = _demo_meeting(extra_actions, feedback_items).pk
        note = f"{extra_actions} extra actions, {feedback_items} feedback items"

        def pack(fmt: str) -> None:
            meeting = Meeting.objects.select_related("plan", "theme").get(pk=meeting_pk)
            render(build_board_pack(meeting), fmt)

        measurements = [
            timed(
                f"board pack ({scale}): query + report model",
                lambda: build_board_pack(
                    Meeting.objects.select_related("plan", "theme").get(pk=meeting_pk)
                ),
                note=note,
            )
        ]
        for fmt in ("html", "docx", "pdf"):
            measurements.append(
                timed(
                    f"board pack ({scale}): end to end, {fmt}",
                    lambda fmt=fmt: pack(fmt),  # type: ignore[misc]
                    target_seconds=TARGET_SECONDS,
                )
            )
        public_pack = Meeting.objects.select_related("plan", "theme").get(pk=meeting_pk)
        measurements.append(
            timed(
                f"board pack ({scale}, for publication): end to end, pdf",
                lambda: render(build_board_pack(public_pack, public=True), "pdf"),
                target_seconds=TARGET_SECONDS,
            )
        )
        strategy = public_pack.plan
        measurements.append(
            timed(
                f"12-month progress report ({scale}): end to end, docx",
                lambda: render(build_progress_report(strategy), "docx"),
            )
        )
        measurements.append(
            timed(
                "child-friendly summary: end to end, pdf",
                lambda: render(build_child_friendly(strategy), "pdf"),
            )
        )
        scrutiny_plan = Plan.objects.filter(actions__kind="recommendation").distinct().first()
        if scrutiny_plan is not None:
            measurements.append(
                timed(
                    "scrutiny report (demo 2014-16): end to end, pdf",
                    lambda: render(build_scrutiny_report(scrutiny_plan), "pdf"),
                )
            )
        return measurements


if __name__ == "__main__":  # python -m bench.bench_board_pack [council|national]
    import sys

    from bench.harness import report

    print(report(run(sys.argv[1] if len(sys.argv) > 1 else "council"), {}))
