import pytest

from spil.cli import main
from spil.oefenen.library import SCENARIO_DIR

from .scenario.fixtures import MINI


def test_controleer_accepts_the_shipped_scenarios_without_library(capsys):
    files = [str(p) for p in sorted(SCENARIO_DIR.glob("*.yaml"))]
    assert main(["oefenen", "controleer", "--zonder-bibliotheek", *files]) == 0
    out = capsys.readouterr().out
    assert out.count("✓") == len(files)


@pytest.mark.django_db
def test_controleer_checks_themes_against_the_library_and_names_file_and_line(tmp_path, capsys):
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    # An empty library: both theme references are reported with their lines.
    assert main(["oefenen", "controleer", str(path)]) == 1
    err = capsys.readouterr().err
    assert "mini.yaml, regel 21: thema 12 staat niet in de bibliotheek." in err
    assert "mini.yaml, regel 39: thema 31" in err


def test_controleer_reports_broken_yaml_in_dutch(tmp_path, capsys):
    path = tmp_path / "stuk.yaml"
    path.write_text(MINI.replace("volgende: midden", "volgende: nergens"), encoding="utf-8")
    assert main(["oefenen", "controleer", "--zonder-bibliotheek", str(path)]) == 1
    assert (
        "stuk.yaml, regel 21: volgende situatie 'nergens' bestaat niet." in capsys.readouterr().err
    )


def test_speel_plays_a_scenario_in_the_terminal(tmp_path, capsys, monkeypatch):
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    answers = iter(["9", "1", "1"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert main(["oefenen", "speel", str(path), "--profiel", "groot"]) == 0
    out = capsys.readouterr().out
    assert "Typ een getal van 1 tot 2." in out
    assert "In het nieuws: Het dorp spreekt erover." in out
    assert "== Einde: Goed afgelopen ==" in out
    assert "Keuze 2: Vertrouwen 45" in out
    assert "thema 12, 31" in out


def test_speel_stops_on_end_of_input(tmp_path, capsys, monkeypatch):
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")

    def eof(prompt):
        raise EOFError

    monkeypatch.setattr("builtins.input", eof)
    assert main(["oefenen", "speel", str(path)]) == 0
    assert "Gestopt." in capsys.readouterr().out
