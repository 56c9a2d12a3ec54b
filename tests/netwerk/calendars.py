"""A small calendar written for the network tests (fictional municipality Beekdal)."""

from __future__ import annotations

from tests.agenda.calendars import event, ics


def attendees(*addresses: str) -> tuple[str, ...]:
    return tuple(f"ATTENDEE;CN={a}:mailto:{a}" for a in addresses)


ORGANIZER = "ORGANIZER:mailto:secretaris@beekdal.nl"

NETWERK_Q2 = ics(
    event(
        "regio-1",
        "Overleg regiosecretarissen",
        "20250403T090000Z",
        "20250403T110000Z",
        "RRULE:FREQ=MONTHLY;COUNT=3",
        ORGANIZER,
        *attendees("secretaris@beekdal.nl", "h.jansen@regiobeekdal.nl", "t.kok@vrbeekdal.nl"),
    ),
    event(
        "corp-1",
        "Werkbezoek corporatie",
        "20250410T120000Z",
        "20250410T133000Z",
        ORGANIZER,
        *attendees("secretaris@beekdal.nl", "l.smits@woonbeekdal.nl", "w.dam@beekdal.nl"),
    ),
    event(
        "zorg-1",
        "Gesprek zorgaanbieder",
        "20250512T080000Z",
        "20250512T090000Z",
        ORGANIZER,
        "LOCATION:Kantoor Zorgcentrum, Dorpsstraat 1",
        *attendees("secretaris@beekdal.nl", "f.ali@zorgbeekdal.nl", "Piet Zonder Adres"),
    ),
    event(
        "ondernemers-1",
        "Ondernemersontbijt",
        "20250520T060000Z",
        "20250520T073000Z",
        ORGANIZER,
        *attendees("secretaris@beekdal.nl", "b.berg@ondernemersbeekdal.nl", "x@@kapot"),
    ),
    event(
        "intern-1",
        "DT-overleg",
        "20250407T080000Z",
        "20250407T100000Z",
        ORGANIZER,
        *attendees("secretaris@beekdal.nl", "w.dam@beekdal.nl", "a.vos@beekdal.nl"),
    ),
)

SECOND_CALENDAR = ics(
    event(
        "acme-1",
        "Kennismaking adviesbureau",
        "20250602T080000Z",
        "20250602T090000Z",
        ORGANIZER,
        *attendees("secretaris@beekdal.nl", "j.post@acmeadvies.nl"),
    ),
)
