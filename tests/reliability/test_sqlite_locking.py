"""Issue 14 point 1: a long ingestion does not lock SQLite for others. The wait itself is
measured by benchmarks/ingest_lock_bench.py; here only correctness: session writes (what a
login does) during an ingestion all succeed, and the connection settings are deliberate."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benchmarks.ingest_lock_bench import measure

from spil.conf.sqlite import BUSY_TIMEOUT_SECONDS, sqlite_options

SRC = Path(__file__).resolve().parents[2] / "src"


def test_session_writes_during_a_long_ingestion_all_succeed():
    result = measure(megabytes=1.5, src=SRC)

    assert result.ingest_code == 0, result.ingest_output
    assert "toegevoegd" in result.ingest_output
    assert result.waits, "the session writer wrote nothing"
    assert result.errors == []
    waits = result.waits
    print(f"{len(waits)} session writes, longest wait {waits[-1]:.0f} ms")


def test_session_writes_during_the_replacement_of_a_document_all_succeed():
    """A new version of a document already in the library: its index is analysed before the
    transaction that swaps the versions, so logins keep working meanwhile."""
    result = measure(megabytes=1.5, src=SRC, replace=True)

    assert result.ingest_code == 0, result.ingest_output
    assert "vervangen door de nieuwe versie" in result.ingest_output
    assert result.waits, "the session writer wrote nothing"
    assert result.errors == []
    waits = result.waits
    print(f"{len(waits)} session writes, longest wait {waits[-1]:.0f} ms")


def test_sqlite_connections_use_wal_immediate_and_a_busy_timeout(tmp_path):
    options = sqlite_options()
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] == BUSY_TIMEOUT_SECONDS
    connection = sqlite3.connect(tmp_path / "x.sqlite3", timeout=float(options["timeout"]))
    try:
        connection.executescript(str(options["init_command"]))
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        busy = connection.execute("PRAGMA busy_timeout").fetchone()[0]
        assert busy == BUSY_TIMEOUT_SECONDS * 1000
    finally:
        connection.close()
