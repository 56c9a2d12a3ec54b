import io
import json
from datetime import date
from pathlib import Path

import pytest

from spil.agenda.models import Afspraak, Agendabron
from spil.cli import main

from .calendars import BEEKDAL_Q1, GEZIN

pytestmark = pytest.mark.django_db


@pytest.fixture
def calendar_file(tmp_path: Path) -> Path:
    path = tmp_path / "Agenda.ics"
    path.write_bytes(BEEKDAL_Q1)
    return path


def test_import_for_a_named_user(user, calendar_file, capsys):
    code = main(
        [
            "agenda",
            "import",
            str(calendar_file),
            "--gebruiker",
            user.username,
            "--van",
            "2025-01-01",
            "--tot",
            "2025-03-31",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "9 nieuw" in out
    assert Afspraak.objects.filter(owner=user).count() == 9
    assert (
        main(
            [
                "agenda",
                "import",
                str(calendar_file),
                "--gebruiker",
                user.username,
                "--van",
                "2025-01-01",
                "--tot",
                "2025-03-31",
            ]
        )
        == 0
    )
    assert "0 nieuw, 0 gewijzigd, 0 verwijderd, 9 ongewijzigd" in capsys.readouterr().out


def test_import_unknown_user_and_bad_file(user, tmp_path, capsys):
    path = tmp_path / "kapot.ics"
    path.write_bytes(
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:nooit\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert main(["agenda", "import", str(path), "--gebruiker", "niemand"]) == 2
    assert main(["agenda", "import", str(path), "--gebruiker", user.username]) == 1
    assert "kapot.ics" in capsys.readouterr().err
    assert not Afspraak.objects.exists()


def test_analyse_json_contract_without_storing(calendar_file, capsys):
    code = main(
        [
            "agenda",
            "analyse",
            str(calendar_file),
            "--van",
            "2025-01-06",
            "--tot",
            "2025-02-28",
            "--json",
        ]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"afspraken", "totalen", "weken", "signalen"}
    assert set(report["afspraken"][0]) == {"uid", "start", "eind", "onderwerp", "domein", "reden"}
    assert set(report["totalen"]) == {"college", "organisatie", "omgeving", "overig"}
    assert report["totalen"]["college"] == 5 * 180
    assert report["weken"][0]["sleutel"] == "2025-W02"
    assert all({"soort", "weken", "dagen"} <= set(s) for s in report["signalen"])
    assert not Afspraak.objects.exists()


def test_analyse_text_and_errors(calendar_file, tmp_path, capsys):
    assert (
        main(
            ["agenda", "analyse", str(calendar_file), "--van", "2025-01-01", "--tot", "2025-03-31"]
        )
        == 0
    )
    assert "College" in capsys.readouterr().out
    missing = tmp_path / "weg.ics"
    assert main(["agenda", "analyse", str(missing)]) == 2
    assert "weg.ics" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["agenda", "analyse", str(calendar_file), "--van", "31-01-2025"])


def test_analyse_uses_a_users_corrections_read_only(user, calendar_file, capsys):
    from datetime import date

    from spil.agenda import services
    from spil.agenda.models import Correctie

    services.agenda_import(
        owner=user, filename="Agenda.ics", data=BEEKDAL_Q1, today=date(2025, 3, 1)
    )
    corp = Afspraak.objects.get(owner=user, onderwerp__startswith="Prestatie")
    services.correctie_create(
        owner=user, afspraak_id=corp.pk, bereik=Correctie.BEREIK_ONDERWERP, domein="college"
    )
    stored = list(Afspraak.objects.values_list("id", "domein"))
    args = ["agenda", "analyse", str(calendar_file), "--van", "2025-01-01", "--tot", "2025-03-31"]
    assert main([*args, "--json", "--gebruiker", user.username]) == 0
    report = json.loads(capsys.readouterr().out)

    def domain_of_corporation(report):
        return next(a["domein"] for a in report["afspraken"] if a["onderwerp"].startswith("Pre"))

    assert domain_of_corporation(report) == "college"
    assert main([*args, "--json"]) == 0
    assert domain_of_corporation(json.loads(capsys.readouterr().out)) == "omgeving"
    assert list(Afspraak.objects.values_list("id", "domein")) == stored


def import_two(owner):
    from spil.agenda.services import agenda_import

    agenda_import(owner=owner, filename="Agenda.ics", data=BEEKDAL_Q1, today=date(2025, 3, 1))
    agenda_import(owner=owner, filename="gezin.ics", data=GEZIN, today=date(2025, 3, 1))


def test_remove_without_a_terminal_needs_ja(user, other_user, capsys, monkeypatch):
    import_two(user)
    import_two(other_user)
    monkeypatch.setattr("sys.stdin", io.StringIO("ja\n"))
    assert main(["agenda", "verwijder", "--gebruiker", user.username, "--alles"]) == 1
    assert "bevestig met --ja" in capsys.readouterr().err
    assert Afspraak.objects.filter(owner=user).count() == 10

    code = main(["agenda", "verwijder", "--gebruiker", user.username, "--bron", "Gezin", "--ja"])
    assert code == 0
    assert "Agenda 'Gezin' verwijderd: 1 afspraak, 1 ingelezen bestand" in capsys.readouterr().out
    assert not Agendabron.objects.filter(owner=user, naam="Gezin").exists()
    assert Afspraak.objects.filter(owner=user).count() == 9

    code = main(["agenda", "verwijder", "--gebruiker", user.username, "--alles", "--ja"])
    assert code == 0
    assert "9 afspraken, 1 ingelezen bestand en 0 correcties" in capsys.readouterr().out
    assert not Afspraak.objects.filter(owner=user).exists()
    assert Afspraak.objects.filter(owner=other_user).count() == 10


def test_remove_asks_at_a_terminal(user, capsys, monkeypatch):
    import_two(user)

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal("nee\n"))
    assert main(["agenda", "verwijder", "--gebruiker", user.username, "--alles"]) == 1
    assert "Niets verwijderd." in capsys.readouterr().out
    assert Afspraak.objects.filter(owner=user).count() == 10
    monkeypatch.setattr("sys.stdin", Terminal("ja\n"))
    assert main(["agenda", "verwijder", "--gebruiker", user.username, "--alles"]) == 0
    assert not Afspraak.objects.filter(owner=user).exists()


def test_remove_refuses_unknown_calendar_user_and_missing_choice(user, capsys):
    import_two(user)
    code = main(["agenda", "verwijder", "--gebruiker", user.username, "--bron", "Werk", "--ja"])
    assert code == 2
    assert "geen agenda 'Werk' (wel: Agenda, Gezin)" in capsys.readouterr().err
    assert main(["agenda", "verwijder", "--gebruiker", "niemand", "--alles", "--ja"]) == 2
    with pytest.raises(SystemExit):
        main(["agenda", "verwijder", "--gebruiker", user.username, "--ja"])
    assert Afspraak.objects.filter(owner=user).count() == 10
