import json

import pytest

from spil.cli import main
from spil.reflectie import services

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def test_export_for_the_named_owner_only(user, other_user, capsys, tmp_path):
    moment = services.moment_start(user=user, ritme="week", today=TODAY)
    services.moment_save(user=user, moment=moment, antwoorden={"week-1": "Alleen van mij"})
    assert main(["reflectie", "export", "--gebruiker", user.username]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Reflectie van secretaris") and "Alleen van mij" in out
    assert main(["reflectie", "export", "--gebruiker", other_user.username, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["momenten"] == [] and "Alleen van mij" not in json.dumps(data)
    target = tmp_path / "export.json"
    assert (
        main(
            [
                "reflectie",
                "export",
                "--gebruiker",
                user.username,
                "--json",
                "--uitvoer",
                str(target),
            ]
        )
        == 0
    )
    assert json.loads(target.read_text(encoding="utf-8"))["momenten"][0]["periode"] == "2025-W06"


def test_export_unknown_user(capsys):
    assert main(["reflectie", "export", "--gebruiker", "niemand"]) == 2
    assert "Geen account met de gebruikersnaam 'niemand'" in capsys.readouterr().err
