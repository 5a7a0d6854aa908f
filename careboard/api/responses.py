"""One way out for every feed endpoint: JSON or CSV from the same rows, with an ETag."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Sequence
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse

from careboard.strategy.exports import neutralise

MAX_LIMIT = 500
MAX_OFFSET = 10**9


def paginated(rows: Sequence[dict[str, Any]], count: int, limit: int, offset: int) -> dict:
    return {"count": count, "limit": limit, "offset": offset, "items": list(rows)}


def respond(request: HttpRequest, body: dict[str, Any], fmt: str = "json") -> HttpResponse:
    """JSON (the default) or CSV of body["items"]; 304 when the client has this version."""
    if fmt == "csv":
        content = _csv(body["items"]).encode()
        content_type = "text/csv; charset=utf-8"
    else:
        content = json.dumps(body, cls=DjangoJSONEncoder, sort_keys=True).encode()
        content_type = "application/json"
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    if etag in _etags(request.headers.get("If-None-Match", "")):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(content, content_type=content_type)
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    response["Vary"] = "Authorization"
    return response


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def _csv(items: Sequence[dict[str, Any]]) -> str:
    out = io.StringIO()
    if items:
        writer = csv.DictWriter(out, fieldnames=list(items[0]), lineterminator="\r\n")
        writer.writeheader()
        for item in items:
            writer.writerow({k: "" if v is None else neutralise(str(v)) for k, v in item.items()})
    return out.getvalue()
