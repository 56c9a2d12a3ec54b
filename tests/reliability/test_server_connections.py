"""Issue 14 point 5: idle connections must not stall the server; the access log keeps no
query strings; the SQLite file and data folder are private (point 10)."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from spil.conf.serving import ACCESS_LOG_FORMAT, gunicorn_settings

REPO_DIR = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, timeout: float = 10.0) -> tuple[int, float]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=timeout) as response:
        response.read()
        return response.status, time.perf_counter() - started


@pytest.fixture
def server(tmp_path):
    """`spil serve` for real on a free loopback port, with its own data folder (SQLite)."""
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "SPIL_"))
    }
    env.update(
        PYTHONPATH=str(REPO_DIR / "src"),
        SPIL_DATA_DIR=str(tmp_path / "data"),
        SPIL_TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
    )
    log = (tmp_path / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "spil.cli", "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            _get(f"{base}/account/inloggen/", timeout=2)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("spil serve kwam niet op: " + (tmp_path / "server.log").read_text())
            time.sleep(0.3)
    yield base, tmp_path
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


def test_two_idle_connections_do_not_hold_up_the_next_request(server):
    base, _tmp = server
    host, port = base.removeprefix("http://").split(":")
    idle = [socket.create_connection((host, int(port))) for _ in range(2)]
    try:
        time.sleep(0.5)  # the idle connections are accepted by now
        status, seconds = _get(f"{base}/account/inloggen/")
    finally:
        for connection in idle:
            connection.close()
    print(f"login page with two idle connections open: {seconds * 1000:.0f} ms")
    assert status == 200
    # The issue's own acceptance is < 1 s; generous here so that a busy machine does not fail
    # it (measured values are printed above; sync workers took 30 s).
    assert seconds < 5


def test_access_log_has_no_query_strings_and_the_data_is_private(server):
    base, tmp_path = server
    _get(f"{base}/account/inloggen/?next=/zoeken/%3Fq%3Dgeheimzinnig")
    time.sleep(0.5)
    log = (tmp_path / "server.log").read_text()
    assert "/account/inloggen/" in log
    assert "geheimzinnig" not in log
    data = tmp_path / "data"
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "spil.sqlite3").stat().st_mode) == 0o600


def test_serving_settings_use_threads_and_timeouts():
    settings = gunicorn_settings(bind="127.0.0.1:1", workers=2)
    assert settings["worker_class"] == "gthread"
    assert settings["threads"] >= 2
    assert 0 < settings["keepalive"] <= settings["timeout"]
    assert "%(r)s" not in ACCESS_LOG_FORMAT
    assert "%(f)s" not in ACCESS_LOG_FORMAT
