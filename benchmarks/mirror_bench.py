"""CPU per mirror page, cold (charts drawn) and warm (charts from the cache), in-process.

    .venv/bin/python benchmarks/mirror_bench.py [--runs 20]

Imports the example calendars from ../shared/agenda into a fresh database and asks the
agenda-spiegel for several periods through Django's test client, measuring process CPU time
(not wall time, so that other load on the machine does not count). Complements
benchmarks/load_web.py, which measures throughput against a real server: with W workers on W
free cores, the warm mirror serves about W x 1000 / (warm ms) requests per second.
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

        def page(van: str, tot: str) -> float:
            started = time.process_time()
            response = client.get("/agenda/", {"van": van, "tot": tot})
            assert response.status_code == 200, response.status_code
            return (time.process_time() - started) * 1000

        print(f"agenda-spiegel, {len(calendars)} voorbeeldagenda's, CPU per verzoek:")
        for van, tot, label in PERIODS:
            cold = page(van, tot)
            warm = statistics.median(page(van, tot) for _ in range(args.runs))
            print(
                f"  {label:22} koud {cold:6.0f} ms, warm {warm:5.1f} ms "
                f"(~{2000 / warm:.0f} verzoeken/s met 2 workers op 2 vrije kernen)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
