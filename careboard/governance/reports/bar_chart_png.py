"""A horizontal bar chart as a PNG, drawn with the standard library only (for Word files).

Word cannot show the SVG charts the HTML uses, so the DOCX gets this picture: one bar per
row in the bar's RAG colour, on white. Labels and values go in the caption and alt text.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

from careboard.governance.reports.model import Bar

COLOURS = {
    "green": (0x00, 0x70, 0x3C),
    "amber": (0xF4, 0x77, 0x38),
    "red": (0xD4, 0x35, 0x1C),
    "none": (0x50, 0x5A, 0x5F),
}
NEUTRAL = (0x1D, 0x70, 0xB8)
WHITE = (0xFF, 0xFF, 0xFF)
WIDTH, ROW, BAR, MARGIN = 480, 36, 24, 6


def bar_chart_png(bars: Sequence[Bar]) -> bytes:
    top = max((bar.value for bar in bars), default=0) or 1
    height = ROW * max(len(bars), 1)
    lines = []
    for y in range(height):
        index, offset = divmod(y, ROW)
        pixels = bytearray(WHITE * WIDTH)
        if index < len(bars) and MARGIN <= offset < MARGIN + BAR:
            bar = bars[index]
            length = round((WIDTH - 2 * MARGIN) * bar.value / top)
            colour = bytes(COLOURS.get(bar.status, NEUTRAL))
            pixels[MARGIN * 3 : (MARGIN + length) * 3] = colour * length
        lines.append(b"\x00" + bytes(pixels))  # filter type 0 for each scanline
    header = struct.pack(">IIBBBBB", WIDTH, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"".join(lines), 9))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)
