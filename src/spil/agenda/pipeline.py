"""From a calendar file to classified items and an analysis, without storage. Shared by the
import service, `spil agenda analyse` and the benchmark."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import PurePath
from zoneinfo import ZoneInfo

from .analysis import Analysis, Item, Thresholds, analyse
from .classification import Classification, Classifier, infer_own_domains
from .csv_import import parse_outlook_csv
from .ics_import import as_utf8, default_window, parse_ics
from .parsed import CalendarImportError, Occurrence, ParsedCalendar


def calendar_kind(filename: str, data: bytes) -> str:
    suffix = PurePath(filename).suffix.lower()
    if suffix in {".ics", ".ical", ".ifb", ".icalendar"}:
        return "ics"
    if suffix == ".csv":
        return "csv"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \r\n\t").upper()
    if head.startswith(b"BEGIN:VCALENDAR"):
        return "ics"
    raise CalendarImportError(
        f"{filename}: dit bestand is geen agenda; Spil leest ICS-bestanden (.ics) en "
        "Outlook-exports in CSV (.csv)."
    )


def parse_calendar_file(
    data: bytes,
    *,
    filename: str,
    tz: ZoneInfo,
    today: date,
    van: date | None = None,
    tot: date | None = None,
) -> ParsedCalendar:
    """Parse ICS or CSV over the period the file covers, or over [van, tot] (inclusive) when
    the user chose one; then `left_out` counts the file's appointments outside that choice."""
    data = as_utf8(data, filename=filename)
    kind = calendar_kind(filename, data)
    start = van
    end = tot + timedelta(days=1) if tot is not None else None
    if start is not None and end is not None and end <= start:
        raise CalendarImportError(f"{filename}: de einddatum ligt voor de begindatum.")
    if kind == "ics":
        parsed = parse_ics(
            data, filename=filename, tz=tz, window_start=start, window_end=end, today=today
        )
    else:
        parsed = parse_outlook_csv(
            data, filename=filename, tz=tz, window_start=start, window_end=end
        )
    if parsed.window_start is None or parsed.window_end is None:  # nothing dated in the file
        parsed.window_start, parsed.window_end = default_window(today)
    return parsed


def to_item(occurrence: Occurrence, verdict: Classification) -> Item:
    return Item(
        uid=occurrence.uid,
        start=occurrence.start,
        end=occurrence.end,
        title=occurrence.title,
        domain=verdict.domain,
        all_day=occurrence.all_day,
        availability=occurrence.availability,
        personal=verdict.personal,
    )


def classify_all(
    occurrences: list[Occurrence], classifier: Classifier | None = None
) -> list[tuple[Occurrence, Classification]]:
    if classifier is None:
        classifier = Classifier(own_domains=infer_own_domains(occurrences))
    return [(occurrence, classifier.classify(occurrence)) for occurrence in occurrences]


def analyse_parsed(
    parsed: ParsedCalendar,
    classified: list[tuple[Occurrence, Classification]],
    *,
    target: dict[str, float] | None = None,
    thresholds: Thresholds | None = None,
) -> Analysis:
    start = parsed.window_start or min(o.start.date() for o, _ in classified)
    end = (
        (parsed.window_end - timedelta(days=1))
        if parsed.window_end
        else max(o.end.date() for o, _ in classified)
    )
    return analyse(
        (to_item(o, v) for o, v in classified),
        start=start,
        end=end,
        target=target,
        thresholds=thresholds,
    )


def json_report(classified: list[tuple[Occurrence, Classification]], analysis: Analysis) -> dict:
    """The `spil agenda analyse --json` contract."""
    afspraken = []
    for occurrence, verdict in classified:
        afspraken.append(
            {
                "uid": occurrence.uid,
                "start": occurrence.start.isoformat(),
                "eind": occurrence.end.isoformat(),
                "onderwerp": occurrence.title,
                "domein": verdict.domain,
                "reden": verdict.reason,
            }
        )
    data = analysis.as_dict()
    return {
        "afspraken": afspraken,
        "totalen": data["totalen"],
        "weken": data["weken"],
        "signalen": data["signalen"],
    }
