"""The benchmark bar chart: the council beside England and its statistical neighbours."""

import pytest

from careboard.charts import Bar, benchmark_chart
from tests.charts.svg_reading import (
    SVG,
    accessible_name_and_description,
    parsed,
    table_headings,
    table_numbers,
)

BARS = [
    Bar("Wirral", 81, "council"),
    Bar("England", 79, "england"),
    Bar("Statistical neighbours (average)", 77.5, "average"),
    Bar("St Helens", 85),
    Bar("Sefton", None, symbol="c"),
    Bar("Knowsley", 70),
]


def number(element, attribute):
    return float(element.get(attribute, "nan"))


def bars_of(chart):
    return [e for e in parsed(chart).iter() if "cb-chart__bar" in (e.get("class") or "").split()]


def test_title_and_summary_with_rank_among_neighbours():
    chart = benchmark_chart(BARS, unit="%", title="EET compared", chart_id="b", period="2024-25")
    title, description = accessible_name_and_description(chart)
    assert title == "EET compared"
    assert description == (
        "Wirral 81% in 2024-25, above England (79%) and the statistical-neighbour average "
        "(77.5%); 2nd highest of 3 with its statistical neighbours."
    )


def test_table_rows_are_the_input_areas_and_figures():
    chart = benchmark_chart(BARS, unit="%", title="EET", chart_id="b", period="2024-25")
    assert chart.table.columns == ("Area", "2024-25")
    assert table_headings(chart) == [bar.name for bar in BARS]
    assert table_numbers(chart) == [81, 79, 77.5, 85, None, 70]
    assert chart.table.rows[4].cells[0].text == "c (suppressed to protect children's privacy)"


def test_a_suppressed_area_has_words_not_a_bar():
    chart = benchmark_chart(BARS, unit="%", title="EET", chart_id="b", period="2024-25")
    assert len(bars_of(chart)) == 5
    texts = [e.text for e in parsed(chart).iter(f"{SVG}text")]
    assert "c (suppressed to protect children's privacy)" in texts


def test_england_is_hatched_so_it_reads_without_colour():
    chart = benchmark_chart(BARS, unit="%", title="EET", chart_id="eet-b", period="2024-25")
    england = [e for e in bars_of(chart) if "cb-chart__bar--england" in e.get("class")]
    assert england[0].get("fill") == "url(#eet-b-hatch)"
    patterns = parsed(chart).findall(f"{SVG}defs/{SVG}pattern")
    assert [p.get("id") for p in patterns] == ["eet-b-hatch"]


def test_negative_values_extend_left_of_zero():
    chart = benchmark_chart(
        [Bar("Wirral", -1.31, "council"), Bar("England", 0.2, "england")],
        unit="score",
        title="Progress 8",
        chart_id="p8",
        period="2024/25",
    )
    zero = next(e for e in parsed(chart).iter() if e.get("class") == "cb-chart__axis")
    council, england = bars_of(chart)
    assert number(council, "x") + number(council, "width") == pytest.approx(number(zero, "x1"))
    assert number(england, "x") == pytest.approx(number(zero, "x1"))
    assert chart.summary == "Wirral -1.31 in 2024/25, below England (0.2)."


def test_council_without_a_figure_is_said_honestly():
    chart = benchmark_chart(
        [Bar("Wirral", None, "council", "c"), Bar("England", 79, "england")],
        unit="%",
        title="EET",
        chart_id="b",
        period="2024-25",
    )
    assert chart.summary == (
        "No figure for Wirral in 2024-25 (suppressed to protect children's privacy); England 79%."
    )


def test_an_unknown_kind_of_bar_is_a_bug():
    with pytest.raises(ValueError, match="council"):
        Bar("Wirral", 1, "region")
