"""CPU per mirror page, cold (analysed and drawn) and warm (from the cache), in-process.

    .venv/bin/python benchmarks/mirror_bench.py [--runs 20]

Imports the example calendars from ../shared/agenda into a fresh database and asks the
agenda-spiegel for several periods through Django's test client, measuring process CPU time
(not wall time, so that other load on the machine does not count). Complements
benchmarks/load_web.py, which measures throughput against a real server: with W workers on W
free cores, the warm mirror serves about W x 1000 / (warm ms) requests per second.

Three costs per period: "koud" (analysis, tables and charts made), "gedeeld" (the mirror's
sections read from the shared file cache, as a worker that did not render them does) and
"warm" (from the worker's own memory; only the owner's data version is read from the shared
cache). Then the cache operations themselves: reading the version and a page's sections from
the file cache (what `spil serve` uses) and from a cache in the database, for comparison.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
AGENDA_DIR = REPO.parent / "shared" / "agenda"

PERIODS = [
    ("2025-01-01", "2025-03-31", "kwartaal"),
    ("2025-03-01", "2025-03-31", "maand"),
    ("2025-01-01", "2025-12-31", "jaar"),
    ("2021-01-01", "2025-12-31", "5 jaar (het maximum)"),
]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    calendars = sorted(AGENDA_DIR.glob("*.ics"))
    if not calendars:
        print(f"Geen voorbeeldagenda's in {AGENDA_DIR}; overgeslagen.", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SPIL_DATA_DIR"] = folder
        os.environ["DJANGO_SETTINGS_MODULE"] = "spil.conf.local"
        os.environ.pop("DATABASE_URL", None)
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client
        from django.test.utils import setup_test_environment

        call_command("migrate", interactive=False, verbosity=0)
        setup_test_environment()
        from spil.accounts.models import User
        from spil.agenda.services import agenda_import

        user = User.objects.create_user(username="bench", password="bench-wachtwoord-1")
        for path in calendars:
            agenda_import(owner=user, filename=path.name, data=path.read_bytes())
        client = Client()
        client.force_login(user)

        from spil.core import chart_cache

        def page(van: str, tot: str, *, forget: bool = False) -> float:
            if forget:  # as if another worker had rendered it
                chart_cache._local.clear()
            started = time.process_time()
            response = client.get("/agenda/", {"van": van, "tot": tot})
            assert response.status_code == 200, response.status_code
            return (time.process_time() - started) * 1000

        print(f"agenda-spiegel, {len(calendars)} voorbeeldagenda's, CPU per verzoek:")
        for van, tot, label in PERIODS:
            cold = page(van, tot)
            shared = statistics.median(page(van, tot, forget=True) for _ in range(args.runs))
            warm = statistics.median(page(van, tot) for _ in range(args.runs))
            print(
                f"  {label:22} koud {cold:6.0f} ms, gedeeld {shared:5.1f} ms, warm {warm:5.1f} ms "
                f"(~{2000 / warm:.0f} verzoeken/s met 2 workers op 2 vrije kernen)"
            )
        cache_costs(user, args.runs)
    return 0


def cache_costs(user, runs: int) -> None:
    """CPU of the two cache reads of a warm request that missed the worker's memory (the
    owner's data version and the mirror's sections of a year), per backend."""
    from datetime import date

    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache
    from django.core.management import call_command

    from spil.agenda.views import _mirror_content

    sections = _mirror_content(user, date(2025, 1, 1), date(2025, 12, 31))
    call_command("createcachetable", "spil_bench_cache", verbosity=0)
    backends = {
        "bestanden (standaard)": caches["default"],
        "database": DatabaseCache("spil_bench_cache", {}),
    }
    print(
        f"cache per leesactie (CPU, mediaan; secties van een jaar: {len(sections[1]) // 1024} kB):"
    )
    for name, backend in backends.items():
        backend.set("bench:versie", "0" * 32, None)
        backend.set("bench:secties", sections, 60)
        costs = {}
        for key in ("bench:versie", "bench:secties"):
            spent = []
            for _ in range(runs):
                started = time.process_time()
                assert backend.get(key) is not None
                spent.append((time.process_time() - started) * 1000)
            costs[key] = statistics.median(spent)
        print(
            f"  {name:22} versie {costs['bench:versie']:5.2f} ms, "
            f"secties {costs['bench:secties']:5.2f} ms"
        )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
