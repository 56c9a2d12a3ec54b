"""The network: organisations and people the user meets, contact moments (derived from the
agenda or logged by hand), sectors, arrangements and introduction suggestions. Everything is
owned by one user; other users never see it."""

from django.db import models

from spil.accounts.models import OwnedModel

BRON_AGENDA = "agenda"
BRON_HANDMATIG = "handmatig"
BRON_CHOICES = [(BRON_AGENDA, "Agenda"), (BRON_HANDMATIG, "Handmatig")]

VORM_CHOICES = [
    ("periodiek overleg", "Periodiek overleg"),
    ("eenmalig", "Eenmalig"),
    ("werkbezoek bij de partner", "Werkbezoek bij de partner"),
    ("digitaal", "Digitaal"),
    ("informeel", "Informeel"),
]


class Sector(OwnedModel):
    """A sector in the user's own, editable list (seeded with about ten)."""

    sleutel = models.CharField("sleutel", max_length=40)
    naam = models.CharField("naam", max_length=120)
    volgorde = models.PositiveIntegerField("volgorde", default=100)
    doel_procent = models.FloatField("eigen doel (% van externe tijd)", null=True, blank=True)

    class Meta:
        verbose_name = "sector"
        verbose_name_plural = "sectoren"
        ordering = ["volgorde", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "sleutel"], name="netwerk_sector_uniek")
        ]

    def __str__(self) -> str:
        return self.naam


class Organisatie(OwnedModel):
    naam = models.CharField("naam", max_length=200)
    domeinen = models.JSONField("maildomeinen", default=list, blank=True)
    sector = models.ForeignKey(
        Sector, on_delete=models.SET_NULL, null=True, blank=True, related_name="organisaties"
    )
    reden = models.CharField("reden van het voorstel", max_length=500, blank=True)
    intern = models.BooleanField("eigen organisatie", default=False)
    # The user chose the sector or name: later imports never overwrite it.
    gecorrigeerd = models.BooleanField("door jou aangepast", default=False)
    handmatig = models.BooleanField("zelf toegevoegd", default=False)
    streef_dagen = models.PositiveIntegerField("streeftermijn (dagen)", null=True, blank=True)
    max_dagen = models.PositiveIntegerField("maximale termijn (dagen)", null=True, blank=True)
    afbouwen = models.BooleanField("afbouwen", default=False)
    notitie = models.TextField("privénotitie", blank=True)

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["naam", "id"]

    def __str__(self) -> str:
        return self.naam


class Relatie(OwnedModel):
    """A person the user meets. Minimal fields: no special categories of personal data."""

    naam = models.CharField("naam", max_length=200)
    email = models.CharField("e-mail", max_length=320, blank=True)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.SET_NULL, null=True, blank=True, related_name="relaties"
    )
    rol = models.CharField("rol", max_length=200, blank=True)
    handmatig = models.BooleanField("zelf toegevoegd", default=False)
    streef_dagen = models.PositiveIntegerField("streeftermijn (dagen)", null=True, blank=True)
    max_dagen = models.PositiveIntegerField("maximale termijn (dagen)", null=True, blank=True)
    afbouwen = models.BooleanField("afbouwen", default=False)
    notitie = models.TextField("privénotitie", blank=True)

    class Meta:
        verbose_name = "relatie"
        verbose_name_plural = "relaties"
        ordering = ["naam", "id"]
        indexes = [models.Index(fields=["owner", "email"], name="netwerk_relatie_email")]

    def __str__(self) -> str:
        return self.naam


class Contactmoment(OwnedModel):
    bron = models.CharField("bron", max_length=10, choices=BRON_CHOICES)
    # For moments from the agenda: the occurrence's UID and recurrence key.
    sleutel = models.CharField("sleutel", max_length=600, blank=True)
    vingerafdruk = models.CharField(max_length=40, blank=True)
    datum = models.DateField("datum")
    begin = models.DateTimeField("begin", null=True, blank=True)
    minuten = models.PositiveIntegerField("minuten", default=0)
    vorm = models.CharField("vorm", max_length=40, choices=VORM_CHOICES)
    vorm_reden = models.CharField("reden van de vorm", max_length=300, blank=True)
    onderwerp = models.CharField("onderwerp", max_length=500, blank=True)
    domein = models.CharField("agendadomein", max_length=12, blank=True)
    relaties = models.ManyToManyField(Relatie, related_name="contactmomenten", blank=True)
    organisaties = models.ManyToManyField(Organisatie, related_name="contactmomenten", blank=True)
    notitie = models.TextField("privénotitie", blank=True)

    class Meta:
        verbose_name = "contactmoment"
        verbose_name_plural = "contactmomenten"
        ordering = ["-datum", "-id"]
        indexes = [models.Index(fields=["owner", "datum"], name="netwerk_contact_datum")]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "sleutel"],
                condition=models.Q(bron="agenda"),
                name="netwerk_contact_agenda_uniek",
            )
        ]

    def __str__(self) -> str:
        return f"{self.onderwerp or self.get_vorm_display()} ({self.datum:%d-%m-%Y})"


class Samenwerkingsverband(OwnedModel):
    ROL_CHOICES = [
        ("deelnemer", "Deelnemer"),
        ("opdrachtgever", "Opdrachtgever"),
        ("afnemer", "Afnemer"),
    ]
    STATUS_CHOICES = [("opbouw", "In opbouw"), ("lopend", "Lopend"), ("afbouw", "Afbouwen")]

    naam = models.CharField("naam", max_length=200)
    rol = models.CharField("rol van de gemeente", max_length=20, choices=ROL_CHOICES)
    status = models.CharField("status", max_length=20, choices=STATUS_CHOICES)
    organisaties = models.ManyToManyField(Organisatie, related_name="verbanden", blank=True)
    # Titles of the recurring meetings in the agenda that belong to this arrangement.
    overleg_onderwerp = models.CharField(
        "overleg in de agenda (onderwerp)", max_length=300, blank=True
    )
    omschrijving = models.CharField("omschrijving", max_length=500, blank=True)
    notitie = models.TextField("privénotitie", blank=True)

    class Meta:
        verbose_name = "samenwerkingsverband"
        verbose_name_plural = "samenwerkingsverbanden"
        ordering = ["naam", "id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "naam"], name="netwerk_verband_uniek")
        ]

    def __str__(self) -> str:
        return self.naam


class Introductievoorstel(OwnedModel):
    """What the user did with a suggested introduction; remembered so it is not asked again."""

    SOORT_CHOICES = [("verbinden", "Verbinden"), ("confronteren", "Confronteren")]
    BESLUIT_CHOICES = [("geaccepteerd", "Geaccepteerd"), ("afgewezen", "Afgewezen")]

    relatie_a = models.ForeignKey(Relatie, on_delete=models.CASCADE, related_name="+")
    relatie_b = models.ForeignKey(Relatie, on_delete=models.CASCADE, related_name="+")
    soort = models.CharField("soort", max_length=20, choices=SOORT_CHOICES, blank=True)
    besluit = models.CharField("besluit", max_length=20, choices=BESLUIT_CHOICES)
    reden = models.CharField("reden", max_length=1000, blank=True)
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)

    class Meta:
        verbose_name = "introductievoorstel"
        verbose_name_plural = "introductievoorstellen"
        ordering = ["-aangemaakt", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "relatie_a", "relatie_b"], name="netwerk_introductie_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.relatie_a} – {self.relatie_b}: {self.get_besluit_display()}"
