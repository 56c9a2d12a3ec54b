"""Small calendars written for these tests (fictional municipality Beekdal)."""

from __future__ import annotations


def ics(*events: str, header: str = "") -> bytes:
    body = "".join(events)
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Spil tests//NL\r\n"
        f"{header}{body}END:VCALENDAR\r\n"
    )
    return text.encode()


def event(uid: str, summary: str, start: str, end: str, *extra: str, tzid: str = "") -> str:
    zone = f";TZID={tzid}" if tzid else ""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"SUMMARY:{summary}",
        f"DTSTART{zone}:{start}",
        f"DTEND{zone}:{end}",
        "DTSTAMP:20250101T000000Z",
        *extra,
        "END:VEVENT",
    ]
    return "\r\n".join(lines) + "\r\n"


VTIMEZONE_WEST_EUROPE = (
    "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n"
    "BEGIN:STANDARD\r\nDTSTART:16011028T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
    "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
)

# A small quarter of a secretary's calendar: a weekly series with a moved and a skipped
# occurrence, a one-off external meeting, a cancelled one, a free reminder and leave.
BEEKDAL_Q1 = ics(
    event(
        "bw@beekdal",
        "B&W-overleg",
        "20250107T090000",
        "20250107T120000",
        "RRULE:FREQ=WEEKLY;COUNT=6",
        "EXDATE;TZID=W. Europe Standard Time:20250121T090000",
        "ATTENDEE:mailto:wethouder.a@beekdal.nl",
        "ATTENDEE:mailto:burgemeester@beekdal.nl",
        "ORGANIZER:mailto:secretaris@beekdal.nl",
        tzid="W. Europe Standard Time",
    ),
    event(
        "bw@beekdal",
        "B&W-overleg",
        "20250128T130000",
        "20250128T160000",
        "RECURRENCE-ID;TZID=W. Europe Standard Time:20250128T090000",
        tzid="W. Europe Standard Time",
    ),
    event(
        "corp@beekdal",
        "Prestatieafspraken met Woonstede",
        "20250108T140000",
        "20250108T153000",
        "ATTENDEE:mailto:directeur@woonstede.nl",
        "ATTENDEE:mailto:bestuurder@woonstede.nl",
        "ATTENDEE:mailto:beleid@beekdal.nl",
        "ORGANIZER:mailto:secretaris@beekdal.nl",
        tzid="W. Europe Standard Time",
    ),
    event(
        "afgelast@beekdal",
        "Teamoverleg Financiën",
        "20250109T100000",
        "20250109T110000",
        "STATUS:CANCELLED",
        tzid="W. Europe Standard Time",
    ),
    event(
        "info@beekdal",
        "Raadsvergadering (ter info)",
        "20250109T193000",
        "20250109T230000",
        "TRANSP:TRANSPARENT",
        tzid="W. Europe Standard Time",
    ),
    "BEGIN:VEVENT\r\nUID:verlof@beekdal\r\nSUMMARY:Skivakantie\r\n"
    "DTSTART;VALUE=DATE:20250217\r\nDTEND;VALUE=DATE:20250222\r\n"
    "X-MICROSOFT-CDO-BUSYSTATUS:OOF\r\nEND:VEVENT\r\n",
    event(
        "huisarts@beekdal",
        "Afspraak",
        "20250110T083000",
        "20250110T090000",
        "CLASS:PRIVATE",
        tzid="W. Europe Standard Time",
    ),
    header=VTIMEZONE_WEST_EUROPE,
)


# A private calendar beside the work calendar: one family appointment.
GEZIN = ics(
    event("zwemmen@gezin", "Zwemles kinderen", "20250301T090000Z", "20250301T100000Z"),
    header="X-WR-CALNAME:Gezin\r\n",
)
