"""Taking files from an upload form: streamed to disk, capped in size, kept in a private folder.

The upload view replaces Django's upload handlers with `upload_handlers()`: every file goes
straight to a temporary file on disk (never held in memory), and `CappedUpload` stops reading
once the files together pass the cap, so a huge upload cannot fill the disk.
"""

from __future__ import annotations

import re
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import (
    FileUploadHandler,
    StopUpload,
    TemporaryFileUploadHandler,
)
from django.http import HttpRequest

from careboard.ingest import conf

ACCEPTED_SUFFIXES = (".csv", ".xml", ".zip")
TOO_BIG = "careboard_upload_too_big"


class CappedUpload(FileUploadHandler):
    """Counts the bytes of every file in the request; stops the upload past the cap."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.received = 0

    def handle_raw_input(
        self,
        input_data: Any,
        META: dict[str, Any],
        content_length: int,
        boundary: str,
        encoding: str | None = None,
    ) -> None:
        if content_length > conf.max_bytes() + 1024 * 1024:  # form fields and boundaries
            self._stop()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > conf.max_bytes():
            self._stop()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None

    def _stop(self) -> None:
        if self.request is not None:
            setattr(self.request, TOO_BIG, True)
        raise StopUpload(connection_reset=False)


def upload_handlers(request: HttpRequest) -> list[FileUploadHandler]:
    return [CappedUpload(request), TemporaryFileUploadHandler(request)]


def was_too_big(request: HttpRequest) -> bool:
    return bool(getattr(request, TOO_BIG, False))


def safe_name(name: str) -> str:
    """A file name safe to keep on disk: the base name, odd characters replaced."""
    base = Path(name.replace("\\", "/")).name
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "_", base).lstrip(".")
    return cleaned[:100] or "upload"


def unaccepted(files: list[UploadedFile]) -> list[str]:
    return [str(f.name) for f in files if not str(f.name or "").lower().endswith(ACCEPTED_SUFFIXES)]


@dataclass(frozen=True)
class KeptFiles:
    folder: str
    files: list[dict[str, object]]


def keep(files: list[UploadedFile]) -> KeptFiles:
    """Move the uploaded files into a new private folder; their names and sizes."""
    folder = secrets.token_hex(16)
    target = conf.import_dir() / folder
    target.mkdir(parents=True, mode=0o700)
    kept: list[dict[str, object]] = []
    used: set[str] = set()
    for upload in files:
        name = safe_name(str(upload.name))
        stem, dot, suffix = name.rpartition(".")
        number = 1
        while name.lower() in used:
            number += 1
            name = f"{stem}-{number}{dot}{suffix}"
        used.add(name.lower())
        path = target / name
        temporary = getattr(upload, "temporary_file_path", None)
        if temporary is not None:
            shutil.move(temporary(), path)
            upload.close()  # its file has moved; Django ignores the missing file
        else:
            with path.open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
        path.chmod(0o600)
        kept.append({"name": name, "size": path.stat().st_size})
    return KeptFiles(folder, kept)


def folder_of(folder: str) -> Path:
    if not re.fullmatch(r"[0-9a-f]{32}", folder):
        raise ValueError(f"not an upload folder name: {folder!r}")
    return conf.import_dir() / folder


def remove_folder(folder: str) -> None:
    shutil.rmtree(folder_of(folder), ignore_errors=True)
