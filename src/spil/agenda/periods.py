"""Periods for the mirror: recognising a week, month, quarter or year, stepping to the previous
or next one, and the usual presets. Pure: no Django."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .ics_import import add_months

UNITS = ("week", "maand", "kwartaal", "jaar")
UNIT_LABELS = {"week": "Week", "maand": "Maand", "kwartaal": "Kwartaal", "jaar": "Jaar"}
_MONTHS = {"maand": 1, "kwartaal": 3, "jaar": 12}


@dataclass(frozen=True)
class Period:
    van: date
    tot: date  # inclusive
    label: str = ""


def containing(day: date, unit: str) -> Period:
    """The week (Monday–Sunday), month, quarter or year that contains `day`."""
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return Period(monday, monday + timedelta(days=6))
    if unit == "maand":
        start = day.replace(day=1)
    elif unit == "kwartaal":
        start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    elif unit == "jaar":
        start = date(day.year, 1, 1)
    else:
        raise ValueError(unit)
    return Period(start, add_months(start, _MONTHS[unit]) - timedelta(days=1))


def unit_of(van: date, tot: date) -> str | None:
    """Which whole unit [van, tot] is, if any."""
    for unit in UNITS:
        whole = containing(van, unit)
        if (whole.van, whole.tot) == (van, tot):
            return unit
    return None


def shifted(van: date, tot: date, steps: int) -> Period:
    """The period `steps` units (or, for an arbitrary period, lengths) later or earlier."""
    unit = unit_of(van, tot)
    if unit == "week":
        return Period(van + timedelta(weeks=steps), tot + timedelta(weeks=steps))
    if unit is not None:
        start = add_months(van, steps * _MONTHS[unit])
        return containing(start, unit)
    length = (tot - van).days + 1
    return Period(van + timedelta(days=steps * length), tot + timedelta(days=steps * length))


def presets(today: date) -> list[Period]:
    """The choices most people want, ending today at the latest where it makes sense."""
    quarter = containing(today, "kwartaal")
    previous_quarter = shifted(quarter.van, quarter.tot, -1)
    year = containing(today, "jaar")
    return [
        Period(*_span(containing(today, "week")), label="deze week"),
        Period(*_span(containing(today, "maand")), label="deze maand"),
        Period(quarter.van, quarter.tot, label="dit kwartaal"),
        Period(previous_quarter.van, previous_quarter.tot, label="vorig kwartaal"),
        Period(year.van, year.tot, label="dit jaar"),
        Period(add_months(today, -12) + timedelta(days=1), today, label="afgelopen 12 maanden"),
    ]


def _span(period: Period) -> tuple[date, date]:
    return period.van, period.tot
