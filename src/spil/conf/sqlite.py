"""How Spil uses SQLite: set deliberately, because one slow writer must not stall the others.

- WAL: readers (every page) never wait for a writer (the ingestion worker).
- BEGIN IMMEDIATE: a write transaction takes the write lock when it starts, so two writers
  queue on the busy timeout instead of failing half-way with "database is locked".
- busy timeout (`SPIL_SQLITE_WACHTTIJD_SECONDEN`, default 10 s): how long a writer waits for
  the lock. Spil's own writers keep their transactions short (ingestion commits per unit of
  work, a fraction of a second each), so in practice a login waits far less than a second;
  the timeout only bounds the worst case.
- the database file (and its -wal/-shm companions, which SQLite creates with the same mode)
  is readable by its owner only (0600), the data folder 0700.

Pure settings helpers: imported by spil.conf.base, no Django imports.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

BUSY_TIMEOUT_SECONDS = 10
FILE_MODE = 0o600
FOLDER_MODE = 0o700


def sqlite_options(*, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> dict[str, object]:
    """OPTIONS for a Django SQLite database entry."""
    milliseconds = int(busy_timeout * 1000)
    return {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            f"PRAGMA busy_timeout={milliseconds};"
        ),
        "transaction_mode": "IMMEDIATE",
        # sqlite3.connect's own busy handler; the same value as the pragma above.
        "timeout": busy_timeout,
    }


def private_folder(path: Path) -> Path:
    """Create `path` (and missing parents) readable by the owner only; tighten an existing one."""
    old = os.umask(0o077)
    try:
        path.mkdir(parents=True, exist_ok=True)
    finally:
        os.umask(old)
    if path.stat().st_mode & 0o777 != FOLDER_MODE:
        # not ours (e.g. a mounted volume): leave it as the admin set it
        with contextlib.suppress(OSError):
            path.chmod(FOLDER_MODE)
    return path


def private_file(path: Path) -> None:
    """Make an existing database file (and its WAL companions) owner-only."""
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if candidate.exists() and candidate.stat().st_mode & 0o777 != FILE_MODE:
                candidate.chmod(FILE_MODE)
        except OSError:
            pass


def on_connection_created(sender, connection, **kwargs) -> None:
    """connection_created receiver (connected in spil.core.apps): a new SQLite file is
    created 0644 by default; make it 0600 the moment Spil opens it."""
    if connection.vendor != "sqlite":
        return
    name = str(connection.settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    private_file(Path(name))
