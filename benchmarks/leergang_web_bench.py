"""The leergang's Django layer around the planner: a cohort of 30 and of 150 in the database.

    .venv/bin/python benchmarks/leergang_web_bench.py [--deelnemers 30 150]
        [--database-url postgres://...]

Runs on a fresh SQLite database in a temporary data folder (nothing is kept); pass
--database-url for an EMPTY PostgreSQL database instead. Per size it reports: adding the
participants (CSV import) and their preferences, building the planner input from the database,
the background task (solve and store; status and optimality gap per part), the staff pages
(cohort, plan review, report) with their time and number of queries, publishing, and a
candidate's own page.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import setup

GROOTTE = {"klein": "klein", "middelgroot": "middel", "groot": "groot"}


def _timed(label: str, action):
    started = time.perf_counter()
    result = action()
    print(f"  {label}: {time.perf_counter() - started:.2f} s")
    return result


def _page(client, url: str, label: str) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        took = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    print(f"  pagina {label}: {took * 1000:.0f} ms, {len(queries)} queries")


def run(size: int, staff, seed: int) -> None:
    from django.test import Client

    from spil.leergang import selectors, services
    from spil.leergang.models import Deelnemer, Toewijzingsplan
    from spil.leergang.planning.voorbeeld import cohort_generate
    from spil.leergang.tasks import plan_solve

    data = cohort_generate(deelnemers=size, seed=seed)
    print(f"{size} deelnemers")
    leergang = services.leergang_create(user=staff, naam=f"Leergang {size}")
    cohort = services.cohort_create(
        user=staff, leergang=leergang, naam=f"Cohort {size}", startdatum=date(2026, 9, 1)
    )
    modules = {
        m["id"]: services.module_create(
            user=staff,
            cohort_id=cohort.pk,
            naam=m["naam"],
            min_plaatsen=m["min"],
            max_plaatsen=m["max"],
        )
        for m in data["modules"]
    }
    coaches = {
        c["id"]: services.coach_create(
            user=staff,
            cohort_id=cohort.pk,
            naam=c["naam"],
            organisatie=c["organisatie"],
            capaciteit=c["capaciteit"],
            intervisie=c["intervisie"],
            max_groepen=c.get("max_groepen", 1),
            selectiecommissies=", ".join(c["selectiecommissies"]),
        )
        for c in data["coaches"]
    }
    for h in data["gastgemeenten"]:
        services.gastgemeente_create(
            user=staff,
            cohort_id=cohort.pk,
            naam=h["naam"],
            grootte=GROOTTE[h["grootte"]],
            regio=h["regio"],
            plaatsen_per_ronde=h["plaatsen_per_ronde"],
        )
    rows = ["naam;e-mail;werkgever;eerdere werkgevers;solliciteert bij;achtergrond;stijl;geslacht"]
    for p in data["deelnemers"]:
        rows.append(
            ";".join(
                [
                    p["naam"],
                    f"{p['id']}.{size}@voorbeeld.nl",
                    p["werkgever"],
                    ", ".join(p["eerdere_werkgevers"]),
                    ", ".join(p["solliciteert_bij"]),
                    p["achtergrond"],
                    p["stijl"],
                    p["geslacht"],
                ]
            )
        )
    csv = ("\n".join(rows) + "\n").encode()
    _timed(
        "deelnemers inlezen (CSV)",
        lambda: services.deelnemers_import(
            user=staff, cohort_id=cohort.pk, data=csv, filename="deelnemers.csv"
        ),
    )
    by_email = {d.email: d for d in Deelnemer.objects.filter(cohort=cohort).select_related("user")}

    def preferences():
        for p in data["deelnemers"]:
            d = by_email[f"{p['id']}.{size}@voorbeeld.nl"]
            services.voorkeuren_save(
                user=d.user,
                deelnemer_id=d.pk,
                modules={modules[m].pk: (v["rang"], v["doel"]) for m, v in p["modules"].items()},
                coaches=[coaches[c].pk for c in p["coaches"]],
            )

    _timed("voorkeuren opslaan", preferences)
    _timed(
        "invoer voor de planner uit de database", lambda: selectors.planning_input(cohort=cohort)
    )
    plan = services.plan_start(user=staff, cohort_id=cohort.pk)
    limit = 5.0 if size <= 30 else 30.0
    _timed(
        f"achtergrondtaak: plannen en opslaan (tijdslimiet {limit:.0f} s)",
        lambda: plan_solve(plan_id=plan.pk, time_limit=limit),
    )
    plan = Toewijzingsplan.objects.get(pk=plan.pk)
    quality = plan.kwaliteit
    print(
        f"  uitkomst: {plan.oplossing}, eerste keus modules {quality['eerste_keus_modules']:.0%}, "
        f"slechtste rang {quality['slechtste_rang']}, kloof {quality['optimaliteitskloof']}"
    )
    client = Client()
    client.force_login(staff)
    _page(client, f"/leergang/cohort/{cohort.pk}/", "cohort")
    _page(client, f"/leergang/plan/{plan.pk}/", "indeling beoordelen")
    _page(client, f"/leergang/cohort/{cohort.pk}/rapport/", "rapportage")
    _timed("publiceren", lambda: services.plan_publish(user=staff, plan_id=plan.pk))
    me = Deelnemer.objects.filter(cohort=cohort).first()
    candidate = Client()
    candidate.force_login(me.user)
    _page(candidate, f"/leergang/deelname/{me.pk}/", "kandidaat")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deelnemers", type=int, nargs="+", default=[30, 150])
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    setup(args.database_url)
    from django.test.utils import setup_test_environment

    setup_test_environment()
    from django.conf import settings

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from spil.accounts.models import User
    from spil.accounts.services import role_grant

    staff = User.objects.create_user(username="programmaleider", password="x" * 16)
    role_grant(actor=None, user=staff, role="programmaleider")
    for number, size in enumerate(args.deelnemers, start=1):
        run(size, staff, seed=number)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
