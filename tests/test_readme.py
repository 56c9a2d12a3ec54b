"""The README tells a new user what to do after starting and lists every `spil` command as it
really is (issue 9, point 14)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from spil.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"## {title}")
    following = README.find("\n## ", start + 3)
    return README[start : following if following != -1 else None]


def test_getting_started_has_exactly_the_two_commands():
    commands = re.findall(r"^    (\S.*)$", _section("Aan de slag"), re.MULTILINE)
    assert commands == ["./scripts/start", "./scripts/test"]


def test_after_start_login_documents_agenda_and_stopping_are_explained():
    text = _section("Aan de slag")
    assert "log in als `secretaris`" in text
    assert "PDF, DOCX" in text and "Bibliotheek" in text
    assert "Agenda inlezen" in text
    assert "Ctrl+C" in text


def test_every_spil_command_is_in_the_table_with_its_real_options():
    table = _section("De opdracht `spil`")
    assert "`.venv/bin/spil`" in table
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for name, sub in commands.choices.items():
        nested = [a for a in sub._actions if isinstance(a, argparse._SubParsersAction)]
        names = [f"{name} {n}" for n in nested[0].choices] if nested else [name]
        for full in names:
            assert f"`spil {full}" in table, f"spil {full} ontbreekt in de README"
    # --json is optional for analyse, so the README shows it in brackets.
    assert "spil agenda analyse AGENDA.ics [--van DATUM] [--tot DATUM] [--json]" in table
