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
