"""`spil reflectie export --gebruiker NAAM [--json] [--uitvoer BESTAND]`: the owner's own export."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers) -> None:
    reflectie = subparsers.add_parser("reflectie", help="reflectie: je eigen dagboek exporteren")
    commands = reflectie.add_subparsers(dest="reflectie_command", metavar="OPDRACHT", required=True)
    exp = commands.add_parser("export", help="je reflecties als Markdown (standaard) of JSON")
    exp.add_argument("--gebruiker", required=True, metavar="NAAM", help="jouw gebruikersnaam")
    exp.add_argument("--json", action="store_true", help="JSON in plaats van Markdown")
    exp.add_argument("--uitvoer", type=Path, metavar="BESTAND", help="schrijf naar dit bestand")
    exp.set_defaults(handler=handle_export)


def handle_export(args: argparse.Namespace) -> int:
    from django.contrib.auth import get_user_model

    from .export import export_data, export_markdown

    user = get_user_model().objects.filter(username=args.gebruiker).first()
    if user is None:
        print(f"Geen account met de gebruikersnaam '{args.gebruiker}'.", file=sys.stderr)
        return 2
    if args.json:
        text = json.dumps(export_data(user=user), ensure_ascii=False, indent=2) + "\n"
    else:
        text = export_markdown(user=user)
    if args.uitvoer:
        args.uitvoer.write_text(text, encoding="utf-8")
        print(f"Export van '{args.gebruiker}' geschreven naar {args.uitvoer}.")
    else:
        sys.stdout.write(text)
    return 0
