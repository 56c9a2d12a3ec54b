import json
from pathlib import Path

import pytest

from spil.cli import main
from spil.netwerk.models import Contactmoment, Samenwerkingsverband

from .calendars import NETWERK_Q2

pytestmark = pytest.mark.django_db


@pytest.fixture
def calendar_file(tmp_path: Path) -> Path:
    path = tmp_path / "Agenda.ics"
    path.write_bytes(NETWERK_Q2)
    return path


def test_analyse_json_stores_nothing(calendar_file, capsys):
    code = main(
        [
            "netwerk",
            "analyse",
            str(calendar_file),
            "--van",
            "2025-04-01",
            "--tot",
            "2025-06-30",
            "--json",
        ]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) >= {"organisaties", "sectoren", "concentratie", "vormen", "introducties"}
    orgs = {o["domeinen"][0]: o for o in report["organisaties"]}
    assert orgs["beekdal.nl"]["intern"] is True
    assert not orgs["ondernemersbeekdal.nl"]["intern"]
    assert orgs["vrbeekdal.nl"]["sector"] == "Medeoverheden: veiligheid"
    assert set(orgs["vrbeekdal.nl"]) == {
        "naam",
        "domeinen",
        "sector",
        "reden",
        "intern",
        "contacten",
        "minuten",
        "laatste_contact",
    }
    assert orgs["vrbeekdal.nl"]["contacten"] == 3
    assert set(report["concentratie"]) == {"top5_aandeel", "hhi"}
    assert report["deelnemers_zonder_adres"] == 1
    assert report["onleesbare_deelnemers"] == 1
    for intro in report["introducties"]:
        assert set(intro) == {"a", "b", "reden"}
    assert Contactmoment.objects.count() == 0


def test_analyse_bad_file_gives_dutch_error(tmp_path, capsys):
    bad = tmp_path / "kapot.ics"
    bad.write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:nonsense\r\n")
    assert main(["netwerk", "analyse", str(bad), "--json"]) == 1
    assert "kapot.ics" in capsys.readouterr().err


def test_import_and_verbanden_import(user, calendar_file, tmp_path, capsys):
    assert main(["netwerk", "import", str(calendar_file), "--gebruiker", user.username]) == 0
    assert "Netwerk bijgewerkt" in capsys.readouterr().out
    csv_path = tmp_path / "verbanden.csv"
    csv_path.write_text("naam;rol;status\nVeiligheidsregio;deelnemer;lopend\n", encoding="utf-8")
    assert (
        main(["netwerk", "verbanden", "import", str(csv_path), "--gebruiker", user.username]) == 0
    )
    assert Samenwerkingsverband.objects.filter(owner=user).count() == 1
    csv_path.write_text("naam;rol;status\nAnder;deelnemer;weg\n", encoding="utf-8")
    assert (
        main(["netwerk", "verbanden", "import", str(csv_path), "--gebruiker", user.username]) == 1
    )
    err = capsys.readouterr().err
    assert "verbanden.csv, rij 2, veld ‘status’" in err
    assert main(["netwerk", "import", "--gebruiker", "niemand"]) == 2
