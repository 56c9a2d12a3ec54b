"""The leergang's part in "Mijn gegevens downloaden" and "Account verwijderen"."""

from __future__ import annotations

from spil.core.avg import rows

from .models import (
    Coach,
    Coachkoppeling,
    Coachvoorkeur,
    Deelnemer,
    Intervisiegroep,
    Kandidaatprofiel,
    Leervraag,
    Meeloopstage,
    Moduletoewijzing,
    Modulevoorkeur,
    Profielvrijgave,
)

PUBLISHED = {"plan__status": "gepubliceerd"}


def leergang_export(*, user) -> dict[str, list]:
    mine = Deelnemer.objects.filter(user=user)
    return {
        "leergang.Deelnemer": rows(mine),
        "leergang.Modulevoorkeur": rows(Modulevoorkeur.objects.filter(deelnemer__in=mine)),
        "leergang.Coachvoorkeur": rows(Coachvoorkeur.objects.filter(deelnemer__in=mine)),
        "leergang.Leervraag": rows(Leervraag.objects.filter(deelnemer__in=mine)),
        "leergang.Intervisiegroep": rows(
            Intervisiegroep.objects.filter(deelnemers__in=mine, **PUBLISHED).distinct()
        ),
        "leergang.Moduletoewijzing": rows(
            Moduletoewijzing.objects.filter(deelnemer__in=mine, **PUBLISHED)
        ),
        "leergang.Meeloopstage": rows(Meeloopstage.objects.filter(deelnemer__in=mine, **PUBLISHED)),
        "leergang.Coachkoppeling": rows(
            Coachkoppeling.objects.filter(deelnemer__in=mine, **PUBLISHED)
        ),
        "leergang.Coach": rows(Coach.objects.filter(user=user)),
        "leergang.Kandidaatprofiel": rows(Kandidaatprofiel.objects.filter(owner=user)),
        "leergang.Profielvrijgave": rows(Profielvrijgave.objects.filter(profiel__owner=user)),
    }


def leergang_delete(*, user) -> None:
    """A participant's rows go (with their preferences, questions and assignments); a coach
    record stays for the cohort's plans but no longer points at the account."""
    Deelnemer.objects.filter(user=user).delete()
    Kandidaatprofiel.objects.filter(owner=user).delete()
    Coach.objects.filter(user=user).update(user=None)
