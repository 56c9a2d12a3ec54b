"""Oefenen's part in "Mijn gegevens downloaden" and "Account verwijderen"."""

from __future__ import annotations

from .models import Oefensessie


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
