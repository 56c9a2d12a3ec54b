"""Test data for the leergang: factory-boy factories per model, and `cohort_example()` that
loads a generated (invented) cohort into the database through the real services."""

from __future__ import annotations

from datetime import date

import factory

from spil.accounts.services import role_grant
from spil.leergang import services
from spil.leergang.models import (
    Coach,
    Cohort,
    Deelnemer,
    Gastgemeente,
    Leergang,
    Leervraag,
    Module,
    Modulevoorkeur,
    Vacature,
)
from spil.leergang.planning.voorbeeld import cohort_generate
from tests.accounts.factories import UserFactory

GROOTTE = {"klein": "klein", "middelgroot": "middel", "middel": "middel", "groot": "groot"}


class LeergangFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leergang

    naam = factory.Sequence(lambda n: f"Leergang {n}")


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    leergang = factory.SubFactory(LeergangFactory)
    naam = factory.Sequence(lambda n: f"Cohort {2026 + n}")
    startdatum = date(2026, 9, 1)


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Module

    cohort = factory.SubFactory(CohortFactory)
    naam = factory.Sequence(lambda n: f"Module {n}")
    min_plaatsen = 0
    max_plaatsen = 8


class CoachFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coach

    cohort = factory.SubFactory(CohortFactory)
    naam = factory.Sequence(lambda n: f"Coach {n}")
    organisatie = "Vereniging"
    capaciteit = 5
    intervisie = True


class GastgemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gastgemeente

    cohort = factory.SubFactory(CohortFactory)
    naam = factory.Sequence(lambda n: f"Gastdorp {n}")
    grootte = "klein"
    regio = "Noord"


class DeelnemerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deelnemer

    cohort = factory.SubFactory(CohortFactory)
    user = factory.SubFactory(UserFactory)
    naam = factory.Sequence(lambda n: f"Deelnemer {n}")
    email = factory.Sequence(lambda n: f"deelnemer{n}@voorbeeld.nl")
    werkgever = factory.Sequence(lambda n: f"Werkdorp {n}")


class ModulevoorkeurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Modulevoorkeur

    deelnemer = factory.SubFactory(DeelnemerFactory)
    module = factory.SubFactory(ModuleFactory, cohort=factory.SelfAttribute("..deelnemer.cohort"))
    rang = 1
    doel = "verdiepen"


class LeervraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leervraag

    deelnemer = factory.SubFactory(DeelnemerFactory)
    tekst = "Hoe houd ik overzicht als alles tegelijk komt?"


class VacatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacature

    leergang = factory.SubFactory(LeergangFactory)
    gemeente = factory.Sequence(lambda n: f"Vacaturedorp {n}")
    profiel = factory.LazyFunction(
        lambda: {
            k: {"gewicht": 1, "niveau": 3, "toelichting": ""}
            for k in ("ambitie", "organisatie", "opgaven", "verhoudingen", "gevoelig", "team")
        }
    )


def programmaleider(username: str = "leider"):
    """A programme leader for every cohort."""
    user = UserFactory(username=username)
    role_grant(actor=None, user=user, role="programmaleider")
    return user


def cohort_example(
    *, staff, deelnemers: int = 10, seed: int = 7, naam: str = "Cohort 2026", leergang=None
) -> Cohort:
    """An invented cohort from the planner's example generator, made through the services:
    modules, coaches (intervisie coaches with an account), hosts, participants with
    preferences and a learning question."""
    data = cohort_generate(deelnemers=deelnemers, seed=seed)
    if leergang is None:
        leergang = services.leergang_create(user=staff, naam=f"Leergang {naam}")
    cohort = services.cohort_create(
        user=staff, leergang=leergang, naam=naam, startdatum=date(2026, 9, 1)
    )
    modules = {
        m["id"]: services.module_create(
            user=staff,
            cohort_id=cohort.pk,
            naam=m["naam"],
            min_plaatsen=m["min"],
            max_plaatsen=m["max"],
        )
        for m in data["modules"]
    }
    coaches = {
        c["id"]: services.coach_create(
            user=staff,
            cohort_id=cohort.pk,
            naam=c["naam"],
            organisatie=c["organisatie"],
            capaciteit=c["capaciteit"],
            intervisie=c["intervisie"],
            max_groepen=c.get("max_groepen", 1),
            selectiecommissies=", ".join(c["selectiecommissies"]),
            account=UserFactory(username=f"{naam}-{c['id']}".replace(" ", "").lower()),
        )
        for c in data["coaches"]
    }
    for h in data["gastgemeenten"]:
        services.gastgemeente_create(
            user=staff,
            cohort_id=cohort.pk,
            naam=h["naam"],
            grootte=GROOTTE[h["grootte"]],
            regio=h["regio"],
            plaatsen_per_ronde=h["plaatsen_per_ronde"],
        )
    for p in data["deelnemers"]:
        email = f"{p['id']}.{seed}.{naam}@voorbeeld.nl".replace(" ", "").lower()
        deelnemer, _ = services.deelnemer_invite(
            user=staff,
            cohort_id=cohort.pk,
            email=email,
            naam=p["naam"],
            werkgever=p["werkgever"],
            eerdere_werkgevers=", ".join(p["eerdere_werkgevers"]),
            solliciteert_bij=", ".join(p["solliciteert_bij"]),
            achtergrond=p["achtergrond"],
            stijl=p["stijl"],
            geslacht=p["geslacht"],
            mail=False,
        )
        services.voorkeuren_save(
            user=deelnemer.user,
            deelnemer_id=deelnemer.pk,
            modules={modules[mid].pk: (v["rang"], v["doel"]) for mid, v in p["modules"].items()},
            coaches=[coaches[cid].pk for cid in p["coaches"]],
        )
        services.leervraag_add(
            user=deelnemer.user,
            deelnemer_id=deelnemer.pk,
            tekst=f"Leervraag van {p['naam']}: hoe blijf ik zichtbaar in de organisatie?",
        )
    return cohort
