"""The demo data renders on the catalogue and strategy pages a board member opens first."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from careboard.accounts.models import User
from careboard.demo.loader import LoadSummary


def _board_member() -> Client:
    client = Client()
    client.force_login(User.objects.get(username="board"))
    return client


def test_catalogue_lists_all_52_indicators_by_section(demo: LoadSummary) -> None:
    page = _board_member().get(reverse("indicators:catalogue")).content.decode()
    headings = [
        ">Vision</h2>",
        "Priority 1: Emotional and physical health and wellbeing",
        "Priority 2: Independence and transition to adulthood",
        "Priority 3: Positive Lived Experiences",
        "Priority 4: Education and employment",
    ]
    positions = [page.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert page.count('data-label="Latest value">No values yet') == 52
    assert "23 computed from the SSDA903 return" in page


def test_each_entry_page_renders(demo: LoadSummary) -> None:
    client = _board_member()
    for code in ("cla_count_31mar", "care_leavers_19_21_in_touch_pct", "reg44_inadequate_count"):
        assert client.get(reverse("indicators:entry", args=[code])).status_code == 200


def test_register_shows_the_2016_status_counts(demo: LoadSummary) -> None:
    page = _board_member().get(reverse("strategy:register")).content.decode()
    assert "R22" in page
    assert "No progress reported" in page


def test_strategy_overview_shows_the_2022_25_vision_and_governance(demo: LoadSummary) -> None:
    page = _board_member().get(reverse("strategy:home")).content.decode()
    assert "valued, listened to and supported to be aspirational" in page
    chain = [
        "Partnership for Children, Young People and Families",
        "Children, Young People and Education Committee",
        "Corporate Parenting Board",
        "Corporate Parenting Operational Group",
    ]
    governance = page[page.index(chain[0]) :]  # the header also names the board
    positions = [governance.index(name) for name in chain]
    assert positions == sorted(positions)
