"""`spil ingest`: add documents to the kennisbank from the command line."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from spil.core.cli_support import decimal

STATUS_MARKS = {"added": "+", "replaced": "~", "unchanged": "=", "error": "!"}


def register(subparsers) -> None:
    ingest = subparsers.add_parser(
        "ingest",
        help="documenten (PDF, DOCX, TXT, Markdown, HTML) toevoegen aan de kennisbank",
        description="Voegt bestanden of mappen toe; een ongewijzigd bestand blijft zoals het was.",
    )
    ingest.add_argument(
        "paths", nargs="+", metavar="PAD", type=Path, help="een bestand of een map met bestanden"
    )
    ingest.set_defaults(handler=handle_ingest)


def handle_ingest(args: argparse.Namespace) -> int:
    from spil.kennis.services import document_ingest_batch

    started = time.perf_counter()
    results = document_ingest_batch(paths=args.paths)
    elapsed = time.perf_counter() - started
    for result in results:
        stream = sys.stderr if result.status == "error" else sys.stdout
        print(f"{STATUS_MARKS[result.status]} {result.message}", file=stream)
    errors = sum(1 for r in results if r.status == "error")
    print(
        f"{len(results)} bestand(en) verwerkt in {decimal(elapsed)} s"
        + (f", {errors} met een fout." if errors else ".")
    )
    return 1 if errors else 0
