"""./scripts/start installs only what changed, works offline the second time, and a failed
install never breaks a working one (issue 9, point 13). Uses `unshare -n` (no network)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _offline_ok() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


needs_unshare = pytest.mark.skipif(
    not _offline_ok(), reason="unshare -n is hier niet toegestaan (geen netwerkloze test mogelijk)"
)


@needs_unshare
def test_second_start_installs_nothing_and_works_offline():
    if (
        not (REPO / ".venv/.spil-installed").exists()
        or not (REPO / "node_modules/.spil-installed").exists()
    ):
        pytest.skip("eerst ./scripts/test draaien: die installeert en zet de stempels")
    before = (REPO / "node_modules/htmx.org/package.json").stat().st_mtime_ns
    done = subprocess.run(
        [
            "unshare",
            "-n",
            "bash",
            "-c",
            "source scripts/bootstrap.sh test && .venv/bin/spil --help",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "gebruik: spil" in done.stdout
    assert "Let op" not in done.stderr  # nothing was even tried
    assert (REPO / "node_modules/htmx.org/package.json").stat().st_mtime_ns == before


@needs_unshare
def test_failed_npm_install_keeps_the_working_installation(tmp_path):
    """A changed package-lock.json with the registry unreachable: warn, keep node_modules."""
    copy = tmp_path / "spil"
    (copy / "scripts").mkdir(parents=True)
    for name in ["pyproject.toml", "package.json", "package-lock.json", "scripts/bootstrap.sh"]:
        shutil.copy(REPO / name, copy / name)
    shutil.copytree(REPO / "node_modules", copy / "node_modules", symlinks=True)
    (copy / "package-lock.json").write_text(
        (REPO / "package-lock.json").read_text() + "\n", encoding="utf-8"
    )
    # Only the npm half is under test: the Python half finds its stamp current and does nothing.
    venv_bin = copy / ".venv/bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "spil").write_text("#!/bin/sh\n")
    (venv_bin / "spil").chmod(0o755)
    pyproject = (copy / "pyproject.toml").read_bytes()
    fingerprint = hashlib.sha256(pyproject + b"\n").hexdigest()
    (copy / ".venv/.spil-installed-test").write_text(fingerprint + "\n")
    done = subprocess.run(
        ["unshare", "-n", "bash", "-c", "source scripts/bootstrap.sh test"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "npm_config_cache": str(tmp_path / "npm-cache"),
            "npm_config_fetch_retries": "0",
        },
    )
    assert (copy / "node_modules/htmx.org/dist/htmx.min.js").exists()
    assert not list(copy.glob(".npm-staging.*"))
    assert done.returncode == 0, done.stderr
    assert "vorige installatie" in done.stderr
