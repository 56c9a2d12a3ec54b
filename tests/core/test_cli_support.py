"""The `spil` command speaks Dutch, checks its database first, and marks highlights for a
terminal (issue 9, points 11 and 12)."""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from spil.cli import build_parser, main
from spil.core.cli_support import (
    BOLD,
    DutchArgumentParser,
    database_problem,
    decimal,
    dutch_argparse_message,
    terminal_marks,
)

ENGLISH = ["usage", "options", "positional arguments", "show this help", "error", "required"]


def _all_parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _all_parsers(sub)


def test_every_help_text_is_dutch_and_every_option_is_explained():
    parsers = list(_all_parsers(build_parser()))
    assert len(parsers) >= 10
    for parser in parsers:
        text = parser.format_help()
        assert text.startswith("gebruik: "), parser.prog
        for word in ENGLISH:
            assert word not in text.lower(), f"{parser.prog}: '{word}' in\n{text}"
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help, f"{parser.prog}: {action.dest} heeft geen uitleg"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], "dit ontbreekt nog: OPDRACHT"),
        (["agenda", "import"], "dit ontbreekt nog: BESTAND"),
        (["zoek", "--top", "veel"], "--top: 'veel' is geen geheel getal"),
        (["agenda", "verwijder", "--gebruiker", "a"], "geef een van deze op: --bron --alles"),
        (["zoekk"], "onbekende keuze"),
        (["zoek", "x", "--onbekend"], "onbekend: --onbekend"),
        (["agenda", "analyse", "a.ics", "--van", "gisteren"], "'gisteren' is geen datum"),
    ],
)
def test_errors_are_dutch(argv, expected, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert expected in err
    assert err.startswith("gebruik: ")
    assert ": fout: " in err
    for word in ["usage", "error:", "invalid", "the following", "choose from"]:
        assert word not in err, err


def test_unknown_messages_pass_through_and_subparsers_stay_dutch():
    assert dutch_argparse_message("iets anders") == "iets anders"
    parser = DutchArgumentParser(prog="x")
    sub = parser.add_subparsers(dest="c").add_parser("y")
    assert isinstance(sub, DutchArgumentParser)


@pytest.mark.django_db
def test_a_migrated_database_has_no_problem():
    assert database_problem() is None


def _spil(args: list[str], data_dir: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(DJANGO_SETTINGS_MODULE="spil.conf.local", SPIL_DATA_DIR=str(data_dir))
    return subprocess.run(
        [sys.executable, "-m", "spil.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "args",
    [["zoek", "raad"], ["ingest", "README.md"], ["agenda", "import", "a.ics"], ["herindexeer"]],
)
def test_commands_before_init_say_what_to_run_and_leave_nothing(tmp_path, args):
    data_dir = tmp_path / "data"
    done = _spil(args, data_dir)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "Er is nog geen database" in done.stderr and "spil init" in done.stderr
    assert not data_dir.exists()


def test_an_unmigrated_database_is_named(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "spil.sqlite3").touch()
    done = _spil(["zoek", "raad"], data_dir)
    assert done.returncode == 2
    assert "niet bijgewerkt" in done.stderr and "spil init" in done.stderr
    assert "Traceback" not in done.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_highlights_are_bold_on_a_terminal_and_plain_when_piped(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    text = "de **raad** en het **college**"
    assert terminal_marks(text, io.StringIO()) == "de raad en het college"
    assert terminal_marks(text, _Terminal()) == f"de {BOLD}raad\033[0m en het {BOLD}college\033[0m"
    monkeypatch.setenv("NO_COLOR", "1")
    assert terminal_marks(text, _Terminal()) == "de raad en het college"


def test_decimals_use_a_comma():
    assert decimal(12.345) == "12,3"
    assert decimal(0.5, 2) == "0,50"


def test_a_command_may_need_the_database_only_for_some_calls(tmp_path):
    scenario = tmp_path / "leeg.yaml"
    scenario.write_text("titel: x\n", encoding="utf-8")
    data_dir = tmp_path / "data"
    with_library = _spil(["oefenen", "controleer", str(scenario)], data_dir)
    assert with_library.returncode == 2 and "spil init" in with_library.stderr
    without = _spil(["oefenen", "controleer", "--zonder-bibliotheek", str(scenario)], data_dir)
    assert "spil init" not in without.stderr and "Traceback" not in without.stderr
