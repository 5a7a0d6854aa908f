"""Load on 127.0.0.1 only: 50 concurrent users mixing staff pages and data-feed calls.

Each of wrk's 50 connections behaves as one person: a request, then 1 to 3 seconds reading
(`delay` in bench/load_paths.lua), then the next. Without that pause 50 connections would be
50 robots hammering a 2-core machine, which measures queueing, not what people feel.

Target (issue 6): p95 under 500 ms and no errors. A throwaway SQLite database gets the demo
data (with indicator values); gunicorn serves it on a free loopback port; wrk (Debian
package, installed if missing) runs 50 connections for a bounded time and stops by itself.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import urlopen

from bench.harness import Measurement

REPO = Path(__file__).resolve().parents[1]
SECONDS = {"council": 30, "national": 120}
CONNECTIONS = 50
PAGES = ["/", "/actions/", "/recommendations/", "/indicators/", "/dashboard/"]
FEED = [
    "/api/v1/actions?limit=100",
    "/api/v1/values?limit=100",
    "/api/v1/indicators",
    "/api/v1/plans",
]

SETUP = """
import django, sys
django.setup()
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.management import call_command
from careboard.accounts.models import User
from careboard.api.models import ApiToken
call_command("migrate", verbosity=0)
call_command("load_demo", "--with-indicators", verbosity=0)
board = User.objects.get(username="board")
session = SessionStore()
session[SESSION_KEY] = str(board.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = board.get_session_auth_hash()
session.create()
print(session.session_key)
print(ApiToken.issue("load test", User.objects.get(username="admin"))[1])
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wrk() -> str:
    found = shutil.which("wrk")
    if found is None:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)  # noqa: S607
        found = shutil.which("wrk")
    assert found, "wrk is needed: apt-get install wrk"
    return found


def _wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urlopen(url, timeout=2):  # noqa: S310 - our own loopback server
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the server at {url} did not start")


def run(scale: str) -> list[Measurement]:
    wrk = _wrk()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/load.sqlite3",
            "CAREBOARD_VAR_DIR": tmp,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        }
        lines = subprocess.run(  # noqa: S603 - our own fixed script
            [sys.executable, "-c", SETUP],
            env=env,
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        session, token = lines[-2], lines[-1]
        port = _free_port()
        server = subprocess.Popen(  # noqa: S603 - fixed arguments
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "4",
                "--threads",
                "4",
                "--worker-class",
                "gthread",
                "--keep-alive",
                "10",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=REPO,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_until_up(base + "/healthz")
            paths = [p for p in PAGES + FEED if _reachable(base, p, session, token)]
            result = subprocess.run(  # noqa: S603 - fixed arguments
                [
                    wrk,
                    "-t2",
                    f"-c{CONNECTIONS}",
                    f"-d{SECONDS[scale]}s",
                    "--timeout",
                    "10s",
                    "-s",
                    str(REPO / "bench" / "load_paths.lua"),
                    base,
                ],
                env={
                    **env,
                    "CAREBOARD_LOAD_PATHS": ",".join(paths),
                    "CAREBOARD_LOAD_SESSION": session,
                    "CAREBOARD_LOAD_TOKEN": token,
                },
                check=True,
                capture_output=True,
                text=True,
                timeout=SECONDS[scale] + 60,
            ).stdout
        finally:
            server.terminate()
            server.wait(timeout=30)
    requests, errors, p50, p95, p99, duration = (
        int(x) for x in result.split("RESULT", 1)[1].split()[:6]
    )
    error_kinds = result.split("ERRORS", 1)[1].splitlines()[0].strip()
    note = (
        f"{CONNECTIONS} connections, {requests} requests in {duration / 1e6:.0f} s, "
        f"{errors} errors, p99 {p99 / 1000:.0f} ms; paths: {', '.join(paths)}"
    )
    return [
        Measurement("load: p50 latency, 50 users, pages + feed", p50 / 1e6, None, None, note),
        Measurement(
            "load: p95 latency, 50 users, pages + feed",
            p95 / 1e6,
            None,
            0.5,
            f"errors: {errors} (target 0): {error_kinds}",
        ),
    ]


def _reachable(base: str, path: str, session: str, token: str) -> bool:
    """Only paths that answer 200 join the mix (the dashboard may not exist yet)."""
    from urllib.request import Request

    headers = (
        {"Authorization": f"Bearer {token}"}
        if path.startswith("/api/")
        else {"Cookie": f"sessionid={session}"}
    )
    try:
        with urlopen(Request(base + path, headers=headers), timeout=30) as response:  # noqa: S310
            return bool(response.status == 200)
    except OSError:
        return False
