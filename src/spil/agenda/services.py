"""Writes for the agenda-spiegel: importing calendars, corrections, settings, and removing
the user's own agenda data."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import PurePath
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Q
from django.utils import timezone

from spil.core.chart_cache import chart_version_bump

from .classification import DOMAINS, WORK_DOMAINS, Classifier, infer_own_domains, normalise_title
from .models import Afspraak, Agendabron, AgendaInstellingen, Correctie, Importbatch
from .parsed import CalendarImportError, Occurrence
from .pipeline import parse_calendar_file
from .selectors import (
    AgendaTelling,
    afspraak_get,
    afspraak_qs,
    agendabron_get,
    classifier_build,
    instellingen_get,
    local_tz,
    occurrence_from_row,
    source_only_corrections,
    thresholds_from,
)
from .signals import agenda_gewijzigd

_UPDATE_FIELDS = [
    "bron",
    "begin",
    "eind",
    "hele_dag",
    "onderwerp",
    "onderwerp_sleutel",
    "locatie",
    "categorieen",
    "deelnemers",
    "organisator",
    "beschikbaarheid",
    "prive",
    "reeks",
    "vingerafdruk",
    "domein",
    "reden",
    "bron_indeling",
    "persoonlijk",
]
_CLASSIFICATION_FIELDS = ["domein", "reden", "bron_indeling", "persoonlijk"]


def _insert_rows(rows: list[Afspraak]) -> None:
    """bulk_create without the ORM's per-value preparation: a year is ~3,000 rows of 20
    fields, and preparing 60,000 plain strings and booleans one by one costs more than
    reading the calendar. Dates, foreign keys and JSON still go through their field so every
    database gets its own representation."""
    if not rows:
        return
    fields = [f for f in Afspraak._meta.concrete_fields if not f.primary_key]
    plain = [isinstance(f, models.CharField | models.BooleanField) for f in fields]
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(Afspraak._meta.db_table)} "
        f"({', '.join(quote(str(f.column)) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    params = [
        [
            getattr(row, f.attname)
            if is_plain
            else f.get_db_prep_save(getattr(row, f.attname), connection)
            for f, is_plain in zip(fields, plain, strict=True)
        ]
        for row in rows
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(params), 1000):
            cursor.executemany(sql, params[start : start + 1000])


def source_name_for(filename: str, calendar_name: str = "") -> str:
    """Which calendar a file is an export of: its own name, else the file name without the
    dates and copy numbers that repeated exports add ("Agenda (2).ics", "agenda-2025-03.ics")."""
    if calendar_name.strip():
        return calendar_name.strip()[:200]
    stem = PurePath(filename).stem
    stem = re.sub(r"\s*\(\d+\)$", "", stem)
    stem = re.sub(r"[-_ ]*\d{4}([-_]?\d{2}){0,2}([-_ ]?\d{4,6})?$", "", stem)
    return (stem.strip(" -_") or "Agenda")[:200]


def _apply(row: Afspraak, occurrence: Occurrence, verdict, bron: Agendabron) -> None:
    row.bron = bron
    row.begin = occurrence.start
    row.eind = occurrence.end
    row.hele_dag = occurrence.all_day
    row.onderwerp = occurrence.title[:500]
    row.onderwerp_sleutel = normalise_title(occurrence.title)[:500]
    row.locatie = occurrence.location[:500]
    row.categorieen = list(occurrence.categories)
    row.deelnemers = list(occurrence.attendees)
    row.organisator = occurrence.organizer[:320]
    row.beschikbaarheid = occurrence.availability
    row.prive = occurrence.private
    row.reeks = occurrence.recurring
    row.vingerafdruk = occurrence.fingerprint()
    row.domein = verdict.domain
    row.reden = verdict.reason[:500]
    row.bron_indeling = verdict.source
    row.persoonlijk = verdict.personal


def agenda_import(
    *,
    owner,
    filename: str,
    data: bytes,
    bron_naam: str | None = None,
    today: date | None = None,
    van: date | None = None,
    tot: date | None = None,
) -> Importbatch:
    """Import an ICS or CSV file for `owner`, all or nothing.

    Occurrences are matched by UID + original start. Unchanged ones stay as they are; changed
    ones are updated; occurrences of the same calendar (bron) inside the window that the file
    no longer contains are removed. Raises CalendarImportError (Dutch, names the file) before
    anything is written.
    """
    tz = local_tz()
    today = today or timezone.localdate()
    # A NUL in a name cannot be stored (PostgreSQL) and is never meant.
    filename = filename.replace("\x00", "") or "agenda"
    parsed = parse_calendar_file(data, filename=filename, tz=tz, today=today, van=van, tot=tot)
    naam = (bron_naam or "").strip() or source_name_for(filename, parsed.name)
    # parse_calendar_file always sets the window it expanded the calendar in.
    assert parsed.window_start is not None and parsed.window_end is not None
    window_start = datetime.combine(parsed.window_start, time(0), tzinfo=tz)
    window_end = datetime.combine(parsed.window_end, time(0), tzinfo=tz)

    # Two imports of the same file at the same moment: the lock in _store makes the second
    # wait; should a unique constraint still trip (another process that does not lock), the
    # import is tried again from the top, and only then refused in Dutch.
    for attempt in range(3):
        try:
            with transaction.atomic():
                return _store(
                    owner=owner,
                    parsed=parsed,
                    data=data,
                    filename=filename,
                    naam=naam,
                    window_start=window_start,
                    window_end=window_end,
                )
        except IntegrityError as error:
            if attempt == 2:
                raise CalendarImportError(
                    f"{filename}: tegelijk liep een andere import van deze agenda; er is niets "
                    "veranderd. Probeer het over een ogenblik opnieuw."
                ) from error
    raise AssertionError("unreachable")


def _store(*, owner, parsed, data: bytes, filename: str, naam: str, window_start, window_end):
    """The writing half of agenda_import, in one transaction."""
    # One import per owner at a time: a second one (another tab, a double click) waits here
    # for the first to commit and then finds its rows, instead of inserting them again.
    # PostgreSQL locks the owner's row; SQLite already serialises writers (BEGIN IMMEDIATE).
    get_user_model().objects.select_for_update().filter(pk=owner.pk).values_list("pk").first()
    bron, _ = Agendabron.objects.get_or_create(owner=owner, naam=naam)
    own_domains = _remember_own_domains(owner, infer_own_domains(parsed.occurrences))
    classifier = classifier_build(owner=owner, own_domains=own_domains)
    keys = {occurrence.key for occurrence in parsed.occurrences}
    uids = sorted({uid for uid, _key in keys})
    existing: dict[tuple[str, str], Afspraak] = {}
    in_window = Q(bron=bron, begin__gte=window_start, begin__lt=window_end)
    candidates = afspraak_qs(owner=owner).filter(in_window)
    for stored in candidates:
        existing[(stored.uid, stored.herhaling)] = stored
    # Occurrences imported earlier through another calendar or outside the window.
    for start in range(0, len(uids), 500):
        for stored in afspraak_qs(owner=owner).filter(uid__in=uids[start : start + 500]):
            existing.setdefault((stored.uid, stored.herhaling), stored)

    to_create: list[Afspraak] = []
    to_update: list[Afspraak] = []
    unchanged = 0
    for occurrence in parsed.occurrences:
        verdict = classifier.classify(occurrence)
        row = existing.get(occurrence.key)
        if row is None:
            row = Afspraak(
                owner=owner, uid=occurrence.uid[:500], herhaling=occurrence.recurrence_key
            )
            _apply(row, occurrence, verdict, bron)
            to_create.append(row)
            continue
        same = (
            row.vingerafdruk == occurrence.fingerprint()
            and row.bron_id == bron.pk
            and row.domein == verdict.domain
            and row.reden == verdict.reason[:500]
            and row.bron_indeling == verdict.source
            and row.persoonlijk == verdict.personal
        )
        if same:
            unchanged += 1
        else:
            _apply(row, occurrence, verdict, bron)
            to_update.append(row)

    stale = [
        row.pk
        for key, row in existing.items()
        if key not in keys and row.bron_id == bron.pk and window_start <= row.begin < window_end
    ]
    _insert_rows(to_create)
    if to_update:
        Afspraak.objects.bulk_update(to_update, _UPDATE_FIELDS, batch_size=500)
    if stale:
        afspraak_qs(owner=owner).filter(pk__in=stale).delete()
    batch = Importbatch.objects.create(
        owner=owner,
        bron=bron,
        bestandsnaam=filename[:255],
        soort=parsed.kind,
        venster_van=parsed.window_start,
        venster_tot=parsed.window_end,
        nieuw=len(to_create),
        gewijzigd=len(to_update),
        verwijderd=len(stale),
        ongewijzigd=unchanged,
        geannuleerd=parsed.skipped_cancelled,
        bestand_van=parsed.file_start,
        bestand_tot=parsed.file_end,
        buiten_periode=parsed.left_out,
        bestand=data if parsed.left_out else None,
        meldingen=parsed.notices,
    )
    agenda_gewijzigd.send(sender=Afspraak, owner=owner)
    return batch


def importbatch_import_whole_period(*, owner, batch_id: int) -> Importbatch:
    """Import the whole period of a file that an earlier import read only partly."""
    batch = Importbatch.objects.owned_by(owner).filter(pk=batch_id, bestand__isnull=False).first()
    if batch is None:
        raise Importbatch.DoesNotExist
    result = agenda_import(
        owner=owner,
        filename=batch.bestandsnaam,
        data=bytes(batch.bestand),
        bron_naam=batch.bron.naam,
    )
    Importbatch.objects.owned_by(owner).filter(pk=batch.pk).update(bestand=None)
    return result


def _remember_own_domains(owner, inferred: list[str]) -> list[str]:
    """The user's own mail domains; the first import that reveals one stores it in the
    settings, so that later imports and re-classification agree (and the user can see and
    change it)."""
    instellingen = instellingen_get(owner=owner)
    if instellingen.eigen_domeinen or not inferred:
        return list(instellingen.eigen_domeinen or [])
    instellingen.eigen_domeinen = inferred
    instellingen.save()
    return inferred


def _own_domains_of(owner) -> list[str]:
    """Inferred from everything stored, for users whose settings name no domain yet."""
    rows = afspraak_qs(owner=owner).values_list("organisator", "deelnemers")
    return infer_own_domains(
        SimpleNamespace(organizer=organizer, attendees=attendees or ())  # type: ignore[misc]
        for organizer, attendees in rows.iterator()
    )


@transaction.atomic
def afspraken_herindelen(*, owner, classifier: Classifier | None = None) -> int:
    """Classify all of the owner's appointments again; returns how many changed."""
    tz = local_tz()
    if classifier is None:
        configured = instellingen_get(owner=owner).eigen_domeinen
        own_domains = configured or _own_domains_of(owner)
        classifier = classifier_build(owner=owner, own_domains=own_domains)
    changed = []
    for row in afspraak_qs(owner=owner).iterator():
        verdict = classifier.classify(occurrence_from_row(row, tz))
        if (row.domein, row.reden, row.bron_indeling, row.persoonlijk) != (
            verdict.domain,
            verdict.reason[:500],
            verdict.source,
            verdict.personal,
        ):
            row.domein = verdict.domain
            row.reden = verdict.reason[:500]
            row.bron_indeling = verdict.source
            row.persoonlijk = verdict.personal
            changed.append(row)
    if changed:
        Afspraak.objects.bulk_update(changed, _CLASSIFICATION_FIELDS, batch_size=500)
        chart_version_bump(scope="agenda", owner_id=owner.pk)
    return len(changed)


def _correction_key(afspraak: Afspraak, bereik: str) -> str:
    if bereik == Correctie.BEREIK_AFSPRAAK:
        return f"{afspraak.uid}\x1f{afspraak.herhaling}"
    if bereik == Correctie.BEREIK_REEKS:
        return afspraak.uid
    return normalise_title(afspraak.onderwerp)


@transaction.atomic
def correctie_create(*, owner, afspraak_id: int, bereik: str, domein: str) -> Correctie:
    """Put an appointment (or its series, or every appointment with its title) in a domain.
    Everything the correction covers is re-classified at once; the correction is kept for
    future imports. Raises Afspraak.DoesNotExist for another user's appointment."""
    if domein not in DOMAINS:
        raise ValidationError(f"Onbekend domein: {domein}.")
    if bereik not in dict(Correctie.BEREIK_CHOICES):
        raise ValidationError(f"Onbekend bereik: {bereik}.")
    afspraak = afspraak_get(owner=owner, pk=afspraak_id)
    sleutel = _correction_key(afspraak, bereik)
    correctie, _ = Correctie.objects.update_or_create(
        owner=owner,
        bereik=bereik,
        sleutel=sleutel,
        defaults={"domein": domein, "onderwerp": afspraak.onderwerp[:500]},
    )
    afspraken_herindelen(owner=owner)
    return correctie


@transaction.atomic
def correcties_create(*, owner, afspraak_ids: list[int], bereik: str, domein: str) -> int:
    """Put several appointments in a domain at once (see correctie_create). "De hele reeks"
    applies to appointments of a series; a single appointment gets "alleen deze". Raises
    Afspraak.DoesNotExist when any id is not one of the owner's appointments."""
    if domein not in DOMAINS:
        raise ValidationError(f"Onbekend domein: {domein}.")
    if bereik not in dict(Correctie.BEREIK_CHOICES):
        raise ValidationError(f"Onbekend bereik: {bereik}.")
    wanted = set(afspraak_ids)
    afspraken = list(afspraak_qs(owner=owner).filter(pk__in=wanted))
    if len(afspraken) != len(wanted):
        raise Afspraak.DoesNotExist
    for afspraak in afspraken:
        scope = bereik
        if scope == Correctie.BEREIK_REEKS and not afspraak.reeks:
            scope = Correctie.BEREIK_AFSPRAAK
        Correctie.objects.update_or_create(
            owner=owner,
            bereik=scope,
            sleutel=_correction_key(afspraak, scope),
            defaults={"domein": domein, "onderwerp": afspraak.onderwerp[:500]},
        )
    afspraken_herindelen(owner=owner)
    return len(afspraken)


@transaction.atomic
def correctie_delete(*, owner, correctie_id: int) -> None:
    Correctie.objects.owned_by(owner).get(pk=correctie_id).delete()
    afspraken_herindelen(owner=owner)


_MAIL_DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


@transaction.atomic
def instellingen_update(
    *,
    owner,
    eigen_domeinen: list[str] | None = None,
    doel: dict[str, float] | None = None,
    categorieen: dict[str, str] | None = None,
    drempels: dict | None = None,
) -> AgendaInstellingen:
    """Change the user's settings and re-classify when that changes domains."""
    instellingen = instellingen_get(owner=owner)
    reclassify = False
    if eigen_domeinen is not None:
        cleaned = []
        for value in eigen_domeinen:
            value = value.strip().lower().lstrip("@")
            if not value:
                continue
            if not _MAIL_DOMAIN.match(value):
                raise ValidationError(f"‘{value}’ is geen maildomein (zoals gemeente.nl).")
            cleaned.append(value)
        instellingen.eigen_domeinen = cleaned
        reclassify = True
    if doel is not None:
        values = {d: float(doel.get(d, 0)) for d in WORK_DOMAINS}
        if any(v < 0 for v in values.values()) or abs(sum(values.values()) - 100) > 1:
            raise ValidationError("Het doel moet samen 100 procent zijn, zonder negatieve delen.")
        instellingen.doel_college = values["college"]
        instellingen.doel_organisatie = values["organisatie"]
        instellingen.doel_omgeving = values["omgeving"]
    if categorieen is not None:
        cleaned_map = {}
        for name, domain in categorieen.items():
            if domain not in DOMAINS:
                raise ValidationError(f"Onbekend domein voor categorie ‘{name}’: {domain}.")
            if name.strip():
                cleaned_map[name.strip()] = domain
        instellingen.categorieen = cleaned_map
        reclassify = True
    if drempels is not None:
        merged = {**(instellingen.drempels or {}), **drempels}
        instellingen.drempels = merged
        try:
            thresholds = thresholds_from(instellingen)
        except (TypeError, ValueError) as error:
            raise ValidationError(f"Ongeldige drempel: {error}.") from error
        if thresholds.workday_minutes <= 0:
            raise ValidationError("Het einde van de werkdag moet na het begin liggen.")
    instellingen.save()
    # Targets and thresholds are drawn in the mirror's charts.
    chart_version_bump(scope="agenda", owner_id=owner.pk)
    if reclassify:
        afspraken_herindelen(owner=owner)
    return instellingen


@transaction.atomic
def agendabron_delete(*, owner, bron_id: int) -> AgendaTelling:
    """Remove one of the user's calendars: its appointments, its imports, and the corrections
    for appointments or series that only it held. Corrections by title stay (they are not
    tied to a calendar). The rest is classified again, since the learned model may have lost
    examples. Raises Agendabron.DoesNotExist for another user's calendar."""
    bron = agendabron_get(owner=owner, pk=bron_id)
    corrections = list(source_only_corrections(owner=owner, bron=bron).values_list("pk", flat=True))
    afspraken = afspraak_qs(owner=owner).filter(bron=bron).delete()[0]
    imports = Importbatch.objects.owned_by(owner).filter(bron=bron).delete()[0]
    correcties = Correctie.objects.owned_by(owner).filter(pk__in=corrections).delete()[0]
    bron.delete()
    afspraken_herindelen(owner=owner)
    agenda_gewijzigd.send(sender=Afspraak, owner=owner)
    return AgendaTelling(bronnen=1, afspraken=afspraken, imports=imports, correcties=correcties)


@transaction.atomic
def agendagegevens_delete(*, owner, instellingen: bool = False) -> AgendaTelling:
    """Remove everything agenda-related the user owns: appointments, imports, calendars and
    corrections, and with `instellingen` also the settings (target, own mail domains,
    category mapping, thresholds). Other users' rows are never touched."""
    # Children first, so each count is that model's own rows and not a cascade total.
    afspraken = afspraak_qs(owner=owner).delete()[0]
    imports = Importbatch.objects.owned_by(owner).delete()[0]
    bronnen = Agendabron.objects.owned_by(owner).delete()[0]
    correcties = Correctie.objects.owned_by(owner).delete()[0]
    settings = AgendaInstellingen.objects.owned_by(owner).delete()[0] if instellingen else 0
    agenda_gewijzigd.send(sender=Afspraak, owner=owner)
    return AgendaTelling(
        bronnen=bronnen,
        afspraken=afspraken,
        imports=imports,
        correcties=correcties,
        instellingen=settings,
    )


__all__ = [
    "CalendarImportError",
    "afspraken_herindelen",
    "agenda_import",
    "agendabron_delete",
    "agendagegevens_delete",
    "correctie_create",
    "correctie_delete",
    "instellingen_update",
    "source_name_for",
]
