"""Warning signals: overfull days and weeks, chains, external runs, no room left."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from .items import Item, Thresholds, counts, iso_week
from .records import Bucket, _Day


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
