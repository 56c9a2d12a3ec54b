"""Rows of the leergang's resources for the generated access-matrix test
(`tests/core/test_access.py`): one row of a model that belongs to `owner` within `resource`."""

from __future__ import annotations

from spil.leergang import models as m
from tests.leergang import factories as f

PLAN_STATUS = {"leergang.indeling": "gepubliceerd"}


def make(label: str, resource: str, owner, n: int):
    name = label.split(".")[1]
    if name == "leergang":
        return f.LeergangFactory()
    if name == "programmaonderdeel":
        return m.Programmaonderdeel.objects.create(
            leergang=f.LeergangFactory(), naam="Seminar", soort="seminar", uren_per_keer=4
        )
    if name == "cohort":
        return f.CohortFactory()
    if name == "module":
        return f.ModuleFactory()
    if name == "coach":
        return f.CoachFactory()
    if name == "gastgemeente":
        return f.GastgemeenteFactory()
    if name == "deelnemer":
        return f.DeelnemerFactory(user=owner)
    if name == "modulevoorkeur":
        return f.ModulevoorkeurFactory(deelnemer__user=owner)
    if name == "coachvoorkeur":
        deelnemer = f.DeelnemerFactory(user=owner)
        coach = f.CoachFactory(cohort=deelnemer.cohort)
        return m.Coachvoorkeur.objects.create(deelnemer=deelnemer, coach=coach, rang=1)
    if name == "leervraag":
        return f.LeervraagFactory(deelnemer__user=owner)
    if name == "vacature":
        return f.VacatureFactory()
    if name == "kandidaatprofiel":
        return m.Kandidaatprofiel.objects.get_or_create(owner=owner)[0]
    if name == "profielvrijgave":
        profiel = m.Kandidaatprofiel.objects.get_or_create(owner=owner)[0]
        return m.Profielvrijgave.objects.create(profiel=profiel, vacature=f.VacatureFactory())
    deelnemer = f.DeelnemerFactory(user=owner)
    cohort = deelnemer.cohort
    plan = m.Toewijzingsplan.objects.create(
        cohort=cohort, versie=1, status=PLAN_STATUS.get(resource, "concept")
    )
    if name == "toewijzingsplan":
        return plan
    coach = f.CoachFactory(cohort=cohort)
    if name == "intervisiegroep":
        group = m.Intervisiegroep.objects.create(plan=plan, nummer=1, coach=coach, reden="r")
        group.deelnemers.add(deelnemer)
        return group
    if name == "moduletoewijzing":
        a, b = f.ModuleFactory(cohort=cohort), f.ModuleFactory(cohort=cohort)
        return m.Moduletoewijzing.objects.create(
            plan=plan, deelnemer=deelnemer, verdiepen=a, nieuw=b, reden="r"
        )
    if name == "meeloopstage":
        return m.Meeloopstage.objects.create(
            plan=plan,
            deelnemer=deelnemer,
            ronde=1,
            gastgemeente=f.GastgemeenteFactory(cohort=cohort),
            reden="r",
        )
    if name == "coachkoppeling":
        return m.Coachkoppeling.objects.create(
            plan=plan, deelnemer=deelnemer, coach=coach, reden="r"
        )
    raise AssertionError(f"geen testrij voor {label}")
