"""Calendar files that used to crash, run away or lose appointments (issue 14, points 3 and 8).

Each case goes through the real service and through the web import: a Dutch message that
names the file, bounded work, and nothing stored changed on refusal. Runs on SQLite and, with
DATABASE_URL, on PostgreSQL (where a NUL byte cannot be stored at all).
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from spil.agenda.models import Afspraak, Importbatch
from spil.agenda.parsed import MAX_PER_IMPORT, MAX_PER_SERIES, CalendarImportError
from spil.agenda.services import agenda_import
from spil.cli import main
from tests.agenda.calendars import event, ics

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 1)
BASE = ics(event("vast@beekdal", "Staf", "20250304T090000Z", "20250304T100000Z"))
CSV_HEADER = "Onderwerp;Begindatum;Begintijd;Einddatum;Eindtijd\r\n"


def _import(user, name: str, data: bytes, **kwargs):
    return agenda_import(owner=user, filename=name, data=data, today=TODAY, **kwargs)


def _stored(user) -> list[tuple]:
    return sorted(
        Afspraak.objects.filter(owner=user).values_list("uid", "herhaling", "onderwerp", "begin")
    )


def _refused(user, name: str, data: bytes, *, cli=None) -> str:
    """Import must fail with a Dutch message naming the file, on both paths (and on the
    command line when `cli` is given: (tmp_path, capsys)), storing nothing."""
    before = _stored(user), Importbatch.objects.filter(owner=user).count()
    with pytest.raises(CalendarImportError) as caught:
        _import(user, name, data)
    message = str(caught.value)
    assert message.startswith(f"{name}: ")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    response = client.post(
        reverse("agenda:importeren"), {"bestand": SimpleUploadedFile(name, data)}
    )
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert (_stored(user), Importbatch.objects.filter(owner=user).count()) == before
    if cli is not None:
        folder, capsys = cli
        path = folder / name
        path.write_bytes(data)
        capsys.readouterr()
        code = main(["agenda", "import", str(path), "--gebruiker", user.username])
        assert code == 1
        assert message in capsys.readouterr().err
        assert (_stored(user), Importbatch.objects.filter(owner=user).count()) == before
    return message


@pytest.fixture
def owner(user):
    _import(user, "werk.ics", BASE)
    return user


def test_nul_byte_in_a_field_is_refused_the_same_way_on_web_and_command_line(
    owner, tmp_path, capsys
):
    data = ics(event("a@beekdal", "Over\x00leg", "20250305T090000Z", "20250305T100000Z"))
    message = _refused(owner, "nul.ics", data, cli=(tmp_path, capsys))
    assert "NUL-teken" in message and "regel 6" in message


def test_nul_bytes_everywhere_are_refused(owner):
    data = BASE.replace(b"\r\n", b"\x00\r\n")
    assert "NUL-teken" in _refused(owner, "nullen.ics", data)


def test_nul_in_a_csv_is_refused(owner):
    data = (CSV_HEADER + "Over\x00leg;5-3-2025;09:00;5-3-2025;10:00\r\n").encode()
    assert "regel 2 bevat een NUL-teken" in _refused(owner, "nul.csv", data)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_ics_is_read(user, encoding):
    data = ics(event("u@beekdal", "Overleg één", "20250304T090000Z", "20250304T100000Z"))
    batch = _import(user, "outlook.ics", data.decode().encode(encoding))
    assert batch.nieuw == 1
    assert Afspraak.objects.get(owner=user).onderwerp == "Overleg één"


def test_utf16_csv_is_read(user):
    text = CSV_HEADER + "Overleg één;5-3-2025;09:00;5-3-2025;10:00\r\n"
    batch = _import(user, "outlook.csv", text.encode("utf-16"))
    assert batch.nieuw == 1
    assert Afspraak.objects.get(owner=user).onderwerp == "Overleg één"


def test_a_csv_field_over_128_kib_is_refused(owner):
    data = (CSV_HEADER + '"' + "x" * (130 * 1024) + '";5-3-2025;09:00;5-3-2025;10:00\r\n').encode()
    message = _refused(owner, "groot.csv", data)
    assert "regel 2 heeft een veld van meer dan 128 KiB" in message


def test_a_uid_over_500_characters_reimports_idempotently(user):
    long_uid = "u" * 600 + "@beekdal"
    data = ics(
        event(
            long_uid, "Overleg", "20250304T090000Z", "20250304T100000Z", "RRULE:COUNT=3;FREQ=WEEKLY"
        )
    )
    first = _import(user, "lang.ics", data)
    again = _import(user, "lang.ics", data)
    assert (first.nieuw, again.nieuw, again.gewijzigd, again.ongewijzigd) == (3, 0, 0, 3)
    assert all(len(uid) <= 500 for uid, *_ in _stored(user))
    client = Client()
    client.force_login(user)
    response = client.post(
        reverse("agenda:importeren"), {"bestand": SimpleUploadedFile("lang.ics", data)}
    )
    assert response.status_code in {200, 302}


def test_duplicate_uids_are_reported_not_dropped(user):
    data = ics(
        event("a@beekdal", "Overleg", "20250304T090000Z", "20250304T100000Z"),
        event("a@beekdal", "Overleg", "20250304T090000Z", "20250304T100000Z"),
        event("a@beekdal", "Werkbezoek", "20250305T090000Z", "20250305T110000Z"),
    )
    batch = _import(user, "dubbel.ics", data)
    assert batch.nieuw == 2
    assert sorted(o for _u, _h, o, _b in _stored(user)) == ["Overleg", "Werkbezoek"]
    assert any("1 afspraken stonden dubbel" in m for m in batch.meldingen)
    assert any("'Werkbezoek'" in m for m in batch.meldingen)
    again = _import(user, "dubbel.ics", data)
    assert (again.nieuw, again.ongewijzigd) == (0, 2)
    client = Client()
    client.force_login(user)
    response = client.post(
        reverse("agenda:importeren"), {"bestand": SimpleUploadedFile("dubbel.ics", data)}
    )
    assert response.status_code == 200  # stays on the page to show the remarks
    assert "stonden dubbel in het bestand" in response.content.decode()


def test_a_missing_dtstart_names_the_event(owner):
    data = ics(
        "BEGIN:VEVENT\r\nUID:b@beekdal\r\nSUMMARY:Zonder begin\r\n"
        "DTEND:20250304T100000Z\r\nEND:VEVENT\r\n"
    )
    message = _refused(owner, "zonder.ics", data)
    assert "'Zonder begin' (UID b@beekdal) heeft geen begintijd (DTSTART)" in message


@pytest.mark.parametrize(
    ("rule", "start"),
    [
        ("FREQ=SECONDLY", "20250304T090000Z"),
        ("FREQ=MINUTELY", "20250304T090000Z"),
        ("FREQ=MINUTELY", "20150304T090000Z"),
        ("FREQ=HOURLY;INTERVAL=1", "19700101T090000Z"),
        ("FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15;BYMINUTE=0,15,30,45", ""),
    ],
)
def test_unbounded_recurrence_is_capped_with_a_dutch_message(user, rule, start):
    start = start or "20250304T090000Z"
    data = ics(
        event("tik@beekdal", "Tik", start, start[:-3] + "01Z", f"RRULE:{rule}"),
        event("eind@beekdal", "Laatste", "20251231T090000Z", "20251231T100000Z"),
    )
    batch = _import(user, "tik.ics", data)
    stored = Afspraak.objects.filter(owner=user, uid="tik@beekdal").count()
    assert stored <= MAX_PER_SERIES
    assert Afspraak.objects.filter(owner=user, uid="eind@beekdal").count() == 1
    assert any("'Tik'" in m for m in batch.meldingen), batch.meldingen
    notice = next(m for m in batch.meldingen if "'Tik'" in m)
    assert "weggelaten" in notice or "niet ingelezen" in notice
    again = _import(user, "tik.ics", data)
    assert again.nieuw == 0 and again.gewijzigd == 0


def test_an_ordinary_year_is_not_capped(user):
    data = ics(
        event(
            "dag@beekdal", "Dagstart", "20250101T080000Z", "20250101T081500Z", "RRULE:FREQ=DAILY"
        ),
        event("eind@beekdal", "Laatste", "20251231T090000Z", "20251231T100000Z"),
    )
    batch = _import(user, "jaar.ics", data)
    assert batch.meldingen == []
    assert Afspraak.objects.filter(owner=user, uid="dag@beekdal").count() == 365


def test_the_cap_per_import_is_a_named_constant():
    assert MAX_PER_SERIES < MAX_PER_IMPORT
