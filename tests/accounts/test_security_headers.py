"""Secure headers and a strict Content-Security-Policy on an ordinary page (security.md)."""

from __future__ import annotations

import re

import pytest
from django.http import HttpResponse
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def sign_in_page(client: Client) -> HttpResponse:
    response = client.get("/accounts/sign-in/")
    assert isinstance(response, HttpResponse)
    assert response.status_code == 200
    return response


def csp_directives(header: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_the_csp_allows_only_our_own_scripts_and_styles(sign_in_page: HttpResponse) -> None:
    csp = csp_directives(sign_in_page["Content-Security-Policy"])

    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in sign_in_page["Content-Security-Policy"]
    assert "'unsafe-eval'" not in sign_in_page["Content-Security-Policy"]


def test_the_page_has_no_inline_script_or_style_that_the_csp_would_block(
    sign_in_page: HttpResponse,
) -> None:
    html = sign_in_page.content.decode()

    script_tags = re.findall(r"<script\b[^>]*>", html)
    assert script_tags, "the page should load careboard.js"
    assert all(" src=" in tag for tag in script_tags)
    assert "<style" not in html
    assert " style=" not in html


def test_secure_headers_are_sent(sign_in_page: HttpResponse) -> None:
    assert sign_in_page["X-Frame-Options"] == "DENY"
    assert sign_in_page["X-Content-Type-Options"] == "nosniff"
    assert sign_in_page["Referrer-Policy"] == "same-origin"
    assert sign_in_page["Cross-Origin-Opener-Policy"] == "same-origin"
