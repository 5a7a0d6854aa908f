"""The print view: the overview as it may leave the staff site, under disclosure control."""

from tests.dashboard.page_reading import text


def test_small_numbers_are_suppressed_on_paper(board, board_member):
    page = text(board_member.get("/dashboard/print/").content)
    # security.md: counts of 1 to 5 are shown as c outside the staff site.
    assert "Uasc count 31mar c (suppressed)" in page
    assert "Foster placement pct 70% Red" in page
    assert "Actions: 0 Green, 0 Amber, 1 Red, 1 No progress reported; 1 overdue." in page


def test_the_print_view_keeps_the_chosen_periods(board, board_member):
    page = text(board_member.get("/dashboard/print/?year=2025&compare=2024").content)
    assert "Board dashboard: 2024-25" in page
    assert "Foster placement pct 70% 79% Red" in page


def test_the_overview_links_to_the_print_view(board, board_member):
    content = board_member.get("/dashboard/?year=2024").content.decode()
    assert 'href="/dashboard/print/?plan=cla-2022-25&amp;year=2024"' in content
