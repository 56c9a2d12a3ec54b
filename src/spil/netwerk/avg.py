"""The network's part in "Mijn gegevens downloaden" and "Account verwijderen"."""

from __future__ import annotations

from .models import (
    Contactmoment,
    Introductievoorstel,
    Organisatie,
    Relatie,
    Samenwerkingsverband,
    Sector,
)

MODELS = (
    "netwerk.Sector",
    "netwerk.Organisatie",
    "netwerk.Relatie",
    "netwerk.Contactmoment",
    "netwerk.Samenwerkingsverband",
    "netwerk.Introductievoorstel",
)


def export(*, user) -> dict:
    def rows(model, *fields):
        return [
            dict(zip(fields, values, strict=True))
            for values in model.objects.owned_by(user).values_list(*fields)
        ]

    data = {
        "sectoren": rows(Sector, "id", "naam", "doel_procent"),
        "organisaties": rows(
            Organisatie,
            "id",
            "naam",
            "domeinen",
            "sector_id",
            "reden",
            "intern",
            "streef_dagen",
            "max_dagen",
            "afbouwen",
            "notitie",
        ),
        "relaties": rows(
            Relatie,
            "id",
            "naam",
            "email",
            "organisatie_id",
            "rol",
            "streef_dagen",
            "max_dagen",
            "afbouwen",
            "notitie",
        ),
        "contactmomenten": rows(
            Contactmoment, "id", "bron", "datum", "minuten", "vorm", "onderwerp", "notitie"
        ),
        "samenwerkingsverbanden": rows(
            Samenwerkingsverband, "id", "naam", "rol", "status", "overleg_onderwerp", "notitie"
        ),
        "introductievoorstellen": rows(
            Introductievoorstel, "id", "relatie_a_id", "relatie_b_id", "soort", "besluit", "reden"
        ),
    }
    for row in data["contactmomenten"]:
        row["datum"] = row["datum"].isoformat()
    return data


def delete(*, user) -> None:
    from .services import netwerk_verwijderen

    netwerk_verwijderen(user=user)
