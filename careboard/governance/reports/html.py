"""Render a Report as one self-contained, accessible HTML document (also the PDF's source).

Headings follow the section tree (h1 for the title, h2 for top sections...), tables have a
caption and column headers, RAG cells carry the word as well as the colour, and charts are
inline SVG with a title and description a screen reader can read.
"""

from __future__ import annotations

from html import escape

from careboard.governance.reports.icons import icon_svg
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
    walk_blocks,
)

RAG_COLOURS = {"green": "#00703c", "amber": "#f47738", "red": "#d4351c", "none": "#505a5f"}
NEUTRAL_BAR = "#1d70b8"

STYLESHEET = """
@page { size: A4; margin: 20mm 18mm 22mm 18mm;
        @bottom-center { content: "Page " counter(page) " of " counter(pages);
                         font: 9pt "Liberation Sans", "DejaVu Sans", sans-serif; color: #505a5f; } }
body { font: 11pt/1.45 "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #0b0c0c;
       max-width: 48em; margin: 0 auto; }
h1 { font-size: 22pt; margin: 0 0 4pt; }
h2 { font-size: 16pt; margin: 18pt 0 6pt; border-bottom: 2px solid #0b0c0c; }
h3 { font-size: 13pt; margin: 14pt 0 4pt; }
h4, h5, h6 { font-size: 11pt; margin: 10pt 0 4pt; }
h1, h2, h3, h4, h5, h6, caption, figcaption { break-after: avoid; }
table, figure { break-inside: avoid; }
p.subtitle { font-size: 13pt; color: #505a5f; margin: 0 0 14pt; }
p.emphasis { font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 12pt; font-size: 10pt; }
caption { text-align: left; font-weight: bold; padding-bottom: 4pt; }
th, td { border: 1px solid #b1b4b6; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #f3f2f1; }
thead { display: table-header-group; }
table.fixed { table-layout: fixed; }
table.long { break-inside: auto; }
tr { page-break-inside: avoid; }
td.rag { font-weight: bold; color: #ffffff; white-space: nowrap; }
td.rag-green { background: #00703c; }
td.rag-amber { background: #f47738; color: #0b0c0c; }
td.rag-red { background: #d4351c; }
td.rag-none { background: #ffffff; color: #0b0c0c; font-style: italic; }
figure { margin: 8pt 0 14pt; }
figcaption { font-weight: bold; margin-bottom: 4pt; }
.placeholder { border: 2px dashed #505a5f; padding: 8pt; background: #f3f2f1; }
svg.icon { vertical-align: middle; margin-right: 6pt; }
p.chart-summary { font-style: italic; }
svg.cb-chart { display: block; width: 100%; height: auto; max-width: 160mm; }
"""

# The chart classes of careboard.charts (assets/scss/_charts.scss), for charts in reports.
# WeasyPrint applies styles to SVG only from a <style> inside the SVG, so each chart
# carries its own copy.
CHART_STYLE = """
.cb-chart { color: #0b0c0c; overflow: visible;
            font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
.cb-chart text { fill: #0b0c0c; }
.cb-chart__grid { stroke: #b1b4b6; }
.cb-chart__axis, .cb-chart__gap { stroke: #505a5f; }
.cb-chart text.cb-chart__tick, .cb-chart text.cb-chart__symbol { fill: #505a5f; }
.cb-chart__label { paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
.cb-chart__line--council { stroke: #1d70b8; }
.cb-chart__marker--council { fill: #1d70b8; stroke: #fff; stroke-width: 1; }
.cb-chart__line--england { stroke: #0b0c0c; }
.cb-chart__marker--england { fill: #fff; stroke: #0b0c0c; stroke-width: 2; }
.cb-chart__line--neighbours { stroke: #4c2c92; }
.cb-chart__marker--neighbours { fill: #4c2c92; }
.cb-chart__target { stroke: #00703c; }
.cb-chart__hatch { stroke: #a14f00; }
.cb-chart__band { stroke: #a14f00; stroke-width: 1; }
"""


def render_html(report: Report) -> str:
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(report.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(report.title)}</title>",
    ]
    if report.author:
        parts.append(f'<meta name="author" content="{escape(report.author)}">')
    parts += [f"<style>{STYLESHEET}{_width_rules(report)}</style>", "</head>", "<body>", "<main>"]
    parts.append(f"<h1>{escape(report.title)}</h1>")
    if report.subtitle:
        parts.append(f'<p class="subtitle">{escape(report.subtitle)}</p>')
    for number, section in enumerate(report.sections, start=1):
        parts.extend(_section(section, level=2, anchor=f"s{number}"))
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _section(section: Section, level: int, anchor: str) -> list[str]:
    tag = f"h{min(level, 6)}"
    lines = [f'<section aria-labelledby="{anchor}">']
    icon = icon_svg(section.icon) if section.icon else ""
    lines.append(f'<{tag} id="{anchor}">{icon}{escape(section.heading)}</{tag}>')
    child = 0
    for block in section.blocks:
        if isinstance(block, Section):
            child += 1
            lines.extend(_section(block, level + 1, f"{anchor}-{child}"))
        else:
            lines.append(_block(block, f"{anchor}-b{len(lines)}"))
    lines.append("</section>")
    return lines


def _block(block: Block, anchor: str) -> str:
    if isinstance(block, Paragraph):
        css = ' class="emphasis"' if block.emphasis else ""
        return f"<p{css}>{escape(block.text)}</p>"
    if isinstance(block, BulletList):
        items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
        tag = "ol" if block.numbered else "ul"
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        return _figure(block, anchor)
    if isinstance(block, Chart):
        # The SVG comes from careboard.charts, which escapes every text it draws.
        svg = block.svg.replace(">", f"><style>{CHART_STYLE}</style>", 1)
        return (
            f"<figure><figcaption>{escape(block.caption)}</figcaption>{svg}"
            f'<p class="chart-summary">{escape(block.summary)}</p></figure>'
        )
    if isinstance(block, Placeholder):
        return f'<p class="placeholder">{escape(block.text)}</p>'
    raise TypeError(f"No HTML for {type(block).__name__}")


def _width_rules(report: Report) -> str:
    """One CSS class per column width the report's tables ask for (w25 = 25% wide)."""
    widths = sorted(
        {w for block in walk_blocks(report) if isinstance(block, Table) for w in block.widths}
    )
    return "".join(f"\ncol.w{width} {{ width: {width}%; }}" for width in widths)


LONG_TABLE = 8  # rows; a longer table may break across pages (keeping it whole is slow)


def _table(table: Table) -> str:
    head = "".join(f'<th scope="col">{escape(title)}</th>' for title in table.header)
    classes = (["fixed"] if table.widths else []) + (
        ["long"] if len(table.rows) > LONG_TABLE else []
    )
    opening = f'<table class="{" ".join(classes)}">' if classes else "<table>"
    columns = "".join(f'<col class="w{width}">' for width in table.widths)
    return (
        f"{opening}<caption>{escape(table.caption)}</caption>"
        + (f"<colgroup>{columns}</colgroup>" if columns else "")
        + f"<thead><tr>{head}</tr></thead><tbody>{_body(table)}</tbody></table>"
    )


def _body(table: Table) -> str:
    return "".join("<tr>" + "".join(_cell(cell) for cell in row) + "</tr>" for row in table.rows)


def _cell(cell: Cell) -> str:
    if isinstance(cell, RagCell):
        return f'<td class="rag rag-{escape(cell.status)}">{escape(cell.label)}</td>'
    return f"<td>{escape(str(cell))}</td>"


def _figure(figure: Figure, anchor: str) -> str:
    """A horizontal bar chart as inline SVG: label, bar and value on each row."""
    row_height, label_width, bar_width = 26, 190, 300
    top = max((bar.value for bar in figure.bars), default=0) or 1
    height = row_height * len(figure.bars) + 8
    rows = []
    for index, bar in enumerate(figure.bars):
        y = 4 + index * row_height
        length = round(bar_width * bar.value / top)
        colour = RAG_COLOURS.get(bar.status, NEUTRAL_BAR)
        rows.append(
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" font-size="12">'
            f"{escape(bar.label)}</text>"
            f'<rect x="{label_width}" y="{y + 3}" width="{length}" height="{row_height - 8}" '
            f'fill="{colour}"/>'
            f'<text x="{label_width + length + 6}" y="{y + 16}" font-size="12">{bar.value}</text>'
        )
    width = label_width + bar_width + 40
    return (
        f"<figure><figcaption>{escape(figure.caption)}</figcaption>"
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{anchor}-t {anchor}-d">'
        f'<title id="{anchor}-t">{escape(figure.caption)}</title>'
        f'<desc id="{anchor}-d">{escape(figure.alt)}</desc>'
        f"{''.join(rows)}</svg></figure>"
    )
