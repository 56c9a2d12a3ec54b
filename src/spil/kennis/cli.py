"""`spil ingest`, `spil zoek`, `spil eval`."""

from __future__ import annotations

import argparse


def register(subparsers) -> None:
    ingest = subparsers.add_parser("ingest", help="documenten toevoegen aan de kennisbank")
    ingest.add_argument("paths", nargs="+", metavar="PAD")
    ingest.set_defaults(handler=handle_ingest)


def handle_ingest(args: argparse.Namespace) -> int:
    raise NotImplementedError
