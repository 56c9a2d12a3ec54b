"""Reading an Outlook CSV export (Dutch or English column names) into occurrences.

Outlook writes one row per occurrence, without UIDs; an occurrence is identified by its
subject and original start. Dates follow the locale of the exporting Outlook: d-m-yyyy for
Dutch, m/d/yyyy for English (US); times with or without seconds, with or without AM/PM.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .ics_import import cap_import, decode_calendar_bytes
from .parsed import Availability, CalendarImportError, Occurrence, ParsedCalendar

# Python's csv module refuses fields over 128 KiB; no real appointment has one.
MAX_FIELD_KIB = 128

# Our field name -> the column names Outlook uses (Dutch, English), compared in lower case.
COLUMNS: dict[str, tuple[str, ...]] = {
    "subject": ("onderwerp", "subject"),
    "start_date": ("begindatum", "startdatum", "start date"),
    "start_time": ("begintijd", "starttijd", "start time"),
    "end_date": ("einddatum", "end date"),
    "end_time": ("eindtijd", "end time"),
    "all_day": ("hele dag", "gehele dag", "taak voor hele dag", "all day event", "all day"),
    "categories": ("categorieën", "categorieen", "categories"),
    "location": ("locatie", "location"),
    "required": ("vereiste deelnemers", "deelnemers", "required attendees"),
    "optional": ("optionele deelnemers", "optional attendees"),
    "organizer": ("organisator vergadering", "organisator", "meeting organizer"),
    "private": ("privé", "prive", "private"),
    "sensitivity": ("gevoeligheid", "sensitivity"),
    "show_as": ("tijd beschikbaar weergeven", "beschikbaarheid weergeven als", "show time as"),
}
REQUIRED = ("subject", "start_date")

_TRUE = {"waar", "true", "ja", "yes", "aan", "on", "1", "x"}
_SHOW_AS: dict[str, Availability] = {
    "0": "vrij",
    "1": "voorlopig",
    "2": "bezet",
    "3": "afwezig",
    "4": "elders",
    "vrij": "vrij",
    "free": "vrij",
    "voorlopig": "voorlopig",
    "tentative": "voorlopig",
    "bezet": "bezet",
    "busy": "bezet",
    "afwezig": "afwezig",
    "out of office": "afwezig",
    "elders aan het werk": "elders",
    "working elsewhere": "elders",
}
_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    lowered = [h.strip().strip('"').lower() for h in header]
    for field_name, names in COLUMNS.items():
        for index, name in enumerate(lowered):
            if name in names:
                found[field_name] = index
                break
    return found


def _parse_date(value: str, *, day_first: bool) -> date:
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value):
        return date.fromisoformat("-".join(p.zfill(2) for p in value.split("-")))
    parts = re.split(r"[-/.]", value)
    if len(parts) != 3 or not all(p.isascii() and p.isdigit() for p in parts):
        raise ValueError(value)
    first, second, year = (int(p) for p in parts)
    if year < 100:
        year += 2000
    day, month = (first, second) if day_first else (second, first)
    return date(year, month, day)


def _parse_time(value: str) -> time:
    value = value.strip().lower().replace(".", ":")
    if not value:
        return time(0)
    match = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?", value)
    if not match:
        raise ValueError(value)
    hour, minute = int(match.group(1)), int(match.group(2))
    meridiem = match.group(4)
    if meridiem == "pm" and hour < 12:
        hour += 12
    if meridiem == "am" and hour == 12:
        hour = 0
    return time(hour, minute)


def _people(value: str) -> tuple[str, ...]:
    addresses = _ADDRESS.findall(value)
    if addresses:
        return tuple(a.lower() for a in addresses)
    return tuple(p.strip() for p in value.split(";") if p.strip())


def _day_first(rows: list[list[str]], index: int) -> bool:
    """Dutch exports write 31-1-2025, US exports 1/31/2025; slashes suggest US order unless a
    first number above 12 proves otherwise."""
    slashes = False
    for row in rows[:500]:
        if index >= len(row):
            continue
        parts = re.split(r"[-/.]", row[index].strip())
        if len(parts) == 3 and all(p.isascii() and p.isdigit() for p in parts[:2]):
            if int(parts[0]) > 12:
                return True
            if int(parts[1]) > 12:
                return False
            slashes = slashes or "/" in row[index]
    return not slashes


def parse_outlook_csv(
    data: bytes,
    *,
    filename: str,
    tz: ZoneInfo,
    window_start: date | None = None,
    window_end: date | None = None,
) -> ParsedCalendar:
    """Every row as an occurrence, kept when it starts in [window_start, window_end) (a missing
    end is the file's own); the rest is counted in `left_out`."""
    text = decode_calendar_bytes(data, filename=filename)
    first_line = text.splitlines()[0] if text.splitlines() else ""
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as error:
        line = reader.line_num
        if "field larger than field limit" in str(error):
            raise CalendarImportError(
                f"{filename}: regel {line} heeft een veld van meer dan {MAX_FIELD_KIB} KiB; "
                "dat is geen agenda-export van Outlook. Er is niets opgeslagen."
            ) from error
        raise CalendarImportError(
            f"{filename}: regel {line} is geen geldige CSV-regel (bijvoorbeeld een "
            "aanhalingsteken dat niet wordt gesloten). Er is niets opgeslagen."
        ) from error
    if not rows:
        raise CalendarImportError(f"{filename}: het bestand is leeg.")
    columns = _columns(rows[0])
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise CalendarImportError(
            f"{filename}: dit is geen agenda-export van Outlook; de kolommen Onderwerp en "
            "Begindatum (of Subject en Start Date) ontbreken."
        )
    body = [row for row in rows[1:] if any(value.strip() for value in row)]
    if not body:
        raise CalendarImportError(f"{filename}: het bestand bevat geen afspraken.")
    day_first = _day_first(body, columns["start_date"])
    parsed = ParsedCalendar(
        filename=filename, kind="csv", window_start=window_start, window_end=window_end
    )
    seen: set[tuple[str, str]] = set()

    def cell(row: list[str], name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    for number, row in enumerate(body, start=2):
        title = cell(row, "subject")
        try:
            start_day = _parse_date(cell(row, "start_date"), day_first=day_first)
            end_day = (
                _parse_date(cell(row, "end_date"), day_first=day_first)
                if cell(row, "end_date")
                else start_day
            )
            all_day = cell(row, "all_day").lower() in _TRUE
            start_time = time(0) if all_day else _parse_time(cell(row, "start_time"))
            end_time = time(0) if all_day else _parse_time(cell(row, "end_time"))
        except ValueError as error:
            raise CalendarImportError(
                f"{filename}: regel {number} ('{title[:60]}') heeft een onleesbare datum of "
                f"tijd: '{error}'."
            ) from error
        start = datetime.combine(start_day, start_time, tzinfo=tz)
        end = datetime.combine(end_day, end_time, tzinfo=tz)
        if all_day and end <= start:
            end = start + timedelta(days=1)
        if end < start:
            end = start
        key = start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        uid = "csv-" + hashlib.blake2b(title.lower().encode(), digest_size=10).hexdigest()
        if (uid, key) in seen:
            continue
        seen.add((uid, key))
        show_as = cell(row, "show_as").lower()
        availability: Availability = _SHOW_AS.get(show_as, "bezet")
        categories = tuple(
            c.strip() for c in re.split(r"[;,]", cell(row, "categories")) if c.strip()
        )
        sensitivity = cell(row, "sensitivity").lower()
        attendees = _people(cell(row, "required")) + _people(cell(row, "optional"))
        organizer = _people(cell(row, "organizer"))
        parsed.occurrences.append(
            Occurrence(
                uid=uid,
                recurrence_key=key,
                start=start,
                end=end,
                title=title,
                all_day=all_day,
                location=cell(row, "location"),
                categories=categories,
                attendees=attendees,
                organizer=organizer[0] if organizer else "",
                availability=availability,
                private=cell(row, "private").lower() in _TRUE
                or sensitivity in {"privé", "prive", "private", "vertrouwelijk", "confidential"},
                recurring=False,
            )
        )
    parsed.occurrences.sort(key=lambda o: (o.start, o.uid))
    if parsed.occurrences:
        parsed.file_start = parsed.occurrences[0].start.date()
        parsed.file_end = max(o.start.date() for o in parsed.occurrences) + timedelta(days=1)
    parsed.window_start = window_start if window_start is not None else parsed.file_start
    parsed.window_end = window_end if window_end is not None else parsed.file_end
    if parsed.window_start is not None and parsed.window_end is not None:
        inside = [
            o
            for o in parsed.occurrences
            if parsed.window_start <= o.start.date() < parsed.window_end
        ]
        parsed.left_out = len(parsed.occurrences) - len(inside)
        parsed.occurrences = inside
    parsed.occurrences = cap_import(parsed.occurrences, parsed)
    return parsed
