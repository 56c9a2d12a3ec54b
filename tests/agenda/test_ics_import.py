from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from spil.agenda.ics_import import default_window, parse_ics, resolve_time_zone
from spil.agenda.parsed import CalendarImportError

from .calendars import BEEKDAL_Q1, VTIMEZONE_WEST_EUROPE, event, ics

AMS = ZoneInfo("Europe/Amsterdam")


def parse(data: bytes, start=date(2025, 1, 1), end=date(2025, 4, 1)):
    return parse_ics(data, filename="agenda.ics", tz=AMS, window_start=start, window_end=end)


def test_series_expands_with_exdate_and_moved_occurrence():
    parsed = parse(BEEKDAL_Q1)
    series = [o for o in parsed.occurrences if o.uid == "bw@beekdal"]
    # COUNT=6 weekly from 7 January, minus the EXDATE on 21 January.
    assert [o.start.date().isoformat() for o in series] == [
        "2025-01-07",
        "2025-01-14",
        "2025-01-28",
        "2025-02-04",
        "2025-02-11",
    ]
    moved = series[2]
    assert moved.start == datetime(2025, 1, 28, 13, 0, tzinfo=AMS)
    # The moved occurrence keeps the identity of its original slot (09:00 local = 08:00 UTC).
    assert moved.recurrence_key == "20250128T080000Z"
    assert all(o.recurring for o in series)
    assert series[0].attendees == ("wethouder.a@beekdal.nl", "burgemeester@beekdal.nl")


def test_cancelled_free_leave_and_private():
    parsed = parse(BEEKDAL_Q1)
    by_uid = {o.uid: o for o in parsed.occurrences}
    assert "afgelast@beekdal" not in by_uid
    assert parsed.skipped_cancelled == 1
    assert by_uid["info@beekdal"].availability == "vrij"
    leave = by_uid["verlof@beekdal"]
    assert leave.all_day and leave.availability == "afwezig"
    assert leave.start == datetime(2025, 2, 17, tzinfo=AMS)
    assert leave.end == datetime(2025, 2, 22, tzinfo=AMS)
    assert by_uid["huisarts@beekdal"].private
    assert not by_uid["corp@beekdal"].recurring


def test_window_bounds_expansion():
    parsed = parse(BEEKDAL_Q1, start=date(2025, 1, 13), end=date(2025, 1, 20))
    assert [o.start.date().isoformat() for o in parsed.occurrences] == ["2025-01-14"]


def test_default_window_is_twelve_months_back_three_ahead():
    assert default_window(date(2026, 11, 22)) == (date(2025, 11, 22), date(2027, 2, 23))
    # Month ends are clamped.
    assert default_window(date(2025, 5, 31))[1] == date(2025, 9, 1)


@pytest.mark.parametrize(
    ("tzid", "with_definition"),
    [
        ("W. Europe Standard Time", False),
        ("W. Europe Standard Time", True),
        ("Europe/Amsterdam", False),
        ('"(UTC+01:00) Amsterdam, Berlijn, Bern, Rome, Stockholm, Wenen"', False),
    ],
)
def test_time_zone_names(tzid, with_definition):
    data = ics(
        event("tz@beekdal", "MT", "20250707T090000", "20250707T100000", tzid=tzid),
        header=VTIMEZONE_WEST_EUROPE if with_definition else "",
    )
    (occurrence,) = parse(data, end=date(2025, 12, 31)).occurrences
    assert occurrence.start == datetime(2025, 7, 7, 9, 0, tzinfo=AMS)
    assert occurrence.start.utcoffset().total_seconds() == 7200


def test_google_utc_with_calendar_time_zone():
    data = ics(
        event("g@beekdal", "Regiotafel", "20250107T080000Z", "20250107T090000Z"),
        "BEGIN:VEVENT\r\nUID:float@beekdal\r\nSUMMARY:Lezen\r\nDTSTART:20250108T140000\r\n"
        "DTEND:20250108T150000\r\nEND:VEVENT\r\n",
        header="X-WR-TIMEZONE:Europe/Amsterdam\r\nX-WR-CALNAME:Werk\r\n",
    )
    parsed = parse(data)
    assert parsed.name == "Werk"
    starts = {o.uid: o.start for o in parsed.occurrences}
    assert starts["g@beekdal"] == datetime(2025, 1, 7, 9, 0, tzinfo=AMS)
    assert starts["float@beekdal"] == datetime(2025, 1, 8, 14, 0, tzinfo=AMS)


def test_outlook_display_name_resolves_to_city():
    assert resolve_time_zone("(UTC+01:00) Amsterdam, Berlijn, Bern, Rome").key == (
        "Europe/Amsterdam"
    )
    assert resolve_time_zone("Nergenstijd") is None


def test_unknown_time_zone_without_definition_is_refused():
    data = ics(event("x@b", "DT", "20250707T090000", "20250707T100000", tzid="Beekdal Tijd"))
    with pytest.raises(CalendarImportError) as error:
        parse(data)
    assert "agenda.ics" in str(error.value)
    assert "Beekdal Tijd" in str(error.value)
    assert "VTIMEZONE" in str(error.value)


def test_not_a_calendar():
    with pytest.raises(CalendarImportError, match=r"agenda\.ics: dit is geen agendabestand"):
        parse(b"Onderwerp;Begindatum\nDT;1-1-2025\n")


def test_empty_file():
    with pytest.raises(CalendarImportError, match="leeg"):
        parse(b"  \n")


def test_broken_line_is_named():
    data = ics(event("x@b", "DT", "20250707T090000", "20250707T100000", "DIT IS STUK"))
    with pytest.raises(CalendarImportError) as error:
        parse(data)
    message = str(error.value)
    assert message.startswith("agenda.ics: regel ")
    assert "DIT IS STUK" in message


def test_broken_date_is_named():
    data = ics(event("x@b", "Werkoverleg", "2025070", "20250707T100000"))
    with pytest.raises(CalendarImportError) as error:
        parse(data)
    assert "DTSTART" in str(error.value) and "Werkoverleg" in str(error.value)


def test_calendar_without_events_is_refused():
    # An empty export must not silently wipe an earlier import of the same calendar.
    with pytest.raises(CalendarImportError, match="geen afspraken"):
        parse(ics())


def test_folded_lines_are_unfolded_before_reading():
    # Exporters fold lines longer than 75 bytes, also inside a zone name or a character.
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:fold@beekdal\r\n"
        b"SUMMARY:Overleg wethouder financi\xc3\r\n \xabn\r\n"
        b"DTSTART;TZID=W. Europe Stan\r\n dard Time:20250707T090000\r\n"
        b"DTEND;TZID=W. Europe Standard Time:20250707T100000\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (occurrence,) = parse(data, end=date(2025, 12, 31)).occurrences
    assert occurrence.title == "Overleg wethouder financiën"
    assert occurrence.start == datetime(2025, 7, 7, 9, 0, tzinfo=AMS)
