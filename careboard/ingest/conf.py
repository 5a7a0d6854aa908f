"""The import settings, each with its default (set any of them in config/settings.py).

CAREBOARD_IMPORT_DIR         private folder for uploaded files (default VAR_DIR/imports);
                             never under STATIC_ROOT or MEDIA_ROOT, nothing serves it.
CAREBOARD_IMPORT_MAX_BYTES   cap on one upload, all files together (default 200 MB).
CAREBOARD_IMPORTS_INLINE     check and store in the request that asks for it (default: DEBUG).
                             In production leave it off and run `manage.py run_imports`,
                             which works through the queue of uploaded and confirmed runs.
CAREBOARD_IMPORT_KEEP_DAYS   days an upload's files and findings are kept once its run is
                             over (default 30; `manage.py clean_imports` removes older ones).
CAREBOARD_POSTCODE_DIRECTORY ONSPD-shaped CSV for placement distance (default: none).
CAREBOARD_LA_CODE            the council's ONS code, for "placed inside the LA" (default: none).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_KEEP_DAYS = 30


def import_dir() -> Path:
    return Path(getattr(settings, "CAREBOARD_IMPORT_DIR", Path(settings.VAR_DIR) / "imports"))


def max_bytes() -> int:
    return int(getattr(settings, "CAREBOARD_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def inline() -> bool:
    return bool(getattr(settings, "CAREBOARD_IMPORTS_INLINE", settings.DEBUG))


def keep_days() -> int:
    return int(getattr(settings, "CAREBOARD_IMPORT_KEEP_DAYS", DEFAULT_KEEP_DAYS))


def postcode_directory() -> str | None:
    value = getattr(settings, "CAREBOARD_POSTCODE_DIRECTORY", None)
    return str(value) if value else None


def la_code() -> str | None:
    value = getattr(settings, "CAREBOARD_LA_CODE", None)
    return str(value) if value else None
