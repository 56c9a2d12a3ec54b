"""Where the time goes: totals and shares per week, month and period, and warning signals.

Pure: works on `Item`s (an occurrence with its domain) in local time. Free ("vrij")
appointments are shown elsewhere but never count as booked time. An all-day appointment counts
as one working day per working day it covers (a day of leave is a day, not 24 hours). All-day
leave is kept apart as well (`leave_minutes`, `leave_days`): the totals keep it under overig,
but the mirror shows it in days, and work on a leave day is its own signal, not after-hours work.
"""

# Split along its jobs; every public name stays importable from spil.agenda.analysis.
from .items import (
    Item,
    Thresholds,
    counted_minutes,
    counts,
    is_leave,
    iso_week,
    minutes_by_day,
    month_key,
    shares,
    without_leave,
)
from .periods import Analysis, analyse
from .records import Bucket
from .signals import Signal

__all__ = [
    "Analysis",
    "Bucket",
    "Item",
    "Signal",
    "Thresholds",
    "analyse",
    "counted_minutes",
    "counts",
    "is_leave",
    "iso_week",
    "minutes_by_day",
    "month_key",
    "shares",
    "without_leave",
]
