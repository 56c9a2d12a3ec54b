"""The `spil` command. Each app adds its own subcommands; all of them call services/selectors."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from spil.core.cli_support import DutchArgumentParser, run_handler


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spil.conf.local")
    import django

    django.setup()


def build_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="spil",
        description="Spil: de werkomgeving van de gemeentesecretaris.",
        epilog="Uitleg per opdracht: spil OPDRACHT --help",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="OPDRACHT", required=True)
    # Apps register their command modules from AppConfig.ready(), so Django is set up first;
    # that touches no database.
    setup_django()
    from spil.core.registry import cli_commands

    for command in cli_commands:
        importlib.import_module(command.module).register(subparsers)
    return parser


PRODUCTION_SETTINGS = "spil.conf.production"


def main(argv: list[str] | None = None) -> int:
    if "--productie" in (sys.argv[1:] if argv is None else argv):
        # `spil serve --productie`: the settings are chosen before Django is set up.
        os.environ["DJANGO_SETTINGS_MODULE"] = PRODUCTION_SETTINGS
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return run_handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
