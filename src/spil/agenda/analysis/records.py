"""The per-day and per-period records the analysis fills and the signals read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .items import Item, _empty_totals, shares


@dataclass
class Bucket:
    key: str
    start: date
    end: date  # inclusive
    totals: dict[str, int] = field(default_factory=_empty_totals)
    working_minutes: int = 0  # available: working days minus days of absence
    booked_minutes: int = 0  # union of booked time within working hours
    unplanned_minutes: int = 0  # usable free blocks within working hours
    leave_minutes: int = 0  # the part of totals["overig"] that is all-day leave
    leave_days: int = 0  # working days on leave

    def as_dict(self) -> dict:
        booked_share = (
            round(self.booked_minutes / self.working_minutes, 3) if self.working_minutes else 0.0
        )
        return {
            "sleutel": self.key,
            "van": self.start.isoformat(),
            "tot": self.end.isoformat(),
            "minuten": dict(self.totals),
            "aandelen": shares(self.totals),
            "werktijd_minuten": self.working_minutes,
            "geboekt_minuten": self.booked_minutes,
            "geboekt_aandeel": booked_share,
            "ongepland_minuten": self.unplanned_minutes,
            "verlof_minuten": self.leave_minutes,
            "verlof_dagen": self.leave_days,
        }


@dataclass
class _Day:
    day: date
    timed: list[Item] = field(default_factory=list)
    on_leave: bool = False
    all_day_booked: bool = False
    booked_minutes: int = 0
    unplanned_minutes: int = 0
    working_minutes: int = 0
    after_hours_minutes: int = 0
    leave_work: list[Item] = field(default_factory=list)  # work booked on a day of leave
