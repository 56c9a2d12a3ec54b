from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from spil.agenda.csv_import import parse_outlook_csv
from spil.agenda.parsed import CalendarImportError

AMS = ZoneInfo("Europe/Amsterdam")

DUTCH = (
    '"Onderwerp","Begindatum","Begintijd","Einddatum","Eindtijd","Hele dag",'
    '"Organisator vergadering","Vereiste deelnemers","Categorieën","Locatie","Privé",'
    '"Tijd beschikbaar weergeven"\r\n'
    '"Overleg wethouder","13-1-2025","9:00:00","13-1-2025","10:00:00","Onwaar",'
    '"Secretaris","Jan Smit;Els de Vries","Bestuur","Kamer 2.14","Onwaar","2"\r\n'
    '"Verlof","17-2-2025","0:00:00","22-2-2025","0:00:00","Waar","","","","","Waar","3"\r\n'
    '"Buiten venster","13-1-2024","9:00:00","13-1-2024","10:00:00","Onwaar","","","","",'
    '"Onwaar","2"\r\n'
)

ENGLISH = (
    "Subject,Start Date,Start Time,End Date,End Time,All day event,Meeting Organizer,"
    "Required Attendees,Categories,Location,Private,Show time as\r\n"
    "Provincial visit,1/13/2025,2:00:00 PM,1/13/2025,3:30:00 PM,False,me@beekdal.nl,"
    "gs@provincie.nl;me@beekdal.nl,Omgeving,Provinciehuis,False,2\r\n"
)


def parse(text: str, encoding="utf-8"):
    return parse_outlook_csv(
        text.encode(encoding),
        filename="export.csv",
        tz=AMS,
        window_start=date(2025, 1, 1),
        window_end=date(2026, 1, 1),
    )


def test_dutch_outlook_export():
    parsed = parse(DUTCH, encoding="cp1252")
    assert [o.title for o in parsed.occurrences] == ["Overleg wethouder", "Verlof"]
    meeting, leave = parsed.occurrences
    assert meeting.start == datetime(2025, 1, 13, 9, 0, tzinfo=AMS)
    assert meeting.attendees == ("Jan Smit", "Els de Vries")
    assert meeting.categories == ("Bestuur",)
    assert meeting.location == "Kamer 2.14"
    assert leave.all_day and leave.private and leave.availability == "afwezig"


def test_english_outlook_export_with_addresses():
    (meeting,) = parse(ENGLISH).occurrences
    assert meeting.start == datetime(2025, 1, 13, 14, 0, tzinfo=AMS)
    assert meeting.end == datetime(2025, 1, 13, 15, 30, tzinfo=AMS)
    assert meeting.attendees == ("gs@provincie.nl", "me@beekdal.nl")
    assert meeting.organizer == "me@beekdal.nl"


def test_same_row_twice_gives_same_identity():
    first = parse(ENGLISH).occurrences[0]
    second = parse(ENGLISH).occurrences[0]
    assert first.key == second.key


def test_missing_columns():
    with pytest.raises(CalendarImportError, match=r"export\.csv: dit is geen agenda-export"):
        parse("Naam,Adres\r\nJan,Dorpsstraat 1\r\n")


def test_bad_date_names_the_row():
    with pytest.raises(CalendarImportError, match="regel 2"):
        parse("Onderwerp;Begindatum;Begintijd\r\nDT;morgen;9:00\r\n")


def test_header_only_is_refused():
    with pytest.raises(CalendarImportError, match="geen afspraken"):
        parse("Subject,Start Date,Start Time\r\n\r\n")
