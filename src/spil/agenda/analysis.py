"""Where the time goes: totals and shares per week, month and period, and warning signals.

Pure: works on `Item`s (an occurrence with its domain) in local time. Free ("vrij")
appointments are shown elsewhere but never count as booked time. An all-day appointment counts
as one working day per working day it covers (a day of leave is a day, not 24 hours). All-day
leave is kept apart as well (`leave_minutes`, `leave_days`): the totals keep it under overig,
but the mirror shows it in days, and work on a leave day is its own signal, not after-hours work.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from .classification import DOMAIN_LABELS, DOMAINS, WORK_DOMAINS
from .reference import DEFAULT_TARGET, SURVEY_CITATION, SURVEY_SHARES


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
class Signal:
    kind: str
    title: str
    description: str
    days: list[str] = field(default_factory=list)
    weeks: list[str] = field(default_factory=list)
    details: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "soort": self.kind,
            "titel": self.title,
            "omschrijving": self.description,
            "dagen": self.days,
            "weken": self.weeks,
            "details": self.details,
        }


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


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _hhmm(value: datetime) -> str:
    return value.strftime("%H:%M")


def _signals(days: list[_Day], weeks: list[Bucket], t: Thresholds) -> list[Signal]:
    signals: list[Signal] = []

    overfull_days = [
        d
        for d in days
        if d.working_minutes and d.booked_minutes / d.working_minutes > t.overfull_day
    ]
    if overfull_days:
        signals.append(
            Signal(
                "overvolle_dag",
                "Overvolle dagen",
                f"{_count(len(overfull_days), 'dag', 'dagen')} waarop meer dan "
                f"{t.overfull_day:.0%} van de werktijd vastligt.",
                days=[d.day.isoformat() for d in overfull_days],
                weeks=sorted({iso_week(d.day) for d in overfull_days}),
                details=[
                    {
                        "dag": d.day.isoformat(),
                        "aandeel": round(d.booked_minutes / d.working_minutes, 2),
                    }
                    for d in overfull_days
                ],
            )
        )

    overfull_weeks = [
        w
        for w in weeks
        if w.working_minutes and w.booked_minutes / w.working_minutes > t.overfull_week
    ]
    if overfull_weeks:
        signals.append(
            Signal(
                "overvolle_week",
                "Overvolle weken",
                f"{_count(len(overfull_weeks), 'week', 'weken')} waarin meer dan "
                f"{t.overfull_week:.0%} van de werktijd vastligt.",
                weeks=[w.key for w in overfull_weeks],
                details=[
                    {"week": w.key, "aandeel": round(w.booked_minutes / w.working_minutes, 2)}
                    for w in overfull_weeks
                ],
            )
        )

    chains: list[dict] = []
    runs: list[dict] = []
    for d in days:
        timed = sorted(
            (i for i in d.timed if counts(i) and not i.personal and i.availability != "afwezig"),
            key=lambda i: (i.start, i.end),
        )
        chain: list[Item] = []
        run: list[Item] = []
        chain_end: datetime | None = None
        for item in timed:
            back_to_back = chain_end is not None and (
                (item.start - chain_end).total_seconds() < t.break_minutes * 60
            )
            if not back_to_back:
                _close_chain(chain, chains, t, d.day)
                _close_run(run, runs, t, d.day)
                chain, run = [], []
            chain.append(item)
            if item.domain == "omgeving":
                run.append(item)
            else:
                _close_run(run, runs, t, d.day)
                run = []
            chain_end = (
                item.end if chain_end is None or not back_to_back else max(chain_end, item.end)
            )
        _close_chain(chain, chains, t, d.day)
        _close_run(run, runs, t, d.day)
    if chains:
        signals.append(
            Signal(
                "keten",
                "Afspraken zonder echte pauze",
                f"{len(chains)} keer {t.chain_length} of meer afspraken achter elkaar zonder "
                f"pauze van {t.break_minutes} minuten.",
                days=sorted({c["dag"] for c in chains}),
                weeks=sorted({iso_week(date.fromisoformat(c["dag"])) for c in chains}),
                details=chains,
            )
        )
    if runs:
        signals.append(
            Signal(
                "externe_reeks",
                "Externe contacten achter elkaar",
                f"{len(runs)} keer {t.external_run} of meer externe afspraken direct na elkaar.",
                days=sorted({r["dag"] for r in runs}),
                weeks=sorted({iso_week(date.fromisoformat(r["dag"])) for r in runs}),
                details=runs,
            )
        )

    no_room = [
        w
        for w in weeks
        if w.working_minutes and w.unplanned_minutes / w.working_minutes < t.min_unplanned_share
    ]
    if no_room:
        signals.append(
            Signal(
                "geen_ruimte",
                "Weken zonder ruimte voor het onverwachte",
                f"{_count(len(no_room), 'week', 'weken')} met minder dan "
                f"{t.min_unplanned_share:.0%} vrije werktijd in blokken van "
                f"{t.unplanned_block_minutes} minuten of meer.",
                weeks=[w.key for w in no_room],
                details=[
                    {"week": w.key, "ongepland_minuten": w.unplanned_minutes} for w in no_room
                ],
            )
        )

    late = [d for d in days if d.after_hours_minutes >= t.after_hours_minutes]
    if late:
        signals.append(
            Signal(
                "buiten_werktijd",
                "Werk buiten werktijd",
                f"{_count(len(late), 'dag', 'dagen')} met minstens {t.after_hours_minutes} "
                f"minuten werkafspraken voor {t.workday_start:%H:%M}, na "
                f"{t.workday_end:%H:%M} of in het weekend (samen "
                f"{_hours_nl(sum(d.after_hours_minutes for d in late))} uur); dagen waarop je "
                "verlof had tellen hier niet mee.",
                days=[d.day.isoformat() for d in late],
                weeks=sorted({iso_week(d.day) for d in late}),
                details=[
                    {"dag": d.day.isoformat(), "minuten": d.after_hours_minutes} for d in late
                ],
            )
        )

    during_leave = [d for d in days if d.leave_work]
    if during_leave:
        details = [
            {
                "dag": d.day.isoformat(),
                "minuten": sum(_minutes_on(i, d.day) for i in d.leave_work),
                "onderwerpen": [i.title for i in d.leave_work],
            }
            for d in during_leave
        ]
        signals.append(
            Signal(
                "werk_tijdens_verlof",
                "Werkafspraken tijdens verlof",
                f"{_count(len(during_leave), 'dag', 'dagen')} waarop je verlof had en toch "
                f"werkafspraken in je agenda stonden (samen "
                f"{_hours_nl(sum(x['minuten'] for x in details))} uur).",
                days=[d.day.isoformat() for d in during_leave],
                weeks=sorted({iso_week(d.day) for d in during_leave}),
                details=details,
            )
        )
    return signals


def _minutes_on(item: Item, day: date) -> int:
    """Minutes of a timed appointment on the day it starts (an evening can run past midnight)."""
    midnight = datetime.combine(day + timedelta(days=1), time(0), tzinfo=item.start.tzinfo)
    return max(0, int((min(item.end, midnight) - item.start).total_seconds() // 60))


def _close_chain(chain: list[Item], out: list[dict], t: Thresholds, day: date) -> None:
    if len(chain) >= t.chain_length:
        out.append(
            {
                "dag": day.isoformat(),
                "van": _hhmm(chain[0].start),
                "tot": _hhmm(max(i.end for i in chain)),
                "aantal": len(chain),
            }
        )


def _close_run(run: list[Item], out: list[dict], t: Thresholds, day: date) -> None:
    if len(run) >= t.external_run:
        out.append(
            {
                "dag": day.isoformat(),
                "van": _hhmm(run[0].start),
                "tot": _hhmm(max(i.end for i in run)),
                "aantal": len(run),
                "onderwerpen": [i.title for i in run],
            }
        )


def _hours_nl(minutes: int) -> str:
    """Hours with one decimal and a Dutch comma, as the mirror's tables show them (1,5 not 1)."""
    return f"{minutes / 60:.1f}".replace(".", ",")
