"""Which text encoding a file is in: UTF-8 (with or without BOM) or cp1252, nothing else.

One pass over the file in 1 MiB blocks, all the work done by C code (`bytes.find`,
`bytes.isascii`, the incremental UTF-8 decoder); memory stays at one block whatever the
file size. A problem comes back as a Finding naming the line where it starts.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from careboard.analytics.ssda903.findings import Finding
from careboard.analytics.ssda903.reader import file_rules

BLOCK = 1 << 20
UTF8_BOM = codecs.BOM_UTF8
_UTF16_32_BOMS = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)
# Bytes cp1252 leaves undefined: a file holding one is neither UTF-8 nor cp1252.
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")


@dataclass(frozen=True, slots=True)
class Encoding:
    """What to decode a file with. `name` is a Python/Arrow codec name."""

    name: str  # "utf-8" or "cp1252"
    has_bom: bool = False


def detect_encoding(path: Path, display_name: str) -> Encoding | Finding:
    """Return the file's encoding, or a Finding saying why it cannot be read as text."""
    with path.open("rb") as stream:
        first = stream.read(BLOCK)
        if not first:
            return file_rules.error(
                file_rules.EMPTY_FILE,
                "The file is empty: it has no header row and no data.",
                file=display_name,
            )
        if first.startswith(_UTF16_32_BOMS) or _looks_like_utf16(first):
            return file_rules.error(
                file_rules.UTF16,
                "The file is saved as UTF-16 (Excel's 'Unicode text'). Save it as "
                "'CSV UTF-8' or plain CSV and upload it again.",
                file=display_name,
            )
        has_bom = first.startswith(UTF8_BOM)
        decoder = codecs.getincrementaldecoder("utf-8")()
        utf8_error_line: int | None = None
        cp1252_error_line: int | None = None
        lines_before = 1  # line number of the first byte of the current block
        block = first[len(UTF8_BOM) :] if has_bom else first
        while block:
            nul_at = block.find(b"\x00")
            if nul_at >= 0:
                return file_rules.error(
                    file_rules.NUL_BYTES,
                    "The file contains NUL bytes, so it is not a text (CSV or XML) file. "
                    "Export it again from the case-management system.",
                    file=display_name,
                    row=lines_before + block.count(b"\n", 0, nul_at),
                )
            if not block.isascii():
                if utf8_error_line is None:
                    try:
                        decoder.decode(block)
                    except UnicodeDecodeError as problem:
                        utf8_error_line = lines_before + block.count(b"\n", 0, problem.start)
                if cp1252_error_line is None:
                    undefined = _CP1252_UNDEFINED.search(block)
                    if undefined:
                        cp1252_error_line = lines_before + block.count(b"\n", 0, undefined.start())
            lines_before += block.count(b"\n")
            block = stream.read(BLOCK)
        if utf8_error_line is None:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8_error_line = lines_before
    if utf8_error_line is None:
        return Encoding("utf-8", has_bom)
    if cp1252_error_line is None and not has_bom:
        return Encoding("cp1252")
    return file_rules.error(
        file_rules.UNDECODABLE,
        "The file is neither UTF-8 nor Windows-1252 (cp1252) text. Save it as "
        "'CSV UTF-8' and upload it again.",
        file=display_name,
        row=utf8_error_line if has_bom else (cp1252_error_line or utf8_error_line),
    )


def _looks_like_utf16(block: bytes) -> bool:
    """UTF-16 without a byte-order mark: ASCII text with every other byte NUL."""
    sample = block[:512]
    if len(sample) < 4:
        return False
    evens, odds = sample[0::2], sample[1::2]
    return odds.count(0) > len(odds) * 0.6 or evens.count(0) > len(evens) * 0.6
