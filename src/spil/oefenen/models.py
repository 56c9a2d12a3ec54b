from django.db import models

from spil.accounts.models import OwnedModel

from .constants import Modus


class Oefensessie(OwnedModel):
    """One play of a scenario by one user; the result is the player's own."""

    scenario_id = models.CharField("scenario", max_length=100)
    profiel = models.CharField("gemeenteprofiel", max_length=50)
    modus = models.CharField("stand", max_length=10, choices=Modus.choices, default=Modus.OEFENEN)
    timer = models.BooleanField("tijdslimiet per situatie", default=False)
    # The play record: [[situatie, keuze], ...]; the state is always recomputed from the scenario.
    keuzes = models.JSONField("keuzes", default=list)
    # [[situatie, adviseur], ...]: advisers whose advice the player opened.
    geraadpleegd = models.JSONField("geraadpleegde adviseurs", default=list)
    # {"<stapnummer>": {"publiek": ..., "tekst": ...}}: optional explanation after key choices.
    uitleg = models.JSONField("uitleg bij keuzes", default=dict)
    gestart = models.DateTimeField("gestart", auto_now_add=True)
    afgerond = models.DateTimeField("afgerond", null=True, blank=True)

    class Meta:
        verbose_name = "oefensessie"
        verbose_name_plural = "oefensessies"
        ordering = ["-gestart"]

    def __str__(self) -> str:
        return f"{self.scenario_id} ({self.get_modus_display()})"


class Groepssessie(OwnedModel):
    """An intervisie group plays a scenario together; the owner is the group's coach, who
    starts it, moves the group on and sees the group's debrief."""

    intervisiegroep = models.ForeignKey(
        "leergang.Intervisiegroep",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="intervisiegroep",
    )
    scenario_id = models.CharField("scenario", max_length=100)
    profiel = models.CharField("gemeenteprofiel", max_length=50)
    zaad = models.PositiveIntegerField("zaad voor de loting")
    # The group's path: [[situatie, keuze], ...], chosen by the coach after the discussion.
    keuzes = models.JSONField("keuzes van de groep", default=list, blank=True)
    gestart = models.DateTimeField("gestart", auto_now_add=True)
    afgerond = models.DateTimeField("afgerond", null=True, blank=True)

    class Meta:
        verbose_name = "groepssessie"
        verbose_name_plural = "groepssessies"
        ordering = ["-gestart"]

    def __str__(self) -> str:
        return f"{self.scenario_id} met {self.intervisiegroep}"


class Groepsdeelname(OwnedModel):
    """One player in a group session: the role drawn by lot and their own choices. Only the
    player sees these; the group sees counts of three or more, never who chose what."""

    sessie = models.ForeignKey(Groepssessie, on_delete=models.CASCADE, related_name="deelnames")
    rol = models.CharField("rol", max_length=100, blank=True)
    # {situatie: keuze}
    stemmen = models.JSONField("mijn keuzes", default=dict, blank=True)

    class Meta:
        verbose_name = "groepsdeelname"
        verbose_name_plural = "groepsdeelnames"
        ordering = ["sessie_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["sessie", "owner"], name="oefenen_een_deelname")
        ]

    def __str__(self) -> str:
        return f"deelname aan {self.sessie}"
