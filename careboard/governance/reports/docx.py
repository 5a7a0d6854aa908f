"""Render a Report as a Word document officers can edit: real headings, real tables.

Section headings use Word's built-in "Heading 1", "Heading 2"... styles (so the navigation
pane and a table of contents work), tables use "Table Grid" with a repeating header row,
charts are pictures with alt text, and the document's title and language are set.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

from careboard.governance.reports.bar_chart_png import bar_chart_png
from careboard.governance.reports.model import (
    Block,
    BulletList,
    Cell,
    Chart,
    Figure,
    Paragraph,
    Placeholder,
    RagCell,
    Report,
    Section,
    Table,
)

RAG_FILLS = {"green": "00703C", "amber": "F47738", "red": "D4351C", "none": "FFFFFF"}
WHITE_TEXT = {"green", "red"}
TEXT_WIDTH_CM = 16.0  # A4 less Word's default margins
CHART_IN_OTHER_FORMATS = (
    "The chart is in the PDF and web versions of this report; its figures are in the table above."
)


def render_docx(report: Report) -> bytes:
    document = Document()
    document.core_properties.title = report.title
    document.core_properties.subject = report.subtitle
    document.core_properties.author = report.author or "careboard"
    document.core_properties.language = report.language
    _set_language(document, report.language)
    document.add_heading(report.title, level=0)
    if report.subtitle:
        document.add_paragraph(report.subtitle, style="Subtitle")
    for section in report.sections:
        _section(document, section, level=1)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_language(document: object, language: str) -> None:
    """Make `language` the proofing language of the Normal style (and so of the text)."""
    normal = document.styles["Normal"]  # type: ignore[attr-defined]
    run_properties = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language)
    run_properties.append(lang)


def _section(document: object, section: Section, level: int) -> None:
    document.add_heading(section.heading, level=min(level, 9))  # type: ignore[attr-defined]
    for block in section.blocks:
        if isinstance(block, Section):
            _section(document, block, level + 1)
        else:
            _block(document, block)


def _block(document: object, block: Block) -> None:
    doc = document  # python-docx's Document has no public type to annotate with
    if isinstance(block, Paragraph):
        paragraph = doc.add_paragraph()  # type: ignore[attr-defined]
        paragraph.add_run(block.text).bold = block.emphasis
    elif isinstance(block, BulletList):
        style = "List Number" if block.numbered else "List Bullet"
        for item in block.items:
            doc.add_paragraph(item, style=style)  # type: ignore[attr-defined]
    elif isinstance(block, Table):
        _table(doc, block)
    elif isinstance(block, Figure):
        _figure(doc, block)
    elif isinstance(block, Chart):
        # Word cannot show the SVG chart: its sentence stands in, its figures are in the
        # table the report puts beside it.
        doc.add_paragraph(block.caption, style="Caption")  # type: ignore[attr-defined]
        doc.add_paragraph(block.summary)  # type: ignore[attr-defined]
        doc.add_paragraph(CHART_IN_OTHER_FORMATS, style="Quote")  # type: ignore[attr-defined]
    elif isinstance(block, Placeholder):
        paragraph = doc.add_paragraph(style="Intense Quote")  # type: ignore[attr-defined]
        paragraph.add_run(block.text)
    else:
        raise TypeError(f"No DOCX for {type(block).__name__}")


def _table(document: object, table: Table) -> None:
    document.add_paragraph(table.caption, style="Caption")  # type: ignore[attr-defined]
    grid = document.add_table(rows=1, cols=len(table.header))  # type: ignore[attr-defined]
    grid.style = "Table Grid"
    header = grid.rows[0]
    _repeat_as_header(header)
    for cell, title in zip(header.cells, table.header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(title).bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            _fill(cell, value)
    if table.widths:
        grid.autofit = False
        for column, share in zip(grid.columns, table.widths, strict=True):
            for cell in column.cells:
                cell.width = Cm(TEXT_WIDTH_CM * share / 100)


def _repeat_as_header(row: object) -> None:
    """Mark a row as the table's header: repeated on each page and read as headers."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _fill(cell: _Cell, value: Cell) -> None:
    if not isinstance(value, RagCell):
        cell.text = str(value)
        return
    cell.text = ""
    run = cell.paragraphs[0].add_run(value.label)
    run.bold = True
    if value.status in WHITE_TEXT:
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), RAG_FILLS.get(value.status, "FFFFFF"))
    cell._tc.get_or_add_tcPr().append(shading)


def _figure(document: object, figure: Figure) -> None:
    document.add_paragraph(figure.caption, style="Caption")  # type: ignore[attr-defined]
    picture = BytesIO(bar_chart_png(figure.bars))
    shape = document.add_picture(picture, width=Cm(12))  # type: ignore[attr-defined]
    # Word reads a picture's alt text from the drawing's docPr "descr" attribute.
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", figure.alt)
    doc_pr.set("title", figure.caption)
    legend = document.add_paragraph()  # type: ignore[attr-defined]
    legend.alignment = WD_ALIGN_PARAGRAPH.LEFT
    run = legend.add_run("; ".join(f"{bar.label}: {bar.value}" for bar in figure.bars))
    run.font.size = Pt(9)
