"""AVG rights through the registry: "Mijn gegevens downloaden" (one zip) and "Account
verwijderen" (everything, in one transaction). Each app registers an `AvgProvider` from its
`AppConfig.ready()`; a new app's personal data is included by registering, nothing here
changes."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterable
from typing import Any

from django.core import serializers
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from spil.core.registry import avg_providers

README = """Dit zijn al je gegevens uit Spil, gedownload op {when}.

- gegevens/<onderdeel>.json: per onderdeel van Spil de gegevens die bij jou horen, per soort
  (bijvoorbeeld "agenda.afspraak") een lijst met alle velden.
- bestanden/<onderdeel>/: de bestanden die je zelf hebt aangeboden, zoals je ze gaf.
"""


def rows(queryset, *, exclude: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Every row of the queryset as a dict of all its fields (minus `exclude`), with its id."""
    model = queryset.model
    skip = set(exclude)
    fields = [
        f.name for f in model._meta.concrete_fields if not f.primary_key and f.name not in skip
    ]
    out = []
    for item in serializers.serialize("python", queryset.order_by("pk"), fields=fields):
        out.append({"id": item["pk"], **item["fields"]})
    return out


def _safe_name(name: str) -> str:
    cleaned = re.sub(r"[^\w.\- ]+", "_", name).strip(" .") or "bestand"
    return cleaned[:150]


def avg_export_zip(*, user) -> bytes:
    """One zip with JSON per registered provider and the user's original files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "LEESMIJ.txt", README.format(when=timezone.localtime().strftime("%d-%m-%Y %H:%M"))
        )
        for key, provider in avg_providers.items():
            data = provider.export(user=user)
            archive.writestr(
                f"gegevens/{key}.json",
                json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            )
            if provider.files is None:
                continue
            used: set[str] = set()
            for name, content in provider.files(user=user):
                safe = _safe_name(name)
                candidate, n = safe, 1
                while candidate in used:
                    n += 1
                    candidate = f"{n}-{safe}"
                used.add(candidate)
                archive.writestr(f"bestanden/{key}/{candidate}", content)
    return buffer.getvalue()


def avg_export_filename(*, user) -> str:
    return f"spil-gegevens-{_safe_name(user.get_username())}-{timezone.localdate():%Y%m%d}.zip"


@transaction.atomic
def account_delete(*, actor, user) -> None:
    """Remove the account and every personal record of it, all or nothing. Only the person
    themself asks for this (a beheerder deactivates instead)."""
    if actor is None or actor.pk != user.pk:
        raise PermissionDenied("Alleen de eigenaar kan een account verwijderen.")
    for provider in avg_providers:
        provider.delete(user=user)
    user.delete()
