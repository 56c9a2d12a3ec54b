"""Speed of reflectie over a year of use, next to a year of agenda (~3,000 occurrences).

    .venv/bin/python benchmarks/reflectie_bench.py [--runs 3]

Builds, in a fresh SQLite database, one user with the agenda benchmark's generated year and a
year of reflection: 52 weekly check-ins, 12 monthly aspects and 4 quarterly reviews, each
started (questions chosen, four weeks of mirror figures frozen), answered and finished. Then
reports medians of CPU and wall time for: starting an entry (with its figures), an autosave,
and the pages that decrypt everything: journal, trends (charts, recurring words), an entry with
its kennisbank themes, the start page with the reflectie panel, and the Markdown export.
Targets: starting an entry < 0.5 s; autosave < 50 ms; every page < 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from agenda_bench import Stopwatch, generate_year, setup_django

ANSWER = (
    "Deze week sprak ik met de corporatie en de provincie over de woningbouw; binnen ging veel "
    "tijd naar de begroting. Wij moeten vaker buiten zijn, ook als de organisatie trekt."
)


def median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:8.1f} ms"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    text, _ = generate_year()

    with tempfile.TemporaryDirectory(prefix="spil-bench-") as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        from django.test import Client
        from django.urls import reverse

        from spil.accounts.models import User
        from spil.agenda.services import agenda_import
        from spil.reflectie import services
        from spil.reflectie.export import export_markdown
        from spil.reflectie.ritme import KWARTAAL, MAAND, WEEK

        user = User.objects.create_user(username="bench", password="x" * 16)
        agenda_import(
            owner=user,
            filename="jaar.ics",
            data=text.encode(),
            today=date(2025, 12, 31),
            van=date(2025, 1, 1),
            tot=date(2025, 12, 31),
        )

        start_cpu, start_wall, save_cpu, save_wall = [], [], [], []
        day = date(2025, 1, 6)  # Mondays; the first of each month brings its aspect
        last = None
        while day.year == 2025:
            rhythms = [WEEK]
            if day.day <= 7:
                rhythms.append(MAAND)
                if day.month in (1, 4, 7, 10):
                    rhythms.append(KWARTAAL)
            for ritme in rhythms:
                with Stopwatch() as watch:
                    moment = services.moment_start(user=user, ritme=ritme, today=day)
                start_cpu.append(watch.cpu)
                start_wall.append(watch.wall)
                answers = {vid: ANSWER for vid in moment.vraag_ids}
                with Stopwatch() as watch:
                    services.moment_save(user=user, moment=moment, antwoorden=answers)
                save_cpu.append(watch.cpu)
                save_wall.append(watch.wall)
                extra = {}
                if ritme == MAAND:
                    extra["scores"] = {"gezag": day.month % 3 - 1, "moed": 0}
                if ritme == KWARTAAL:
                    extra["toon"] = {
                        "maat_houden": 30,
                        "toon_zetten": 20,
                        "op_stem_brengen": 20,
                        "spel_verdelen": 20,
                        "samen_oefenen": 10,
                    }
                services.moment_save(
                    user=user, moment=moment, antwoorden={}, afronden=True, **extra
                )
                last = moment
            day += timedelta(days=7)

        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        pages = {
            "journal": reverse("reflectie:dagboek"),
            "trends": reverse("reflectie:trends"),
            "entry": reverse("reflectie:moment", args=[last.pk]),
            "start page": reverse("web:start"),
            "today": reverse("reflectie:vandaag"),
        }
        timings: dict[str, list[float]] = {name: [] for name in [*pages, "export (md)"]}
        for _ in range(args.runs):
            for name, url in pages.items():
                with Stopwatch() as watch:
                    response = client.get(url)
                assert response.status_code == 200, (name, response.status_code)
                timings[name].append(watch.cpu)
            with Stopwatch() as watch:
                export_markdown(user=user)
            timings["export (md)"].append(watch.cpu)

        from spil.reflectie.models import Reflectiemoment

        print(f"entries: {Reflectiemoment.objects.count()} (one user, a year)")
        print(f"start an entry (CPU)       {median_ms(start_cpu)}   wall {median_ms(start_wall)}")
        print(f"autosave (CPU)             {median_ms(save_cpu)}   wall {median_ms(save_wall)}")
        for name, values in timings.items():
            print(f"{name + ' (CPU)':<26} {median_ms(values)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
