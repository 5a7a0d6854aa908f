"""Rule ids for problems the reader finds with files (as opposed to values inside them).

Each id is stable: tests, the docs and the validation report refer to them. The validator's
own rules (codes valid for the year, episode chains, ...) live in `ssda903.rules`.
"""

from __future__ import annotations

from careboard.analytics.ssda903.findings import Finding, Severity

# Encoding and bytes
UNDECODABLE = "FILE01"  # neither UTF-8 nor cp1252
UTF16 = "FILE02"  # UTF-16 or UTF-32 (byte-order mark or NUL pattern)
NUL_BYTES = "FILE03"  # NUL bytes in a text file
EMPTY_FILE = "FILE04"  # zero bytes, or only blank lines
# Header row
UNRECOGNISED_HEADER = "FILE05"  # header matches no 903 table
WRONG_DELIMITER = "FILE06"  # header looks separated by ; | or tab
MISSING_COLUMN = "FILE07"  # a column the table needs is absent
DUPLICATE_COLUMN = "FILE08"  # the same column twice in the header
EXTRA_COLUMN = "FILE09"  # column not in the table: reported and dropped (warning)
AMBIGUOUS_HEADER = "FILE10"  # header holds the full column set of two tables
# Rows
MALFORMED_ROW = "FILE11"  # a row with the wrong number of fields
TOO_MANY_MALFORMED_ROWS = "FILE12"  # so many that the file is not read further
NO_DATA_ROWS = "FILE13"  # header only (warning)
BLANK_ROWS = "FILE14"  # rows with every cell empty, ignored (warning)
# The set of files
DUPLICATE_TABLE = "FILE15"  # two files hold the same table
MIXED_FORMATS = "FILE16"  # CSV and XML together, or several XML files
IGNORED_FILE = "FILE17"  # not a .csv or .xml file in a folder or zip (warning)
NO_FILES = "FILE18"  # source missing, or nothing to read in it
UNREADABLE_FILE = "FILE19"  # the operating system could not read it
YEAR_OUT_OF_RANGE = "FILE20"  # collection year careboard does not read
NO_CHILDREN = "FILE28"  # no Header table, or an empty one: nothing to import
# XML
XML_MALFORMED = "FILE21"  # not well-formed XML
XML_FORBIDDEN = "FILE22"  # DTD, entity or external reference: XML bomb protection
XML_UNKNOWN_ELEMENT = "FILE23"  # element careboard does not know (warning)
XML_TOO_DEEP = "FILE24"  # elements nested deeper than any 903 file needs
# Zip
ZIP_TOO_MANY_ENTRIES = "FILE25"
ZIP_TOO_LARGE = "FILE26"  # total uncompressed size or compression ratio over the cap
ZIP_UNREADABLE = "FILE27"  # corrupt, encrypted or not a zip


def error(rule_id: str, message: str, **where: str | int | None) -> Finding:
    return Finding(rule_id, Severity.ERROR, message, **where)  # type: ignore[arg-type]


def warning(rule_id: str, message: str, **where: str | int | None) -> Finding:
    return Finding(rule_id, Severity.WARNING, message, **where)  # type: ignore[arg-type]
