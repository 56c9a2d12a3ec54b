"""`spil netwerk analyse`, `spil netwerk import` and `spil netwerk verbanden import`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"'{value}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-31."
        ) from error


def register(subparsers) -> None:
    netwerk = subparsers.add_parser(
        "netwerk", help="netwerkkaart: contacten buiten het gemeentehuis uit de agenda"
    )
    commands = netwerk.add_subparsers(dest="netwerk_command", metavar="OPDRACHT", required=True)

    ana = commands.add_parser(
        "analyse",
        help="organisaties, sectoren en introducties uit een agendabestand, zonder opslaan",
    )
    ana.add_argument("bestand", metavar="AGENDA", type=Path, help="agendabestand (ICS of CSV)")
    ana.add_argument("--van", type=_day, metavar="DATUM", help="eerste dag (JJJJ-MM-DD)")
    ana.add_argument("--tot", type=_day, metavar="DATUM", help="laatste dag (JJJJ-MM-DD)")
    ana.add_argument("--json", action="store_true", help="uitvoer als JSON")
    ana.set_defaults(handler=handle_analyse)

    imp = commands.add_parser(
        "import",
        help="het netwerk bijwerken uit de opgeslagen agenda (eventueel eerst bestanden inlezen)",
    )
    imp.add_argument(
        "bestanden", metavar="AGENDA", type=Path, nargs="*", help="eerst deze agenda's inlezen"
    )
    imp.add_argument(
        "--gebruiker",
        default=os.environ.get("SPIL_USER", "secretaris"),
        metavar="NAAM",
        help="van wie de gegevens zijn (standaard: secretaris)",
    )
    imp.set_defaults(handler=handle_import)

    verbanden = commands.add_parser("verbanden", help="samenwerkingsverbanden")
    vsub = verbanden.add_subparsers(dest="verbanden_command", metavar="OPDRACHT", required=True)
    vimp = vsub.add_parser(
        "import",
        help="samenwerkingsverbanden inlezen uit CSV (naam;rol;status;organisaties;overleg)",
    )
    vimp.add_argument("bestand", metavar="CSV", type=Path, help="CSV-bestand")
    vimp.add_argument(
        "--gebruiker",
        default=os.environ.get("SPIL_USER", "secretaris"),
        metavar="NAAM",
        help="van wie de gegevens zijn (standaard: secretaris)",
    )
    vimp.set_defaults(handler=handle_verbanden_import)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError as error:
        print(f"{path.name}: kan het bestand niet lezen ({error.strerror}).", file=sys.stderr)
        return None


def _user(name: str):
    from spil.accounts.models import User

    user = User.objects.filter(username=name).first()
    if user is None:
        print(f"Account '{name}' bestaat niet; maak het aan met `spil init`.", file=sys.stderr)
    return user


def handle_analyse(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from spil.agenda.classification import Classifier, infer_own_domains
    from spil.agenda.parsed import CalendarImportError
    from spil.agenda.pipeline import classify_all, parse_calendar_file
    from spil.agenda.selectors import local_tz

    from .derive import AgendaRecord
    from .report import network_report

    data = _read(args.bestand)
    if data is None:
        return 2
    try:
        parsed = parse_calendar_file(
            data,
            filename=args.bestand.name,
            tz=local_tz(),
            today=timezone.localdate(),
            van=args.van,
            tot=args.tot,
        )
    except CalendarImportError as error:
        print(str(error), file=sys.stderr)
        return 1
    own_domains = infer_own_domains(parsed.occurrences)
    classified = classify_all(parsed.occurrences, Classifier(own_domains=own_domains))
    records = [
        AgendaRecord(
            key=f"{o.uid}\x1f{o.recurrence_key}",
            start=o.start,
            end=o.end,
            title=o.title,
            location=o.location,
            attendees=o.attendees,
            organizer=o.organizer,
            recurring=o.recurring,
            domain=verdict.domain,
            all_day=o.all_day,
            availability=o.availability,
            personal=verdict.personal,
        )
        for o, verdict in classified
    ]
    van = parsed.window_start
    tot = parsed.window_end - timedelta(days=1)
    report = network_report(records, own_domains, van=van, tot=tot)
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"{args.bestand.name}: {van} t/m {tot}.")
    for org in report["organisaties"]:
        soort = "intern" if org["intern"] else (org["sector"] or "sector nog niet gekozen")
        print(f"- {org['naam']} ({', '.join(org['domeinen'])}): {soort}; {org['reden']}")
    print("Minuten per sector:")
    for sector, minutes in report["sectoren"].items():
        print(f"  {sector}: {minutes}")
    for intro in report["introducties"]:
        print(f"Introductie: {intro['reden']}")
    return 0


def handle_import(args: argparse.Namespace) -> int:
    from spil.agenda.parsed import CalendarImportError
    from spil.agenda.services import agenda_import

    from .services import netwerk_bijwerken

    user = _user(args.gebruiker)
    if user is None:
        return 2
    for path in args.bestanden:
        data = _read(path)
        if data is None:
            return 2
        try:
            agenda_import(owner=user, filename=path.name, data=data)
        except CalendarImportError as error:
            print(str(error), file=sys.stderr)
            return 1
    result = netwerk_bijwerken(user=user)
    print(
        f"Netwerk bijgewerkt: {result.nieuw} contactmomenten nieuw, {result.gewijzigd} gewijzigd, "
        f"{result.verwijderd} verwijderd, {result.ongewijzigd} ongewijzigd; "
        f"{result.organisaties_nieuw} nieuwe organisaties, {result.relaties_nieuw} nieuwe personen."
    )
    return 0


def handle_verbanden_import(args: argparse.Namespace) -> int:
    from .services import VerbandImportError, verbanden_importeren

    user = _user(args.gebruiker)
    if user is None:
        return 2
    data = _read(args.bestand)
    if data is None:
        return 2
    try:
        count = verbanden_importeren(user=user, filename=args.bestand.name, data=data)
    except VerbandImportError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(
        f"{args.bestand.name}: {count} samenwerkingsverband{'en' if count != 1 else ''} ingelezen."
    )
    return 0
