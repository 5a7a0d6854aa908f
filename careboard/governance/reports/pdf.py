"""Render a Report as a tagged PDF (PDF/UA-1) from its HTML, with WeasyPrint.

Tagging gives the PDF a structure tree (/StructTreeRoot, /MarkInfo) so screen readers can
follow headings and tables; the document title and language come from the HTML's <title>
and lang attribute.
"""

from __future__ import annotations

from weasyprint import HTML

from careboard.governance.reports.html import render_html
from careboard.governance.reports.model import Report


def render_pdf(report: Report) -> bytes:
    document = HTML(string=render_html(report))
    pdf = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    assert pdf is not None  # write_pdf returns bytes when no target is given
    return pdf
