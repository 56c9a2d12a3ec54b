"""`spil agenda import`, `spil agenda analyse` and `spil agenda verwijder`."""

from __future__ import annotations

import argparse
import dataclasses
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
    agenda = subparsers.add_parser(
        "agenda",
        help="agenda-spiegel: agenda inlezen en analyseren",
        description="Agenda inlezen, analyseren of verwijderen. Uitleg per opdracht: "
        "spil agenda OPDRACHT --help",
    )
    commands = agenda.add_subparsers(dest="agenda_command", metavar="OPDRACHT", required=True)

    imp = commands.add_parser("import", help="een agenda (ICS of Outlook-CSV) inlezen")
    imp.add_argument("bestand", metavar="BESTAND", type=Path, help="ICS- of CSV-bestand")
    imp.add_argument(
        "--gebruiker",
        default=os.environ.get("SPIL_USER", "secretaris"),
        metavar="NAAM",
        help="van wie de agenda is (standaard: secretaris, of SPIL_USER)",
    )
    imp.add_argument(
        "--bron", metavar="NAAM", help="naam van de agenda (standaard: uit het bestand)"
    )
    imp.add_argument(
        "--van", type=_day, metavar="DATUM", help="eerste dag (standaard: begin van het bestand)"
    )
    imp.add_argument(
        "--tot", type=_day, metavar="DATUM", help="laatste dag (standaard: einde van het bestand)"
    )
    imp.set_defaults(handler=handle_import)

    ana = commands.add_parser(
        "analyse", help="een agendabestand indelen en analyseren, zonder iets op te slaan"
    )
    ana.add_argument("bestand", metavar="BESTAND", type=Path, help="ICS- of CSV-bestand")
    ana.add_argument(
        "--van", type=_day, metavar="DATUM", help="eerste dag (standaard: begin van het bestand)"
    )
    ana.add_argument(
        "--tot", type=_day, metavar="DATUM", help="laatste dag (standaard: einde van het bestand)"
    )
    ana.add_argument("--json", action="store_true", help="uitvoer als JSON")
    ana.add_argument(
        "--gebruiker",
        metavar="NAAM",
        help="gebruik de correcties en instellingen van dit account (alleen lezen)",
    )
    # Only --gebruiker reads the database; handle_analyse checks it then.
    ana.set_defaults(handler=handle_analyse, needs_database=False)

    rm = commands.add_parser(
        "verwijder", help="een agenda of al je agendagegevens uit Spil verwijderen"
    )
    rm.add_argument("--gebruiker", required=True, metavar="NAAM", help="van wie (gebruikersnaam)")
    which = rm.add_mutually_exclusive_group(required=True)
    which.add_argument("--bron", metavar="NAAM", help="alleen deze agenda verwijderen")
    which.add_argument(
        "--alles", action="store_true", help="alle agenda's, afspraken en correcties verwijderen"
    )
    rm.add_argument(
        "--instellingen",
        action="store_true",
        help="met --alles: ook doel, eigen maildomeinen, categorieën en drempels",
    )
    rm.add_argument("--ja", action="store_true", help="niet om bevestiging vragen")
    rm.set_defaults(handler=handle_verwijder)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError as error:
        print(f"{path.name}: kan het bestand niet lezen ({error.strerror}).", file=sys.stderr)
        return None


def handle_import(args: argparse.Namespace) -> int:
    from spil.accounts.models import User

    from .parsed import CalendarImportError
    from .services import agenda_import

    user = User.objects.filter(username=args.gebruiker).first()
    if user is None:
        print(
            f"Account '{args.gebruiker}' bestaat niet; maak het aan met `spil init`.",
            file=sys.stderr,
        )
        return 2
    data = _read(args.bestand)
    if data is None:
        return 2
    try:
        batch = agenda_import(
            owner=user,
            filename=args.bestand.name,
            data=data,
            bron_naam=args.bron,
            van=args.van,
            tot=args.tot,
        )
    except CalendarImportError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(
        f"{batch.bestandsnaam} ingelezen in agenda '{batch.bron.naam}' "
        f"({batch.venster_van:%d-%m-%Y} t/m {batch.venster_tot - timedelta(days=1):%d-%m-%Y}): "
        f"{batch.nieuw} nieuw, {batch.gewijzigd} gewijzigd, "
        f"{batch.verwijderd} verwijderd, {batch.ongewijzigd} ongewijzigd."
    )
    for melding in batch.meldingen:
        print(melding)
    if batch.buiten_periode:
        last = batch.bestand_tot - timedelta(days=1)
        print(
            f"{batch.buiten_periode} afspraken uit het bestand vallen buiten de gekozen periode "
            f"en zijn niet ingelezen; het bestand loopt van {batch.bestand_van:%d-%m-%Y} tot en "
            f"met {last:%d-%m-%Y}. Laat --van en --tot weg om alles in te lezen."
        )
    return 0


def handle_analyse(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from .classification import Classifier, infer_own_domains
    from .parsed import CalendarImportError
    from .pipeline import analyse_parsed, classify_all, json_report, parse_calendar_file
    from .selectors import local_tz

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
    target = thresholds = None
    if args.gebruiker:
        from spil.accounts.models import User
        from spil.core.cli_support import database_problem

        if problem := database_problem():
            print(problem, file=sys.stderr)
            return 2

        from .selectors import classifier_build, instellingen_get, thresholds_from

        user = User.objects.filter(username=args.gebruiker).first()
        if user is None:
            print(f"Account '{args.gebruiker}' bestaat niet.", file=sys.stderr)
            return 2
        classifier = classifier_build(owner=user, own_domains=own_domains)
        instellingen = instellingen_get(owner=user)
        target, thresholds = instellingen.doel, thresholds_from(instellingen)
    else:
        classifier = Classifier(own_domains=own_domains)
    classified = classify_all(parsed.occurrences, classifier)
    if not classified:
        if args.json:
            print(json.dumps({"afspraken": [], "totalen": {}, "weken": [], "signalen": []}))
        else:
            print(f"{args.bestand.name}: geen afspraken in de gekozen periode.")
        return 0
    analysis = analyse_parsed(parsed, classified, target=target, thresholds=thresholds)
    if args.json:
        json.dump(json_report(classified, analysis), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    _print_text(args.bestand.name, classified, analysis)
    return 0


def _print_text(filename, classified, analysis) -> None:
    from spil.core.cli_support import decimal

    from .classification import DOMAIN_LABELS, DOMAINS

    print(f"{filename}: {len(classified)} afspraken, {analysis.start} t/m {analysis.end}.")
    print(analysis.conclusion())
    for domain in DOMAINS:
        minutes = analysis.totals[domain]
        print(f"  {DOMAIN_LABELS[domain]:<12} {minutes // 60:>5} uur {minutes % 60:>2} min")
    if analysis.leave_days:
        print(f"  (waarvan verlof: {analysis.leave_days} dagen, geteld onder overig)")
    print(analysis.shares_summary())
    for row in analysis.comparison():
        print(
            f"  {row['label']:<12} {decimal(row['aandeel']):>5}%  doel {row['doel']:.0f}%  "
            f"collega's (enquête) ±{row['referentie']}%"
        )
    if analysis.signals:
        print("Signalen:")
        for signal in analysis.signals:
            print(f"  - {signal.title}: {signal.description}")


def _confirmed(args: argparse.Namespace, question: str) -> bool:
    """--ja, or 'ja' typed at a terminal. Without a terminal (scripts, cron) --ja is required,
    so that nothing is removed by a command that could not ask."""
    if args.ja:
        return True
    if not sys.stdin.isatty():
        print(
            "Niets verwijderd: bevestig met --ja (er is geen terminal om het te vragen).",
            file=sys.stderr,
        )
        return False
    answer = input(f"{question} Typ ja om te bevestigen: ")
    if answer.strip().lower() != "ja":
        print("Niets verwijderd.")
        return False
    return True


def _summary(telling) -> str:
    def count(n: int, one: str, many: str) -> str:
        return f"{n} {one if n == 1 else many}"

    parts = [
        count(telling.afspraken, "afspraak", "afspraken"),
        count(telling.imports, "ingelezen bestand", "ingelezen bestanden"),
        count(telling.correcties, "correctie", "correcties"),
    ]
    if telling.instellingen:
        parts.append("de instellingen")
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def handle_verwijder(args: argparse.Namespace) -> int:
    from spil.accounts.models import User

    from .models import Agendabron
    from .selectors import agendabron_count, agendagegevens_count
    from .services import agendabron_delete, agendagegevens_delete

    user = User.objects.filter(username=args.gebruiker).first()
    if user is None:
        print(f"Account '{args.gebruiker}' bestaat niet.", file=sys.stderr)
        return 2
    if args.instellingen and not args.alles:
        print("--instellingen hoort bij --alles.", file=sys.stderr)
        return 2
    if args.bron is not None:
        bron = Agendabron.objects.owned_by(user).filter(naam=args.bron).first()
        if bron is None:
            names = ", ".join(Agendabron.objects.owned_by(user).values_list("naam", flat=True))
            print(
                f"{args.gebruiker} heeft geen agenda '{args.bron}'"
                + (f" (wel: {names})." if names else "."),
                file=sys.stderr,
            )
            return 2
        telling = agendabron_count(owner=user, bron=bron)
        if not _confirmed(args, f"Agenda '{bron.naam}' verwijderen: {_summary(telling)}?"):
            return 1
        removed = agendabron_delete(owner=user, bron_id=bron.pk)
        print(f"Agenda '{bron.naam}' verwijderd: {_summary(removed)}.")
        return 0
    telling = agendagegevens_count(owner=user)
    if not args.instellingen:
        telling = dataclasses.replace(telling, instellingen=0)
    if telling.leeg:
        print(f"{args.gebruiker} heeft geen agendagegevens; er is niets verwijderd.")
        return 0
    question = f"Alle agendagegevens van {args.gebruiker} verwijderen: {_summary(telling)}?"
    if not _confirmed(args, question):
        return 1
    removed = agendagegevens_delete(owner=user, instellingen=args.instellingen)
    print(f"Agendagegevens van {args.gebruiker} verwijderd: {_summary(removed)}.")
    return 0
