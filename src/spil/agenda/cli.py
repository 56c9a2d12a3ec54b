"""`spil agenda import` and `spil agenda analyse`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"'{value}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-31."
        ) from error


def register(subparsers) -> None:
    agenda = subparsers.add_parser("agenda", help="agenda-spiegel: agenda inlezen en analyseren")
    commands = agenda.add_subparsers(dest="agenda_command", metavar="OPDRACHT", required=True)

    imp = commands.add_parser("import", help="een agenda (ICS of Outlook-CSV) inlezen")
    imp.add_argument("bestand", metavar="BESTAND", type=Path)
    imp.add_argument("--gebruiker", default=os.environ.get("SPIL_USER", "secretaris"))
    imp.add_argument("--bron", help="naam van de agenda (standaard: uit het bestand)")
    imp.add_argument("--van", type=_day, help="eerste dag (standaard: 12 maanden terug)")
    imp.add_argument("--tot", type=_day, help="laatste dag (standaard: 3 maanden vooruit)")
    imp.set_defaults(handler=handle_import)

    ana = commands.add_parser(
        "analyse", help="een agendabestand indelen en analyseren, zonder iets op te slaan"
    )
    ana.add_argument("bestand", metavar="BESTAND", type=Path)
    ana.add_argument("--van", type=_day, metavar="DATUM")
    ana.add_argument("--tot", type=_day, metavar="DATUM")
    ana.add_argument("--json", action="store_true", help="uitvoer als JSON")
    ana.add_argument(
        "--gebruiker",
        help="gebruik de correcties en instellingen van dit account (alleen lezen)",
    )
    ana.set_defaults(handler=handle_analyse)


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
        f"({batch.venster_van:%d-%m-%Y} t/m {batch.venster_tot:%d-%m-%Y}, laatste dag niet "
        f"inbegrepen): {batch.nieuw} nieuw, {batch.gewijzigd} gewijzigd, "
        f"{batch.verwijderd} verwijderd, {batch.ongewijzigd} ongewijzigd."
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
            f"  {row['label']:<12} {row['aandeel']:>5.1f}%  doel {row['doel']:.0f}%  "
            f"collega's (enquête) ±{row['referentie']}%"
        )
    if analysis.signals:
        print("Signalen:")
        for signal in analysis.signals:
            print(f"  - {signal.title}: {signal.description}")
