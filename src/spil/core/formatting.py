"""Dutch number, date and plural formatting for every app (pure; no Django).

decimal_nl(2.25)            -> "2,3"
hours_nl(95)                -> "1,6"       (minutes as hours, one decimal)
percent_nl(33.333)          -> "33%"
count_nl(1, "afspraak", "afspraken") -> "1 afspraak"
date_nl(date(2025, 1, 6))   -> "6 januari 2025"
date_short_nl(date(2025, 1, 6)) -> "6 jan 2025"
join_nl(["a", "b", "c"])    -> "a, b en c"
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
MONTHS_SHORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def decimal_nl(value: float, digits: int = 1) -> str:
    """A number with a decimal comma and thousands separated by a point."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def hours_nl(minutes: float, digits: int = 1) -> str:
    return decimal_nl(minutes / 60, digits)


def percent_nl(value: float, digits: int = 0) -> str:
    return f"{decimal_nl(value, digits)}%"


def count_nl(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def date_nl(day: date, *, weekday: bool = False) -> str:
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def date_short_nl(day: date) -> str:
    return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"


def join_nl(items: Sequence[str]) -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"
