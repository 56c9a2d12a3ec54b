"""Reading ICS exports (Outlook/Exchange, Google, Apple) into expanded occurrences.

icalendar parses, recurring-ical-events expands RRULE/EXDATE/RECURRENCE-ID within a bounded
window. What this module adds: refusing files that are not calendars or contain broken lines,
resolving time-zone names those libraries do not know (Outlook's display names such as
"(UTC+01:00) Amsterdam, Berlijn, ..."), refusing unknown zones instead of silently treating them
as floating time, and mapping busy status, privacy and cancellation.
"""

from __future__ import annotations

import codecs
import hashlib
import math
import re
import zoneinfo
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from .parsed import (
    MAX_PER_IMPORT,
    MAX_PER_SERIES,
    Availability,
    CalendarImportError,
    Occurrence,
    ParsedCalendar,
    count_nl,
    storable_uid,
)

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


def _utf16_codec(data: bytes) -> str | None:
    """'utf-16' for a file with a UTF-16 byte order mark, 'utf-16-le'/'-be' for one without
    whose first characters are plainly two bytes each (ASCII with a zero byte); else None."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:400]
    half = len(head) // 2
    if half < 4:
        return None
    zeros_even, zeros_odd = head[0::2].count(0), head[1::2].count(0)
    if zeros_odd >= 0.8 * half and not zeros_even:
        return "utf-16-le"
    if zeros_even >= 0.8 * half and not zeros_odd:
        return "utf-16-be"
    return None


def as_utf8(data: bytes, *, filename: str) -> bytes:
    """The file as UTF-8 bytes: UTF-16 exports (Outlook on Windows can write them) are
    transcoded; anything else is returned unchanged."""
    codec = _utf16_codec(data)
    if codec is None:
        return data
    try:
        return data.decode(codec).encode("utf-8")
    except UnicodeError as error:
        raise CalendarImportError(
            f"{filename}: het bestand is als UTF-16 opgeslagen, maar de tekens zijn niet te lezen."
        ) from error


def refuse_nul(data: bytes, *, filename: str) -> None:
    """A NUL byte (character 0) belongs in no calendar; PostgreSQL cannot store it either."""
    position = data.find(b"\x00")
    if position >= 0:
        line = data.count(b"\n", 0, position) + 1
        raise CalendarImportError(
            f"{filename}: regel {line} bevat een NUL-teken (teken 0), dat niet in een agenda "
            "hoort; het bestand is beschadigd of geen tekstbestand. Exporteer de agenda opnieuw."
        )


def decode_calendar_bytes(data: bytes, *, filename: str) -> str:
    if not data.strip():
        raise CalendarImportError(f"{filename}: het bestand is leeg.")
    data = as_utf8(data, filename=filename)
    refuse_nul(data, filename=filename)
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
    # multi-byte character. UTF-16 becomes UTF-8 before that, so that folds are visible.
    data = as_utf8(data, filename=filename)
    refuse_nul(data, filename=filename)
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


def _summary(component) -> str:
    return str(component.get("SUMMARY", "")).strip()[:80]


def _check_starts(calendar, *, filename: str) -> None:
    """Every appointment needs a start (DTSTART); name the first one without."""
    for event in calendar.walk("VEVENT"):
        if event.get("DTSTART") is None:
            summary = _summary(event) or "zonder onderwerp"
            uid = str(event.get("UID", "")).strip()[:80]
            about = f" (UID {uid})" if uid else ""
            raise CalendarImportError(
                f"{filename}: de afspraak '{summary}'{about} heeft geen begintijd (DTSTART); "
                "zonder begintijd kan Spil haar niet inlezen. Er is niets opgeslagen."
            )


def _signature(event) -> tuple:
    def raw(name: str) -> bytes:
        value = event.get(name)
        if value is None:
            return b""
        if isinstance(value, list):
            return b"|".join(v.to_ical() for v in value)
        return value.to_ical() if hasattr(value, "to_ical") else str(value).encode()

    return (raw("DTSTART"), raw("DTEND"), raw("DURATION"), raw("RRULE"), _summary(event))


def _deduplicate(calendar) -> list[str]:
    """Appointments (not moved occurrences) that share a UID. recurring-ical-events would keep
    only the first; exact copies are dropped, different appointments get their own UID (the
    original plus ~2, ~3, in file order, so a re-import finds them again). Says what it did."""
    by_uid: dict[str, list] = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID", "")).strip()
        if uid and "RECURRENCE-ID" not in event:
            by_uid.setdefault(uid, []).append(event)
    dropped: set[int] = set()
    renamed: list[str] = []
    for uid, events in by_uid.items():
        if len(events) < 2:
            continue
        seen = {_signature(events[0])}
        for number, event in enumerate(events[1:], start=2):
            signature = _signature(event)
            if signature in seen:
                dropped.add(id(event))
                continue
            seen.add(signature)
            event.pop("UID")
            event.add("UID", f"{uid}~{number}")
            renamed.append(_summary(event))
    if dropped:
        calendar.subcomponents = [c for c in calendar.subcomponents if id(c) not in dropped]
    notices = []
    if dropped:
        notices.append(
            f"{count_nl(len(dropped))} afspraken stonden dubbel in het bestand (zelfde UID, "
            "tijd en onderwerp) en zijn één keer ingelezen."
        )
    if renamed:
        examples = ", ".join(f"'{title}'" for title in renamed[:3])
        notices.append(
            f"{count_nl(len(renamed))} afspraken hadden dezelfde UID als een andere afspraak in "
            f"het bestand, met een andere inhoud; Spil heeft ze apart ingelezen ({examples})."
        )
    return notices


_FREQUENCIES = ("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_STEP_SECONDS = {
    "SECONDLY": 1,
    "MINUTELY": 60,
    "HOURLY": 3600,
    "DAILY": 86400,
    "WEEKLY": 7 * 86400,
    # Upper bounds, so that an estimate never counts too few periods.
    "MONTHLY": 28 * 86400,
    "YEARLY": 365 * 86400,
}
_FREQUENCY_NL = {
    "SECONDLY": "elke seconde",
    "MINUTELY": "elke minuut",
    "HOURLY": "elk uur",
    "DAILY": "elke dag",
    "WEEKLY": "elke week",
    "MONTHLY": "elke maand",
    "YEARLY": "elk jaar",
}
# Candidate periods dateutil may step through before the window starts (a rule that repeats
# every minute since 2015 would otherwise take minutes to reach this year).
_ITERATION_BUDGET = 200_000


def _per_period(rule, frequency: str) -> int:
    """An upper bound on the occurrences one period of the rule yields (BYxxx expansions)."""
    rank = _FREQUENCIES.index(frequency)
    bound = 1
    for name, finer_than in (("BYSECOND", 0), ("BYMINUTE", 1), ("BYHOUR", 2)):
        if rank > finer_than:
            bound *= max(1, len(rule.get(name, [])))
    days = len(rule.get("BYDAY", [])) or len(rule.get("BYMONTHDAY", [])) or 1
    if frequency == "WEEKLY":
        bound *= min(7, days)
    elif frequency == "MONTHLY":
        bound *= min(31, days * (5 if rule.get("BYDAY") else 1))
    elif frequency == "YEARLY" and any(
        rule.get(name) for name in ("BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH")
    ):
        bound *= 366
    return bound


def _like(value: date | datetime, moment: datetime) -> date | datetime:
    """`moment` in the form of the rule's DTSTART, as RFC 5545 wants UNTIL."""
    if not isinstance(value, datetime):
        return moment.date()
    if value.tzinfo is None:
        return moment.replace(tzinfo=None)
    return moment.astimezone(UTC)


def _cap_series(calendar, *, tz: ZoneInfo, lo: date, hi: date, filename: str) -> dict[str, list]:
    """Bound every recurring series before expansion: at most about MAX_PER_SERIES
    occurrences in [lo, hi) (an UNTIL is added where the rule would yield more), and no more
    than _ITERATION_BUDGET periods to step through before `lo` (the start moves forward by
    whole periods, which keeps every occurrence; a rule that cannot be moved so is left out).
    Returns {uid: [title, estimated occurrences left out]}."""
    lo_at = datetime.combine(lo, time(0), tzinfo=tz)
    hi_at = datetime.combine(hi, time(0), tzinfo=tz)
    capped: dict[str, list] = {}
    dropped: set[int] = set()
    for event in calendar.walk("VEVENT"):
        rules = event.get("RRULE")
        if rules is None or "RECURRENCE-ID" in event:
            continue
        rules = rules if isinstance(rules, list) else [rules]
        uid = str(event.get("UID", "")).strip()
        start_value = event.get("DTSTART").dt
        start = _as_local(start_value, tz)
        for rule in rules:
            frequency = str((rule.get("FREQ") or [""])[0]).upper()
            if frequency not in _FREQUENCIES:
                continue
            try:
                interval = max(1, int((rule.get("INTERVAL") or [1])[0]))
            except (TypeError, ValueError):
                interval = 1
            step = _STEP_SECONDS[frequency] * interval
            per_period = _per_period(rule, frequency)
            count = rule.get("COUNT")
            count = int(count[0]) if count else None
            untils = rule.get("UNTIL") or []
            until = _as_local(untils[0], tz) if untils else None
            before = max(0.0, (lo_at - start).total_seconds() / step)
            if before * per_period > _ITERATION_BUDGET:
                fixed_step = frequency not in {"MONTHLY", "YEARLY"}
                if count is not None or not fixed_step or not isinstance(start_value, datetime):
                    dropped.add(id(event))
                    capped[uid] = [_summary(event), None]
                    break
                shift = timedelta(seconds=(int(before) - 1) * step)
                for name in ("DTSTART", "DTEND"):
                    if event.get(name) is not None:
                        moved = event.get(name).dt + shift
                        event.pop(name)
                        event.add(name, moved)
                start += shift
            first = max(start, lo_at)
            last = min(hi_at, until) if until is not None else hi_at
            periods = max(0.0, (last - first).total_seconds() / step) + 1
            estimate = periods * per_period
            if count is not None:
                estimate = min(estimate, count)
            if estimate <= MAX_PER_SERIES:
                continue
            needed = math.ceil(MAX_PER_SERIES / per_period) + 1
            cap = first + timedelta(seconds=needed * step)
            if count is not None:
                rule.pop("COUNT")
            rule["UNTIL"] = [_like(start_value, cap)]
            capped.setdefault(uid, [_summary(event), 0])
            if capped[uid][1] is not None:
                capped[uid][1] += max(0, int(estimate) - MAX_PER_SERIES)
    if dropped:
        calendar.subcomponents = [c for c in calendar.subcomponents if id(c) not in dropped]
    return capped


def _series_notices(capped: dict[str, list]) -> list[str]:
    notices = []
    for title, left_out in capped.values():
        name = f"'{title}'" if title else "zonder onderwerp"
        if left_out is None:
            notices.append(
                f"De reeks {name} herhaalt zich zo vaak en begint zo lang geleden dat Spil haar "
                "niet kan uitrekenen; deze reeks is niet ingelezen."
            )
        else:
            notices.append(
                f"De reeks {name} zou in deze periode meer dan {count_nl(MAX_PER_SERIES)} keer "
                f"voorkomen; Spil leest per reeks hoogstens {count_nl(MAX_PER_SERIES)} "
                f"herhalingen in. Ongeveer {count_nl(left_out)} herhalingen zijn weggelaten."
            )
    return notices


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
    if not calendar.walk("VEVENT"):
        raise CalendarImportError(f"{filename}: het bestand bevat geen afspraken.")
    _check_starts(calendar, filename=filename)
    parsed.notices.extend(_deduplicate(calendar))
    lo, hi = min(window_start, file_start), max(window_end, file_end)
    lo_at = datetime.combine(lo, time(0), tzinfo=tz)
    capped = _cap_series(calendar, tz=tz, lo=lo, hi=hi, filename=filename)
    try:
        expanded = recurring_ical_events.of(calendar).between(lo, hi)
        events = [event for event in expanded if event.name == "VEVENT"]
    except Exception as error:  # the library raises many kinds for bad recurrence rules
        raise CalendarImportError(
            f"{filename}: de herhalingen in dit bestand zijn niet uit te rekenen ({error})."
        ) from error

    recurring_uids = {
        str(component.get("UID", "")).strip()
        for component in calendar.walk("VEVENT")
        if "RRULE" in component or "RDATE" in component or "RECURRENCE-ID" in component
    }
    seen: set[tuple[str, str]] = set()
    per_series: dict[str, int] = {}

    # The library returns occurrences in no particular order; the cap keeps the earliest.
    def earliest_first(event) -> datetime:
        try:
            return _as_local(event.start, tz)
        except Exception:  # reported below, with the appointment's title
            return lo_at

    events.sort(key=earliest_first)
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
        recurring = uid in recurring_uids
        if recurring:
            per_series[uid] = per_series.get(uid, 0) + 1
            if per_series[uid] > MAX_PER_SERIES:
                capped.setdefault(uid, [title[:80], 0])
                if capped[uid][1] is not None:
                    capped[uid][1] += 1
                continue
        uid = storable_uid(uid)
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
                recurring=recurring,
            )
        )
    parsed.occurrences.sort(key=lambda o: (o.start, o.uid))
    inside = [o for o in parsed.occurrences if window_start <= o.start.date() < window_end]
    parsed.left_out = len(parsed.occurrences) - len(inside)
    parsed.occurrences = cap_import(inside, parsed)
    parsed.notices.extend(_series_notices(capped))
    return parsed


def cap_import(occurrences: list[Occurrence], parsed: ParsedCalendar) -> list[Occurrence]:
    """At most MAX_PER_IMPORT occurrences (the earliest), with a notice when more were found."""
    if len(occurrences) <= MAX_PER_IMPORT:
        return occurrences
    parsed.notices.append(
        f"Het bestand bevat in deze periode {count_nl(len(occurrences))} afspraken; Spil leest "
        f"er per keer hoogstens {count_nl(MAX_PER_IMPORT)} in (de eerste). "
        f"{count_nl(len(occurrences) - MAX_PER_IMPORT)} afspraken zijn weggelaten; lees de "
        "rest in met een latere begindatum."
    )
    return occurrences[:MAX_PER_IMPORT]
