"""A user with at least one row in every personal model, made through the real services."""

from __future__ import annotations

import importlib
import importlib.util
from datetime import date

from django.apps import apps

from spil.accounts.services import role_grant
from spil.agenda.models import Afspraak, AgendaInstellingen
from spil.agenda.services import agenda_import, correctie_create
from spil.core.audit import audit_reads
from spil.kennis.curation_services import search_feedback_record, search_miss_record
from spil.kennis.library_services import unit_visit_record
from spil.kennis.models import Document, Upload
from spil.kennis.services import document_ingest
from spil.oefenen.library import scenarios
from spil.oefenen.services import oefensessie_start
from tests.agenda.calendars import event, ics
from tests.web.library import NOTITIE, WERKBOEK, ingest

WERKAGENDA = ics(
    event("overleg@beekdal", "Collegevergadering", "20250304T090000Z", "20250304T110000Z"),
    event("bezoek@beekdal", "Bezoek woningcorporatie", "20250305T130000Z", "20250305T140000Z"),
    header="X-WR-CALNAME:Werk\r\n",
)


def fill(user, *, tag: str, watcher=None):
    """Personal data of `user`: a private document (with its upload bytes), a reading visit, an
    agenda with a correction and settings, a role, and an audit line about them."""
    shared = Document.objects.filter(source_name="werkboek.md", owner=None).first() or ingest(
        WERKBOEK, "werkboek.md"
    )
    name = f"notitie-{tag}.md"
    private = document_ingest(
        data=NOTITIE.encode() + tag.encode(), filename=name, user=user, owner=user
    ).document
    Upload.objects.create(
        owner=user,
        filename=name,
        data=NOTITIE.encode() + tag.encode(),
        size_bytes=len(NOTITIE),
        status=Upload.Status.ADDED,
        document=private,
    )
    unit_visit_record(owner=user, unit=shared.units.first())
    unit_visit_record(owner=user, unit=private.units.first())
    search_feedback_record(user=user, query=f"raad {tag}", unit=shared.units.first(), useful=False)
    search_miss_record(user=user, query=f"zwembad {tag}")
    agenda_import(owner=user, filename="Werk.ics", data=WERKAGENDA, today=date(2025, 3, 10))
    afspraak = Afspraak.objects.filter(owner=user).first()
    correctie_create(owner=user, afspraak_id=afspraak.pk, bereik="reeks", domein="omgeving")
    AgendaInstellingen.objects.get_or_create(owner=user)
    scenario = next(iter(scenarios().values()))
    oefensessie_start(
        user=user,
        scenario_id=scenario.id,
        profiel=scenario.profielen[0].id if scenario.profielen else "",
        modus="oefenen",
        timer=False,
    )
    role_grant(actor=None, user=user, role="kandidaat")
    if watcher is not None:
        audit_reads(actor=watcher, resource="accounts.account", objects=[user], owner_attr="self")
    app_fill(user, tag=tag, watcher=watcher)
    return private


def app_fill(user, *, tag: str, watcher=None) -> None:
    """Every other app adds its own rows through `tests/<app>/personal_data.py` (a `fill`
    function), so a new app is covered without editing this file."""
    for config in apps.get_app_configs():
        if not config.name.startswith("spil.") or config.label in {
            "core",
            "accounts",
            "kennis",
            "agenda",
        }:
            continue
        module = f"tests.{config.label}.personal_data"
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module).fill(user, tag=tag, watcher=watcher)
