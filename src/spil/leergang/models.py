"""The leergang in the database: programme, cohorts, participants, preferences, plan versions
and the matching of candidates with vacancies.

Who sees which row is decided by the access matrix (`spil.core.access`, resources
`leergang.*`): programme staff by their role for a cohort, a candidate their own rows, a coach
their group, a host (stagesecretaris) their candidates, a committee member the candidates who
released their profile for that vacancy.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q

from spil.core.models import AccessQuerySet

DOELEN = (("verdiepen", "verdiepen"), ("nieuw", "nieuw"))


class Leergang(models.Model):
    naam = models.CharField("naam", max_length=200)
    beschrijving = models.TextField("beschrijving", blank=True)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "leergang"
        verbose_name_plural = "leergangen"
        ordering = ["naam", "id"]

    def __str__(self) -> str:
        return self.naam


class Programmaonderdeel(models.Model):
    """One part of the programme template: a timeline slot and hours per participant."""

    class Soort(models.TextChoices):
        SEMINAR = "seminar", "seminar"
        INTERVISIE = "intervisie", "intervisie"
        MODULE = "module", "keuzemodule"
        STAGE = "stage", "meeloopstage"
        COACHING = "coaching", "coaching"

    leergang = models.ForeignKey(
        Leergang, on_delete=models.CASCADE, related_name="onderdelen", verbose_name="leergang"
    )
    naam = models.CharField("naam", max_length=200)
    soort = models.CharField("soort", max_length=12, choices=Soort.choices)
    aantal = models.PositiveSmallIntegerField("aantal bijeenkomsten", default=1)
    uren_per_keer = models.DecimalField("uren per bijeenkomst", max_digits=5, decimal_places=1)
    # Per participant: e.g. two elective modules out of six.
    keer_per_deelnemer = models.PositiveSmallIntegerField("keer per deelnemer", default=1)
    start_week = models.PositiveSmallIntegerField("begint in week", default=1)
    weken = models.PositiveSmallIntegerField("duur in weken", default=1)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "programmaonderdeel"
        verbose_name_plural = "programmaonderdelen"
        ordering = ["start_week", "id"]

    def __str__(self) -> str:
        return self.naam

    @property
    def uren_per_deelnemer(self):
        return self.aantal * self.uren_per_keer * self.keer_per_deelnemer


class Cohort(models.Model):
    leergang = models.ForeignKey(
        Leergang, on_delete=models.CASCADE, related_name="cohorten", verbose_name="leergang"
    )
    naam = models.CharField("naam", max_length=200)
    startdatum = models.DateField("startdatum")
    groepsgrootte = models.PositiveSmallIntegerField("groepsgrootte", default=5)
    stagerondes = models.PositiveSmallIntegerField("stagerondes", default=2)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "cohort"
        verbose_name_plural = "cohorten"
        ordering = ["-startdatum", "id"]

    def __str__(self) -> str:
        return f"{self.leergang} – {self.naam}"

    def tijdlijn(self) -> list[dict]:
        """Each part of the programme with its start and end date for this cohort."""
        rows = []
        for part in self.leergang.onderdelen.all():
            start = self.startdatum + timedelta(weeks=part.start_week - 1)
            rows.append(
                {
                    "onderdeel": part,
                    "van": start,
                    "tot": start + timedelta(weeks=part.weken) - timedelta(days=1),
                    "uren": part.uren_per_deelnemer,
                }
            )
        return rows

    def uren_per_deelnemer(self):
        return sum((p.uren_per_deelnemer for p in self.leergang.onderdelen.all()), start=0)


class Module(models.Model):
    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="modules", verbose_name="cohort"
    )
    naam = models.CharField("naam", max_length=200)
    competentie = models.CharField("competentie", max_length=200, blank=True)
    min_plaatsen = models.PositiveSmallIntegerField("minimaal aantal deelnemers", default=0)
    max_plaatsen = models.PositiveSmallIntegerField("maximaal aantal deelnemers")

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "module"
        verbose_name_plural = "modules"
        ordering = ["naam", "id"]

    def __str__(self) -> str:
        return self.naam


class Coach(models.Model):
    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="coaches", verbose_name="cohort"
    )
    naam = models.CharField("naam", max_length=200)
    organisatie = models.CharField("organisatie", max_length=200, blank=True)
    capaciteit = models.PositiveSmallIntegerField("aantal deelnemers om te coachen")
    intervisie = models.BooleanField("begeleidt intervisie", default=False)
    max_groepen = models.PositiveSmallIntegerField("aantal intervisiegroepen", default=1)
    # Selection committees outside Spil; those of vacancies in Spil follow from the roles.
    selectiecommissies = models.CharField(
        "selectiecommissies (gemeenten, komma's ertussen)", max_length=500, blank=True
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="account",
    )

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "coach"
        verbose_name_plural = "coaches"
        ordering = ["naam", "id"]

    def __str__(self) -> str:
        return self.naam


class Gastgemeente(models.Model):
    class Grootte(models.TextChoices):
        KLEIN = "klein", "klein (tot 30.000 inwoners)"
        MIDDEL = "middel", "middelgroot (30.000–100.000)"
        GROOT = "groot", "groot (meer dan 100.000)"

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="gastgemeenten", verbose_name="cohort"
    )
    naam = models.CharField("gemeente", max_length=200)
    grootte = models.CharField("grootteklasse", max_length=8, choices=Grootte.choices)
    regio = models.CharField("regio", max_length=100)
    plaatsen_per_ronde = models.PositiveSmallIntegerField("plaatsen per ronde", default=2)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "gastgemeente"
        verbose_name_plural = "gastgemeenten"
        ordering = ["naam", "id"]

    def __str__(self) -> str:
        return self.naam


class Deelnemer(models.Model):
    """A candidate in a cohort, linked to their account (role kandidaat for the cohort)."""

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="deelnemers", verbose_name="cohort"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="deelnames",
        verbose_name="account",
    )
    naam = models.CharField("naam", max_length=200)
    email = models.EmailField("e-mailadres")
    werkgever = models.CharField("werkgever", max_length=200, blank=True)
    eerdere_werkgevers = models.CharField(
        "eerdere werkgevers (komma's ertussen)", max_length=500, blank=True
    )
    solliciteert_bij = models.CharField(
        "solliciteert bij (gemeenten, komma's ertussen)", max_length=500, blank=True
    )
    achtergrond = models.CharField("achtergrond", max_length=100, blank=True)
    stijl = models.CharField("stijl", max_length=100, blank=True)
    geslacht = models.CharField("geslacht", max_length=30, blank=True)
    uitgenodigd = models.DateTimeField("uitgenodigd op", auto_now_add=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "deelnemer"
        verbose_name_plural = "deelnemers"
        ordering = ["naam", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="leergang_deelnemer_uniek")
        ]

    def __str__(self) -> str:
        return self.naam


class Modulevoorkeur(models.Model):
    deelnemer = models.ForeignKey(
        Deelnemer, on_delete=models.CASCADE, related_name="modulevoorkeuren"
    )
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="+")
    rang = models.PositiveSmallIntegerField("rang")
    doel = models.CharField("doel", max_length=10, choices=DOELEN)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "modulevoorkeur"
        verbose_name_plural = "modulevoorkeuren"
        ordering = ["doel", "rang", "id"]
        constraints = [
            models.UniqueConstraint(fields=["deelnemer", "module"], name="leergang_voorkeur_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.module} ({self.doel}, {self.rang})"


class Coachvoorkeur(models.Model):
    deelnemer = models.ForeignKey(
        Deelnemer, on_delete=models.CASCADE, related_name="coachvoorkeuren"
    )
    coach = models.ForeignKey(Coach, on_delete=models.CASCADE, related_name="+")
    rang = models.PositiveSmallIntegerField("rang")

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "coachvoorkeur"
        verbose_name_plural = "coachvoorkeuren"
        ordering = ["rang", "id"]
        constraints = [
            models.UniqueConstraint(fields=["deelnemer", "coach"], name="leergang_coachkeus_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.coach} ({self.rang})"


class Leervraag(models.Model):
    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="leervragen")
    tekst = models.TextField("leervraag", max_length=2000)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "leervraag"
        verbose_name_plural = "leervragen"
        ordering = ["aangemaakt", "id"]

    def __str__(self) -> str:
        return self.tekst[:60]


class Toewijzingsplan(models.Model):
    """One version of a cohort's assignments; staff review it, lock parts, publish it."""

    class Status(models.TextChoices):
        WACHT = "wacht", "wacht op de planner"
        BEZIG = "bezig", "wordt berekend"
        CONCEPT = "concept", "concept"
        MISLUKT = "mislukt", "geen plan mogelijk"
        GEPUBLICEERD = "gepubliceerd", "gepubliceerd"
        VERVANGEN = "vervangen", "vervangen door een nieuwere versie"

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="plannen")
    versie = models.PositiveIntegerField("versie")
    status = models.CharField("status", max_length=12, choices=Status.choices)
    voortgang = models.CharField("voortgang", max_length=200, blank=True)
    melding = models.TextField("melding", blank=True)
    oplossing = models.CharField("uitkomst planner", max_length=12, blank=True)
    kwaliteit = models.JSONField("kwaliteit", default=dict, blank=True)
    # Locked assignments of the version it was re-solved from (the planner's `vastgezet`).
    vastgezet = models.JSONField("vastgezet", default=dict, blank=True)
    gebaseerd_op = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    gepubliceerd = models.DateTimeField("gepubliceerd op", null=True, blank=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "toewijzingsplan"
        verbose_name_plural = "toewijzingsplannen"
        ordering = ["cohort_id", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "versie"], name="leergang_plan_versie"),
            models.UniqueConstraint(
                fields=["cohort"],
                condition=Q(status="gepubliceerd"),
                name="leergang_een_gepubliceerd_plan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cohort.naam}, versie {self.versie}"


class Intervisiegroep(models.Model):
    plan = models.ForeignKey(Toewijzingsplan, on_delete=models.CASCADE, related_name="groepen")
    nummer = models.PositiveSmallIntegerField("groep")
    coach = models.ForeignKey(Coach, on_delete=models.RESTRICT, related_name="+")
    deelnemers = models.ManyToManyField(Deelnemer, related_name="intervisiegroepen")
    reden = models.TextField("reden")
    vastgezet = models.BooleanField("vastgezet", default=False)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "intervisiegroep"
        verbose_name_plural = "intervisiegroepen"
        ordering = ["plan_id", "nummer"]

    def __str__(self) -> str:
        return f"Intervisiegroep {self.nummer}"


class Moduletoewijzing(models.Model):
    plan = models.ForeignKey(Toewijzingsplan, on_delete=models.CASCADE, related_name="modules")
    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="+")
    verdiepen = models.ForeignKey(Module, on_delete=models.RESTRICT, related_name="+")
    nieuw = models.ForeignKey(Module, on_delete=models.RESTRICT, related_name="+")
    reden = models.TextField("reden")
    vastgezet = models.BooleanField("vastgezet", default=False)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "moduletoewijzing"
        verbose_name_plural = "moduletoewijzingen"
        ordering = ["plan_id", "deelnemer__naam", "id"]

    def __str__(self) -> str:
        return f"{self.deelnemer}: {self.verdiepen} en {self.nieuw}"


class Meeloopstage(models.Model):
    plan = models.ForeignKey(Toewijzingsplan, on_delete=models.CASCADE, related_name="stages")
    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="meeloopstages")
    ronde = models.PositiveSmallIntegerField("ronde")
    gastgemeente = models.ForeignKey(Gastgemeente, on_delete=models.RESTRICT, related_name="+")
    reden = models.TextField("reden")
    vastgezet = models.BooleanField("vastgezet", default=False)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "meeloopstage"
        verbose_name_plural = "meeloopstages"
        ordering = ["plan_id", "deelnemer__naam", "ronde"]

    def __str__(self) -> str:
        return f"{self.deelnemer}, ronde {self.ronde}: {self.gastgemeente}"


class Coachkoppeling(models.Model):
    plan = models.ForeignKey(Toewijzingsplan, on_delete=models.CASCADE, related_name="coaching")
    deelnemer = models.ForeignKey(Deelnemer, on_delete=models.CASCADE, related_name="+")
    coach = models.ForeignKey(Coach, on_delete=models.RESTRICT, related_name="+")
    reden = models.TextField("reden")
    vastgezet = models.BooleanField("vastgezet", default=False)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "coachkoppeling"
        verbose_name_plural = "coachkoppelingen"
        ordering = ["plan_id", "deelnemer__naam", "id"]

    def __str__(self) -> str:
        return f"{self.deelnemer}: {self.coach}"


# --- matching municipality <-> candidate ---------------------------------------------------


class Vacature(models.Model):
    """A municipality's vacancy with its profile on the six question areas (see matching.py).
    Committee members hold the role selectiecommissielid for this vacancy."""

    leergang = models.ForeignKey(Leergang, on_delete=models.CASCADE, related_name="vacatures")
    gemeente = models.CharField("gemeente", max_length=200)
    titel = models.CharField("functie", max_length=200, default="gemeentesecretaris")
    # {area: {"gewicht": 0-3, "niveau": 1-5, "toelichting": str}}
    profiel = models.JSONField("profiel", default=dict)
    sluit = models.DateField("sluitingsdatum", null=True, blank=True)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "vacature"
        verbose_name_plural = "vacatures"
        ordering = ["gemeente", "id"]

    def __str__(self) -> str:
        return f"{self.titel} {self.gemeente}"


class Kandidaatprofiel(models.Model):
    """A candidate's own profile on the six areas; shown only for vacancies they opted in to."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="van"
    )
    # {area: {"niveau": 1-5, "toelichting": str}}
    profiel = models.JSONField("profiel", default=dict)
    gewijzigd = models.DateTimeField("gewijzigd", auto_now=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "kandidaatprofiel"
        verbose_name_plural = "kandidaatprofielen"

    def __str__(self) -> str:
        return f"profiel van {self.owner}"


class Profielvrijgave(models.Model):
    """The candidate released their profile to the committee of this vacancy (opt-in)."""

    profiel = models.ForeignKey(
        Kandidaatprofiel, on_delete=models.CASCADE, related_name="vrijgaven"
    )
    vacature = models.ForeignKey(Vacature, on_delete=models.CASCADE, related_name="vrijgaven")
    op = models.DateTimeField("vrijgegeven op", auto_now_add=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "profielvrijgave"
        verbose_name_plural = "profielvrijgaven"
        ordering = ["-op", "id"]
        constraints = [
            models.UniqueConstraint(fields=["profiel", "vacature"], name="leergang_vrijgave_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.profiel.owner} voor {self.vacature}"
