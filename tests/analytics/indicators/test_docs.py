"""docs/indicators/ is generated from the registry: the committed pages must match it."""

from pathlib import Path

from careboard.analytics.indicators import REGISTRY
from careboard.analytics.indicators.docs import render_all, render_page

DOCS = Path(__file__).resolve().parents[3] / "docs" / "indicators"
REGENERATE = "run: python -m careboard.analytics.indicators.docs"


def test_committed_docs_match_the_registry() -> None:
    committed = {path.name: path.read_text(encoding="utf-8") for path in DOCS.glob("*.md")}
    expected = render_all()
    assert sorted(committed) == sorted(expected), REGENERATE
    stale = [name for name, content in expected.items() if committed[name] != content]
    assert stale == [], REGENERATE


def test_a_page_says_where_the_indicator_is_computed_and_tested() -> None:
    page = render_page(REGISTRY["foster_placement_pct"])
    assert "careboard/analytics/indicators/placement_type.py" in page
    assert "tests/analytics/indicators/test_placement_type.py" in page
    assert "higher is better" in page
    assert "`Episodes.PLACE`" in page
