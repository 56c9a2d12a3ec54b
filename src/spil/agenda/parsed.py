"""What the calendar readers hand to classification, analysis and storage: one record per
occurrence, already expanded and in the user's local time zone."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

# How the appointment blocks the calendar: Outlook's "show time as".
Availability = Literal["bezet", "voorlopig", "vrij", "afwezig", "elders"]


@dataclass(frozen=True)
class Occurrence:
    uid: str
    # Identifies the occurrence within its series: the original start (RECURRENCE-ID) in UTC,
    # so that a moved occurrence keeps its identity.
    recurrence_key: str
    start: datetime  # aware, local time zone
    end: datetime
    title: str
    all_day: bool = False
    location: str = ""
    categories: tuple[str, ...] = ()
    attendees: tuple[str, ...] = ()  # mail addresses (lower case) or, from CSV, names
    organizer: str = ""
    availability: Availability = "bezet"
    private: bool = False
    recurring: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return (self.uid, self.recurrence_key)

    @property
    def minutes(self) -> int:
        return max(0, int((self.end - self.start).total_seconds() // 60))

    def fingerprint(self) -> str:
        """Changes whenever anything stored about the occurrence changes."""
        parts = [
            self.start.isoformat(),
            self.end.isoformat(),
            self.title,
            str(self.all_day),
            self.location,
            "|".join(self.categories),
            "|".join(self.attendees),
            self.organizer,
            self.availability,
            str(self.private),
            str(self.recurring),
        ]
        return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest()


@dataclass
class ParsedCalendar:
    filename: str
    kind: Literal["ics", "csv"]
    occurrences: list[Occurrence] = field(default_factory=list)
    # The calendar's own name (X-WR-CALNAME) when the export carries one.
    name: str = ""
    window_start: date | None = None
    window_end: date | None = None
    skipped_cancelled: int = 0
    # The period the file itself covers, [file_start, file_end), and how many of its
    # occurrences fell outside a period the user chose instead.
    file_start: date | None = None
    file_end: date | None = None
    left_out: int = 0
    # Dutch remarks for the user about what the reader changed or left out: duplicate UIDs,
    # series capped at MAX_PER_SERIES occurrences, an import capped at MAX_PER_IMPORT.
    notices: list[str] = field(default_factory=list)


# Bounds on what one file may make Spil compute and store: a 200-byte rule that repeats every
# second must not become millions of rows.
MAX_PER_SERIES = 3_000  # occurrences of one recurring series (15-minute slots for a month)
MAX_PER_IMPORT = 150_000  # occurrences of one file in all
MAX_UID_LENGTH = 500  # as stored (Afspraak.uid)


def storable_uid(uid: str) -> str:
    """The UID as stored: unchanged up to MAX_UID_LENGTH characters, else a prefix plus a hash
    of the whole, so that a re-import finds the same row."""
    if len(uid) <= MAX_UID_LENGTH:
        return uid
    digest = hashlib.blake2b(uid.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return f"{uid[: MAX_UID_LENGTH - 40]}~{digest}"


def count_nl(number: int) -> str:
    """12345 -> '12.345' (Dutch thousands separator), without Django."""
    return f"{number:,}".replace(",", ".")


class CalendarImportError(Exception):
    """A calendar file that cannot be read. The message is Dutch and names the file."""
