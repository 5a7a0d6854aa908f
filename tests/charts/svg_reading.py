"""Reading a chart's SVG back as XML, the way an assistive technology or a browser would."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring

from careboard.charts import Chart

SVG = "{http://www.w3.org/2000/svg}"


def parsed(chart: Chart) -> Element:
    root: Element = fromstring(str(chart.svg))
    return root


def accessible_name_and_description(chart: Chart) -> tuple[str, str]:
    """The texts aria-labelledby points at, in order: the title, then the description."""
    root = parsed(chart)
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    title_id, desc_id = root.get("aria-labelledby", "").split()
    title, desc = by_id[title_id], by_id[desc_id]
    assert title.tag == f"{SVG}title"
    assert desc.tag == f"{SVG}desc"
    return title.text or "", desc.text or ""


def table_numbers(chart: Chart, column: int = 0) -> list[float | None]:
    return [row.cells[column].value for row in chart.table.rows]


def table_headings(chart: Chart) -> list[str]:
    return [row.heading for row in chart.table.rows]
