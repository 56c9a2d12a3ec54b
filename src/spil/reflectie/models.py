"""Reflectie: everything here is personal. Text lives only in the encrypted `*_versleuteld`
fields; the plain columns hold what scheduling needs (rhythm, period, aspect, question ids,
dates) and nothing a user wrote."""

from django.conf import settings
from django.db import models

from spil.accounts.models import OwnedModel

from .ritme import KWARTAAL, MAAND, OEFENING, RITME_LABELS, WEEK

RITME_CHOICES = [(r, RITME_LABELS[r]) for r in (WEEK, MAAND, KWARTAAL, OEFENING)]


class ReflectieInstellingen(OwnedModel):
    week_aan = models.BooleanField("wekelijkse check-in", default=True)
    maand_aan = models.BooleanField("aspect van de maand", default=True)
    kwartaal_aan = models.BooleanField("kwartaalterugblik", default=True)
    herinneringen = models.BooleanField(
        "herinneringen op de startpagina",
        default=True,
        help_text="Uit: de startpagina toont geen reflectie die klaarstaat.",
    )
    taalspiegel = models.BooleanField(
        "taalspiegel",
        default=False,
        help_text="Telt in je eigen reflecties hoe vaak je 'wij' en 'zij' schrijft.",
    )
    uitgesteld = models.JSONField("uitgesteld tot", default=dict, blank=True)

    class Meta:
        verbose_name = "reflectie-instellingen"
        verbose_name_plural = "reflectie-instellingen"
        constraints = [
            models.UniqueConstraint(
                fields=["owner"], name="reflectie_instellingen_een_per_eigenaar"
            )
        ]

    def __str__(self) -> str:
        return f"Reflectie-instellingen #{self.pk}"

    @property
    def enabled(self) -> set[str]:
        return {
            r
            for r, on in (
                (WEEK, self.week_aan),
                (MAAND, self.maand_aan),
                (KWARTAAL, self.kwartaal_aan),
            )
            if on
        }


class Reflectiemoment(OwnedModel):
    """One entry: the questions asked, the answers, scores and the frozen mirror figures."""

    CONCEPT = "concept"
    KLAAR = "klaar"

    ritme = models.CharField("ritme", max_length=10, choices=RITME_CHOICES)
    sleutel = models.CharField("periode", max_length=10)
    aspect = models.CharField("aspect", max_length=20, blank=True)
    vraag_ids = models.JSONField("vragen", default=list, blank=True)
    status = models.CharField(
        "status", max_length=8, choices=[(CONCEPT, "Concept"), (KLAAR, "Afgerond")], default=CONCEPT
    )
    datum = models.DateField("datum")
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    bijgewerkt = models.DateTimeField("bijgewerkt", auto_now=True)
    inhoud_versleuteld = models.TextField(blank=True)

    class Meta:
        verbose_name = "reflectiemoment"
        verbose_name_plural = "reflectiemomenten"
        ordering = ["-datum", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "ritme", "sleutel"], name="reflectie_moment_een_per_periode"
            )
        ]

    def __str__(self) -> str:  # never the text
        return f"Reflectiemoment #{self.pk}"


class Voornemen(OwnedModel):
    moment = models.ForeignKey(Reflectiemoment, on_delete=models.CASCADE, related_name="voornemens")
    tekst_versleuteld = models.TextField()
    opvolgdatum = models.DateField("terugkomen op")
    opgevolgd_in = models.ForeignKey(
        Reflectiemoment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "voornemen"
        verbose_name_plural = "voornemens"
        ordering = ["opvolgdatum", "id"]

    def __str__(self) -> str:
        return f"Voornemen #{self.pk}"


class EigenVraag(OwnedModel):
    tekst_versleuteld = models.TextField()
    aspect = models.CharField("aspect", max_length=20, blank=True)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "eigen vraag"
        verbose_name_plural = "eigen vragen"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Eigen vraag #{self.pk}"


class Deling(OwnedModel):
    """The owner shows one entry to one named user. Deleting the row revokes it at once."""

    moment = models.ForeignKey(Reflectiemoment, on_delete=models.CASCADE, related_name="delingen")
    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="gedeeld met",
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "deling"
        verbose_name_plural = "delingen"
        constraints = [
            models.UniqueConstraint(fields=["moment", "ontvanger"], name="reflectie_deling_uniek")
        ]

    def __str__(self) -> str:
        return f"Deling #{self.pk}"
