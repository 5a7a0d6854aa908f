"""The child-friendly summary (seed 002's style): short, plain words with simple pictures,
for children in care and care leavers. Built only from what is already public: the
priorities in the words young people chose (the public site's titles), the approved
"you said, we did", and counts of the plan's actions done and going (never of children).

Written for a reading age of 9 to 11: short sentences, everyday words. The readability
test in tests/governance keeps it there.
"""

from __future__ import annotations

from collections import Counter

from careboard.governance.reports.icons import priority_icon
from careboard.governance.reports.model import BulletList, Paragraph, Report
from careboard.public.views import plain_title
from careboard.strategy.models import Action, Plan
from careboard.voice.models import YouSaidWeDid

MAX_ANSWERS = 6


def _things(count: int) -> str:
    return "1 thing" if count == 1 else f"{count} things"


def build_child_friendly(plan: Plan) -> Report:
    report = Report(
        title="What we are doing for you",
        subtitle=f"A short guide to our plan for {plan.starts_on:%Y} to {plan.ends_on:%Y}",
        author="Corporate Parenting Board",
    )
    start = report.section("Our big idea", icon="star")
    start.add(
        Paragraph(
            "The council looks after you. We want you to be safe, happy and heard. "
            "We want you to do well in life."
        )
    )
    start.add(
        Paragraph(f"You told us what matters most. We picked {plan.priorities.count()} things.")
    )

    statuses: dict[int | None, Counter[str]] = {}
    for action in Action.objects.filter(plan=plan, kind=Action.Kind.ACTION).with_status():
        statuses.setdefault(action.priority_id, Counter())[action.status] += 1
    for priority in plan.priorities.order_by("number"):
        part = report.section(plain_title(priority), icon=priority_icon(priority.number))
        if priority.child_friendly:
            part.add(Paragraph(priority.child_friendly))
        counts = statuses.get(priority.pk, Counter())
        done, going = counts["green"], counts["amber"] + counts["red"]
        part.add(BulletList([f"Done: {_things(done)}.", f"Still going on: {_things(going)}."]))

    heard = report.section("You said, we did", icon="speech")
    answers = list(
        YouSaidWeDid.objects.filter(
            priority__plan=plan, approved=True, published_on__isnull=False
        ).order_by("-published_on", "-id")[:MAX_ANSWERS]
    )
    if answers:
        for answer in answers:
            heard.add(Paragraph(f"You said: {answer.you_said}"))
            heard.add(Paragraph(f"We did: {answer.we_did}", emphasis=True))
    else:
        heard.add(Paragraph("We will tell you here what we changed after you spoke to us."))

    tell = report.section("Tell us what you think")
    tell.add(
        Paragraph(
            "Your care council meets the board. They tell us if things are better, the "
            "same or worse. You can join them. You can also tell us on our website."
        )
    )
    return report
