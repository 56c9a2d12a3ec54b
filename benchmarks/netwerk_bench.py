"""Speed of the netwerkkaart.

    .venv/bin/python benchmarks/netwerk_bench.py [--runs 5]

Reports, as the median of several runs (wall clock and process CPU time):
- deriving contacts from the generated year of benchmarks/agenda_bench.py (~3,000 stored
  occurrences): `netwerk_bijwerken` on a freshly imported agenda (organisations, people,
  contact moments and their links written), the same again when nothing changed, and the
  period figures (`netwerk_kerncijfers`) for the year;
- network metrics and the top-10 introductions for a generated network of 500 people and
  5,000 contact moments (co-attendance graph, seeded Louvain communities, effective size and
  constraint, introductions), pure, without the database.
Targets: deriving < 1 s on top of the agenda import; metrics + top-10 introductions < 1 s.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def _agenda_bench():
    spec = importlib.util.spec_from_file_location(
        "agenda_bench", REPO / "benchmarks" / "agenda_bench.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def synthetic_network(people: int = 500, moments: int = 5000, seed: int = 11):
    """People in ten sectors, 50 organisations; most tables stay within one sector."""
    from spil.netwerk.analysis import Moment, Organisation, Person

    rng = random.Random(seed)
    sectors = [f"Sector {i}" for i in range(10)]
    orgs = {f"o{i}": Organisation(f"o{i}", f"Organisatie {i}", sectors[i % 10]) for i in range(50)}
    persons = {
        f"p{i}": Person(f"p{i}", f"Persoon {i:03d}", f"o{rng.randrange(50)}") for i in range(people)
    }
    by_sector: dict[str, list[str]] = {}
    for pid, person in persons.items():
        by_sector.setdefault(orgs[person.organisation].sector, []).append(pid)
    today = date(2025, 12, 31)
    out = []
    for i in range(moments):
        sector = rng.choice(sectors)
        pool = by_sector[sector] if rng.random() < 0.85 else list(persons)
        table = rng.sample(pool, k=min(len(pool), rng.randint(1, 4)))
        day = today - timedelta(days=rng.randrange(365))
        out.append(
            Moment(
                f"m{i}",
                day,
                60,
                "omgeving",
                "eenmalig",
                tuple(sorted(table)),
                tuple(sorted({persons[p].organisation for p in table})),
            )
        )
    return out, persons, orgs, today


class Stopwatch:
    def __enter__(self):
        import time

        self._time = time
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = self._time.perf_counter() - self.wall
        self.cpu = self._time.process_time() - self.cpu


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    agenda_bench = _agenda_bench()
    text, _expected = agenda_bench.generate_year()
    data = text.encode()
    names = ("derive", "again", "figures", "network")
    wall: dict[str, list[float]] = {n: [] for n in names}
    cpu: dict[str, list[float]] = {n: [] for n in names}

    def record(name, watch):
        wall[name].append(watch.wall)
        cpu[name].append(watch.cpu)

    with tempfile.TemporaryDirectory(prefix="spil-netwerk-bench-") as folder:
        agenda_bench.setup_django(Path(folder) / "bench.sqlite3")
        from spil.accounts.models import User
        from spil.agenda.services import agenda_import
        from spil.agenda.signals import agenda_gewijzigd
        from spil.netwerk import analysis
        from spil.netwerk.models import Contactmoment, Organisatie, Relatie
        from spil.netwerk.selectors import netwerk_kerncijfers
        from spil.netwerk.services import netwerk_bijwerken

        year = agenda_bench.YEAR
        import_args = {
            "filename": "jaar.ics",
            "data": data,
            "today": date(year, 12, 31),
            "van": date(year, 1, 1),
            "tot": date(year, 12, 31),
        }
        counts = ()
        for run in range(args.runs):
            user = User.objects.create_user(username=f"bench{run}", password="x")
            # Import without the network, so the derivation can be timed on its own.
            disconnected = agenda_gewijzigd.disconnect(dispatch_uid="netwerk_bijwerken")
            try:
                agenda_import(owner=user, **import_args)
            finally:
                if disconnected:
                    from spil.netwerk.apps import _agenda_gewijzigd

                    agenda_gewijzigd.connect(_agenda_gewijzigd, dispatch_uid="netwerk_bijwerken")
            with Stopwatch() as watch:
                first = netwerk_bijwerken(user=user)
            record("derive", watch)
            with Stopwatch() as watch:
                second = netwerk_bijwerken(user=user)
            record("again", watch)
            assert second.nieuw == second.gewijzigd == second.verwijderd == 0
            with Stopwatch() as watch:
                figures = netwerk_kerncijfers(
                    user=user, van=date(year, 1, 1), tot=date(year, 12, 31)
                )
            record("figures", watch)
            counts = (
                user.pk,
                first.nieuw,
                Organisatie.objects.filter(owner=user, intern=False).count(),
                Relatie.objects.filter(owner=user).count(),
                Contactmoment.objects.filter(owner=user).count(),
                figures["minuten_extern"],
            )
        from spil.agenda.models import Afspraak

        occurrences = Afspraak.objects.filter(owner_id=counts[0]).count()

        moments, persons, orgs, today = synthetic_network()
        sizes = ()
        for _run in range(args.runs):
            with Stopwatch() as watch:
                view = analysis.network_view(moments)
                intros = analysis.introductions(
                    view.graph, persons, orgs, today=today, community=view.community, top=10
                )
            record("network", watch)
            sizes = (
                view.graph.number_of_nodes(),
                view.graph.number_of_edges(),
                len(set(view.community.values())),
                len(intros),
            )

    w = {n: statistics.median(v) for n, v in wall.items()}
    c = {n: statistics.median(v) for n, v in cpu.items()}
    print(
        f"Agenda: {occurrences} opgeslagen voorkomens; afgeleid: {counts[1]} contactmomenten, "
        f"{counts[2]} externe organisaties, {counts[3]} personen; "
        f"omgevingsminuten in het jaar: {counts[5]}. Mediaan van {args.runs} runs."
    )
    print(
        f"Netwerk: {sizes[0]} personen, {sizes[1]} verbindingen uit 5000 contactmomenten, "
        f"{sizes[2]} groepen, {sizes[3]} introducties."
    )
    labels = {
        "derive": "contacten afleiden uit de agenda (eerste keer, met opslag)",
        "again": "opnieuw afleiden, niets gewijzigd",
        "figures": "kerncijfers voor het jaar (netwerk_kerncijfers)",
        "network": "netwerkmaten + top-10 introducties (500 / 5000)",
    }
    print(f"  {'':<62} {'wandklok':>9} {'CPU':>8}")
    for name in names:
        print(f"  {labels[name]:<62} {w[name]:>7.3f} s {c[name]:>6.3f} s")
    ok = c["derive"] < 1.0 and c["network"] < 1.0
    print(
        f"Doelen (< 1 s afleiden, < 1 s netwerkmaten + introducties, CPU-tijd): "
        f"{'gehaald' if ok else 'NIET gehaald'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
