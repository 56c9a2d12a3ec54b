from django.db import models

from spil.accounts.models import OwnedModel

from .constants import Bereik, Domein

DOMAIN_CHOICES = Domein.choices


class Agendabron(OwnedModel):
    """One calendar the user imports from (an Outlook calendar, a Google calendar...). A newer
    export of the same calendar replaces what an older one said within its window."""

    naam = models.CharField("naam", max_length=200)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)

    class Meta:
        verbose_name = "agendabron"
        verbose_name_plural = "agendabronnen"
        constraints = [
            models.UniqueConstraint(fields=["owner", "naam"], name="agenda_bron_uniek_per_eigenaar")
        ]

    def __str__(self) -> str:
        return self.naam


class Importbatch(OwnedModel):
    bron = models.ForeignKey(Agendabron, on_delete=models.CASCADE, related_name="imports")
    bestandsnaam = models.CharField("bestandsnaam", max_length=255)
    soort = models.CharField("soort", max_length=10)  # ics / csv
    venster_van = models.DateField("venster vanaf")
    venster_tot = models.DateField("venster tot")
    gestart = models.DateTimeField("gestart", auto_now_add=True)
    nieuw = models.PositiveIntegerField(default=0)
    gewijzigd = models.PositiveIntegerField(default=0)
    verwijderd = models.PositiveIntegerField(default=0)
    ongewijzigd = models.PositiveIntegerField(default=0)
    geannuleerd = models.PositiveIntegerField("overgeslagen (geannuleerd)", default=0)
    # The period the file itself covers, and how many of its appointments fell outside the
    # period chosen for this import. The file is kept only then, to import the rest in one
    # click; an import of the whole period clears it.
    bestand_van = models.DateField("bestand vanaf", null=True, blank=True)
    bestand_tot = models.DateField("bestand tot", null=True, blank=True)
    buiten_periode = models.PositiveIntegerField("buiten de gekozen periode", default=0)
    bestand = models.BinaryField("bestand", null=True, blank=True, editable=False)
    # What the reader changed or left out (duplicate UIDs, capped series), in Dutch.
    meldingen = models.JSONField("meldingen", default=list, blank=True)

    class Meta:
        verbose_name = "import"
        verbose_name_plural = "imports"
        ordering = ["-gestart", "-id"]

    def __str__(self) -> str:
        return f"{self.bestandsnaam} ({self.gestart:%Y-%m-%d %H:%M})"


class Afspraak(OwnedModel):
    """One occurrence of an appointment, as imported, with its domain."""

    bron = models.ForeignKey(Agendabron, on_delete=models.CASCADE, related_name="afspraken")
    uid = models.CharField("UID", max_length=500)
    herhaling = models.CharField("herhalingssleutel", max_length=40)
    begin = models.DateTimeField("begin")
    eind = models.DateTimeField("eind")
    hele_dag = models.BooleanField("hele dag", default=False)
    onderwerp = models.CharField("onderwerp", max_length=500, blank=True)
    onderwerp_sleutel = models.CharField(max_length=500, blank=True, db_index=True)
    locatie = models.CharField("locatie", max_length=500, blank=True)
    categorieen = models.JSONField("categorieën", default=list, blank=True)
    deelnemers = models.JSONField("deelnemers", default=list, blank=True)
    organisator = models.CharField("organisator", max_length=320, blank=True)
    beschikbaarheid = models.CharField("beschikbaarheid", max_length=12, default="bezet")
    prive = models.BooleanField("privé", default=False)
    reeks = models.BooleanField("deel van een reeks", default=False)
    vingerafdruk = models.CharField(max_length=40)
    domein = models.CharField("domein", max_length=12, choices=DOMAIN_CHOICES)
    reden = models.CharField("reden", max_length=500)
    bron_indeling = models.CharField("grond van de indeling", max_length=12)
    persoonlijk = models.BooleanField("persoonlijk", default=False)

    class Meta:
        verbose_name = "afspraak"
        verbose_name_plural = "afspraken"
        ordering = ["begin", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "uid", "herhaling"], name="agenda_afspraak_uniek_per_eigenaar"
            )
        ]
        indexes = [models.Index(fields=["owner", "begin"], name="agenda_afspraak_eigenaar_begin")]

    def __str__(self) -> str:
        return f"{self.onderwerp} ({self.begin:%Y-%m-%d %H:%M})"

    @property
    def minuten(self) -> int:
        return max(0, int((self.eind - self.begin).total_seconds() // 60))


class Correctie(OwnedModel):
    """A domain the user chose, for one occurrence, a whole series, or every appointment with
    the same title. Kept by key, so it also applies to future imports."""

    BEREIK_AFSPRAAK = Bereik.AFSPRAAK.value
    BEREIK_REEKS = Bereik.REEKS.value
    BEREIK_ONDERWERP = Bereik.ONDERWERP.value
    BEREIK_CHOICES = Bereik.choices

    bereik = models.CharField("geldt voor", max_length=10, choices=BEREIK_CHOICES)
    sleutel = models.CharField("sleutel", max_length=600)
    onderwerp = models.CharField("onderwerp", max_length=500, blank=True)
    domein = models.CharField("domein", max_length=12, choices=DOMAIN_CHOICES)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now=True)

    class Meta:
        verbose_name = "correctie"
        verbose_name_plural = "correcties"
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "bereik", "sleutel"], name="agenda_correctie_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_bereik_display()}: {self.onderwerp} → {self.domein}"


class AgendaInstellingen(OwnedModel):
    """The user's own settings for the mirror."""

    eigen_domeinen = models.JSONField(
        "eigen maildomeinen",
        default=list,
        blank=True,
        help_text="Leeg: Spil leidt het domein af uit de organisator van je afspraken.",
    )
    doel_college = models.FloatField("doel college (%)", default=100 / 3)
    doel_organisatie = models.FloatField("doel organisatie (%)", default=100 / 3)
    doel_omgeving = models.FloatField("doel omgeving (%)", default=100 / 3)
    categorieen = models.JSONField("categorieën per domein", default=dict, blank=True)
    drempels = models.JSONField("drempels", default=dict, blank=True)

    class Meta:
        verbose_name = "agenda-instellingen"
        verbose_name_plural = "agenda-instellingen"
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="agenda_instellingen_een_per_eigenaar")
        ]

    def __str__(self) -> str:
        return f"Instellingen van {self.owner}"

    @property
    def doel(self) -> dict[str, float]:
        return {
            "college": self.doel_college,
            "organisatie": self.doel_organisatie,
            "omgeving": self.doel_omgeving,
        }
