"""Writing SVG markup: every attribute and text escaped, no inline styles (the CSP forbids
them), and the accessible frame of role="img" with <title> and <desc>."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from django.utils.safestring import SafeString, mark_safe

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
Attribute = str | int | float | None


def number(value: float) -> str:
    """A coordinate, short: 12.5, 40, -3.25."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def attribute_name(name: str) -> str:
    """A keyword argument as an SVG attribute: class_ -> class, stroke_width -> stroke-width
    (camelCase names such as viewBox pass through)."""
    return name.rstrip("_").replace("_", "-")


def attributes(attrs: dict[str, Attribute]) -> str:
    parts = []
    for name, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, float):
            text = number(value)
        elif isinstance(value, int):
            text = str(value)
        else:
            text = escape(value, quote=True)
        parts.append(f' {attribute_name(name)}="{text}"')
    return "".join(parts)


def element(name: str, children: Iterable[str] = (), /, **attrs: Attribute) -> str:
    """`<name attrs>children</name>`; children must already be markup from this module."""
    inner = "".join(children)
    if not inner:
        return f"<{name}{attributes(attrs)}/>"
    return f"<{name}{attributes(attrs)}>{inner}</{name}>"


def text(content: str, **attrs: Attribute) -> str:
    """A <text> element; the content is escaped."""
    return f"<text{attributes(attrs)}>{escape(content)}</text>"


def safe_id(name: str) -> str:
    """An id usable in XML and CSS: lower case letters, digits and hyphens, starting with a
    letter."""
    cleaned = re.sub(r"[^a-z0-9-]+", "-", name.lower()).strip("-")
    return f"chart-{cleaned}" if not cleaned[:1].isalpha() else cleaned


def document(
    chart_id: str,
    *,
    title: str,
    description: str,
    width: float,
    height: float,
    kind: str,
    body: Iterable[str],
) -> SafeString:
    """The whole <svg>: named by its title and described by its summary for screen readers;
    the drawing inside is presentational (the data table gives the figures)."""
    ident = safe_id(chart_id)
    view_box = attributes({"viewBox": f"0 0 {number(width)} {number(height)}"})
    frame = (
        f'<svg xmlns="{SVG_NAMESPACE}"{view_box}'
        f' class="cb-chart cb-chart--{escape(kind)}" role="img" focusable="false"'
        f' aria-labelledby="{ident}-title {ident}-desc" id="{ident}">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(description)}</desc>'
    )
    return mark_safe(frame + "".join(body) + "</svg>")  # every part escaped above
