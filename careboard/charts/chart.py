"""A rendered chart: its SVG, the sentence that says what it shows, and its data table."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: the text shown, and the number behind it (None for words only)."""

    text: str
    value: float | None = None


@dataclass(frozen=True, slots=True)
class Row:
    heading: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """The chart's figures as a table: a caption, column headings and one row per period or
    area (the first column heads each row)."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def labelled_rows(self) -> list[tuple[str, list[tuple[str, Cell]]]]:
        """Each row's heading and its cells beside their column names (for tables that
        stack on a phone, where each cell carries its column's name)."""
        return [
            (row.heading, list(zip(self.columns[1:], row.cells, strict=False))) for row in self.rows
        ]


@dataclass(frozen=True, slots=True)
class Chart:
    """An accessible chart: `svg` has role="img" with a <title> and a <desc> (the summary)
    linked by aria-labelledby; `summary` is the sentence to print beside it; `table` holds
    the same figures for people who cannot see the chart or want the numbers."""

    svg: SafeString
    title: str
    summary: str
    table: Table

    def __str__(self) -> str:
        return str(self.svg)

    def __html__(self) -> str:
        return str(self.svg)
