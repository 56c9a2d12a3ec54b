"""`spil bibliotheek export|import`: what people added to the search (keywords of themes and
synonym groups) as a JSON file that travels with the library."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers) -> None:
    bibliotheek = subparsers.add_parser(
        "bibliotheek",
        help="trefwoorden en synoniemen van de bibliotheek exporteren of inlezen",
        description="Wat beheerders aan de zoekfunctie toevoegden (trefwoorden bij thema's en "
        "synoniemengroepen) als JSON-bestand, om mee te nemen naar een andere installatie.",
    )
    actions = bibliotheek.add_subparsers(dest="actie", metavar="ACTIE", required=True)
    export = actions.add_parser(
        "export",
        help="trefwoorden en synoniemen naar een JSON-bestand schrijven",
        description="Schrijft trefwoorden en synoniemen als JSON naar BESTAND of, zonder "
        "BESTAND, naar de standaarduitvoer.",
    )
    export.add_argument("bestand", nargs="?", metavar="BESTAND", help="het doelbestand (.json)")
    export.set_defaults(handler=handle_export)
    inlezen = actions.add_parser(
        "import",
        help="trefwoorden en synoniemen uit een JSON-bestand inlezen",
        description="Leest een exportbestand in: alles of niets; een tweede keer voegt niets "
        "toe. De documenten waar de trefwoorden bij horen moeten al in de bibliotheek staan.",
    )
    inlezen.add_argument("bestand", metavar="BESTAND", help="het exportbestand (.json)")
    inlezen.set_defaults(handler=handle_import)


def handle_export(args: argparse.Namespace) -> int:
    from spil.kennis.curation_selectors import curation_export

    text = json.dumps(curation_export(), ensure_ascii=False, indent=2) + "\n"
    if not args.bestand:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.bestand).write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"{args.bestand}: kan het bestand niet schrijven ({exc.strerror}).", file=sys.stderr)
        return 1
    content = json.loads(text)
    print(
        f"{args.bestand}: {len(content['trefwoorden'])} trefwoord(en) en "
        f"{len(content['synoniemen'])} synoniemengroep(en) geëxporteerd."
    )
    return 0


def handle_import(args: argparse.Namespace) -> int:
    from spil.kennis.curation_services import CurationImportError, curation_import

    path = Path(args.bestand)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"{path.name}: kan het bestand niet lezen ({exc.strerror}).", file=sys.stderr)
        return 1
    try:
        result = curation_import(actor=None, data=data, name=path.name)
    except CurationImportError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"{path.name}: {result.message}")
    return 0
