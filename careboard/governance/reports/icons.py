"""Simple pictures for the child-friendly summary: a few flat shapes each, drawn as SVG.

The pictures only decorate: the heading beside each one says everything it shows, so the
SVG is hidden from screen readers (aria-hidden) rather than read out twice. Colours are
set as SVG attributes (reports are standalone files, not pages under the site's CSP).
"""

from __future__ import annotations

BLUE, GREEN, PINK, YELLOW, DARK = "#1d70b8", "#00703c", "#d53880", "#ffdd00", "#0b0c0c"

SHAPES: dict[str, str] = {
    # A heart: being happy and healthy.
    "heart": (f'<path d="M16 28 L4 16 A6.5 6.5 0 0 1 16 7 A6.5 6.5 0 0 1 28 16 Z" fill="{PINK}"/>'),
    # A key: learning life skills and getting ready for 18.
    "key": (
        f'<circle cx="10" cy="16" r="6" fill="none" stroke="{YELLOW}" stroke-width="4"/>'
        f'<path d="M16 16 H29 M25 16 V21 M29 16 V20" stroke="{DARK}" stroke-width="3"/>'
    ),
    # A house: having a good home.
    "house": (
        f'<path d="M4 15 L16 4 L28 15 Z" fill="{GREEN}"/>'
        f'<rect x="7" y="15" width="18" height="13" fill="{GREEN}"/>'
        f'<rect x="14" y="20" width="5" height="8" fill="#ffffff"/>'
    ),
    # An open book: school, college and work.
    "book": (
        f'<path d="M3 7 L15 9 V27 L3 25 Z" fill="{BLUE}"/>'
        f'<path d="M29 7 L17 9 V27 L29 25 Z" fill="{BLUE}"/>'
    ),
    # A speech bubble: what you told us.
    "speech": (
        f'<path d="M4 5 H28 V21 H13 L7 27 V21 H4 Z" fill="{BLUE}"/>'
        f'<circle cx="10" cy="13" r="2" fill="#ffffff"/>'
        f'<circle cx="16" cy="13" r="2" fill="#ffffff"/>'
        f'<circle cx="22" cy="13" r="2" fill="#ffffff"/>'
    ),
    # A star: the big idea.
    "star": (
        f'<path d="M16 3 L19.5 12 L29 12 L21.5 18 L24.5 28 L16 22 L7.5 28 L10.5 18 L3 12 '
        f'L12.5 12 Z" fill="{YELLOW}" stroke="{DARK}" stroke-width="1"/>'
    ),
}

# The picture for each priority of the 2022-25 strategy, by its number (the same order as
# careboard.voice.models.ABOUT_PRIORITY_NUMBER); other priorities get the star.
PRIORITY_ICONS = {1: "heart", 2: "key", 3: "house", 4: "book"}


def priority_icon(number: int) -> str:
    return PRIORITY_ICONS.get(number, "star")


def icon_svg(name: str, size: int = 32) -> str:
    """The picture as inline SVG, hidden from screen readers; "" for an unknown name."""
    shape = SHAPES.get(name)
    if shape is None:
        return ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="icon" width="{size}" '
        f'height="{size}" viewBox="0 0 32 32" aria-hidden="true" focusable="false">'
        f"{shape}</svg>"
    )
