"""One report model for every report careboard writes: a tree of plain dataclasses.

Builders (scrutiny report, board pack) fill it from the database; renderers (HTML, DOCX,
PDF) turn it into a file. Nothing here knows about Django or about any one file format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class RagCell:
    """A table cell holding a RAG status: always the word as well as the colour."""

    status: str  # "green", "amber", "red" or "none" (no progress reported)
    label: str


Cell = str | int | RagCell


@dataclass
class Paragraph:
    text: str
    emphasis: bool = False


@dataclass
class BulletList:
    items: list[str]
    numbered: bool = False


@dataclass
class Table:
    """A table with one header row. `caption` says what it holds (read out by screen readers).

    `widths`, if given, are the columns' shares of the page width in per cent: the renderers
    then lay the table out at those widths instead of measuring every cell (much faster for
    long tables in the PDF).
    """

    caption: str
    header: list[str]
    rows: list[list[Cell]]
    widths: tuple[int, ...] = ()


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    status: str = ""  # a RAG code, to colour the bar; "" for a neutral bar


@dataclass
class Figure:
    """A simple bar chart. `alt` is the text a reader hears instead of seeing the chart."""

    caption: str
    alt: str
    bars: list[Bar]


@dataclass
class Chart:
    """A chart drawn elsewhere (careboard.charts) as accessible SVG, with the sentence that
    says what it shows. HTML and PDF show the SVG and the sentence; Word, which cannot show
    SVG, gets the sentence only (the report puts the chart's figures in a table beside it).
    """

    caption: str
    svg: str
    summary: str


@dataclass
class Placeholder:
    """A part of the report that another piece of careboard will fill in later."""

    text: str


Block = Union[Paragraph, BulletList, Table, Figure, Chart, Placeholder, "Section"]


@dataclass
class Section:
    """A heading and what sits under it; sections nest (level 1 under the title, then 2...)."""

    heading: str
    blocks: list[Block] = field(default_factory=list)
    icon: str = ""  # a name from reports/icons.py, drawn beside the heading in HTML and PDF

    def add(self, block: Block) -> Block:
        self.blocks.append(block)
        return block

    def subsection(self, heading: str, icon: str = "") -> Section:
        section = Section(heading, icon=icon)
        self.blocks.append(section)
        return section


@dataclass
class Report:
    """A whole report: its title (also the document title of every file) and its sections."""

    title: str
    subtitle: str = ""
    language: str = "en-GB"
    author: str = ""
    sections: list[Section] = field(default_factory=list)

    def section(self, heading: str, icon: str = "") -> Section:
        section = Section(heading, icon=icon)
        self.sections.append(section)
        return section


def walk_blocks(report: Report) -> list[Block]:
    """Every block that is not a section, in reading order."""
    found: list[Block] = []

    def visit(section: Section) -> None:
        for block in section.blocks:
            if isinstance(block, Section):
                visit(block)
            else:
                found.append(block)

    for section in report.sections:
        visit(section)
    return found


def walk_headings(report: Report) -> list[tuple[int, str]]:
    """(level, heading) for every section, in reading order: level 1 for top sections."""
    found: list[tuple[int, str]] = []

    def visit(section: Section, level: int) -> None:
        found.append((level, section.heading))
        for block in section.blocks:
            if isinstance(block, Section):
                visit(block, level + 1)

    for section in report.sections:
        visit(section, 1)
    return found
