"""Appointments as counted time: what counts, per day, leave, and weeks and months."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..classification import DOMAINS, WORK_DOMAINS


@dataclass(frozen=True)
class Item:
    uid: str
    start: datetime  # aware, local
    end: datetime
    title: str
    domain: str
    all_day: bool = False
    availability: str = "bezet"
    personal: bool = False


@dataclass(frozen=True)
class Thresholds:
    workday_start: time = time(8, 30)
    workday_end: time = time(17, 30)
    workdays: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday = 0
    overfull_day: float = 0.85  # booked share of a working day
    overfull_week: float = 0.75  # booked share of the week's working time
    break_minutes: int = 15  # a gap shorter than this is no real break
    chain_length: int = 3  # appointments in a row without a real break
    external_run: int = 2  # external contacts back-to-back
    unplanned_block_minutes: int = 30  # free time shorter than this is not usable
    min_unplanned_share: float = 0.15  # below this share of free working time: a signal
    after_hours_minutes: int = 30  # work outside working hours on one day

    @property
    def workday_minutes(self) -> int:
        return _minutes_between(self.workday_start, self.workday_end)

    def as_dict(self) -> dict:
        return {
            "werkdag_begin": self.workday_start.strftime("%H:%M"),
            "werkdag_eind": self.workday_end.strftime("%H:%M"),
            "werkdagen": list(self.workdays),
            "overvolle_dag": self.overfull_day,
            "overvolle_week": self.overfull_week,
            "pauze_minuten": self.break_minutes,
            "keten_lengte": self.chain_length,
            "externe_reeks": self.external_run,
            "ongepland_blok_minuten": self.unplanned_block_minutes,
            "min_ongepland_aandeel": self.min_unplanned_share,
            "buiten_werktijd_minuten": self.after_hours_minutes,
        }


def _minutes_between(start: time, end: time) -> int:
    return max(0, (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute))


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_key(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def counts(item: Item) -> bool:
    """Does this appointment occupy time? Free appointments do not."""
    return item.availability != "vrij"


def minutes_by_day(item: Item, thresholds: Thresholds) -> list[tuple[date, int]]:
    """The minutes an appointment counts for, per day."""
    if not counts(item):
        return []
    if item.all_day:
        out = []
        day = item.start.date()
        last = max(day, item.end.date() - timedelta(days=1))
        while day <= last:
            if day.weekday() in thresholds.workdays:
                out.append((day, thresholds.workday_minutes))
            day += timedelta(days=1)
        return out
    out = []
    cursor = item.start
    while cursor < item.end:
        next_midnight = datetime.combine(
            cursor.date() + timedelta(days=1), time(0), tzinfo=cursor.tzinfo
        )
        piece_end = min(item.end, next_midnight)
        out.append((cursor.date(), int((piece_end - cursor).total_seconds() // 60)))
        cursor = piece_end
    return out


def is_leave(item: Item) -> bool:
    """An all-day absence of the user's own: leave, a day off, illness. An all-day appointment
    marked out-of-office but classified as work (a congress, a working visit) is no leave."""
    return (
        item.all_day
        and counts(item)
        and item.domain == "overig"
        and (item.availability == "afwezig" or item.personal)
    )


def without_leave(minutes: dict[str, int], leave_minutes: int) -> dict[str, int]:
    """Minutes per domain with all-day leave taken out of overig: what the mirror's charts and
    tables show, so that a week of leave does not drown the weeks around it."""
    out = dict(minutes)
    out["overig"] = max(0, out["overig"] - leave_minutes)
    return out


def counted_minutes(item: Item, thresholds: Thresholds) -> int:
    return sum(minutes for _day, minutes in minutes_by_day(item, thresholds))


def _empty_totals() -> dict[str, int]:
    return {domain: 0 for domain in DOMAINS}


def shares(totals: dict[str, int]) -> dict[str, float]:
    """Percent of the three-way split (overig excluded); zeros when nothing was booked."""
    work = sum(totals[d] for d in WORK_DOMAINS)
    if not work:
        return {d: 0.0 for d in WORK_DOMAINS}
    return {d: round(100 * totals[d] / work, 1) for d in WORK_DOMAINS}
