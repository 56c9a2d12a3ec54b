"""Writes for oefenen: starting, choosing, going back, consulting advisers, explaining."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .constants import Modus, Publiek
from .library import scenario_get
from .models import Oefensessie
from .scenario import engine
from .scenario.engine import PlayError

MAX_UITLEG = 600


def oefensessie_start(
    *, user, scenario_id: str, profiel: str, modus: str, timer: bool
) -> Oefensessie:
    scenario = scenario_get(scenario_id)
    if scenario is None:
        raise PlayError("Dit scenario bestaat niet.")
    profiles = [p.id for p in scenario.profielen] or [""]
    if profiel not in profiles:
        raise PlayError("Kies een gemeenteprofiel.")
    if modus not in Modus.values:
        raise PlayError("Kies de oefenstand of de examenstand.")
    return Oefensessie.objects.create(
        owner=user, scenario_id=scenario_id, profiel=profiel, modus=modus, timer=timer
    )


def _locked(*, user, sessie: Oefensessie) -> Oefensessie:
    # Two tabs of the same session must not interleave their moves.
    return Oefensessie.objects.select_for_update().get(pk=sessie.pk, owner=user)


def oefensessie_choose(*, user, sessie: Oefensessie, situatie: str, keuze: str) -> Oefensessie:
    with transaction.atomic():
        sessie = _locked(user=user, sessie=sessie)
        scenario = scenario_get(sessie.scenario_id)
        choices = [tuple(step) for step in sessie.keuzes]
        position = engine.replay(scenario, profiel=sessie.profiel, choices=choices)
        if position.finished:
            raise PlayError("Dit scenario is al afgelopen; bekijk de nabespreking.")
        if position.situatie.id != situatie:
            # A second tab or the back button of the browser: the page was out of date.
            raise PlayError("Deze pagina was verouderd; je ziet nu de situatie waar je bent.")
        new = engine.move(scenario, profiel=sessie.profiel, choices=choices, keuze=keuze)
        sessie.keuzes = [list(step) for step in new]
        after = engine.replay(scenario, profiel=sessie.profiel, choices=new)
        if after.finished:
            sessie.afgerond = timezone.now()
        sessie.save(update_fields=["keuzes", "afgerond"])
    return sessie


def oefensessie_back(*, user, sessie: Oefensessie) -> Oefensessie:
    with transaction.atomic():
        sessie = _locked(user=user, sessie=sessie)
        new = engine.back([tuple(s) for s in sessie.keuzes], exam=sessie.modus == Modus.EXAMEN)
        removed = str(len(sessie.keuzes))
        sessie.keuzes = [list(step) for step in new]
        sessie.uitleg.pop(removed, None)
        sessie.afgerond = None
        sessie.save(update_fields=["keuzes", "uitleg", "afgerond"])
    return sessie


def oefensessie_consult(*, user, sessie: Oefensessie, adviseur: str) -> Oefensessie:
    with transaction.atomic():
        sessie = _locked(user=user, sessie=sessie)
        scenario = scenario_get(sessie.scenario_id)
        position = engine.replay(
            scenario, profiel=sessie.profiel, choices=[tuple(s) for s in sessie.keuzes]
        )
        if position.finished:
            raise PlayError("Dit scenario is al afgelopen.")
        offered = {a.adviseur for a in position.situatie.adviezen}
        if adviseur not in offered:
            raise PlayError("Deze adviseur heeft hier geen advies.")
        pair = [position.situatie.id, adviseur]
        if pair not in sessie.geraadpleegd:
            sessie.geraadpleegd = [*sessie.geraadpleegd, pair]
            sessie.save(update_fields=["geraadpleegd"])
    return sessie


def oefensessie_explain(*, user, sessie: Oefensessie, stap: int, publiek: str, tekst: str) -> None:
    tekst = " ".join(tekst.split())
    if publiek not in Publiek.values:
        raise PlayError("Kies voor wie de uitleg is.")
    if not tekst:
        raise PlayError("Schrijf een uitleg, of sla deze stap over.")
    if len(tekst) > MAX_UITLEG:
        raise PlayError(f"Houd de uitleg kort: hoogstens {MAX_UITLEG} tekens.")
    with transaction.atomic():
        sessie = _locked(user=user, sessie=sessie)
        if not 1 <= stap <= len(sessie.keuzes):
            raise PlayError("Deze keuze bestaat niet in je sessie.")
        sessie.uitleg = {**sessie.uitleg, str(stap): {"publiek": publiek, "tekst": tekst}}
        sessie.save(update_fields=["uitleg"])


def oefensessie_delete(*, user, sessie: Oefensessie) -> None:
    Oefensessie.objects.filter(pk=sessie.pk, owner=user).delete()
