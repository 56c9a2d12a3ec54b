"""Totals and shares per week, month and period: the analysis itself."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..classification import DOMAIN_LABELS, WORK_DOMAINS
from ..reference import DEFAULT_TARGET, SURVEY_CITATION, SURVEY_SHARES
from .items import (
    Item,
    Thresholds,
    _empty_totals,
    is_leave,
    iso_week,
    minutes_by_day,
    month_key,
    shares,
)
from .records import Bucket, _Day
from .signals import Signal, _count, _hours_nl, _signals


@dataclass
class Analysis:
    start: date
    end: date  # inclusive
    totals: dict[str, int]
    weeks: list[Bucket]
    months: list[Bucket]
    signals: list[Signal]
    target: dict[str, float]
    thresholds: Thresholds

    @property
    def shares(self) -> dict[str, float]:
        return shares(self.totals)

    @property
    def leave_minutes(self) -> int:
        return sum(w.leave_minutes for w in self.weeks)

    @property
    def leave_days(self) -> int:
        return sum(w.leave_days for w in self.weeks)

    def comparison(self) -> list[dict]:
        """Per work domain: own share, target and the survey figure, in percent."""
        own = self.shares
        return [
            {
                "domein": domain,
                "label": DOMAIN_LABELS[domain],
                "aandeel": own[domain],
                "doel": round(self.target[domain], 1),
                "verschil_doel": round(own[domain] - self.target[domain], 1),
                "referentie": SURVEY_SHARES[domain],
            }
            for domain in WORK_DOMAINS
        ]

    def conclusion(self) -> str:
        """The mirror's opening line: where the hours went and whether anything needs a look."""
        work = sum(self.totals[d] for d in WORK_DOMAINS)
        days_off = _count(self.leave_days, "verlofdag", "verlofdagen")
        if not work:
            leave = f" (wel {days_off})" if self.leave_days else ""
            return (
                f"In deze periode staan geen afspraken voor college, organisatie of omgeving"
                f"{leave}."
            )
        leave = f" (naast {days_off})" if self.leave_days else ""
        largest = max(self.comparison(), key=lambda r: r["aandeel"])
        n = len(self.signals)
        attention = (
            f"{_count(n, 'signaal', 'signalen')} {'vraagt' if n == 1 else 'vragen'} aandacht"
            if n
            else "er zijn geen signalen met jouw drempels"
        )
        return (
            f"Van je {_hours_nl(work)} uur aan college, organisatie en omgeving{leave} ging het "
            f"meeste naar {largest['label'].lower()} ({largest['aandeel']:.0f}%); {attention}."
        )

    def shares_summary(self) -> str:
        """One sentence for the share chart: the domain furthest from the target, with the
        target and the survey figure the chart sets it against."""
        work = sum(self.totals[d] for d in WORK_DOMAINS)
        if not work:
            return "In deze periode staan geen afspraken voor college, organisatie of omgeving."
        furthest = max(self.comparison(), key=lambda r: abs(r["verschil_doel"]))
        direction = "boven" if furthest["verschil_doel"] > 0 else "onder"
        return (
            f"{furthest['label']} ligt met {furthest['aandeel']:.0f}% het verst van je doel: "
            f"{abs(furthest['verschil_doel']):.0f} procentpunt {direction} de "
            f"{furthest['doel']:.0f}% die je wilt, bij een enquêtegemiddelde van ongeveer "
            f"{furthest['referentie']}%."
        )

    def as_dict(self) -> dict:
        return {
            "van": self.start.isoformat(),
            "tot": self.end.isoformat(),
            "totalen": dict(self.totals),
            "aandelen": self.shares,
            "verlof_minuten": self.leave_minutes,
            "verlof_dagen": self.leave_days,
            "vergelijking": self.comparison(),
            "referentie_bron": SURVEY_CITATION,
            "weken": [w.as_dict() for w in self.weeks],
            "maanden": [m.as_dict() for m in self.months],
            "signalen": [s.as_dict() for s in self.signals],
            "drempels": self.thresholds.as_dict(),
        }


def _merge(intervals: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    merged: list[tuple[datetime, datetime]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def analyse(
    items: Iterable[Item],
    *,
    start: date,
    end: date,
    target: dict[str, float] | None = None,
    thresholds: Thresholds | None = None,
) -> Analysis:
    """Analyse the appointments that fall on days in [start, end] (inclusive)."""
    thresholds = thresholds or Thresholds()
    target = dict(target or DEFAULT_TARGET)
    totals = _empty_totals()
    days: dict[date, _Day] = {}

    def day_of(d: date) -> _Day:
        found = days.get(d)
        if found is None:
            found = days[d] = _Day(d)
        return found

    weeks: dict[str, Bucket] = {}
    months: dict[str, Bucket] = {}

    def bucket(store: dict[str, Bucket], key: str, first: date, last: date) -> Bucket:
        found = store.get(key)
        if found is None:
            found = store[key] = Bucket(key, first, last)
        return found

    def week_bucket(d: date) -> Bucket:
        monday = d - timedelta(days=d.weekday())
        return bucket(weeks, iso_week(d), monday, monday + timedelta(days=6))

    def month_bucket(d: date) -> Bucket:
        first = d.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return bucket(months, month_key(d), first, last)

    for item in items:
        leave = is_leave(item)
        if leave:
            # Every day the leave covers, the weekend in between too: work on a Saturday of a
            # holiday is work during leave, not a weekend evening.
            d = max(start, item.start.date())
            last = min(end, max(item.start.date(), item.end.date() - timedelta(days=1)))
            while d <= last:
                day_of(d).on_leave = True
                d += timedelta(days=1)
        for d, minutes in minutes_by_day(item, thresholds):
            if d < start or d > end:
                continue
            totals[item.domain] += minutes
            for store in (week_bucket(d), month_bucket(d)):
                store.totals[item.domain] += minutes
                if leave:
                    store.leave_minutes += minutes
            record = day_of(d)
            if item.all_day:
                if not leave:
                    record.all_day_booked = True
            elif d == item.start.date():
                record.timed.append(item)

    # Every day of the period gets its working time, also days without appointments.
    d = start
    while d <= end:
        week_bucket(d)
        month_bucket(d)
        record = day_of(d)
        _measure_day(record, thresholds)
        for store in (week_bucket(d), month_bucket(d)):
            store.working_minutes += record.working_minutes
            store.booked_minutes += record.booked_minutes
            store.unplanned_minutes += record.unplanned_minutes
            if record.on_leave and d.weekday() in thresholds.workdays:
                store.leave_days += 1
        d += timedelta(days=1)

    week_list = [weeks[k] for k in sorted(weeks)]
    month_list = [months[k] for k in sorted(months)]
    ordered_days = [days[k] for k in sorted(days) if start <= k <= end]
    signals = _signals(ordered_days, week_list, thresholds)
    return Analysis(start, end, totals, week_list, month_list, signals, target, thresholds)


def _measure_day(record: _Day, thresholds: Thresholds) -> None:
    if record.day.weekday() not in thresholds.workdays or record.on_leave:
        record.working_minutes = 0
    else:
        record.working_minutes = thresholds.workday_minutes
    tz = record.timed[0].start.tzinfo if record.timed else None
    work_start = datetime.combine(record.day, thresholds.workday_start, tzinfo=tz)
    work_end = datetime.combine(record.day, thresholds.workday_end, tzinfo=tz)
    busy = [(i.start, min(i.end, work_end + timedelta(days=1))) for i in record.timed]
    if record.working_minutes:
        if record.all_day_booked:
            record.booked_minutes = record.working_minutes
        else:
            inside = [
                (max(s, work_start), min(e, work_end))
                for s, e in _merge(busy)
                if e > work_start and s < work_end
            ]
            record.booked_minutes = sum(int((e - s).total_seconds() // 60) for s, e in inside)
            cursor = work_start
            free = 0
            for s, e in [*inside, (work_end, work_end)]:
                gap = int((s - cursor).total_seconds() // 60)
                if gap >= thresholds.unplanned_block_minutes:
                    free += gap
                cursor = max(cursor, e)
            record.unplanned_minutes = free
    # Work outside working hours: personal appointments do not count, and on a day of leave
    # all work is outside working hours; that gets its own signal.
    after = 0
    for item in record.timed:
        if item.personal or item.availability == "afwezig":
            continue
        if record.on_leave:
            record.leave_work.append(item)
            continue
        s, e = (
            item.start,
            min(
                item.end,
                datetime.combine(record.day + timedelta(days=1), time(0), tzinfo=item.start.tzinfo),
            ),
        )
        total = int((e - s).total_seconds() // 60)
        if record.day.weekday() not in thresholds.workdays:
            after += total
            continue
        inside_start = max(
            s, datetime.combine(record.day, thresholds.workday_start, tzinfo=s.tzinfo)
        )
        inside_end = min(e, datetime.combine(record.day, thresholds.workday_end, tzinfo=s.tzinfo))
        inside = max(0, int((inside_end - inside_start).total_seconds() // 60))
        after += total - inside
    record.after_hours_minutes = after
