"""Where a return comes from: a folder, a list of files, or a zip, as a list of local files.

A zip is unpacked into a temporary folder under caps that hold whatever its directory
claims: the number of entries, the total bytes written and each entry's compression ratio
are checked before and while copying, so a zip bomb stops at the cap, not at a full disk.
Only base names are used when unpacking (no `../` escapes).
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from careboard.analytics.ssda903.findings import Finding
from careboard.analytics.ssda903.reader import file_rules

READABLE_SUFFIXES = frozenset({".csv", ".xml"})
COPY_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class ZipLimits:
    max_entries: int = 64
    max_total_bytes: int = 4 << 30  # uncompressed, all entries together
    max_ratio: float = 200.0  # uncompressed / compressed, per entry (CSV is ~5-20)


DEFAULT_ZIP_LIMITS = ZipLimits()


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    name: str  # as shown to people: the name given, or "upload.zip/episodes.csv"


Source = str | Path | Sequence[str | Path]


class _ZipCapExceeded(Exception):
    pass


@contextmanager
def local_files(
    source: Source, limits: ZipLimits = DEFAULT_ZIP_LIMITS
) -> Iterator[tuple[list[SourceFile], list[Finding]]]:
    """Yield the files to read and findings about the source; clean up afterwards."""
    findings: list[Finding] = []
    with tempfile.TemporaryDirectory(prefix="careboard-import-") as scratch:
        files: list[SourceFile] = []
        paths = [Path(source)] if isinstance(source, str | Path) else [Path(p) for p in source]
        for path in paths:
            if path.is_dir():
                files.extend(_folder(path, findings))
            elif path.is_file() and (path.suffix.lower() == ".zip" or zipfile.is_zipfile(path)):
                files.extend(_unzip(path, Path(scratch), limits, findings))
            elif path.is_file():
                files.append(SourceFile(path, path.name))
            else:
                findings.append(
                    file_rules.error(file_rules.NO_FILES, f"{path} does not exist.", file=path.name)
                )
        if not files and not any(f.blocks_import for f in findings):
            findings.append(
                file_rules.error(file_rules.NO_FILES, "There are no .csv or .xml files to read.")
            )
        yield files, findings


def _folder(folder: Path, findings: list[Finding]) -> list[SourceFile]:
    files = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix.lower() in READABLE_SUFFIXES:
            files.append(SourceFile(path, path.name))
        else:
            findings.append(
                file_rules.warning(
                    file_rules.IGNORED_FILE,
                    f"{path.name} is not a .csv or .xml file and was not read.",
                    file=path.name,
                )
            )
    return files


def _unzip(
    archive: Path, scratch: Path, limits: ZipLimits, findings: list[Finding]
) -> list[SourceFile]:
    try:
        with zipfile.ZipFile(archive) as bundle:
            entries = [e for e in bundle.infolist() if not e.is_dir()]
            problem = _check_directory(entries, limits)
            if problem:
                findings.append(file_rules.error(problem[0], problem[1], file=archive.name))
                return []
            files = []
            written_total = 0
            for index, entry in enumerate(entries):
                base = Path(entry.filename.replace("\\", "/")).name
                shown = f"{archive.name}/{entry.filename}"
                if base.startswith(".") or "__MACOSX" in entry.filename:
                    continue
                if Path(base).suffix.lower() not in READABLE_SUFFIXES:
                    findings.append(
                        file_rules.warning(
                            file_rules.IGNORED_FILE,
                            f"{entry.filename} is not a .csv or .xml file and was not read.",
                            file=shown,
                        )
                    )
                    continue
                target = scratch / f"{index:03d}-{base}"
                with bundle.open(entry) as source, target.open("wb") as sink:
                    written_total = _copy_capped(source, sink, entry, written_total, limits)
                files.append(SourceFile(target, shown))
            return files
    except _ZipCapExceeded as cap:
        findings.append(file_rules.error(file_rules.ZIP_TOO_LARGE, str(cap), file=archive.name))
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError) as bad:
        findings.append(
            file_rules.error(
                file_rules.ZIP_UNREADABLE,
                f"The zip file could not be opened ({bad}). Is it encrypted or damaged?",
                file=archive.name,
            )
        )
    return []


def _check_directory(entries: list[zipfile.ZipInfo], limits: ZipLimits) -> tuple[str, str] | None:
    if len(entries) > limits.max_entries:
        return (
            file_rules.ZIP_TOO_MANY_ENTRIES,
            f"The zip holds {len(entries)} files; at most {limits.max_entries} are read.",
        )
    total = sum(e.file_size for e in entries)
    if total > limits.max_total_bytes:
        return (
            file_rules.ZIP_TOO_LARGE,
            f"The zip would unpack to {total:,} bytes, over the limit of "
            f"{limits.max_total_bytes:,}.",
        )
    for entry in entries:
        if entry.file_size > limits.max_ratio * max(entry.compress_size, 1):
            return (
                file_rules.ZIP_TOO_LARGE,
                f"{entry.filename} is compressed more than {limits.max_ratio:.0f} to 1, "
                "which real 903 files never are (a 'zip bomb'?); the zip is refused.",
            )
    return None


def _copy_capped(
    source: IO[bytes],
    sink: IO[bytes],
    entry: zipfile.ZipInfo,
    written_total: int,
    limits: ZipLimits,
) -> int:
    """Copy one entry, stopping as soon as it outgrows its declared size or the caps."""
    written = 0
    while block := source.read(COPY_BLOCK):
        written += len(block)
        written_total += len(block)
        if written > entry.file_size or written_total > limits.max_total_bytes:
            raise _ZipCapExceeded(
                f"{entry.filename} unpacks to more than the zip declares or the limit "
                "allows; the zip is refused."
            )
        if written > limits.max_ratio * max(entry.compress_size, 1):
            raise _ZipCapExceeded(
                f"{entry.filename} is compressed more than {limits.max_ratio:.0f} to 1; "
                "the zip is refused."
            )
        sink.write(block)
    return written_total
