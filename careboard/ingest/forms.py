"""The upload form: which collection year, and the files (CSV tables, one XML file, or a zip)."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from careboard.ingest import conf, uploads
from careboard.ingest.models import collection_year_label

FIRST_YEAR = 2017
LAST_YEAR = 2026


def year_choices() -> list[tuple[int, str]]:
    return [(year, collection_year_label(year)) for year in range(LAST_YEAR, FIRST_YEAR - 1, -1)]


def latest_year(today: datetime.date) -> int:
    """The newest collection year that has ended by `today` (years end on 31 March)."""
    ended = today.year if today.month >= 4 else today.year - 1
    return max(FIRST_YEAR, min(LAST_YEAR, ended))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.Field):
    """Several files at once. Empty or odd files are let through: the reader explains them."""

    widget = MultipleFileInput
    too_big = False  # set when the upload handler stopped reading at the size cap

    def clean(self, value: Any) -> list[UploadedFile]:
        if self.too_big:
            raise forms.ValidationError(
                f"The upload is larger than {filesizeformat(conf.max_bytes())}. Zip the "
                "files, or ask your administrator to raise CAREBOARD_IMPORT_MAX_BYTES."
            )
        files = [f for f in (value or []) if f is not None and f.name]
        if not files:
            raise forms.ValidationError(
                "Choose the return's files: the CSV tables, the XML file or a zip of them."
            )
        wrong = uploads.unaccepted(files)
        if wrong:
            raise forms.ValidationError(
                f"careboard reads .csv, .xml and .zip files only; not {', '.join(wrong)}."
            )
        return files


class UploadForm(forms.Form):
    year = forms.TypedChoiceField(
        label="Collection year",
        coerce=int,
        choices=year_choices,
        help_text="Named by the year the return ends: 2024-25 ends on 31 March 2025.",
    )
    uploads = FilesField(
        label="Files",
        help_text="The CSV tables (any names: careboard recognises each by its header row), "
        "the DfE XML file, or a zip holding either.",
    )

    def __init__(self, *args: Any, too_big: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["uploads"]
        assert isinstance(field, FilesField)
        field.too_big = too_big
