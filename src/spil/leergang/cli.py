"""`spil leergang plan` and `spil leergang voorbeeld`: plan a cohort from a file, store nothing."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers) -> None:
    leergang = subparsers.add_parser("leergang", help="leergang: een cohort indelen")
    commands = leergang.add_subparsers(dest="leergang_command", metavar="OPDRACHT", required=True)

    plan = commands.add_parser(
        "plan",
        help="intervisiegroepen, modules, stages en coaching indelen uit een cohortbestand (JSON)",
    )
    plan.add_argument("bestand", metavar="COHORT.json", type=Path, help="het cohortbestand (JSON)")
    plan.add_argument("--json", action="store_true", help="het plan als JSON afdrukken")
    plan.add_argument(
        "--tijdslimiet",
        type=float,
        default=30.0,
        metavar="S",
        help="hoogstens zoveel seconden rekenen (standaard 30)",
    )
    # Reads a file and stores nothing: no database needed (see spil.core.cli_support).
    plan.set_defaults(handler=handle_plan, needs_database=False)

    example = commands.add_parser(
        "voorbeeld", help="een verzonnen cohortbestand maken om de planner mee te proberen"
    )
    example.add_argument(
        "--deelnemers", type=int, default=30, help="aantal deelnemers (standaard 30)"
    )
    example.add_argument(
        "--zaad", type=int, default=7, help="toevalszaad (zelfde zaad, zelfde cohort)"
    )
    example.set_defaults(handler=handle_example, needs_database=False)


def handle_example(args: argparse.Namespace) -> int:
    from spil.leergang.planning.voorbeeld import cohort_generate

    if not 2 <= args.deelnemers <= 1000:
        print("Kies tussen 2 en 1000 deelnemers.", file=sys.stderr)
        return 2
    json.dump(
        cohort_generate(deelnemers=args.deelnemers, seed=args.zaad),
        sys.stdout,
        ensure_ascii=False,
        indent=2,
    )
    print()
    return 0


def _read(path: Path):
    from spil.leergang.planning.cohort import CohortError, cohort_from_dict

    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CohortError(f"{path.name}: kan het bestand niet lezen ({error.strerror}).") from error
    if len(raw) > 20 * 1024 * 1024:
        raise CohortError(f"{path.name}: het bestand is groter dan 20 MB.")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise CohortError(f"{path.name}: het bestand is geen UTF-8-tekst.") from error
    except json.JSONDecodeError as error:
        raise CohortError(
            f"{path.name}: geen geldige JSON (regel {error.lineno}, kolom {error.colno})."
        ) from error
    try:
        return cohort_from_dict(data)
    except CohortError as error:
        raise CohortError(f"{path.name}: {error}") from error


def handle_plan(args: argparse.Namespace) -> int:
    from spil.leergang.planning.cohort import CohortError
    from spil.leergang.planning.output import plan_to_dict
    from spil.leergang.planning.solver import PlanningError, cohort_plan

    if not 1 <= args.tijdslimiet <= 3600:
        print("--tijdslimiet moet tussen 1 en 3600 seconden liggen.", file=sys.stderr)
        return 2
    try:
        cohort = _read(args.bestand)
        plan = cohort_plan(cohort, time_limit=args.tijdslimiet)
    except (CohortError, PlanningError) as error:
        print(f"Geen plan mogelijk. {error}", file=sys.stderr)
        return 1
    result = plan_to_dict(cohort, plan)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    _print_text(cohort, result)
    return 0


def _print_text(cohort, result: dict) -> None:
    people = {p.id: p.naam for p in cohort.deelnemers}
    coaches = {c.id: c.naam for c in cohort.coaches}
    modules = {m.id: m.naam for m in cohort.modules}
    hosts = {h.id: h.naam for h in cohort.gastgemeenten}
    quality = result["kwaliteit"]
    status = "optimaal" if result["status"] == "optimaal" else "toelaatbaar (niet bewezen optimaal)"
    print(f"Plan voor {len(people)} deelnemers: {status}.")
    share = f"{quality['eerste_keus_modules'] * 100:.0f}".replace(".", ",")
    print(f"Modules: {share}% eerste keus; slechtste keus van iemand: {quality['slechtste_rang']}.")
    print("\nIntervisiegroepen")
    for group in result["intervisiegroepen"]:
        names = ", ".join(people[p] for p in group["deelnemers"])
        print(f"  Groep {group['groep']} (coach {coaches[group['coach']]}): {names}")
        print(f"    {group['reden']}")
    print("\nModules")
    for row in result["modules"]:
        print(
            f"  {people[row['deelnemer']]}: {modules[row['verdiepen']]} (verdiepen), "
            f"{modules[row['nieuw']]} (nieuw)"
        )
        print(f"    {row['reden']}")
    print("\nMeeloopstages")
    for row in result["stages"]:
        print(f"  {people[row['deelnemer']]}, ronde {row['ronde']}: {hosts[row['gastgemeente']]}")
        print(f"    {row['reden']}")
    print("\nCoaching")
    for row in result["coaching"]:
        print(f"  {people[row['deelnemer']]}: {coaches[row['coach']]}")
        print(f"    {row['reden']}")
