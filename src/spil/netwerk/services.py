"""Writes for the netwerkkaart: keeping the network in step with the agenda, corrections,
hand-logged contacts, arrangements (CSV), introduction decisions and removal."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count

from spil.agenda.selectors import afspraak_qs, instellingen_get, local_tz

from .derive import AgendaRecord, derive
from .models import (
    BRON_AGENDA,
    BRON_HANDMATIG,
    VORM_CHOICES,
    Contactmoment,
    Introductievoorstel,
    Organisatie,
    Relatie,
    Samenwerkingsverband,
    Sector,
)
from .rules import SECTOREN


def sectoren_zaaien(*, user) -> list[Sector]:
    """The seeded sector list for a user who has none yet; an edited list stays as it is."""
    existing = {s.sleutel: s for s in Sector.objects.owned_by(user)}
    missing = [
        Sector(owner=user, sleutel=key, naam=label, volgorde=index * 10)
        for index, (key, label) in enumerate(SECTOREN, start=1)
        if key not in existing and not existing
    ]
    if missing:
        Sector.objects.bulk_create(missing)
    return list(Sector.objects.owned_by(user))


def agenda_records(*, user) -> list[AgendaRecord]:
    """The user's stored occurrences, through the agenda's selectors."""
    tz = local_tz()
    rows = afspraak_qs(owner=user).values_list(
        "uid",
        "herhaling",
        "begin",
        "eind",
        "onderwerp",
        "locatie",
        "deelnemers",
        "organisator",
        "reeks",
        "domein",
        "vingerafdruk",
    )
    return [
        AgendaRecord(
            key=f"{uid}\x1f{key}",
            start=begin.astimezone(tz),
            end=eind.astimezone(tz),
            title=title,
            location=location,
            attendees=tuple(attendees or ()),
            organizer=organizer,
            recurring=recurring,
            domain=domain,
            fingerprint=fingerprint,
        )
        for (
            uid,
            key,
            begin,
            eind,
            title,
            location,
            attendees,
            organizer,
            recurring,
            domain,
            fingerprint,
        ) in rows
    ]


@dataclass(frozen=True)
class Bijgewerkt:
    nieuw: int = 0
    gewijzigd: int = 0
    verwijderd: int = 0
    ongewijzigd: int = 0
    organisaties_nieuw: int = 0
    relaties_nieuw: int = 0


@transaction.atomic
def netwerk_bijwerken(*, user) -> Bijgewerkt:
    """Bring the network in step with the agenda. Idempotent: a second run changes nothing.
    Moments whose occurrence is gone are removed, and with them organisations and people that
    only came from those moments; organisations the user corrected and anything added by hand
    stay."""
    if (
        not afspraak_qs(owner=user).exists()
        and not Contactmoment.objects.owned_by(user).filter(bron=BRON_AGENDA).exists()
    ):
        return Bijgewerkt()  # nothing from the agenda, before or now: nothing to do
    sectors = {s.sleutel: s for s in sectoren_zaaien(user=user)}
    own_domains = [d.lower() for d in (instellingen_get(owner=user).eigen_domeinen or [])]
    derived = derive(agenda_records(user=user), own_domains)

    # Organisations by domain.
    by_domain: dict[str, Organisatie] = {}
    for org in Organisatie.objects.owned_by(user):
        for domain in org.domeinen or []:
            by_domain.setdefault(domain.lower(), org)
    new_orgs = []
    changed_orgs = []
    for domain, proposal in sorted(derived.proposals.items()):
        org = by_domain.get(domain)
        sector = sectors.get(proposal.sector) if proposal.sector else None
        if org is None:
            org = Organisatie(
                owner=user,
                naam=proposal.name,
                domeinen=[domain],
                sector=sector,
                reden=proposal.reason[:500],
                intern=proposal.intern,
            )
            new_orgs.append(org)
            by_domain[domain] = org
        elif not org.gecorrigeerd and not org.handmatig:
            wanted = (sector.pk if sector else None, proposal.reason[:500], proposal.intern)
            if (org.sector_id, org.reden, org.intern) != wanted:
                org.sector, org.reden, org.intern = sector, proposal.reason[:500], proposal.intern
                changed_orgs.append(org)
    Organisatie.objects.bulk_create(new_orgs)
    if changed_orgs:
        Organisatie.objects.bulk_update(changed_orgs, ["sector", "reden", "intern"])

    # People by address.
    people: dict[str, Relatie] = {}
    for relatie in Relatie.objects.owned_by(user).exclude(email=""):
        people.setdefault(relatie.email.lower(), relatie)
    new_people = []
    for address, (name, domain) in sorted(derived.people.items()):
        if address not in people:
            relatie = Relatie(owner=user, naam=name, email=address, organisatie=by_domain[domain])
            people[address] = relatie
            new_people.append(relatie)
    Relatie.objects.bulk_create(new_people)

    # Contact moments by occurrence key.
    existing = {c.sleutel: c for c in Contactmoment.objects.owned_by(user).filter(bron=BRON_AGENDA)}
    wanted_keys = set()
    to_create, to_update, links = [], [], []
    unchanged = 0
    for derived_contact in derived.contacts:
        key = derived_contact.key[:600]
        wanted_keys.add(key)
        fingerprint = (derived_contact.fingerprint + derived_contact.domain)[:40]
        row = existing.get(key)
        if row is not None and row.vingerafdruk == fingerprint:
            unchanged += 1
            continue
        if row is None:
            row = Contactmoment(owner=user, bron=BRON_AGENDA, sleutel=key)
            to_create.append(row)
        else:
            to_update.append(row)
        row.vingerafdruk = fingerprint
        row.datum = derived_contact.day
        row.begin = derived_contact.start
        row.minuten = derived_contact.minutes
        row.vorm = derived_contact.form
        row.vorm_reden = derived_contact.form_reason[:300]
        row.onderwerp = derived_contact.title[:500]
        row.domein = derived_contact.domain
        links.append((row, derived_contact))
    stale = [c.pk for key, c in existing.items() if key not in wanted_keys]
    Contactmoment.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        Contactmoment.objects.bulk_update(
            to_update,
            [
                "vingerafdruk",
                "datum",
                "begin",
                "minuten",
                "vorm",
                "vorm_reden",
                "onderwerp",
                "domein",
            ],
            batch_size=500,
        )
        updated = [c.pk for c in to_update]
        Contactmoment.relaties.through.objects.filter(contactmoment_id__in=updated).delete()
        Contactmoment.organisaties.through.objects.filter(contactmoment_id__in=updated).delete()
    person_links, org_links = [], []
    PersonLink = Contactmoment.relaties.through
    OrgLink = Contactmoment.organisaties.through
    for row, derived_contact in links:
        for address in derived_contact.people:
            person_links.append(PersonLink(contactmoment_id=row.pk, relatie_id=people[address].pk))
        for domain in derived_contact.domains:
            org_links.append(OrgLink(contactmoment_id=row.pk, organisatie_id=by_domain[domain].pk))
    PersonLink.objects.bulk_create(person_links, batch_size=1000)
    OrgLink.objects.bulk_create(org_links, batch_size=1000)
    if stale:
        Contactmoment.objects.owned_by(user).filter(pk__in=stale).delete()
    _opruimen(user=user, keep_domains=set(derived.proposals))
    return Bijgewerkt(
        nieuw=len(to_create),
        gewijzigd=len(to_update),
        verwijderd=len(stale),
        ongewijzigd=unchanged,
        organisaties_nieuw=len(new_orgs),
        relaties_nieuw=len(new_people),
    )


def _opruimen(*, user, keep_domains: set[str]) -> None:
    """Remove people and organisations that only came from moments that are gone."""
    gone_people = (
        Relatie.objects.owned_by(user)
        .filter(handmatig=False)
        .annotate(n=Count("contactmomenten"))
        .filter(n=0)
    )
    Relatie.objects.owned_by(user).filter(
        pk__in=list(gone_people.values_list("pk", flat=True))
    ).delete()
    candidates = (
        Organisatie.objects.owned_by(user)
        .filter(handmatig=False, gecorrigeerd=False)
        .annotate(
            n=Count("contactmomenten", distinct=True),
            r=Count("relaties", distinct=True),
            v=Count("verbanden", distinct=True),
        )
        .filter(n=0, r=0, v=0)
    )
    remove = [
        org.pk
        for org in candidates
        if not any(d.lower() in keep_domains for d in (org.domeinen or []))
        and not org.streef_dagen
        and not org.max_dagen
    ]
    if remove:
        Organisatie.objects.owned_by(user).filter(pk__in=remove).delete()


@transaction.atomic
def organisatie_corrigeren(
    *, user, organisatie_id: int, sector_id: int | None = None, naam: str | None = None
) -> Organisatie:
    """Set an organisation's sector (and optionally its name) once, for every contact with its
    domains; later imports keep it. Raises Organisatie.DoesNotExist for another user's."""
    org = Organisatie.objects.visible_to(user).get(pk=organisatie_id)
    if sector_id is not None:
        org.sector = Sector.objects.visible_to(user).get(pk=sector_id) if sector_id else None
    if naam is not None:
        naam = naam.strip()
        if not naam:
            raise ValidationError("Geef de organisatie een naam.")
        org.naam = naam[:200]
    org.gecorrigeerd = True
    org.save()
    return org


def _termijn(value, veld: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError) as error:
        raise ValidationError(f"{veld}: geef een aantal dagen (een heel getal).") from error
    if number <= 0 or number > 3650:
        raise ValidationError(f"{veld}: kies tussen 1 en 3650 dagen.")
    return number


@transaction.atomic
def ritme_instellen(
    *, user, soort: str, pk: int, streef_dagen=None, max_dagen=None, afbouwen: bool = False
):
    """Target and maximum interval for an organisation or person; "afbouwen" silences it."""
    model = Organisatie if soort == "organisatie" else Relatie
    obj = model.objects.visible_to(user).get(pk=pk)
    streef = _termijn(streef_dagen, "Streeftermijn")
    maximum = _termijn(max_dagen, "Maximale termijn")
    if streef and maximum and streef > maximum:
        raise ValidationError("De streeftermijn is langer dan de maximale termijn.")
    obj.streef_dagen, obj.max_dagen, obj.afbouwen = streef, maximum, afbouwen
    obj.save()
    return obj


@transaction.atomic
def contactmoment_vastleggen(
    *,
    user,
    datum: date,
    minuten: int,
    vorm: str,
    relatie_ids: list[int] | None = None,
    organisatie_ids: list[int] | None = None,
    onderwerp: str = "",
) -> Contactmoment:
    """Log a contact by hand (a phone call, a chance meeting)."""
    if vorm not in dict(VORM_CHOICES):
        raise ValidationError(f"Onbekende vorm: {vorm}.")
    if minuten < 0 or minuten > 24 * 60:
        raise ValidationError("Minuten: kies tussen 0 en 1440.")
    relaties = list(Relatie.objects.visible_to(user).filter(pk__in=relatie_ids or []))
    organisaties = list(Organisatie.objects.visible_to(user).filter(pk__in=organisatie_ids or []))
    if len(relaties) != len(set(relatie_ids or [])) or len(organisaties) != len(
        set(organisatie_ids or [])
    ):
        raise Relatie.DoesNotExist
    if not relaties and not organisaties:
        raise ValidationError("Kies met wie je contact had.")
    moment = Contactmoment.objects.create(
        owner=user,
        bron=BRON_HANDMATIG,
        datum=datum,
        minuten=minuten,
        vorm=vorm,
        vorm_reden="Zelf vastgelegd.",
        onderwerp=onderwerp[:500],
    )
    orgs = {o.pk for o in organisaties} | {r.organisatie_id for r in relaties if r.organisatie_id}
    moment.relaties.set(relaties)
    moment.organisaties.set(orgs)
    return moment


@transaction.atomic
def introductie_besluiten(
    *, user, relatie_a: int, relatie_b: int, besluit: str, soort: str = "", reden: str = ""
) -> Introductievoorstel:
    """Remember an accepted (verbinden/confronteren) or declined suggestion."""
    if besluit not in dict(Introductievoorstel.BESLUIT_CHOICES):
        raise ValidationError(f"Onbekend besluit: {besluit}.")
    if soort and soort not in dict(Introductievoorstel.SOORT_CHOICES):
        raise ValidationError(f"Onbekende soort: {soort}.")
    a, b = sorted([relatie_a, relatie_b])
    ra = Relatie.objects.visible_to(user).get(pk=a)
    rb = Relatie.objects.visible_to(user).get(pk=b)
    voorstel, _ = Introductievoorstel.objects.update_or_create(
        owner=user,
        relatie_a=ra,
        relatie_b=rb,
        defaults={"besluit": besluit, "soort": soort, "reden": reden[:1000]},
    )
    return voorstel


@transaction.atomic
def relaties_verwijderen(*, user, relatie_ids: list[int]) -> int:
    """Remove people (third parties) and their part in contact moments. Their moments stay as
    contacts with the organisation. Returns how many people were removed."""
    qs = Relatie.objects.visible_to(user).filter(pk__in=relatie_ids)
    if qs.count() != len(set(relatie_ids)):
        raise Relatie.DoesNotExist
    # A later agenda import in which the address appears again brings the person back: the
    # removal is meant for people no longer seen.
    return qs.delete()[1].get(Relatie._meta.label, 0)


VERBAND_KOLOMMEN = ("naam", "rol", "status", "organisaties", "overleg")


class VerbandImportError(Exception):
    """A CSV of arrangements that cannot be read; Dutch, names file, row and field."""


@transaction.atomic
def verbanden_importeren(*, user, filename: str, data: bytes) -> int:
    """Read arrangements from CSV: columns naam, rol (deelnemer/opdrachtgever/afnemer), status
    (opbouw/lopend/afbouw), organisaties (names or domains separated by ';') and overleg (the
    title of the recurring meeting in the agenda). All rows or none; importing twice changes
    nothing. Returns the number of rows read."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise VerbandImportError(
            f"{filename}: het bestand is geen UTF-8-tekst; sla het op als CSV (UTF-8)."
        ) from error
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in ("naam", "rol", "status") if c not in header]
    if missing:
        raise VerbandImportError(
            f"{filename}: kolom ‘{missing[0]}’ ontbreekt; verwacht zijn de kolommen "
            f"{', '.join(VERBAND_KOLOMMEN)}."
        )
    unknown = [h for h in header if h and h not in VERBAND_KOLOMMEN]
    if unknown:
        raise VerbandImportError(
            f"{filename}: onbekende kolom ‘{unknown[0]}’; verwacht zijn de kolommen "
            f"{', '.join(VERBAND_KOLOMMEN)}."
        )
    orgs = list(Organisatie.objects.visible_to(user))
    by_key = {}
    for org in orgs:
        by_key.setdefault(org.naam.lower(), org)
        for domain in org.domeinen or []:
            by_key.setdefault(domain.lower(), org)
    rollen = dict(Samenwerkingsverband.ROL_CHOICES)
    statussen = dict(Samenwerkingsverband.STATUS_CHOICES)
    rows = []
    for number, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        if None in raw:
            raise VerbandImportError(f"{filename}, rij {number}: meer waarden dan kolommen.")
        naam = row.get("naam", "")
        if not naam:
            raise VerbandImportError(f"{filename}, rij {number}, veld ‘naam’: leeg.")
        if len(naam) > 200:
            raise VerbandImportError(
                f"{filename}, rij {number}, veld ‘naam’: langer dan 200 tekens."
            )
        rol = row.get("rol", "").lower()
        if rol not in rollen:
            raise VerbandImportError(
                f"{filename}, rij {number}, veld ‘rol’: ‘{rol}’ is geen deelnemer, "
                "opdrachtgever of afnemer."
            )
        status = row.get("status", "").lower()
        if status not in statussen:
            raise VerbandImportError(
                f"{filename}, rij {number}, veld ‘status’: ‘{status}’ is geen opbouw, lopend "
                "of afbouw."
            )
        linked = []
        names = row.get("organisaties", "").replace(";", "|").split("|")
        for name in filter(None, (part.strip() for part in names)):
            org = by_key.get(name.lower())
            if org is None:
                raise VerbandImportError(
                    f"{filename}, rij {number}, veld ‘organisaties’: ‘{name}’ staat niet in "
                    "je netwerk."
                )
            linked.append(org)
        rows.append((naam, rol, status, row.get("overleg", "")[:300], linked))
    if not rows:
        raise VerbandImportError(f"{filename}: het bestand bevat geen rijen.")
    for naam, rol, status, overleg, linked in rows:
        verband, _ = Samenwerkingsverband.objects.update_or_create(
            owner=user,
            naam=naam,
            defaults={"rol": rol, "status": status, "overleg_onderwerp": overleg},
        )
        verband.organisaties.set(linked)
    return len(rows)


@transaction.atomic
def netwerk_verwijderen(*, user) -> dict[str, int]:
    """Everything of the network the user owns (for account removal)."""
    counts = {}
    for model in (
        Introductievoorstel,
        Contactmoment,
        Samenwerkingsverband,
        Relatie,
        Organisatie,
        Sector,
    ):
        counts[model._meta.verbose_name_plural] = model.objects.owned_by(user).delete()[0]
    return counts


@transaction.atomic
def sector_opslaan(
    *, user, sector_id: int | None, naam: str, doel_procent: float | None = None
) -> Sector:
    """Rename a sector or set the own target; without `sector_id` a new sector is added."""
    naam = naam.strip()
    if not naam:
        raise ValidationError("Geef de sector een naam.")
    if doel_procent is not None and not 0 <= doel_procent <= 100:
        raise ValidationError("Het doel ligt tussen 0 en 100 procent.")
    if Sector.objects.visible_to(user).filter(naam=naam).exclude(pk=sector_id or 0).exists():
        raise ValidationError(f"Er is al een sector ‘{naam}’.")
    if sector_id:
        sector = Sector.objects.visible_to(user).get(pk=sector_id)
    else:
        sectoren_zaaien(user=user)
        count = Sector.objects.visible_to(user).count()
        sector = Sector(owner=user, sleutel=f"eigen-{count + 1}", volgorde=(count + 1) * 10)
        while Sector.objects.visible_to(user).filter(sleutel=sector.sleutel).exists():
            count += 1
            sector.sleutel = f"eigen-{count + 1}"
    sector.naam = naam[:120]
    sector.doel_procent = doel_procent
    sector.save()
    return sector
