"""The three renderers turn one report model into HTML, a Word file with real headings and
tables, and a tagged PDF with a title and language (issue 8: accessible, editable reports)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from careboard.governance.reports.docx import render_docx
from careboard.governance.reports.html import render_html
from careboard.governance.reports.model import (
    Bar,
    BulletList,
    Figure,
    Paragraph,
    Placeholder,
    RagCell,
    Report,
    Table,
    walk_headings,
)
from careboard.governance.reports.pdf import render_pdf
from tests.governance.conftest import docx_headings, pdf_info, pdf_objects, pdf_text, style_of


@pytest.fixture
def small_report() -> Report:
    report = Report("Fostering update", subtitle="For the board, June 2026")
    summary = report.section("Summary")
    summary.add(Paragraph("Two of three actions are complete."))
    detail = summary.subsection("Actions")
    detail.add(
        Table(
            "Actions by status",
            ["Action", "Status"],
            [
                ["Recruit carers", RagCell("green", "Green")],
                ["Train carers", RagCell("amber", "Amber")],
            ],
        )
    )
    detail.add(
        Figure(
            "Actions by status",
            "Green 2, Amber 1.",
            [Bar("Green", 2, "green"), Bar("Amber", 1, "amber")],
        )
    )
    report.section("Performance").add(Placeholder("Indicators: awaiting the indicator engine"))
    return report


def test_headings_nest_with_the_sections(small_report: Report) -> None:
    assert walk_headings(small_report) == [(1, "Summary"), (2, "Actions"), (1, "Performance")]


def test_html_has_the_title_language_headings_and_an_accessible_table(small_report: Report) -> None:
    html = render_html(small_report)
    assert '<html lang="en-GB">' in html
    assert "<title>Fostering update</title>" in html
    assert "<h1>Fostering update</h1>" in html
    assert '<h2 id="s1">Summary</h2>' in html
    assert '<h3 id="s1-1">Actions</h3>' in html
    assert "<caption>Actions by status</caption>" in html
    assert '<th scope="col">Status</th>' in html
    assert '<td class="rag rag-amber">Amber</td>' in html  # the word, not only the colour
    assert 'role="img"' in html
    assert "<desc" in html
    assert "Green 2, Amber 1." in html


def test_html_escapes_what_people_typed() -> None:
    report = Report("A <b>bold</b> title")
    report.section("S").add(Paragraph("<script>alert(1)</script>"))
    html = render_html(report)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_docx_uses_word_heading_styles_and_real_tables(small_report: Report) -> None:
    document = docx.Document(io.BytesIO(render_docx(small_report)))
    assert docx_headings(document) == [
        ("Title", "Fostering update"),
        ("Heading 1", "Summary"),
        ("Heading 2", "Actions"),
        ("Heading 1", "Performance"),
    ]
    [table] = document.tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Action", "Status"],
        ["Recruit carers", "Green"],
        ["Train carers", "Amber"],
    ]
    # The header row repeats on each page and is read out as the column headers.
    assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    assert document.core_properties.title == "Fostering update"
    assert document.core_properties.language == "en-GB"


def test_docx_chart_is_a_picture_with_alt_text(small_report: Report) -> None:
    document = docx.Document(io.BytesIO(render_docx(small_report)))
    [picture] = document.inline_shapes
    assert picture._inline.docPr.get("descr") == "Green 2, Amber 1."


def test_pdf_has_text_and_is_tagged_with_title_and_language(
    small_report: Report, tmp_path: Path
) -> None:
    pdf = render_pdf(small_report)
    text = pdf_text(pdf, tmp_path)
    for words in (
        "Fostering update",
        "Summary",
        "Recruit carers",
        "Amber",
        "awaiting the indicator engine",
    ):
        assert words in text
    objects = pdf_objects(pdf)
    assert b"/StructTreeRoot" in objects
    assert b"/MarkInfo <</Marked true>>" in objects
    assert b"/Lang (en-GB)" in objects
    info = pdf_info(pdf, tmp_path)
    assert info["Title"] == "Fostering update"
    assert info["Tagged"] == "yes"


def test_numbered_and_bulleted_lists_in_html_and_word() -> None:
    report = Report("Decisions")
    section = report.section("The board is recommended to")
    section.add(
        BulletList(["Endorse the strategy", "Receive an update in 12 months"], numbered=True)
    )
    section.add(BulletList(["Care councils"]))
    assert "<ol><li>Endorse the strategy</li><li>Receive an update in 12 months</li></ol>" in (
        render_html(report)
    )
    document = docx.Document(io.BytesIO(render_docx(report)))
    listed = [(style_of(p), p.text) for p in document.paragraphs if style_of(p).startswith("List")]
    assert listed == [
        ("List Number", "Endorse the strategy"),
        ("List Number", "Receive an update in 12 months"),
        ("List Bullet", "Care councils"),
    ]


def test_tables_with_set_widths_are_laid_out_at_those_widths() -> None:
    report = Report("Widths")
    report.section("S").add(
        Table("Two columns", ["Reference", "Action"], [["1.1", "Act"]], (20, 80))
    )
    html = render_html(report)
    assert '<table class="fixed">' in html
    assert '<colgroup><col class="w20"><col class="w80"></colgroup>' in html
    assert "col.w20 { width: 20%; }" in html
    assert "col.w80 { width: 80%; }" in html
    document = docx.Document(io.BytesIO(render_docx(report)))
    [table] = document.tables
    widths_cm = [round(cell.width.cm, 1) for cell in table.rows[1].cells]
    assert widths_cm == [3.2, 12.8]  # 20% and 80% of 16 cm
