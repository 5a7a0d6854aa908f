"""The report kinds careboard can build, and the formats it writes them in."""

from __future__ import annotations

from collections.abc import Callable

from careboard.governance.reports.docx import render_docx
from careboard.governance.reports.html import render_html
from careboard.governance.reports.model import Report
from careboard.governance.reports.pdf import render_pdf

SCRUTINY = "scrutiny"
BOARD_PACK = "board-pack"
PROGRESS = "progress-12-month"
CHILD_FRIENDLY = "child-friendly"
KINDS = (SCRUTINY, BOARD_PACK, PROGRESS, CHILD_FRIENDLY)
PLAN_KINDS = (SCRUTINY, PROGRESS, CHILD_FRIENDLY)  # built for a plan, not a meeting


def _html_bytes(report: Report) -> bytes:
    return render_html(report).encode("utf-8")


# format -> (render, content type)
FORMATS: dict[str, tuple[Callable[[Report], bytes], str]] = {
    "html": (_html_bytes, "text/html; charset=utf-8"),
    "docx": (
        render_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "pdf": (render_pdf, "application/pdf"),
}


def render(report: Report, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    return FORMATS[fmt][0](report)
