"""Reads for oefenen: a player's sessions, positions, the debrief, agenda suggestions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from spil.kennis import selectors as kennis_selectors

from .library import scenario_get, scenarios
from .models import Oefensessie
from .scenario.engine import Position, advisers_overview, replay, state_series
from .scenario.model import Scenario


def oefensessie_list(*, user) -> QuerySet[Oefensessie]:
    return Oefensessie.objects.visible_to(user)


def oefensessie_get(*, user, pk: int) -> Oefensessie | None:
    return Oefensessie.objects.visible_to(user).filter(pk=pk).first()


def oefensessie_position(*, sessie: Oefensessie) -> tuple[Scenario, Position]:
    scenario = scenario_get(sessie.scenario_id)
    if scenario is None:
        raise LookupError(sessie.scenario_id)
    choices = [tuple(step) for step in sessie.keuzes]
    return scenario, replay(scenario, profiel=sessie.profiel, choices=choices)


@dataclass(frozen=True)
class ThemeLink:
    number: int
    unit: object | None
    tips: list
    citation: object | None


def theme_links(*, numbers: list[int]) -> list[ThemeLink]:
    """The handbook themes with their first three tips and citation; missing ones kept as
    numbers so the debrief says which theme the library lacks."""
    units = kennis_selectors.theme_units(numbers=numbers)
    links = []
    for number in numbers:
        unit = units.get(number)
        if unit is None:
            links.append(ThemeLink(number, None, [], None))
            continue
        tips = [p for p in unit.passages.all() if p.kind == "tip"][:3]
        links.append(ThemeLink(number, unit, tips, kennis_selectors.unit_citation(unit=unit)))
    return links


def debrief(*, sessie: Oefensessie) -> dict:
    scenario, position = oefensessie_position(sessie=sessie)
    consulted = {tuple(pair) for pair in sessie.geraadpleegd}
    numbers = sorted({ref.thema for step in position.steps for ref in step.keuze.themas})
    links = {link.number: link for link in theme_links(numbers=numbers)}
    steps = []
    for index, step in enumerate(position.steps, start=1):
        steps.append(
            {
                "nummer": index,
                "situatie": step.situatie,
                "keuze": step.keuze,
                "alternatieven": [
                    k for k in step.situatie.choices_for(sessie.profiel) if k != step.keuze
                ],
                "themas": [links[ref.thema] for ref in step.keuze.themas],
                "uitleg": sessie.uitleg.get(str(index)),
                "staat": step.state_after,
            }
        )
    return {
        "scenario": scenario,
        "position": position,
        "steps": steps,
        "series": state_series(scenario, position),
        "advisers": advisers_overview(scenario, position, consulted),
    }


def agenda_suggestions(*, user, days: int = 60) -> list[dict]:
    """Scenarios whose agenda keywords occur in the user's own upcoming appointments."""
    from spil.agenda.selectors import afspraak_qs

    now = timezone.now()
    upcoming = list(
        afspraak_qs(owner=user)
        .filter(begin__gte=now, begin__lt=now + timedelta(days=days))
        .order_by("begin")
        .values_list("onderwerp", "begin")[:2000]
    )
    suggestions = []
    for scenario in scenarios().values():
        for title, start in upcoming:
            folded = title.casefold()
            word = next((w for w in scenario.agenda_trefwoorden if w in folded), None)
            if word:
                suggestions.append({"scenario": scenario, "titel": title, "start": start})
                break
    return suggestions
