"""Reads for oefenen: a player's sessions, positions, the debrief, agenda suggestions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from spil.kennis import selectors as kennis_selectors

from .library import scenario_get, scenarios
from .models import Groepssessie, Oefensessie
from .scenario import groep as groep_rules
from .scenario.engine import Position, advisers_overview, replay, state_series
from .scenario.model import Scenario, Situatie


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


# --- group play -----------------------------------------------------------------------------


def groepssessie_get(*, user, pk: int) -> Groepssessie | None:
    """A group session the user coaches (owner) or plays in; None otherwise."""
    if not user.is_authenticated or not user.is_active:
        return None
    return (
        Groepssessie.objects.filter(pk=pk)
        .filter(Q(owner=user) | Q(deelnames__owner=user))
        .distinct()
        .first()
    )


def groepssessies_voor(*, user) -> QuerySet[Groepssessie]:
    return (
        Groepssessie.objects.filter(Q(owner=user) | Q(deelnames__owner=user))
        .distinct()
        .order_by("-gestart")
    )


def coach_groepen(*, user) -> list:
    from spil.leergang import selectors as leergang

    return list(leergang.groepen_van_coach(user=user))


def _shares(sessie: Groepssessie, situatie: Situatie) -> list[dict] | None:
    votes = [d.stemmen.get(situatie.id, "") for d in sessie.deelnames.all().only("stemmen")]
    choices = situatie.choices_for(sessie.profiel)
    shares = groep_rules.distribution(votes, [k.id for k in choices])
    if shares is None:
        return None
    text = {k.id: k for k in choices}
    return [{"keuze": text[c], "aantal": n} for c, n in shares]


def groepssessie_view(*, user, sessie: Groepssessie) -> dict:
    """What the coach or a player sees now: the situation, their own role and choice (players),
    how many chose, and the distribution only with three or more choices."""
    scenario = scenario_get(sessie.scenario_id)
    if scenario is None:
        raise LookupError(sessie.scenario_id)
    position = replay(scenario, profiel=sessie.profiel, choices=[tuple(s) for s in sessie.keuzes])
    mine = sessie.deelnames.filter(owner=user).first()
    rol = next((r for r in scenario.rollen if mine and r.id == mine.rol), None)
    situatie = position.situatie
    voted = 0
    shares = None
    if situatie is not None:
        voted = len([d for d in sessie.deelnames.all() if situatie.id in d.stemmen])
        shares = _shares(sessie, situatie)
    return {
        "scenario": scenario,
        "position": position,
        "is_coach": sessie.owner_id == user.pk,
        "speelt_mee": mine is not None,
        "rol": rol,
        "mijn_keuze": mine.stemmen.get(situatie.id) if mine and situatie else None,
        "spelers": sessie.deelnames.count(),
        "gekozen": voted,
        "verdeling": shares,
        "suggestie": groep_rules.suggestion(
            [(row["keuze"].id, row["aantal"]) for row in shares] if shares else None
        ),
        "minimum": groep_rules.MINIMUM,
    }


def groepssessie_debrief(*, sessie: Groepssessie) -> dict:
    """The group's debrief: its path with the state over time, per step the distribution of
    the players' choices (three or more, never per person) and the handbook themes."""
    scenario = scenario_get(sessie.scenario_id)
    if scenario is None:
        raise LookupError(sessie.scenario_id)
    position = replay(scenario, profiel=sessie.profiel, choices=[tuple(s) for s in sessie.keuzes])
    numbers = sorted({ref.thema for step in position.steps for ref in step.keuze.themas})
    links = {link.number: link for link in theme_links(numbers=numbers)}
    steps = [
        {
            "nummer": index,
            "situatie": step.situatie,
            "keuze": step.keuze,
            "verdeling": _shares(sessie, step.situatie),
            "themas": [links[ref.thema] for ref in step.keuze.themas],
        }
        for index, step in enumerate(position.steps, start=1)
    ]
    return {
        "scenario": scenario,
        "position": position,
        "steps": steps,
        "series": state_series(scenario, position),
        "minimum": groep_rules.MINIMUM,
    }
