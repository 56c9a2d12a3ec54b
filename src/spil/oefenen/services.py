"""Writes for oefenen: starting, choosing, going back, consulting advisers, explaining."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .constants import Modus, Publiek
from .library import scenario_get
from .models import Groepsdeelname, Groepssessie, Oefensessie
from .scenario import engine
from .scenario import groep as groep_rules
from .scenario.engine import PlayError
from .scenario.model import Scenario
from .selectors import debrief

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


def _scenario(sessie: Oefensessie) -> Scenario:
    scenario = scenario_get(sessie.scenario_id)
    if scenario is None:
        raise PlayError("Dit scenario bestaat niet meer.")
    return scenario


def oefensessie_choose(*, user, sessie: Oefensessie, situatie: str, keuze: str) -> Oefensessie:
    with transaction.atomic():
        sessie = _locked(user=user, sessie=sessie)
        scenario = _scenario(sessie)
        choices = [tuple(step) for step in sessie.keuzes]
        position = engine.replay(scenario, profiel=sessie.profiel, choices=choices)
        if position.finished or position.situatie is None:
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
        scenario = _scenario(sessie)
        position = engine.replay(
            scenario, profiel=sessie.profiel, choices=[tuple(s) for s in sessie.keuzes]
        )
        if position.finished or position.situatie is None:
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


def oefensessie_to_reflectie(*, user, sessie: Oefensessie):
    """Turn a finished exercise's debrief into a private reflectie entry (once per exercise):
    the path, the outcome, the final state and the advisers asked, as the entry's source.
    Returns (entry, created)."""
    from spil.reflectie import services as reflectie_services

    if sessie.owner_id != user.pk:
        raise Oefensessie.DoesNotExist
    data = debrief(sessie=sessie)
    position = data["position"]
    if not position.finished:
        raise PlayError("Speel het scenario eerst uit; dan kun je erop reflecteren.")
    regels = [
        f"Keuze {step['nummer']}, {step['situatie'].titel}: {step['keuze'].tekst}"
        for step in data["steps"]
    ]
    regels.append(f"Einde: {position.einde.titel}")
    labels = {v.id: v.label for v in data["scenario"].variabelen}
    final = data["series"][-1] if data["series"] else {}
    if final:
        regels.append(
            "Eindstand: "
            + ", ".join(f"{label} {final[key]}" for key, label in labels.items() if key in final)
        )
    gevraagd = sorted({a.naam for row in data["advisers"] for a in row["geraadpleegd"]})
    niet = sorted({a.naam for row in data["advisers"] for a in row["genegeerd"]} - set(gevraagd))
    if gevraagd or niet:
        regels.append(
            f"Adviseurs gevraagd: {', '.join(gevraagd) or 'niemand'}; "
            f"niet gevraagd: {', '.join(niet) or 'niemand'}"
        )
    themas = sorted(
        {f"thema {link.number}" for step in data["steps"] for link in step["themas"]},
        key=lambda t: int(t.split()[1]),
    )
    if themas:
        regels.append("Handboek: " + ", ".join(themas))
    return reflectie_services.moment_from_oefening(
        user=user, sessie_id=sessie.pk, titel=data["scenario"].titel, regels=regels
    )


# --- group play -----------------------------------------------------------------------------


def groepssessie_start(*, user, groep_id: int, scenario_id: str, profiel: str) -> Groepssessie:
    """The coach of a (published) intervisie group starts a session for it; every member gets
    a role from the scenario's cast by lot, each role at most once."""
    import secrets

    from spil.leergang import selectors as leergang

    groep = leergang.groepen_van_coach(user=user).filter(pk=groep_id).first()
    if groep is None:
        raise PlayError("Je bent geen coach van deze intervisiegroep.")
    scenario = scenario_get(scenario_id)
    if scenario is None:
        raise PlayError("Dit scenario bestaat niet.")
    profiles = [p.id for p in scenario.profielen] or [""]
    if profiel not in profiles:
        raise PlayError("Kies een gemeenteprofiel.")
    members = leergang.groepsleden(groep=groep)
    if not members:
        raise PlayError("Deze groep heeft geen leden.")
    seed = secrets.randbelow(2**31)
    drawn = groep_rules.roles_by_lot(
        [r.id for r in scenario.rollen], [m.pk for m in members], seed=seed
    )
    with transaction.atomic():
        sessie = Groepssessie.objects.create(
            owner=user,
            intervisiegroep=groep,
            scenario_id=scenario_id,
            profiel=profiel,
            zaad=seed,
        )
        Groepsdeelname.objects.bulk_create(
            Groepsdeelname(sessie=sessie, owner=member, rol=drawn[member.pk]) for member in members
        )
    return sessie


def groepssessie_stem(*, user, sessie: Groepssessie, situatie: str, keuze: str) -> None:
    """A player's own choice in the group's current situation (may be changed until the
    coach moves on)."""
    with transaction.atomic():
        deelname = (
            Groepsdeelname.objects.select_for_update().filter(sessie=sessie, owner=user).first()
        )
        if deelname is None:
            raise PlayError("Je speelt niet mee in deze sessie.")
        scenario = scenario_get(sessie.scenario_id)
        if scenario is None:
            raise PlayError("Dit scenario bestaat niet meer.")
        position = engine.replay(
            scenario, profiel=sessie.profiel, choices=[tuple(s) for s in sessie.keuzes]
        )
        if position.finished or position.situatie is None:
            raise PlayError("Het scenario is al afgelopen.")
        if position.situatie.id != situatie:
            raise PlayError("De groep is al verder; je ziet nu de situatie waar de groep is.")
        if keuze not in {k.id for k in position.situatie.choices_for(sessie.profiel)}:
            raise PlayError("Deze keuze bestaat niet in deze situatie.")
        deelname.stemmen = {**deelname.stemmen, situatie: keuze}
        deelname.save(update_fields=["stemmen"])


def groepssessie_verder(*, user, sessie: Groepssessie, situatie: str, keuze: str) -> Groepssessie:
    """The coach moves the group on with the choice the group settled on."""
    with transaction.atomic():
        sessie = Groepssessie.objects.select_for_update().get(pk=sessie.pk, owner=user)
        scenario = scenario_get(sessie.scenario_id)
        if scenario is None:
            raise PlayError("Dit scenario bestaat niet meer.")
        choices = [tuple(step) for step in sessie.keuzes]
        position = engine.replay(scenario, profiel=sessie.profiel, choices=choices)
        if position.finished or position.situatie is None:
            raise PlayError("Het scenario is al afgelopen.")
        if position.situatie.id != situatie:
            raise PlayError("Deze pagina was verouderd; je ziet nu de situatie waar de groep is.")
        new = engine.move(scenario, profiel=sessie.profiel, choices=choices, keuze=keuze)
        sessie.keuzes = [list(step) for step in new]
        if engine.replay(scenario, profiel=sessie.profiel, choices=new).finished:
            sessie.afgerond = timezone.now()
        sessie.save(update_fields=["keuzes", "afgerond"])
    return sessie
