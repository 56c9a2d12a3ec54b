"""An import keeps the whole file unless the user chose a period, and then says what it left
out and offers the rest in one click (issue 9, point 7)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from spil.agenda.models import Afspraak, Importbatch
from spil.agenda.pipeline import parse_calendar_file
from spil.agenda.selectors import local_tz
from spil.agenda.services import agenda_import, importbatch_import_whole_period
from tests.agenda.calendars import event, ics

TODAY = date(2026, 11, 29)


def _last_year() -> bytes:
    """Twenty weekly meetings in the first half of 2024 plus an open-ended series."""
    return ics(
        *[
            event(
                f"overleg-{week}@beekdal",
                f"Overleg {week}",
                f"2024{1 + week // 4:02d}{1 + (week % 4) * 7:02d}T100000",
                f"2024{1 + week // 4:02d}{1 + (week % 4) * 7:02d}T110000",
            )
            for week in range(20)
        ],
        event(
            "dt@beekdal", "Directieteam", "20240102T090000", "20240102T100000", "RRULE:FREQ=WEEKLY"
        ),
    )


def test_without_a_chosen_period_the_files_own_period_is_read():
    parsed = parse_calendar_file(_last_year(), filename="a.ics", tz=local_tz(), today=TODAY)
    assert parsed.window_start == date(2024, 1, 1)
    # The open-ended series stops where the file's own appointments stop (not at today).
    assert parsed.window_end == date(2024, 5, 23)
    assert parsed.left_out == 0
    assert sum(1 for o in parsed.occurrences if o.uid.startswith("overleg-")) == 20
    assert max(o.start.date() for o in parsed.occurrences) <= date(2024, 5, 22)


def test_a_chosen_period_counts_what_it_left_out():
    parsed = parse_calendar_file(
        _last_year(),
        filename="a.ics",
        tz=local_tz(),
        today=TODAY,
        van=date(2024, 1, 1),
        tot=date(2024, 1, 31),
    )
    kept = len(parsed.occurrences)
    whole = parse_calendar_file(_last_year(), filename="a.ics", tz=local_tz(), today=TODAY)
    assert kept + parsed.left_out == len(whole.occurrences)
    assert parsed.left_out > 0
    assert (parsed.file_start, parsed.file_end) == (date(2024, 1, 1), date(2024, 5, 23))


def test_csv_without_period_reads_every_row():
    from tests.agenda.test_csv_import import DUTCH

    parsed = parse_calendar_file(
        DUTCH.encode("utf-8"), filename="a.csv", tz=local_tz(), today=TODAY
    )
    assert "Buiten venster" in {o.title for o in parsed.occurrences}
    assert parsed.window_start == min(o.start.date() for o in parsed.occurrences)


@pytest.mark.django_db
def test_import_of_last_years_calendar_keeps_everything(user):
    batch = agenda_import(owner=user, filename="vorig-jaar.ics", data=_last_year(), today=TODAY)
    whole = parse_calendar_file(_last_year(), filename="a.ics", tz=local_tz(), today=TODAY)
    assert batch.nieuw == len(whole.occurrences) == Afspraak.objects.filter(owner=user).count()
    assert batch.buiten_periode == 0 and batch.bestand is None


@pytest.mark.django_db
def test_the_rest_of_a_partly_read_file_comes_in_one_click(client, user, other_user):
    batch = agenda_import(
        owner=user,
        filename="vorig-jaar.ics",
        data=_last_year(),
        today=TODAY,
        van=date(2024, 1, 1),
        tot=date(2024, 1, 31),
    )
    assert batch.buiten_periode > 0 and batch.bestand is not None
    kept = Afspraak.objects.filter(owner=user).count()

    # Someone else cannot use (or learn about) this file.
    with pytest.raises(Importbatch.DoesNotExist):
        importbatch_import_whole_period(owner=other_user, batch_id=batch.pk)
    client.force_login(other_user)
    url = reverse("agenda:import_hele_periode", args=[batch.pk])
    assert client.post(url).status_code == 404

    client.force_login(user)
    response = client.post(url)
    assert response.status_code == 302
    assert Afspraak.objects.filter(owner=user).count() == kept + batch.buiten_periode
    batch.refresh_from_db()
    assert batch.bestand is None  # the kept copy is gone
    assert client.post(url).status_code == 404


@pytest.mark.django_db
def test_without_javascript_a_partial_import_stays_to_say_so(client, user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(user)
    response = client.post(
        reverse("agenda:importeren"),
        {
            "bestand": SimpleUploadedFile("vorig-jaar.ics", _last_year()),
            "van": "2024-01-01",
            "tot": "2024-01-31",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "buiten deze periode en zijn niet ingelezen" in html
    assert "Lees de hele periode van het bestand in" in html


@pytest.mark.django_db
def test_cli_import_says_what_a_chosen_period_left_out(user, tmp_path, capsys):
    from spil.cli import main

    path = tmp_path / "vorig-jaar.ics"
    path.write_bytes(_last_year())
    assert (
        main(
            [
                "agenda",
                "import",
                str(path),
                "--gebruiker",
                user.username,
                "--van",
                "2024-01-01",
                "--tot",
                "2024-01-31",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "t/m 31-01-2024)" in out
    assert "buiten de gekozen periode en zijn niet ingelezen" in out
    assert "01-01-2024 tot en met 22-05-2024" in out
