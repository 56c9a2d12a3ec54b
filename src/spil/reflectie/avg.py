"""Reflectie's part in "Mijn gegevens downloaden" and "Account verwijderen"."""

from __future__ import annotations

from . import export as export_module
from . import services

MODELS = (
    "reflectie.ReflectieInstellingen",
    "reflectie.Reflectiemoment",
    "reflectie.Voornemen",
    "reflectie.EigenVraag",
    "reflectie.Deling",
)


def export(*, user) -> dict:
    return export_module.export_data(user=user)


def delete(*, user) -> None:
    services.reflectie_delete_all(user=user, instellingen=True)
