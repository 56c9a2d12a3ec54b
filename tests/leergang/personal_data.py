"""Leergang rows of a user, through the real services: the user leads a small cohort in which
they also take part (preferences, a learning question, a published plan), coaches its group,
and released their candidate profile for a vacancy."""

from __future__ import annotations

from datetime import date

from spil.accounts.services import role_grant
from spil.leergang import services
from spil.leergang.tasks import plan_solve


def fill(user, *, tag: str, watcher=None) -> None:
    role_grant(actor=None, user=user, role="programmaleider")
    if not user.email:
        user.email = f"{tag}@voorbeeld.nl"
        user.save(update_fields=["email"])
    leergang = services.leergang_create(user=user, naam=f"Leergang {tag}")
    cohort = services.cohort_create(
        user=user,
        leergang=leergang,
        naam=f"Cohort {tag}",
        startdatum=date(2026, 9, 1),
        groepsgrootte=2,
    )
    verdiepen = services.module_create(
        user=user, cohort_id=cohort.pk, naam="Bestuurlijk samenspel", min_plaatsen=0, max_plaatsen=4
    )
    nieuw = services.module_create(
        user=user, cohort_id=cohort.pk, naam="Verandering leiden", min_plaatsen=0, max_plaatsen=4
    )
    coach = services.coach_create(
        user=user,
        cohort_id=cohort.pk,
        naam=f"Coach {tag}",
        organisatie="Vereniging",
        capaciteit=2,
        intervisie=True,
        account=user,
    )
    for naam, regio in (("Meerdorp", "Noord"), ("Heuvelrand", "Zuid")):
        services.gastgemeente_create(
            user=user, cohort_id=cohort.pk, naam=f"{naam} {tag}", grootte="klein", regio=regio
        )
    people = []
    for email, naam, werkgever in (
        (user.email, f"Deelnemer {tag}", "Gemeente Eerstewijk"),
        (f"collega-{tag}@voorbeeld.nl", f"Collega {tag}", "Gemeente Tweedewijk"),
    ):
        deelnemer, _ = services.deelnemer_invite(
            user=user, cohort_id=cohort.pk, email=email, naam=naam, werkgever=werkgever, mail=False
        )
        services.voorkeuren_save(
            user=deelnemer.user,
            deelnemer_id=deelnemer.pk,
            modules={verdiepen.pk: (1, "verdiepen"), nieuw.pk: (1, "nieuw")},
            coaches=[coach.pk],
        )
        services.leervraag_add(
            user=deelnemer.user, deelnemer_id=deelnemer.pk, tekst="Hoe blijf ik zichtbaar?"
        )
        people.append(deelnemer)
    plan = services.plan_start(user=user, cohort_id=cohort.pk)
    plan_solve(plan_id=plan.pk, time_limit=5)
    services.plan_publish(user=user, plan_id=plan.pk)
    vacature = services.vacature_create(
        user=user, leergang_id=leergang.pk, gemeente=f"Vacaturestad {tag}", profiel={}
    )
    services.kandidaatprofiel_save(user=user, profiel={})
    services.profiel_vrijgeven(user=user, vacature_id=vacature.pk, vrijgeven=True)
