"""Sparklines for dashboard tiles."""

from careboard.charts import Point, sparkline
from tests.charts.svg_reading import (
    SVG,
    accessible_name_and_description,
    parsed,
    table_headings,
    table_numbers,
)

FIVE_YEARS = [
    Point("2020-21", 70),
    Point("2021-22", 72.5),
    Point("2022-23", None, "c"),
    Point("2023-24", 78),
    Point("2024-25", 81),
]


def test_the_svg_is_an_image_named_by_its_title_and_described_by_its_summary():
    chart = sparkline(FIVE_YEARS, unit="%", title="Care leavers in education", chart_id="eet")
    root = parsed(chart)
    assert root.get("role") == "img"
    title, description = accessible_name_and_description(chart)
    assert title == "Care leavers in education"
    assert description == "Up from 78% in 2023-24 to 81% in 2024-25."
    assert description == chart.summary


def test_a_missing_year_breaks_the_line():
    chart = sparkline(FIVE_YEARS, unit="%", title="EET", chart_id="eet")
    lines = parsed(chart).findall(f"{SVG}polyline")
    assert [len(line.get("points", "").split()) for line in lines] == [2, 2]
    gaps = [e for e in parsed(chart).iter() if "cb-chart__gap" in (e.get("class") or "")]
    assert len(gaps) == 1


def test_the_table_holds_the_input_figures():
    chart = sparkline(FIVE_YEARS, unit="%", title="EET", chart_id="eet")
    assert table_headings(chart) == ["2020-21", "2021-22", "2022-23", "2023-24", "2024-25"]
    assert table_numbers(chart) == [70, 72.5, None, 78, 81]
    assert chart.table.rows[2].cells[0].text == "c (suppressed to protect children's privacy)"


def test_a_single_point_and_all_equal_values_draw_markers_without_failing():
    single = sparkline([Point("2024-25", 5)], unit="count", title="Adoptions", chart_id="a")
    assert len(parsed(single).findall(f"{SVG}circle")) == 1
    assert parsed(single).findall(f"{SVG}polyline") == []
    flat = sparkline(
        [Point(str(y), 50) for y in range(2020, 2025)], unit="%", title="Flat", chart_id="f"
    )
    heights = {c.get("cy") for c in parsed(flat).findall(f"{SVG}circle")}
    assert len(heights) == 1
    assert flat.summary == "Unchanged at 50% from 2023 to 2024."


def test_title_text_is_escaped():
    chart = sparkline(FIVE_YEARS, unit="%", title='<script>alert("x")</script> & co', chart_id="x")
    assert "<script>" not in str(chart.svg)
    assert accessible_name_and_description(chart)[0] == '<script>alert("x")</script> & co'


def test_no_inline_style_attributes_for_the_strict_csp():
    chart = sparkline(FIVE_YEARS, unit="%", title="EET", chart_id="eet")
    assert all(e.get("style") is None for e in parsed(chart).iter())
    assert "<style" not in str(chart.svg)
