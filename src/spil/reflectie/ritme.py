"""The rhythm (no Django): which reflection is due, and which questions it asks.

Three rhythms: a weekly check-in, a monthly aspect and a quarterly review of the three
dimensions. Each has one period at a time (ISO week, month, quarter); it is due while that
period has no finished entry, the rhythm is on and it is not snoozed. No rotating question
comes back within eight weeks of being asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from .vragen import ASPECTEN, DIMENSIES, WEEKVRAGEN, Vraag, aspect_vragen, dimensie_vragen

WEEK = "week"
MAAND = "maand"
KWARTAAL = "kwartaal"
RITMES = (WEEK, MAAND, KWARTAAL)
# Not a rhythm: an entry made on request after an exercise in oefenen. It is never due.
OEFENING = "oefening"
RITME_LABELS = {
    WEEK: "Wekelijkse check-in",
    MAAND: "Aspect van de maand",
    KWARTAAL: "Kwartaalterugblik",
    OEFENING: "Na een oefening",
}
RITME_DUUR = {WEEK: "drie minuten", MAAND: "een kwartier", KWARTAAL: "een half uur"}
NO_REPEAT = timedelta(weeks=8)
WEEKLY_ROTATING = 1  # rotating aspect questions in a weekly check-in, next to the fixed two
MONTHLY_QUESTIONS = 3


def period_key(ritme: str, day: date) -> str:
    if ritme == WEEK:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if ritme == MAAND:
        return f"{day.year}-{day.month:02d}"
    if ritme == KWARTAAL:
        return f"{day.year}-K{(day.month - 1) // 3 + 1}"
    raise ValueError(f"onbekend ritme: {ritme}")


def period_label(ritme: str, key: str) -> str:
    months = [
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
    ]
    if ritme == WEEK:
        year, week = key.split("-W")
        return f"week {int(week)} van {year}"
    if ritme == MAAND:
        year, month = key.split("-")
        return f"{months[int(month) - 1]} {year}"
    year, quarter = key.split("-K")
    return f"kwartaal {quarter} van {year}"


def previous_period_key(ritme: str, key: str) -> str:
    if ritme == WEEK:
        year, week = key.split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
        return period_key(WEEK, monday - timedelta(days=7))
    if ritme == MAAND:
        year, month = (int(x) for x in key.split("-"))
        return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"
    year, quarter = (int(x) for x in key.split("-K"))
    return f"{year - 1}-K4" if quarter == 1 else f"{year}-K{quarter - 1}"


def mirror_weeks(day: date) -> tuple[date, date]:
    """The four whole weeks (Monday to Sunday) before the week of `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday - timedelta(weeks=4), monday - timedelta(days=1)


@dataclass(frozen=True)
class Due:
    ritme: str
    sleutel: str
    label: str
    concept_id: int | None = None


def due_items(
    *,
    today: date,
    enabled: Iterable[str],
    finished: Mapping[str, set[str]],
    concepts: Mapping[tuple[str, str], int],
    snoozed_until: Mapping[str, tuple[str, date]],
) -> list[Due]:
    """At most one due item per rhythm: its current period, unless finished or snoozed.
    `snoozed_until` maps a rhythm to (period, date): a snooze only holds for its own period."""
    items = []
    for ritme in RITMES:
        if ritme not in enabled:
            continue
        key = period_key(ritme, today)
        if key in finished.get(ritme, set()):
            continue
        snoozed = snoozed_until.get(ritme)
        if snoozed is not None and snoozed[0] == key and snoozed[1] > today:
            continue
        items.append(
            Due(
                ritme,
                key,
                f"{RITME_LABELS[ritme]}, {period_label(ritme, key)}",
                concepts.get((ritme, key)),
            )
        )
    return items


def snooze_until(ritme: str, today: date) -> date:
    """Snoozing moves a weekly item two days on and the others a week. The next period's item
    is never hidden: a snooze holds only for the period it was given in (see `due_items`)."""
    step = timedelta(days=2) if ritme == WEEK else timedelta(days=7)
    return today + step


def _fresh(candidates: list[Vraag], asked: Mapping[str, date], today: date) -> list[Vraag]:
    """Questions not asked within eight weeks, the never-asked and longest-ago first. Only
    when every candidate was asked recently does the one asked longest ago come back."""
    never = date.min

    def last(v: Vraag) -> date:
        return asked.get(v.id, never)

    fresh = [v for v in candidates if last(v) <= today - NO_REPEAT]
    if not fresh:
        return sorted(candidates, key=last)[:1]
    return sorted(fresh, key=lambda v: (last(v), candidates.index(v)))


def next_aspect(*, aspects_done: Mapping[str, date]) -> str:
    """The aspect of the month: never done first (in essay order), else the longest ago."""
    order = [a.key for a in ASPECTEN]
    return min(order, key=lambda k: (aspects_done.get(k, date.min), order.index(k)))


def choose_questions(
    *,
    ritme: str,
    today: date,
    asked: Mapping[str, date],
    aspect: str | None = None,
    rotation: int = 0,
) -> list[Vraag]:
    """The rotating questions of a new entry. `asked` maps question id to when last asked.

    Weekly: one check-in question and one aspect question from the aspects in turn.
    Monthly: up to three questions of `aspect` (fewer rather than one asked within eight
    weeks). Quarterly: one question per dimension.
    """
    if ritme == WEEK:
        aspect_keys = [a.key for a in ASPECTEN]
        start = rotation % len(aspect_keys)
        ordered = aspect_keys[start:] + aspect_keys[:start]
        pool = [v for key in ordered for v in aspect_vragen(key)]
        checkin = _fresh(list(WEEKVRAGEN), asked, today)[:1]
        return checkin + _fresh(pool, asked, today)[:WEEKLY_ROTATING]
    if ritme == MAAND:
        if aspect is None:
            raise ValueError("een maandmoment hoort bij een aspect")
        return _fresh(aspect_vragen(aspect), asked, today)[:MONTHLY_QUESTIONS]
    chosen = []
    for dimensie in DIMENSIES:
        chosen.append(_fresh(dimensie_vragen(dimensie), asked, today)[0])
    return chosen
