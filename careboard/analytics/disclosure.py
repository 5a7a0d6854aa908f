"""Disclosure control for anything that leaves the staff site (../shared/docs/security.md).

Rules:
- a count of 1 to 5 is suppressed: shown as "c" with a note (0 is shown: it discloses nobody);
- a percentage is suppressed when its denominator is below 10, and (as DfE does) when its
  numerator is a count of 1 to 5;
- secondary suppression in tables with totals, so that no suppressed cell can be worked out
  from the published cells and totals (see `protect_table`);
- optional rounding of published counts to the nearest 5.

Pure functions over numbers and lists of lists; nothing here knows about children or indicators.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

SUPPRESSED = "c"
NOT_AVAILABLE = "x"  # no figure at all (DfE symbol); nothing was hidden
SMALL_MIN, SMALL_MAX = 1, 5
MIN_DENOMINATOR = 10


class Reason(StrEnum):
    SMALL_COUNT = "small count"
    SMALL_DENOMINATOR = "small denominator"
    SECONDARY = "secondary"


NOTES: dict[Reason, str] = {
    Reason.SMALL_COUNT: "c: a number from 1 to 5, not shown to protect the children's privacy",
    Reason.SMALL_DENOMINATOR: (
        "c: not shown because the group is too small (fewer than 10 children, "
        "or 1 to 5 children counted)"
    ),
    Reason.SECONDARY: (
        "c: not shown so that a hidden small number cannot be worked out from the totals"
    ),
}


@dataclass(frozen=True, slots=True)
class Shown:
    """A figure as it may be published: a number, or suppressed with the reason."""

    value: float | None
    reason: Reason | None = None

    @property
    def suppressed(self) -> bool:
        return self.reason is not None

    @property
    def text(self) -> str:
        if self.reason is not None:
            return SUPPRESSED
        if self.value is None:
            return NOT_AVAILABLE
        return f"{self.value:g}"

    @property
    def note(self) -> str | None:
        return NOTES[self.reason] if self.reason is not None else None


def is_small(count: int) -> bool:
    return SMALL_MIN <= count <= SMALL_MAX


def round_to_nearest(value: float, base: int = 5) -> int:
    """Round half away from zero to a multiple of `base` (7.5 -> 10, 2.5 -> 5, 2 -> 0)."""
    if base <= 0:
        raise ValueError("base must be positive")
    sign = -1 if value < 0 else 1
    return sign * base * int(abs(value) / base + 0.5)


def protect_count(count: int, *, round_to: int | None = None) -> Shown:
    _check_count(count)
    if is_small(count):
        return Shown(None, Reason.SMALL_COUNT)
    return Shown(float(round_to_nearest(count, round_to) if round_to else count))


def protect_percentage(numerator: int, denominator: int, *, decimals: int = 0) -> Shown:
    """numerator / denominator as a percentage, suppressed for small groups."""
    _check_count(numerator)
    _check_count(denominator)
    if numerator > denominator:
        raise ValueError(f"numerator {numerator} is larger than denominator {denominator}")
    if denominator < MIN_DENOMINATOR or is_small(numerator):
        return Shown(None, Reason.SMALL_DENOMINATOR)
    scale = 10**decimals
    percent = int(100 * scale * numerator / denominator + 0.5) / scale  # half up
    return Shown(float(percent))


def protect_indicator(
    unit: str, value: float | None, numerator: int | None, denominator: int | None
) -> Shown:
    """An indicator result as it may be published, by unit.

    - count: the count itself (the numerator when given) under the 1-to-5 rule;
    - percent: the value as computed, unless `protect_percentage` would suppress it;
    - days, score (averages over a group of children): suppressed when the group has 1 to 5
      children, the same threshold as a count (DfE publishes such averages from 6 children).
    A missing value stays missing, with no reason (nothing was hidden).
    """
    if value is None:
        return Shown(None)
    if unit == "count":
        return protect_count(int(numerator if numerator is not None else value))
    if numerator is None or denominator is None:
        raise ValueError(f"a {unit} value needs its numerator and denominator to be checked")
    if unit == "percent":
        checked = protect_percentage(numerator, denominator)
        return checked if checked.suppressed else Shown(float(value))
    _check_count(denominator)
    if is_small(denominator):
        return Shown(None, Reason.SMALL_DENOMINATOR)
    return Shown(float(value))


def _check_count(count: int) -> None:
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise ValueError(f"a count must be a whole number >= 0, not {count!r}")


# ---------------------------------------------------------------------------------------------
# Tables with totals


@dataclass(frozen=True, slots=True)
class ProtectedTable:
    cells: tuple[tuple[Shown, ...], ...]
    row_totals: tuple[Shown, ...]
    column_totals: tuple[Shown, ...]
    grand_total: Shown

    def as_text(self) -> list[list[str]]:
        """Rows of text with the row total last and the column totals as the last row."""
        body = [
            [cell.text for cell in row] + [total.text]
            for row, total in zip(self.cells, self.row_totals, strict=True)
        ]
        return [*body, [t.text for t in self.column_totals] + [self.grand_total.text]]


Cell = tuple[int, int]


def protect_table(
    counts: Sequence[Sequence[int]], *, round_to: int | None = None
) -> ProtectedTable:
    """Suppress a table of counts and its totals so no suppressed number can be recovered.

    The table is extended with its row totals (last column), column totals (last row) and the
    grand total (corner). Primary suppression: every cell or total from 1 to 5. Secondary:
    1. in any line (row or column of the extended table) with exactly one suppressed cell,
       suppress the next smallest cell of that line (body cells before totals, non-zero before
       zero), and repeat;
    2. then check each suppressed cell is protected: some other table, with non-negative
       counts, the same published cells and the same published totals, has a different value
       in that cell (there is a closed path of suppressed cells along which the counts can be
       moved by one, see `_can_move`). If not, suppress one more cell next to it and repeat.
    The loop ends with every suppressed cell protected; at worst everything is suppressed.
    Published counts are rounded to the nearest `round_to` afterwards if asked.
    """
    grid = _extended(counts)
    suppressed = {cell for cell, value in _cells(grid) if is_small(value)}
    reasons = {cell: Reason.SMALL_COUNT for cell in suppressed}
    while suppressed and len(suppressed) < len(grid) * len(grid[0]):
        added = _complete_lines(grid, suppressed) or _protect_one(grid, suppressed)
        if added is None:
            break
        suppressed.add(added)
        reasons[added] = Reason.SECONDARY
    return _published(grid, reasons, round_to)


def _extended(counts: Sequence[Sequence[int]]) -> list[list[int]]:
    if not counts or not counts[0]:
        raise ValueError("a table needs at least one row and one column")
    width = len(counts[0])
    if any(len(row) != width for row in counts):
        raise ValueError("every row of the table must have the same number of cells")
    for row in counts:
        for value in row:
            _check_count(value)
    grid = [[*row, sum(row)] for row in counts]
    grid.append([sum(row[j] for row in grid) for j in range(width + 1)])
    return grid


def _cells(grid: list[list[int]]) -> list[tuple[Cell, int]]:
    return [((i, j), value) for i, row in enumerate(grid) for j, value in enumerate(row)]


def _lines(grid: list[list[int]]) -> list[list[Cell]]:
    rows, cols = len(grid), len(grid[0])
    return [[(i, j) for j in range(cols)] for i in range(rows)] + [
        [(i, j) for i in range(rows)] for j in range(cols)
    ]


def _preference(grid: list[list[int]], cell: Cell) -> tuple[bool, bool, int, Cell]:
    """Order in which to pick a cell for secondary suppression: body before totals,
    non-zero before zero (a zero can only hide a number by growing), smallest first."""
    i, j = cell
    is_total = i == len(grid) - 1 or j == len(grid[0]) - 1
    value = grid[i][j]
    return (is_total, value == 0, value, cell)


def _complete_lines(grid: list[list[int]], suppressed: set[Cell]) -> Cell | None:
    rows, cols = len(grid), len(grid[0])
    lonely_rows = [i for i in range(rows) if sum((i, j) in suppressed for j in range(cols)) == 1]
    lonely_cols = [j for j in range(cols) if sum((i, j) in suppressed for i in range(rows)) == 1]
    # (line, crossing lines that are lonely too): one suppression there completes both
    lonely = [
        ([(i, j) for j in range(cols)], {(k, j) for k in range(rows) for j in lonely_cols})
        for i in lonely_rows
    ]
    lonely += [
        ([(i, j) for i in range(rows)], {(i, k) for k in range(cols) for i in lonely_rows})
        for j in lonely_cols
    ]
    for line, doubly_useful in lonely:
        candidates = [cell for cell in line if cell not in suppressed]
        if candidates:
            return min(candidates, key=lambda c: (c not in doubly_useful, *_preference(grid, c)))
    return None


def _protect_one(grid: list[list[int]], suppressed: set[Cell]) -> Cell | None:
    for cell in sorted(suppressed):
        if _can_move(grid, suppressed, cell):
            continue
        i, j = cell
        candidates = sorted(
            (
                other
                for other, _ in _cells(grid)
                if other not in suppressed and (other[0] == i or other[1] == j)
            ),
            key=lambda other: _preference(grid, other),
        )
        for candidate in candidates:
            if _can_move(grid, suppressed | {candidate}, cell):
                return candidate
        if candidates:
            return candidates[0]
        return min(
            (other for other, _ in _cells(grid) if other not in suppressed),
            key=lambda other: _preference(grid, other),
            default=None,
        )
    return None


def _can_move(grid: list[list[int]], suppressed: set[Cell], start: Cell) -> bool:
    """True if the suppressed counts can change by one along a closed path through `start`.

    Write each total as minus itself: then every row and column of the extended table sums to
    zero, and adding +1 and -1 alternately around a closed path that turns at suppressed cells
    (row step, column step, ...) keeps every published number and sum. The change is allowed if
    no count goes below zero. If such a path exists, `start` is not determined by what is
    published; every other solution differs from the true table by a sum of such paths.
    """
    last_row, last_col = len(grid) - 1, len(grid[0]) - 1

    def sign(cell: Cell) -> int:  # totals enter the zero-sum table negated (the corner twice)
        return -1 if (cell[0] == last_row) != (cell[1] == last_col) else 1

    def allowed(cell: Cell, step: int) -> bool:
        return grid[cell[0]][cell[1]] + sign(cell) * step >= 0

    in_row: dict[int, list[int]] = {}
    in_col: dict[int, list[int]] = {}
    for i, j in suppressed:
        in_row.setdefault(i, []).append(j)
        in_col.setdefault(j, []).append(i)
    row0, col0 = start

    def search(row: int, col: int, step: int, rows: set[int], cols: set[int]) -> bool:
        # at (row, col) carrying `step`; go along the row to a new column, then down it
        for next_col in in_row.get(row, []):
            if next_col == col or not allowed((row, next_col), -step):
                continue
            if next_col == col0:
                return True  # the column step back to `start` closes the path
            if next_col in cols:
                continue
            for next_row in in_col.get(next_col, []):
                if next_row in rows or not allowed((next_row, next_col), step):
                    continue
                if search(next_row, next_col, step, rows | {next_row}, cols | {next_col}):
                    return True
        return False

    return any(
        allowed(start, step) and search(row0, col0, step, {row0}, {col0}) for step in (1, -1)
    )


def _published(
    grid: list[list[int]], reasons: dict[Cell, Reason], round_to: int | None
) -> ProtectedTable:
    def shown(cell: Cell) -> Shown:
        if cell in reasons:
            return Shown(None, reasons[cell])
        value = grid[cell[0]][cell[1]]
        return Shown(float(round_to_nearest(value, round_to) if round_to else value))

    last_row, last_col = len(grid) - 1, len(grid[0]) - 1
    return ProtectedTable(
        cells=tuple(tuple(shown((i, j)) for j in range(last_col)) for i in range(last_row)),
        row_totals=tuple(shown((i, last_col)) for i in range(last_row)),
        column_totals=tuple(shown((last_row, j)) for j in range(last_col)),
        grand_total=shown((last_row, last_col)),
    )
