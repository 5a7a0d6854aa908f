"""Reading dashboard pages as a person does: visible text and links."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from defusedxml.ElementTree import fromstring


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((" ".join("".join(self._text).split()), self._href))
            self._href = None


def links(content: bytes) -> list[tuple[str, str]]:
    """(link text, href) for every link on the page."""
    parser = _Links()
    parser.feed(content.decode())
    return parser.links


def text(content: bytes) -> str:
    """The page's words, without markup or SVG, spaces collapsed."""
    page = re.sub(r"<(svg|head|script)\b.*?</\1>", " ", content.decode(), flags=re.S)
    words = " ".join(unescape(re.sub(r"<[^>]+>", " ", page)).split())
    return re.sub(r" ([,.;:)])", r"\1", words)


def svgs(content: bytes) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", content.decode(), flags=re.S)


def svg_title(svg: str) -> str:
    """The <title> of an SVG chart (its accessible name)."""
    title = fromstring(svg).find("{http://www.w3.org/2000/svg}title")
    assert title is not None, "a chart without a title"
    return title.text or ""
