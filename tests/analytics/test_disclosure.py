"""Disclosure control (../shared/docs/security.md): small counts, small groups, tables with totals.

The property tests attack the published table the way a reader could: with the published cells,
the published totals and the knowledge that counts are never negative, look for another table
that agrees with everything published but differs in a suppressed cell. If one exists, that
cell cannot be recovered. The search here is written independently of `protect_table`.
"""

from itertools import product

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from careboard.analytics.disclosure import (
    Reason,
    Shown,
    protect_count,
    protect_indicator,
    protect_percentage,
    protect_table,
    round_to_nearest,
)

Grid = list[list[int]]
Cell = tuple[int, int]


def extend(counts: Grid) -> Grid:
    """The table with row totals as the last column and column totals as the last row."""
    grid = [[*row, sum(row)] for row in counts]
    return [*grid, [sum(column) for column in zip(*grid, strict=True)]]


def hidden_cells(counts: Grid, published: list[list[str]]) -> set[Cell]:
    return {(i, j) for i, row in enumerate(published) for j, text in enumerate(row) if text == "c"}


def another_table_exists(grid: Grid, hidden: set[Cell], target: Cell) -> bool:
    """Is there a table of non-negative counts, equal in every published cell and total, whose
    `target` differs? Body cells may move by -1, 0 or +1; totals follow from the body."""
    last_row, last_col = len(grid) - 1, len(grid[0]) - 1
    body_rows = [[(i, j) for j in range(last_col) if (i, j) in hidden] for i in range(last_row)]

    def fits(cell: Cell, delta: int) -> bool:
        published = cell not in hidden
        return delta == 0 if published else grid[cell[0]][cell[1]] + delta >= 0

    row_choices = []
    for i, cells in enumerate(body_rows):
        choices = []
        for deltas in product((-1, 0, 1), repeat=len(cells)):
            moved = dict(zip(cells, deltas, strict=True))
            if all(fits(cell, d) for cell, d in moved.items()) and fits((i, last_col), sum(deltas)):
                choices.append(moved)
        row_choices.append(choices)
    for combination in product(*row_choices):
        delta: dict[Cell, int] = {}
        for moved in combination:
            delta.update(moved)
        for i in range(last_row):
            delta[(i, last_col)] = sum(delta.get((i, j), 0) for j in range(last_col))
        for j in range(last_col + 1):
            delta[(last_row, j)] = sum(delta.get((i, j), 0) for i in range(last_row))
        totals_fit = all(fits((last_row, j), delta[(last_row, j)]) for j in range(last_col + 1))
        if totals_fit and delta.get(target, 0) != 0:
            return True
    return False


def test_the_attack_recovers_a_lone_suppressed_cell() -> None:
    """Control: hiding only the 3 is not enough (13 - 10 = 3), and the search sees that."""
    grid = extend([[3, 10], [7, 8]])
    assert not another_table_exists(grid, {(0, 0)}, (0, 0))
    assert another_table_exists(grid, {(0, 0), (0, 1), (1, 0), (1, 1)}, (0, 0))


def test_a_zero_cannot_hide_a_number_by_shrinking() -> None:
    """Control: 3 and a zero in a row and column of zeros: every total pins the 3 down."""
    grid = extend([[3, 0], [0, 0]])
    assert not another_table_exists(grid, {(0, 0), (0, 1), (1, 0), (1, 1)}, (0, 0))


def test_secondary_suppression_of_a_worked_example() -> None:
    # 3 is small. Row 0: hide the next smallest (7); column 0: hide 12; then row 1 and
    # column 2 each have one hidden cell, and hiding 20 completes both. Totals stay published.
    table = protect_table([[3, 10, 7], [12, 8, 20]])
    assert table.as_text() == [
        ["c", "10", "c", "20"],
        ["c", "8", "c", "40"],
        ["15", "18", "27", "60"],
    ]
    assert table.cells[0][0].reason is Reason.SMALL_COUNT
    assert table.cells[0][2].reason is Reason.SECONDARY


def test_a_small_total_is_suppressed_too() -> None:
    table = protect_table([[20, 30], [2, 0]])
    text = table.as_text()
    assert text[1][2] == "c"  # row total 2
    assert table.row_totals[1].reason is Reason.SMALL_COUNT


def test_nothing_small_nothing_hidden() -> None:
    assert protect_table([[20, 30], [40, 0]]).as_text() == [
        ["20", "30", "50"],
        ["40", "0", "40"],
        ["60", "30", "90"],
    ]


def test_rounding_published_counts_to_the_nearest_five() -> None:
    assert protect_table([[22, 38], [41, 0]], round_to=5).as_text() == [
        ["20", "40", "60"],
        ["40", "0", "40"],
        ["65", "40", "100"],
    ]


# many zeros and small numbers: the hard cases for secondary suppression
counts = st.one_of(st.just(0), st.integers(1, 5), st.integers(0, 20))
tables = st.integers(1, 3).flatmap(
    lambda rows: st.integers(1, 3).flatmap(
        lambda cols: st.lists(
            st.lists(counts, min_size=cols, max_size=cols),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=300, deadline=None)
@given(tables)
@example([[3, 0], [0, 0]])
@example([[3, 10], [7, 8]])
@example([[1]])
@example([[4, 0, 9], [0, 0, 0], [6, 0, 30]])
def test_no_suppressed_number_can_be_recovered_from_the_totals(counts: Grid) -> None:
    published = protect_table(counts).as_text()
    grid = extend(counts)
    hidden = hidden_cells(counts, published)
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            if 1 <= value <= 5:
                assert (i, j) in hidden, f"small count {value} at {(i, j)} is published"
            if (i, j) not in hidden:
                assert published[i][j] == str(value)
    for cell in sorted(hidden):
        assert another_table_exists(grid, hidden, cell), f"{cell} of {counts} is recoverable"


@settings(max_examples=100, deadline=None)
@given(tables)
def test_rounding_only_changes_published_numbers(counts: Grid) -> None:
    plain = protect_table(counts).as_text()
    rounded = protect_table(counts, round_to=5).as_text()
    for plain_row, rounded_row in zip(plain, rounded, strict=True):
        for plain_text, rounded_text in zip(plain_row, rounded_row, strict=True):
            assert (plain_text == "c") == (rounded_text == "c")
            if rounded_text != "c":
                assert int(rounded_text) % 5 == 0
                assert abs(int(rounded_text) - int(plain_text)) <= 2


@pytest.mark.parametrize(
    ("count", "text", "reason"),
    [(0, "0", None), (1, "c", Reason.SMALL_COUNT), (5, "c", Reason.SMALL_COUNT), (6, "6", None)],
)
def test_counts_of_one_to_five_are_suppressed(count: int, text: str, reason: Reason) -> None:
    shown = protect_count(count)
    assert shown.text == text
    assert shown.reason is reason


def test_a_suppressed_count_carries_a_note() -> None:
    assert protect_count(4).note == (
        "c: a number from 1 to 5, not shown to protect the children's privacy"
    )
    assert protect_count(40).note is None


@pytest.mark.parametrize(
    ("numerator", "denominator", "shown"),
    [
        (9, 9, Shown(None, Reason.SMALL_DENOMINATOR)),  # group of 9: below 10
        (8, 10, Shown(80.0)),
        (3, 40, Shown(None, Reason.SMALL_DENOMINATOR)),  # 3 children counted
        (0, 40, Shown(0.0)),
        (27, 40, Shown(68.0)),  # 67.5 rounds half up
    ],
)
def test_percentages_of_small_groups_are_suppressed(
    numerator: int, denominator: int, shown: Shown
) -> None:
    assert protect_percentage(numerator, denominator) == shown


def test_percentage_with_a_decimal_place() -> None:
    assert protect_percentage(20, 30, decimals=1) == Shown(66.7)


@pytest.mark.parametrize(
    ("value", "rounded"), [(0, 0), (2, 0), (2.5, 5), (7, 5), (7.5, 10), (13, 15)]
)
def test_round_to_nearest_five(value: float, rounded: int) -> None:
    assert round_to_nearest(value, 5) == rounded


@pytest.mark.parametrize("bad", [-1, 2.5, True])
def test_counts_must_be_whole_and_not_negative(bad: object) -> None:
    with pytest.raises(ValueError, match="whole number"):
        protect_count(bad)  # type: ignore[arg-type]


def test_tables_must_be_rectangular() -> None:
    with pytest.raises(ValueError, match="same number of cells"):
        protect_table([[1, 2], [3]])


@pytest.mark.parametrize(
    ("unit", "value", "numerator", "denominator", "text"),
    [
        ("count", 4, 4, None, "c"),  # 1 to 5 children
        ("count", 681, 681, None, "681"),
        ("percent", 77.8, 7, 9, "c"),  # group of 9
        ("percent", 20.0, 3, 15, "c"),  # 3 children counted
        ("percent", 66.7, 10, 15, "66.7"),  # the engine's value is kept
        ("score", 15.2, 76, 5, "c"),  # SDQ average over 5 children
        ("score", 15.2, 91, 6, "15.2"),
        ("days", 480.0, 2400, 5, "c"),  # mean days over 5 adoptions
        ("percent", None, None, None, "x"),  # nothing computed: nothing hidden
    ],
)
def test_indicator_results_by_unit(
    unit: str, value: float | None, numerator: int | None, denominator: int | None, text: str
) -> None:
    assert protect_indicator(unit, value, numerator, denominator).text == text


def test_a_percentage_without_its_counts_cannot_be_checked() -> None:
    with pytest.raises(ValueError, match="needs its numerator and denominator"):
        protect_indicator("percent", 50.0, None, None)
