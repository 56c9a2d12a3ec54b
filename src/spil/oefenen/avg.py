"""Oefenen's part in "Mijn gegevens downloaden" and "Account verwijderen"."""

from __future__ import annotations

from .models import Groepsdeelname, Groepssessie, Oefensessie


def oefenen_export(*, user) -> list[dict]:
    return [
        {
            "scenario": s.scenario_id,
            "profiel": s.profiel,
            "stand": s.modus,
            "keuzes": s.keuzes,
            "geraadpleegde_adviseurs": s.geraadpleegd,
            "uitleg": s.uitleg,
            "gestart": s.gestart.isoformat(),
            "afgerond": s.afgerond.isoformat() if s.afgerond else None,
        }
        for s in Oefensessie.objects.filter(owner=user).order_by("gestart")
    ]


def oefenen_delete(*, user) -> None:
    Oefensessie.objects.filter(owner=user).delete()


def groepsspel_export(*, user) -> dict[str, list]:
    """Group sessions led as coach, and one's own part (role, own choices) in group sessions."""
    from spil.core.avg import rows

    return {
        "oefenen.Groepssessie": rows(Groepssessie.objects.filter(owner=user)),
        "oefenen.Groepsdeelname": rows(Groepsdeelname.objects.filter(owner=user)),
    }


def groepsspel_delete(*, user) -> None:
    Groepsdeelname.objects.filter(owner=user).delete()
    Groepssessie.objects.filter(owner=user).delete()
