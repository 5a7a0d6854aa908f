"""The trend chart with its target band, England and statistical neighbours."""

import pytest

from careboard.charts import Point, TargetBand, trend_chart
from tests.charts.svg_reading import SVG, accessible_name_and_description, parsed, table_numbers

YEARS = ["2020-21", "2021-22", "2022-23", "2023-24", "2024-25"]


def eet(values):
    return [Point(label, value) for label, value in zip(YEARS, values, strict=True)]


def classes(chart, name):
    return [e for e in parsed(chart).iter() if name in (e.get("class") or "").split()]


def test_title_summary_and_a_linked_description():
    chart = trend_chart(
        eet([70, 72, 75, 78, 81]),
        unit="%",
        title="Care leavers in education, employment or training",
        chart_id="eet-trend",
        targets={"2024-25": TargetBand(80, 2)},
        england={"2024-25": 79},
    )
    title, description = accessible_name_and_description(chart)
    assert title == "Care leavers in education, employment or training"
    assert description == (
        "Up from 78% in 2023-24 to 81% in 2024-25, above England (79%); meets the 80% target."
    )


def test_the_table_has_each_series_as_a_column_with_the_input_numbers():
    chart = trend_chart(
        eet([70, None, 75, 78, 81]),
        unit="%",
        title="EET",
        chart_id="eet",
        targets={"2023-24": TargetBand(77, 3), "2024-25": TargetBand(80, 2)},
        england={label: 70 + i for i, label in enumerate(YEARS)},
        council_name="Wirral",
    )
    assert chart.table.columns == ("Period", "Wirral", "Target", "England")
    assert table_numbers(chart, 0) == [70, None, 75, 78, 81]
    assert table_numbers(chart, 1) == [None, None, None, 77, 80]
    assert table_numbers(chart, 2) == [70, 71, 72, 73, 74]
    assert chart.table.rows[3].cells[1].text == "77% (tolerance 3)"


def test_one_band_and_one_target_line_per_period_with_a_target():
    chart = trend_chart(
        eet([70, 72, 75, 78, 81]),
        unit="%",
        title="EET",
        chart_id="eet",
        targets={"2023-24": TargetBand(77, 3), "2024-25": TargetBand(80, 0)},
    )
    assert len(classes(chart, "cb-chart__target")) == 2 + 1  # two periods + the legend key
    assert len(classes(chart, "cb-chart__band")) == 1 + 1  # zero tolerance draws no band


def test_england_and_neighbours_differ_by_marker_shape_and_dash_not_only_colour():
    chart = trend_chart(
        eet([70, 72, 75, 78, 81]),
        unit="%",
        title="EET",
        chart_id="eet",
        england=dict.fromkeys(YEARS, 79),
        neighbours=dict.fromkeys(YEARS, 77),
    )
    england = classes(chart, "cb-chart__marker--england")
    neighbours = classes(chart, "cb-chart__marker--neighbours")
    council = classes(chart, "cb-chart__marker--council")
    assert {e.tag for e in england} == {f"{SVG}rect"}
    assert {e.tag for e in neighbours} == {f"{SVG}polygon"}
    assert {e.tag for e in council} == {f"{SVG}circle"}
    dashes = {e.get("stroke-dasharray") for e in parsed(chart).findall(f"{SVG}polyline")}
    assert dashes == {None, "6 4", "2 3"}


def test_a_suppressed_year_shows_its_symbol_and_no_marker():
    chart = trend_chart(
        [Point("2023-24", 60), Point("2024-25", None, "c")], unit="%", title="X", chart_id="x"
    )
    symbols = [e.text for e in classes(chart, "cb-chart__symbol")]
    assert symbols == ["c"]
    assert len(classes(chart, "cb-chart__marker--council")) == 1 + 1  # one point + legend


def test_negative_progress_8_scores_sit_on_the_axis():
    chart = trend_chart(
        eet([-1.31, -0.9, -1.05, -1.2, -0.95]),
        unit="score",
        title="Progress 8",
        chart_id="p8",
        targets={"2024-25": TargetBand(-1.0, 0.2)},
    )
    ticks = [e.text for e in classes(chart, "cb-chart__tick")]
    assert "-1.4" in ticks or "-1.5" in ticks
    assert chart.summary == ("Up from -1.2 in 2023-24 to -0.95 in 2024-25; meets the -1 target.")
    circles = [float(c.get("cy")) for c in classes(chart, "cb-chart__marker--council")][:5]
    assert all(56 <= y <= 280 for y in circles)  # inside the plot area


@pytest.mark.parametrize("count", [1, 10, 15])
def test_any_number_of_periods_parses_and_labels_at_most_seven(count):
    points = [Point(f"{2000 + n}-{(n + 1) % 100:02d}", float(n)) for n in range(count)]
    chart = trend_chart(points, unit="count", title="Starts", chart_id="starts")
    labels = [e.text for e in classes(chart, "cb-chart__tick") if e.get("text-anchor") == "middle"]
    assert 1 <= len(labels) <= 7
    assert labels[-1] == points[-1].label
    assert table_numbers(chart) == [p.value for p in points]
