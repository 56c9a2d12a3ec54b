"""What every `spil` subcommand shares, whichever app registers it: Dutch argparse (help,
usage and errors), the check that the database exists and is migrated before a command uses
it, and terminal output (highlights, decimal commas)."""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable
from typing import IO, NoReturn

# argparse builds its messages in English; these patterns turn them into Dutch, in order.
_ERRORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^the following arguments are required: (.*)$"), r"dit ontbreekt nog: \1"),
    (re.compile(r"^one of the arguments (.*) is required$"), r"geef een van deze op: \1"),
    (re.compile(r"^unrecognized arguments: (.*)$"), r"onbekend: \1"),
    (
        re.compile(r"^invalid choice: (.*) \(choose from (.*)\)$"),
        r"onbekende keuze \1 (mogelijk: \2)",
    ),
    (re.compile(r"^invalid int value: (.*)$"), r"\1 is geen geheel getal"),
    (re.compile(r"^invalid float value: (.*)$"), r"\1 is geen getal"),
    (re.compile(r"^invalid (\S+) value: (.*)$"), r"\2 is geen geldige waarde"),
    (re.compile(r"^expected one argument$"), "hier hoort één waarde achter"),
    (re.compile(r"^expected at least one argument$"), "hier hoort minstens één waarde achter"),
    (re.compile(r"^expected at most one argument$"), "hier hoort hoogstens één waarde achter"),
    (re.compile(r"^expected (\d+) arguments?$"), r"hier horen \1 waarden achter"),
    (re.compile(r"^not allowed with argument (.*)$"), r"kan niet samen met \1"),
    (re.compile(r"^ignored explicit argument (.*)$"), r"\1 hoort hier niet bij"),
    (
        re.compile(r"^ambiguous option: (.*) could match (.*)$"),
        r"\1 is onduidelijk: bedoel je \2?",
    ),
]
_ABOUT_ARGUMENT = re.compile(r"^argument (.*?): (.*)$", re.DOTALL)


def dutch_argparse_message(message: str) -> str:
    """An argparse error message in Dutch (unknown messages stay as they are)."""
    about = _ABOUT_ARGUMENT.match(message)
    if about:
        return f"{about[1]}: {dutch_argparse_message(about[2])}"
    for pattern, replacement in _ERRORS:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchArgumentParser(argparse.ArgumentParser):
    """argparse with Dutch help and errors. Subcommands made with add_subparsers(...)
    .add_parser(...) are of this class too, so every app's subcommand speaks Dutch."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help="deze uitleg tonen"
            )

    def add_subparsers(self, **kwargs):
        kwargs.setdefault("title", "opdrachten")
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = dutch_argparse_message(message)
        self.exit(2, f"{self.prog}: fout: {text}\nMeer uitleg: {self.prog} --help\n")


# --- the database must exist and be migrated -------------------------------------------------

# Loading the local settings creates data/ with a secret key; a command that then stops because
# there is no database yet takes those away again (they were made by this very run).
_STARTED = time.time()


def _remove_made_by_this_run(folder) -> None:
    from pathlib import Path

    folder = Path(folder)
    try:
        entries = list(folder.iterdir())
        if folder.stat().st_ctime + 1 < _STARTED or any(
            entry.name != "secret_key" or entry.stat().st_mtime + 1 < _STARTED for entry in entries
        ):
            return
        for entry in entries:
            entry.unlink()
        folder.rmdir()
    except OSError:
        pass


def database_problem() -> str | None:
    """Why the database cannot be used yet, in Dutch with what to run; None when it can.

    A missing SQLite file is not created by asking (a connection would leave an empty one)."""
    from pathlib import Path

    from django.conf import settings
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor
    from django.db.utils import Error as DatabaseError

    fix = "Voer eerst `spil init` uit (of start Spil met ./scripts/start)."
    config = settings.DATABASES[DEFAULT_DB_ALIAS]
    if config["ENGINE"] == "django.db.backends.sqlite3":
        name = str(config["NAME"])
        if name != ":memory:" and "mode=memory" not in name and not Path(name).exists():
            _remove_made_by_this_run(Path(name).parent)
            return f"Er is nog geen database ({name}). {fix}"
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        return f"De database is niet bereikbaar ({str(error).strip()}). {fix}"
    if plan:
        return f"De database is niet bijgewerkt voor deze versie van Spil. {fix}"
    return None


def run_handler(args: argparse.Namespace) -> int:
    """Run a subcommand's handler; first check the database unless it set
    `needs_database=False` (e.g. `spil init` itself), or a function of the arguments that
    says whether this call needs it."""
    needed = getattr(args, "needs_database", True)
    if callable(needed):
        needed = needed(args)
    if needed:
        problem = database_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 2
    handler: Callable[[argparse.Namespace], int | None] = args.handler
    return int(handler(args) or 0)


# --- terminal output ---------------------------------------------------------------------------

_HIGHLIGHT = re.compile(r"\*\*(.+?)\*\*")
BOLD, RESET = "\033[1m", "\033[0m"


def terminal_supports_bold(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def terminal_marks(text: str, stream: IO[str]) -> str:
    """Matches marked **so** in search output: bold on a terminal, plain when piped."""
    replacement = rf"{BOLD}\1{RESET}" if terminal_supports_bold(stream) else r"\1"
    return _HIGHLIGHT.sub(replacement, text)


def decimal(value: float, digits: int = 1) -> str:
    """A number as Dutch readers write it: 12,5."""
    return f"{value:.{digits}f}".replace(".", ",")
