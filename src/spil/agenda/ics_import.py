"""Reading ICS exports (Outlook/Exchange, Google, Apple) into expanded occurrences.

icalendar parses, recurring-ical-events expands RRULE/EXDATE/RECURRENCE-ID within a bounded
window. What this module adds: refusing files that are not calendars or contain broken lines,
resolving time-zone names those libraries do not know (Outlook's display names such as
"(UTC+01:00) Amsterdam, Berlijn, ..."), refusing unknown zones instead of silently treating them
as floating time, and mapping busy status, privacy and cancellation.
"""

from __future__ import annotations

import hashlib
import re
import zoneinfo
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from .parsed import Availability, CalendarImportError, Occurrence, ParsedCalendar

DEFAULT_MONTHS_BACK = 12
DEFAULT_MONTHS_AHEAD = 3

_BUSY_STATUS: dict[str, Availability] = {
    "FREE": "vrij",
    "TENTATIVE": "voorlopig",
    "BUSY": "bezet",
    "OOF": "afwezig",
    "WORKINGELSEWHERE": "elders",
}

_FOLD = re.compile(rb"\r?\n[ \t]")
_TZID_PARAM = re.compile(r';TZID=(?:"([^"\r\n]*)"|([^;:\r\n]*))')
_TZID_DEFINED = re.compile(r"^TZID:(.*?)\r?$", re.MULTILINE)
_VTIMEZONE_BLOCK = re.compile(
    r"^BEGIN:VTIMEZONE\r?\n.*?^END:VTIMEZONE\r?\n", re.MULTILINE | re.DOTALL
)


def add_months(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    # Clamp the day (31 March minus one month is the end of February).
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def default_window(
    today: date,
    *,
    months_back: int = DEFAULT_MONTHS_BACK,
    months_ahead: int = DEFAULT_MONTHS_AHEAD,
) -> tuple[date, date]:
    """The expansion window: [start, end) in whole days around `today`."""
    return add_months(today, -months_back), add_months(today, months_ahead) + timedelta(days=1)


def decode_calendar_bytes(data: bytes, *, filename: str) -> str:
    if not data.strip():
        raise CalendarImportError(f"{filename}: het bestand is leeg.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CalendarImportError(f"{filename}: de tekens in het bestand zijn niet te lezen.")


@lru_cache(maxsize=1)
def _available_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _known_zone_key(name: str) -> str | None:
    """The IANA key for an IANA name, a Windows name or a globally unique TZID."""
    cleaned = name.strip().strip("/")
    zones = _available_zones()
    if cleaned in zones:
        return cleaned
    if cleaned in WINDOWS_TO_OLSON:
        return WINDOWS_TO_OLSON[cleaned]
    parts = cleaned.split("/")
    for start in range(1, len(parts)):
        candidate = "/".join(parts[start:])
        if candidate in zones:
            return candidate
    return None


@lru_cache(maxsize=256)
def resolve_time_zone(name: str) -> ZoneInfo | None:
    """An IANA zone for a TZID: IANA names, Windows names, or Outlook's display names.

    Deliberately not icalendar's lookup: that one also answers from definitions cached
    while reading earlier files, so an undefined zone could pass unnoticed."""
    key = _known_zone_key(name)
    if key:
        return ZoneInfo(key)
    # Outlook sometimes writes the display name, e.g. "(UTC+01:00) Amsterdam, Berlijn, Bern".
    # The cities in it are IANA city names often enough to find the zone.
    cities = re.findall(r"[A-Za-z][A-Za-z .'-]+", re.sub(r"^\(UTC[^)]*\)", "", name))
    by_city = _zones_by_city()
    for city in cities:
        zone = by_city.get(city.strip().replace(" ", "_").lower())
        if zone:
            return ZoneInfo(zone)
    return None


@lru_cache(maxsize=1)
def _zones_by_city() -> dict[str, str]:
    zones: dict[str, str] = {}
    for key in sorted(_available_zones()):
        if "/" in key and not key.startswith(("Etc/", "SystemV/", "posix/", "right/")):
            zones.setdefault(key.rsplit("/", 1)[1].lower(), key)
    return zones


def _drop_known_definitions(text: str) -> str:
    """Remove VTIMEZONE blocks for zones the tz database knows (IANA or Windows names).

    Embedded definitions are evaluated rule by rule through dateutil, which makes every UTC
    offset lookup slow; the tz database gives the same offsets for these zones, fast."""

    def replace(match: re.Match) -> str:
        found = _TZID_DEFINED.search(match.group(0))
        if found and _known_zone_key(found.group(1)) is not None:
            return ""
        return match.group(0)

    return _VTIMEZONE_BLOCK.sub(replace, text)


def _rewrite_time_zones(text: str, *, filename: str) -> str:
    """Point every TZID at an IANA zone where one is known; refuse zones nobody can resolve.

    Windows names ("W. Europe Standard Time") and Outlook display names become IANA keys, so
    that icalendar uses the tz database instead of (slow, process-wide cached) definitions."""
    text = _drop_known_definitions(text)
    defined = {match.strip() for match in _TZID_DEFINED.findall(text)}
    replacements: dict[str, str] = {}
    for quoted, bare in set(_TZID_PARAM.findall(text)):
        name = (quoted or bare).strip()
        if not name:
            continue
        zone = resolve_time_zone(name)
        if zone is None:
            if name in defined:
                continue
            raise CalendarImportError(
                f"{filename}: de tijdzone '{name}' is onbekend en het bestand bevat er geen "
                "definitie (VTIMEZONE) van. Exporteer de agenda opnieuw met tijdzonegegevens."
            )
        if zone.key != name:
            replacements[name] = zone.key
    for name, key in replacements.items():
        text = (
            text.replace(f';TZID="{name}"', f";TZID={key}")
            .replace(f";TZID={name}:", f";TZID={key}:")
            .replace(f";TZID={name};", f";TZID={key};")
        )
    return text


def _line_number(text: str, fragment: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment and fragment in line:
            return number
    return None


def _check_component_errors(calendar: icalendar.Calendar, text: str, *, filename: str) -> None:
    for component in calendar.walk():
        for prop, message in component.errors:
            if prop is None:
                match = re.search(r"'(.*?)'", message)
                fragment = match.group(1) if match else ""
                number = _line_number(text, fragment)
                where = f"regel {number}" if number else "een regel"
                raise CalendarImportError(
                    f"{filename}: {where} is geen geldige agendaregel: '{fragment[:80]}'."
                )
            summary = str(component.get("SUMMARY", "")).strip()
            about = f" van '{summary}'" if summary else ""
            raw = component.get(prop)
            if hasattr(raw, "to_ical"):
                value = raw.to_ical().decode("utf-8", errors="replace")
            else:
                value = str(raw or "")
            number = _line_number(text, f"{prop}")
            where = f" (regel {number})" if number else ""
            raise CalendarImportError(
                f"{filename}: het veld {prop}{about}{where} is onleesbaar: '{value[:60]}'."
            )


def _as_local(value: date | datetime, tz: ZoneInfo) -> datetime:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=tz)
        return value.astimezone(tz)
    return datetime.combine(value, time(0), tzinfo=tz)


def _key_of(value: date | datetime, tz: ZoneInfo) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=tz)
        return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def _addresses(value) -> tuple[str, ...]:
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    out = []
    for item in values:
        address = str(item).strip()
        if address.lower().startswith("mailto:"):
            address = address[7:]
        if address:
            out.append(address.lower())
    return tuple(out)


def _categories(event) -> tuple[str, ...]:
    value = event.get("CATEGORIES")
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in values:
        for category in getattr(item, "cats", [item]):
            text = str(category).strip()
            if text and text not in out:
                out.append(text)
    return tuple(out)


def _availability(event) -> Availability:
    busy = str(event.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).strip().upper()
    if busy in _BUSY_STATUS:
        return _BUSY_STATUS[busy]
    if str(event.get("TRANSP", "")).strip().upper() == "TRANSPARENT":
        return "vrij"
    if str(event.get("STATUS", "")).strip().upper() == "TENTATIVE":
        return "voorlopig"
    return "bezet"


def read_calendar(data: bytes, *, filename: str) -> tuple[icalendar.Calendar, str]:
    """Parse and validate, without expanding. Raises CalendarImportError in Dutch."""
    # Unfold long lines first, as bytes: a fold may split a TZID we need to see whole, or a
    # multi-byte character.
    text = decode_calendar_bytes(_FOLD.sub(b"", data), filename=filename)
    if "BEGIN:VCALENDAR" not in text[:4096].upper():
        raise CalendarImportError(
            f"{filename}: dit is geen agendabestand (ICS); het begint niet met BEGIN:VCALENDAR."
        )
    text = _rewrite_time_zones(text, filename=filename)
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError as error:
        match = re.search(r"'(.*?)'", str(error))
        fragment = match.group(1) if match else ""
        number = _line_number(text, fragment)
        where = f"regel {number}" if number else "een regel"
        raise CalendarImportError(
            f"{filename}: {where} is geen geldige agendaregel: '{fragment[:80]}'."
        ) from error
    if isinstance(calendar, list) or calendar.name != "VCALENDAR":
        raise CalendarImportError(f"{filename}: dit is geen agendabestand (ICS).")
    _check_component_errors(calendar, text, filename=filename)
    return calendar, text


def calendar_period(calendar, *, tz: ZoneInfo, today: date) -> tuple[date, date]:
    """The period [start, end) the file's appointments cover: from the first start to the last
    end of a single appointment or of a series with an end date. Series without an end stop
    there too; a file with only such series ends at the default window's end."""
    starts: list[date] = []
    ends: list[date] = []
    for event in calendar.walk("VEVENT"):
        dtstart = event.get("DTSTART")
        if dtstart is None:
            continue
        start_day = _as_local(dtstart.dt, tz).date()
        starts.append(start_day)
        rules = event.get("RRULE")
        if rules is not None:
            for rule in rules if isinstance(rules, list) else [rules]:
                for until in rule.get("UNTIL", []):
                    ends.append(_as_local(until, tz).date())
            continue
        dtend = event.get("DTEND")
        ends.append(_as_local(dtend.dt, tz).date() if dtend is not None else start_day)
    if not starts:
        return default_window(today)
    start = min(starts)
    end = max(ends) if ends else max(default_window(today)[1], start)
    return start, max(end, start) + timedelta(days=1)


def parse_ics(
    data: bytes,
    *,
    filename: str,
    tz: ZoneInfo,
    window_start: date | None = None,
    window_end: date | None = None,
    today: date | None = None,
) -> ParsedCalendar:
    """All occurrences that start in [window_start, window_end), in local time `tz`; a missing
    end of the window is the file's own (see calendar_period). Occurrences of the file's period
    outside the window are counted in `left_out` (one expansion covers both)."""
    calendar, _text = read_calendar(data, filename=filename)
    file_start, file_end = calendar_period(calendar, tz=tz, today=today or date.today())
    window_start = file_start if window_start is None else window_start
    window_end = file_end if window_end is None else window_end
    parsed = ParsedCalendar(
        filename=filename,
        kind="ics",
        name=str(calendar.get("X-WR-CALNAME", "")).strip(),
        window_start=window_start,
        window_end=window_end,
        file_start=file_start,
        file_end=file_end,
    )
    try:
        expanded = recurring_ical_events.of(calendar).between(
            min(window_start, file_start), max(window_end, file_end)
        )
        events = [event for event in expanded if event.name == "VEVENT"]
    except Exception as error:  # the library raises many kinds for bad recurrence rules
        raise CalendarImportError(
            f"{filename}: de herhalingen in dit bestand zijn niet uit te rekenen ({error})."
        ) from error

    if not calendar.walk("VEVENT"):
        raise CalendarImportError(f"{filename}: het bestand bevat geen afspraken.")
    recurring_uids = {
        str(component.get("UID", "")).strip()
        for component in calendar.walk("VEVENT")
        if "RRULE" in component or "RDATE" in component or "RECURRENCE-ID" in component
    }
    seen: set[tuple[str, str]] = set()
    for event in events:
        if str(event.get("STATUS", "")).strip().upper() == "CANCELLED":
            parsed.skipped_cancelled += 1
            continue
        try:
            raw_start, raw_end = event.start, event.end
        except Exception as error:
            summary = str(event.get("SUMMARY", "")).strip()
            raise CalendarImportError(
                f"{filename}: de afspraak '{summary}' heeft geen geldige begin- of eindtijd."
            ) from error
        all_day = not isinstance(raw_start, datetime)
        start = _as_local(raw_start, tz)
        end = _as_local(raw_end, tz) if raw_end is not None else start
        if end < start:
            end = start
        recurrence_id = event.get("RECURRENCE-ID")
        key = _key_of(recurrence_id.dt if recurrence_id is not None else raw_start, tz)
        title = str(event.get("SUMMARY", "")).strip()
        uid = str(event.get("UID", "")).strip()
        if not uid:
            # Without a UID the occurrence is known by what it is and when it starts.
            uid = "spil-" + hashlib.blake2b(f"{title}|{key}".encode(), digest_size=10).hexdigest()
        if (uid, key) in seen:
            continue
        seen.add((uid, key))
        privacy = str(event.get("CLASS", "")).strip().upper()
        parsed.occurrences.append(
            Occurrence(
                uid=uid,
                recurrence_key=key,
                start=start,
                end=end,
                title=title,
                all_day=all_day,
                location=str(event.get("LOCATION", "")).strip(),
                categories=_categories(event),
                attendees=_addresses(event.get("ATTENDEE")),
                organizer=(_addresses(event.get("ORGANIZER")) or ("",))[0],
                availability=_availability(event),
                private=privacy in {"PRIVATE", "CONFIDENTIAL"},
                recurring=uid in recurring_uids,
            )
        )
    parsed.occurrences.sort(key=lambda o: (o.start, o.uid))
    inside = [o for o in parsed.occurrences if window_start <= o.start.date() < window_end]
    parsed.left_out = len(parsed.occurrences) - len(inside)
    parsed.occurrences = inside
    return parsed
