"""Cost of the platform layer: search scoped to what a user may see, the AVG export and account
removal.

    .venv/bin/python benchmarks/platform_bench.py [--seeds ../shared/seeds] [--events 2000]

Runs on a fresh SQLite database in a temporary data folder (nothing is kept); pass
--database-url postgres://... to use an EMPTY PostgreSQL database instead. Reports:
- search p50/p95 for a user while the library is shared only, and again after another user
  added private copies of every document (then the search is narrowed to a list of ids);
- the time and size of "Mijn gegevens downloaden" and the time of "Account verwijderen" for a
  user with a private copy of every document and an agenda of --events appointments.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import DEFAULT_SEEDS, load_questions, percentile, setup


def _calendar(events: int) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Spil bench//NL"]
    start = datetime(2025, 1, 6, 8, 0)
    for i in range(events):
        begin = start + timedelta(days=i // 8, hours=i % 8)
        end = begin + timedelta(minutes=45)
        lines += [
            "BEGIN:VEVENT",
            f"UID:bench-{i}@spil",
            f"SUMMARY:Overleg {i % 37}",
            f"DTSTART:{begin:%Y%m%dT%H%M%S}Z",
            f"DTEND:{end:%Y%m%dT%H%M%S}Z",
            "DTSTAMP:20250101T000000Z",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def _search_times(user, questions: list[str], rounds: int = 2) -> list[float]:
    from spil.kennis.search import unit_search

    times = []
    for _ in range(rounds):
        for question in questions:
            started = time.perf_counter()
            unit_search(query=question, top=10, user=user)
            times.append((time.perf_counter() - started) * 1000)
    return times


def _line(label: str, times: list[float]) -> str:
    return (
        f"{label}: p50 {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms "
        f"({len(times)} zoekvragen)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    if not args.seeds.is_dir():
        print(f"Bronteksten niet gevonden: {args.seeds}", file=sys.stderr)
        return 2
    setup(args.database_url)

    from spil.accounts.models import User
    from spil.agenda.services import agenda_import
    from spil.core.avg import account_delete, avg_export_zip
    from spil.kennis.services import document_ingest, document_ingest_batch

    files = sorted(args.seeds.glob("*.txt"))
    document_ingest_batch(paths=files)
    reader = User.objects.create_user(username="lezer")
    owner = User.objects.create_user(username="eigenaar")
    questions = load_questions()[:60]

    _search_times(reader, questions[:5], rounds=1)  # warm up
    shared_only = _search_times(reader, questions)
    for path in files:
        data = path.read_bytes() + b"\n"  # other bytes: a private copy, not a duplicate
        document_ingest(data=data, filename=path.name, user=owner, owner=owner)
    with_private = _search_times(reader, questions)
    own_private = _search_times(owner, questions)

    started = time.perf_counter()
    agenda_import(
        owner=owner, filename="bench.ics", data=_calendar(args.events), today=date(2025, 6, 1)
    )
    import_s = time.perf_counter() - started
    started = time.perf_counter()
    archive = avg_export_zip(user=owner)
    export_s = time.perf_counter() - started
    started = time.perf_counter()
    account_delete(actor=owner, user=owner)
    delete_s = time.perf_counter() - started

    print(_line("zoeken, alleen gedeelde bibliotheek", shared_only))
    print(_line("zoeken, met privé-kopieën van een ander (lijst van ids)", with_private))
    print(_line("zoeken door de eigenaar van de privé-kopieën", own_private))
    print(
        f"agenda van {args.events} afspraken ingelezen in {import_s:.1f} s; "
        f"gegevens downloaden: {export_s * 1000:.0f} ms, {len(archive) / 1024:.0f} KiB; "
        f"account verwijderen: {delete_s * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
