"""How long a login's session write waits while a large document is ingested (SQLite).

Issue 14 point 1: a long ingestion held SQLite's single write lock for its whole duration, so
logins waited 20 s and failed. This runs `spil ingest` on a generated HTML file of --mb
megabytes in one process and, in another, writes a session (what a login does) every 50 ms
until the ingestion ends, and reports the waits.

    PYTHONPATH=src python benchmarks/ingest_lock_bench.py --mb 7
    PYTHONPATH=src python benchmarks/ingest_lock_bench.py --mb 7 --src /path/to/other/src
    PYTHONPATH=src python benchmarks/ingest_lock_bench.py --mb 7 --replace

`--src` runs the same measurement against another checkout (e.g. before the change).
`--replace` first ingests another version of the file (before the session writer starts) and
measures the ingestion of the new version: the replacement of an existing document.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

WORDS = [
    *("gemeente", "raad", "wethouder", "burgemeester", "secretaris", "advies", "besluit"),
    *("begroting", "college", "organisatie", "ambtenaar", "bestuur", "griffier", "directie"),
]


def big_html(megabytes: float, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    parts = ["<html><head><title>Groot naslagwerk</title></head><body>"]
    size = 0
    section = 0
    while size < megabytes * 1_000_000:
        section += 1
        parts.append(f"<h2>Hoofdstuk {section} over de {rng.choice(WORDS)}</h2>")
        for _ in range(40):
            paragraph = "<p>" + " ".join(rng.choice(WORDS) for _ in range(60)) + ".</p>"
            parts.append(paragraph)
            size += len(paragraph)
    parts.append("</body></html>")
    return "".join(parts).encode()


def writer(stop_file: Path, interval: float) -> None:
    """Write sessions until `stop_file` exists; print one wait (ms) or ERROR per line."""
    import django

    django.setup()
    from django.contrib.sessions.backends.db import SessionStore

    while not stop_file.exists():
        started = time.perf_counter()
        try:
            session = SessionStore()
            session["bench"] = "x"
            session.create()
            print(f"{(time.perf_counter() - started) * 1000:.1f}", flush=True)
        except Exception as error:  # the point of the benchmark: count what fails
            print(f"ERROR {type(error).__name__}: {error}", flush=True)
        time.sleep(interval)


@dataclass
class Measurement:
    seconds: float  # the ingestion, wall clock
    ingest_output: str
    ingest_code: int
    waits: list[float]  # ms per successful session write, sorted
    errors: list[str]


def measure(
    *, megabytes: float, src: Path, interval: float = 0.05, replace: bool = False
) -> Measurement:
    """Ingest a generated document with `spil ingest` (code from `src`) on a fresh SQLite
    database while another process writes sessions. `replace`: the document is already in the
    library in another version, so the measured ingestion replaces it."""
    with tempfile.TemporaryDirectory(prefix="spil-lockbench-") as scratch:
        folder = Path(scratch)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SPIL_", "DATABASE_URL"))}
        env.update(
            PYTHONPATH=str(src.resolve()),
            DJANGO_SETTINGS_MODULE="spil.conf.local",
            SPIL_DATA_DIR=str(folder / "data"),
            SPIL_TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
            # With the immediate backend the passage vectors would be made inside the ingestion
            # (minutes for a large file); in Spil they are later background work of their own.
            SPIL_SEARCH_VECTORS="false",
        )
        python = sys.executable
        subprocess.run(
            [python, "-m", "spil.cli", "init", "--gebruiker", "bench", "--wachtwoord", "x" * 16],
            env=env,
            check=True,
            capture_output=True,
        )
        document = folder / "groot.html"
        if replace:
            document.write_bytes(big_html(megabytes, seed=2))
            subprocess.run(
                [python, "-m", "spil.cli", "ingest", str(document)],
                env=env,
                check=True,
                capture_output=True,
            )
        document.write_bytes(big_html(megabytes))
        stop = folder / "stop"
        sessions = subprocess.Popen(
            [python, __file__, "--writer", str(stop), "--interval", str(interval)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        time.sleep(2)  # the writer is set up and writing
        started = time.perf_counter()
        ingest = subprocess.run(
            [python, "-m", "spil.cli", "ingest", str(document)],
            env=env,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
        stop.touch()
        output, _ = sessions.communicate(timeout=120)
    waits = sorted(float(line) for line in output.split() if line.replace(".", "").isdigit())
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    return Measurement(
        seconds=seconds,
        ingest_output=ingest.stdout + ingest.stderr,
        ingest_code=ingest.returncode,
        waits=waits,
        errors=errors,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=7.0)
    parser.add_argument("--src", type=Path, default=Path(__file__).resolve().parents[1] / "src")
    parser.add_argument("--interval", type=float, default=0.05)
    parser.add_argument(
        "--replace", action="store_true", help="measure the replacement of an older version"
    )
    parser.add_argument("--writer", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        writer(args.writer, args.interval)
        return 0
    load_before = os.getloadavg()[0]
    result = measure(megabytes=args.mb, src=args.src, interval=args.interval, replace=args.replace)
    waits = result.waits
    print(f"source: {args.src}")
    # The machine is shared: the waits mean little without the load they were measured under.
    print(f"load (1 min): {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    what = "replacement" if args.replace else "ingestion"
    print(f"document: {args.mb:g} MB HTML; {what} {result.seconds:.1f} s")
    print(result.ingest_output.strip())
    if waits:
        p95 = waits[int(0.95 * (len(waits) - 1))]
        print(
            f"session writes: {len(waits)} ok, {len(result.errors)} failed; wait p50 "
            f"{statistics.median(waits):.0f} ms, p95 {p95:.0f} ms, max {waits[-1]:.0f} ms"
        )
    for line in sorted(set(result.errors))[:3]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
