"""Load benchmark of the search and mirror pages against a real `spil serve` (gunicorn).

Starts Spil on 127.0.0.1 on a free port with a fresh temporary SPIL_DATA_DIR, uploads the five
seed documents through the Bibliotheek page (the background worker ingests them), imports the
example calendars from ../shared/agenda through the agenda import page, then lets N concurrent
logged-in users request pages, with and without think time, and reports p50/p95/p99, the
slowest request and the throughput per page kind.

    .venv/bin/python benchmarks/load_web.py [--users 20] [--requests 25] [--workers 2]
                                            [--think 1.0] [--pages zoeken,spiegel]

Targets (issue 14, point 6): the mirror serves >= 50 requests/s warm with 2 workers and no
request takes longer than 2 s; the same is reported for the search page. "Warm" means every
period was asked for once before the measurement (the mirror's sections and charts are then
in the cache); `--koud` leaves that out.

Measured only once the background work is done: after the upload the worker goes on making
the passage vectors for semantic search (CPU-heavy, a minute or two on two cores), which would
otherwise share the cores with the pages being measured. The script polls the library page
until every unit has its vectors (and no upload is waiting), and says how long it waited. The
load average beside each measurement shows what else the machine was doing.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

from benchmarks.load_search import (
    QUERIES,
    SEEDS_DIR,
    Session,
    percentile,
    spil_server,
    upload_seeds,
    wait_until_up,
)

REPO_DIR = Path(__file__).resolve().parents[1]
AGENDA_DIR = REPO_DIR.parent / "shared" / "agenda"

# The example calendars cover 2025: quarters, months, the year and a custom span.
PERIODS = [
    ("2025-01-01", "2025-03-31"),
    ("2025-04-01", "2025-06-30"),
    ("2025-07-01", "2025-09-30"),
    ("2025-10-01", "2025-12-31"),
    ("2025-01-01", "2025-12-31"),
    ("2025-03-01", "2025-03-31"),
    ("2025-09-01", "2025-09-30"),
    ("2025-02-10", "2025-05-18"),
]


def page_paths(kind: str) -> list[str]:
    if kind == "zoeken":
        return ["/zoeken/?" + urllib.parse.urlencode({"q": q}) for q in QUERIES]
    if kind == "spiegel":
        return ["/agenda/?" + urllib.parse.urlencode({"van": v, "tot": t}) for v, t in PERIODS]
    raise ValueError(kind)


MARKERS = {"zoeken": b'id="resultaten"', "spiegel": b"Agenda-spiegel"}
# The library page: "semantisch zoeken: 40 van 213 onderdelen klaar" while vectors are made.
VECTOR_PROGRESS = re.compile(rb"semantisch zoeken: (\d+) van (\d+) onderdelen klaar")


def wait_for_background_work(session: Session, timeout: float = 900) -> tuple[float, str]:
    """Wait until no upload is being read and every passage has its vectors; returns the
    seconds waited and what was found."""
    started = time.perf_counter()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _status, uploads = session.get("/bibliotheek/voortgang/")
        _status, library = session.get("/bibliotheek/")
        found = VECTOR_PROGRESS.search(library)
        ready, total = (int(found[1]), int(found[2])) if found else (0, 0)
        if b"hx-trigger" not in uploads and ready == total:
            waited = time.perf_counter() - started
            state = f"vectoren {ready} van {total} onderdelen" if total else "geen vectoren"
            return waited, state
        time.sleep(1)
    raise RuntimeError("de achtergrondverwerking was na een kwartier nog niet klaar")


def import_calendar(session: Session, path: Path) -> None:
    boundary = uuid.uuid4().hex
    body = b"".join(
        [
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
            f"{session.csrf()}\r\n".encode(),
            f'--{boundary}\r\nContent-Disposition: form-data; name="bestand"; '
            f'filename="{path.name}"\r\nContent-Type: text/calendar\r\n\r\n'.encode(),
            path.read_bytes(),
            f"\r\n--{boundary}--\r\n".encode(),
        ]
    )
    session.get("/agenda/importeren/")
    status, _html = session.post(
        "/agenda/importeren/", body, f"multipart/form-data; boundary={boundary}"
    )
    if status != 200:
        raise RuntimeError(f"{path.name}: import gaf status {status}")


def run_user(session, paths, marker, requests, offset, think, out, failures):
    pause = random.Random(offset)
    for i in range(requests):
        if think:
            time.sleep(think * pause.uniform(0.5, 1.5))
        path = paths[(offset + i) % len(paths)]
        started = time.perf_counter()
        try:
            status, html = session.get(path)
        except Exception as exc:
            failures.append(f"{path}: {exc}")
            continue
        elapsed = time.perf_counter() - started
        if status != 200 or marker not in html:
            failures.append(f"{path}: status {status}")
            continue
        out.append(elapsed)


def measure(sessions, kind: str, requests: int, think: float) -> dict:
    paths = page_paths(kind)
    latencies: list[float] = []
    failures: list[str] = []
    threads = [
        threading.Thread(
            target=run_user,
            args=(s, paths, MARKERS[kind], requests, n, think, latencies, failures),
            daemon=True,
        )
        for n, s in enumerate(sessions)
    ]
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ms = [v * 1000 for v in latencies] or [float("nan")]
    return {
        "load": (load_before, os.getloadavg()[0]),
        "kind": kind,
        "think": think,
        "ok": len(latencies),
        "failed": len(failures),
        "rps": len(latencies) / wall,
        "p50": statistics.median(ms),
        "p95": percentile(ms, 95),
        "p99": percentile(ms, 99),
        "max": max(ms),
        "failures": failures[:3],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--requests", type=int, default=25, help="requests per user per run")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause in the think run")
    parser.add_argument("--pages", default="zoeken,spiegel")
    parser.add_argument("--koud", action="store_true", help="no warm-up of the mirror periods")
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR)
    parser.add_argument("--agenda", type=Path, default=AGENDA_DIR)
    args = parser.parse_args(argv)

    seeds = sorted(args.seeds.glob("*.txt"))
    calendars = sorted(args.agenda.glob("*.ics"))
    if not seeds or not calendars:
        print(
            f"Geen brondocumenten in {args.seeds} of agenda's in {args.agenda}; overgeslagen.",
            file=sys.stderr,
        )
        return 2
    kinds = [k.strip() for k in args.pages.split(",") if k.strip()]

    results = []
    with spil_server(workers=args.workers, prefix="spil-load-web-") as (base, server):
        started = time.perf_counter()
        wait_until_up(base, server)
        startup = time.perf_counter() - started
        admin = Session(base)
        admin.login()
        upload_seeds(admin, seeds)
        for calendar in calendars:
            import_calendar(admin, calendar)
        waited, background = wait_for_background_work(admin)
        # Search statistics load once per worker; the mirror's charts once per period.
        for _ in range(args.workers * 2):
            for path in page_paths("zoeken"):
                admin.get(path)
        if not args.koud:
            for path in page_paths("spiegel"):
                admin.get(path)
        # Everyone is the same person in several tabs: the example agenda is one secretary's.
        sessions = [Session(base) for _ in range(args.users)]
        for session in sessions:
            session.login()
        for kind in kinds:
            for think in (0.0, args.think):
                results.append(measure(sessions, kind, args.requests, think))

    print(
        f"spil serve met {args.workers} gunicorn-workers (op in {startup:.1f} s), "
        f"{args.users} gelijktijdige gebruikers x {args.requests} verzoeken per meting"
        f"{'' if not args.koud else ', spiegel koud'}"
    )
    print(
        f"gemeten nadat de achtergrondverwerking klaar was ({background}; "
        f"{waited:.0f} s gewacht na het inlezen)"
    )
    failed = False
    for r in results:
        print(
            f"  {r['kind']:8} denktijd {r['think']:g} s: {r['rps']:.0f} verzoeken/s, "
            f"p50 {r['p50']:.0f} ms, p95 {r['p95']:.0f} ms, p99 {r['p99']:.0f} ms, "
            f"max {r['max']:.0f} ms, geslaagd {r['ok']}, mislukt {r['failed']} "
            f"(load {r['load'][0]:.1f} -> {r['load'][1]:.1f})"
        )
        for failure in r["failures"]:
            print(f"    {failure}")
        failed = failed or bool(r["failed"])
    for kind in kinds:
        runs = [r for r in results if r["kind"] == kind]
        saturated = next(r for r in runs if r["think"] == 0)
        slowest = max(r["max"] for r in runs)
        print(
            f"  doel {kind} >= 50 verzoeken/s: "
            f"{'gehaald' if saturated['rps'] >= 50 else 'NIET gehaald'}; "
            f"geen verzoek > 2 s: {'gehaald' if slowest <= 2000 else 'NIET gehaald'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
