"""Reads for the netwerkkaart. Every query goes through `visible_to(user)`."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, time, timedelta

from django.db.models import Count, Max, Min, Q, QuerySet

from spil.agenda.analysis import Item, minutes_by_day
from spil.agenda.selectors import afspraak_qs, instellingen_get, local_tz, thresholds_from

from . import analysis
from .analysis import Moment
from .models import (
    BRON_AGENDA,
    Contactmoment,
    Introductievoorstel,
    Organisatie,
    Relatie,
    Samenwerkingsverband,
    Sector,
)
from .rules import meeting_form


def sector_list(*, user) -> QuerySet[Sector]:
    return Sector.objects.visible_to(user).order_by("volgorde", "naam")


def organisatie_list(*, user, intern: bool | None = False) -> QuerySet[Organisatie]:
    qs = Organisatie.objects.visible_to(user).select_related("sector")
    if intern is not None:
        qs = qs.filter(intern=intern)
    return qs.annotate(
        aantal_contacten=Count("contactmomenten", distinct=True),
        laatste_contact=Max("contactmomenten__datum"),
    ).order_by("naam", "id")


def organisatie_get(*, user, pk: int) -> Organisatie:
    """Raises Organisatie.DoesNotExist for another user's organisation."""
    return Organisatie.objects.visible_to(user).select_related("sector").get(pk=pk)


def relatie_list(*, user) -> QuerySet[Relatie]:
    return (
        Relatie.objects.visible_to(user)
        .select_related("organisatie", "organisatie__sector")
        .annotate(
            aantal_contacten=Count("contactmomenten", distinct=True),
            laatste_contact=Max("contactmomenten__datum"),
        )
        .order_by("naam", "id")
    )


def relatie_get(*, user, pk: int) -> Relatie:
    """Raises Relatie.DoesNotExist for another user's person."""
    return Relatie.objects.visible_to(user).select_related("organisatie").get(pk=pk)


def contactmoment_list(*, user) -> QuerySet[Contactmoment]:
    return Contactmoment.objects.visible_to(user)


def tijdlijn(*, user, organisatie: Organisatie | None = None, relatie: Relatie | None = None):
    qs = contactmoment_list(user=user).prefetch_related("relaties")
    if organisatie is not None:
        qs = qs.filter(organisaties=organisatie)
    if relatie is not None:
        qs = qs.filter(relaties=relatie)
    return qs.order_by("-datum", "-id")


def verband_list(*, user) -> QuerySet[Samenwerkingsverband]:
    return (
        Samenwerkingsverband.objects.visible_to(user)
        .prefetch_related("organisaties")
        .order_by("naam", "id")
    )


def verband_overleggen(*, user, verband: Samenwerkingsverband):
    """The agenda's moments whose title matches the arrangement's meeting."""
    if not verband.overleg_onderwerp:
        return contactmoment_list(user=user).none()
    return (
        contactmoment_list(user=user)
        .filter(onderwerp__icontains=verband.overleg_onderwerp)
        .order_by("-datum")
    )


def introductie_besluiten_list(*, user) -> QuerySet[Introductievoorstel]:
    return Introductievoorstel.objects.visible_to(user).select_related("relatie_a", "relatie_b")


def heeft_netwerk(*, user) -> bool:
    return contactmoment_list(user=user).exists()


# Period figures ------------------------------------------------------------------------------


@dataclass
class Periode:
    van: date
    tot: date
    moments: list[Moment]
    organisations: dict[str, analysis.Organisation]
    people: dict[str, analysis.Person]
    first: dict[str, date]
    sector_targets: dict[str, float]

    @property
    def figures(self) -> analysis.Kerncijfers:
        return analysis.kerncijfers(
            self.moments, self.organisations, van=self.van, tot=self.tot, first=self.first
        )


def _org_lookup(*, user) -> dict[str, analysis.Organisation]:
    return {
        str(pk): analysis.Organisation(str(pk), naam, sector)
        for pk, naam, sector in Organisatie.objects.visible_to(user).values_list(
            "pk", "naam", "sector__naam"
        )
    }


def periode_get(*, user, van: date, tot: date) -> Periode:
    """Every moment of [van, tot] as the network sees it. Agenda appointments count with the
    minutes the agenda-spiegel counts on the days inside the period (same selection, same
    per-day rule), so the sector minutes equal the mirror's omgeving minutes."""
    tz = local_tz()
    thresholds = thresholds_from(instellingen_get(owner=user))
    start = datetime.datetime.combine(van, time(0), tzinfo=tz)
    end = datetime.datetime.combine(tot + timedelta(days=1), time(0), tzinfo=tz)
    rows = afspraak_qs(owner=user).filter(begin__lt=end, eind__gt=start)
    fields = (
        "uid",
        "herhaling",
        "begin",
        "eind",
        "onderwerp",
        "domein",
        "hele_dag",
        "beschikbaarheid",
        "persoonlijk",
        "locatie",
        "reeks",
    )
    agenda_contacts = contactmoment_list(user=user).filter(
        bron=BRON_AGENDA, begin__lt=end, datum__gte=van - timedelta(days=31)
    )
    by_key = dict(agenda_contacts.values_list("sleutel", "pk"))
    contact_ids = set(by_key.values())
    manual = list(
        contactmoment_list(user=user)
        .exclude(bron=BRON_AGENDA)
        .filter(datum__gte=van, datum__lte=tot)
        .values_list("pk", "datum", "minuten", "vorm", "onderwerp")
    )
    contact_ids |= {row[0] for row in manual}
    people_of: dict[int, list[str]] = defaultdict(list)
    orgs_of: dict[int, list[str]] = defaultdict(list)
    forms = dict(agenda_contacts.values_list("pk", "vorm"))
    ids = sorted(contact_ids)
    for chunk in range(0, len(ids), 900):
        part = ids[chunk : chunk + 900]
        for cid, rid in Contactmoment.relaties.through.objects.filter(
            contactmoment_id__in=part
        ).values_list("contactmoment_id", "relatie_id"):
            people_of[cid].append(str(rid))
        for cid, oid in Contactmoment.organisaties.through.objects.filter(
            contactmoment_id__in=part
        ).values_list("contactmoment_id", "organisatie_id"):
            orgs_of[cid].append(str(oid))

    moments: list[Moment] = []
    for (
        uid,
        key,
        begin,
        eind,
        title,
        domain,
        all_day,
        availability,
        personal,
        location,
        reeks,
    ) in rows.values_list(*fields):
        item = Item(
            uid=uid,
            start=begin.astimezone(tz),
            end=eind.astimezone(tz),
            title=title,
            domain=domain,
            all_day=all_day,
            availability=availability,
            personal=personal,
        )
        minutes = sum(m for d, m in minutes_by_day(item, thresholds) if van <= d <= tot)
        cid = by_key.get(f"{uid}\x1f{key}"[:600])
        if cid is None and domain != "omgeving":
            continue
        if cid is not None:
            form = forms[cid]
        else:
            form = meeting_form(title=title, location=location, recurring=reeks)[0]
        moments.append(
            Moment(
                key=f"{uid}\x1f{key}",
                day=max(van, item.start.date()),
                minutes=minutes,
                domain=domain,
                form=form,
                people=tuple(people_of.get(cid, ())) if cid else (),
                organisations=tuple(orgs_of.get(cid, ())) if cid else (),
                title=title,
            )
        )
    for pk, datum, minuten, vorm, onderwerp in manual:
        moments.append(
            Moment(
                key=f"handmatig-{pk}",
                day=datum,
                minutes=minuten,
                domain="handmatig",
                form=vorm,
                people=tuple(people_of.get(pk, ())),
                organisations=tuple(orgs_of.get(pk, ())),
                title=onderwerp,
            )
        )
    first = {
        str(rid): d
        for rid, d in Contactmoment.relaties.through.objects.filter(contactmoment__owner=user)
        .values("relatie_id")
        .annotate(first=Min("contactmoment__datum"))
        .values_list("relatie_id", "first")
    }
    people = {
        str(pk): analysis.Person(str(pk), naam, str(org_id or ""), first.get(str(pk)))
        for pk, naam, org_id in Relatie.objects.visible_to(user).values_list(
            "pk", "naam", "organisatie_id"
        )
    }
    targets = {
        naam: doel
        for naam, doel in sector_list(user=user).values_list("naam", "doel_procent")
        if doel is not None
    }
    return Periode(van, tot, moments, _org_lookup(user=user), people, first, targets)


def netwerk_kerncijfers(*, user, van: datetime.date, tot: datetime.date) -> dict | None:
    """The network's key figures for [van, tot], for reflection and the start page; None
    when the user has no network data in that period.

    minuten_extern: the agenda's omgeving minutes (= the sum of `sectoren`, unassigned under
    "Niet toegewezen"); top5_aandeel: the five organisations' share of the minutes with
    external organisations; hhi: concentration over the sectors (0..1, unassigned left out);
    organisaties: external organisations met; nieuwe_contacten: people met for the first time
    ever in the period; vormen: omgeving minutes per meeting form; periodiek_aandeel: the
    share of those minutes in recurring meetings."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    periode = periode_get(user=user, van=van, tot=tot)
    has_contacts = any(m.organisations or m.people for m in periode.moments)
    if not has_contacts and not any(m.minutes for m in periode.moments if m.domain == "omgeving"):
        return None
    return periode.figures.as_dict()


# Cadence, network and introductions -------------------------------------------------------


def peildatum_get(*, user, today: date) -> date:
    """The reference day for recency: today, or the last contact when that is earlier (an
    agenda read months ago should still show its network)."""
    last = contactmoment_list(user=user).filter(datum__lte=today).aggregate(d=Max("datum"))["d"]
    return min(today, last) if last else today


def achterstallig_list(*, user, today: date) -> list[dict]:
    """Organisations and people past their maximum interval, most overdue first."""
    items = []
    lookup = {}
    for org in organisatie_list(user=user).filter(max_dagen__isnull=False):
        key = f"organisatie-{org.pk}"
        items.append(
            analysis.Ritme(
                key, org.naam, org.laatste_contact, org.streef_dagen, org.max_dagen, org.afbouwen
            )
        )
        lookup[key] = ("organisatie", org)
    for person in relatie_list(user=user).filter(max_dagen__isnull=False):
        key = f"relatie-{person.pk}"
        items.append(
            analysis.Ritme(
                key,
                person.naam,
                person.laatste_contact,
                person.streef_dagen,
                person.max_dagen,
                person.afbouwen,
            )
        )
        lookup[key] = ("relatie", person)
    return [
        {"soort": lookup[o.id][0], "object": lookup[o.id][1], "achterstand": o}
        for o in analysis.overdue(items, today=today)
    ]


def _graph_moments(*, user, van: date, tot: date) -> list[Moment]:
    rows = list(
        contactmoment_list(user=user)
        .filter(datum__gte=van, datum__lte=tot)
        .values_list("pk", "datum", "minuten", "domein", "vorm")
    )
    people_of: dict[int, list[str]] = defaultdict(list)
    ids = [r[0] for r in rows]
    for chunk in range(0, len(ids), 900):
        for cid, rid in Contactmoment.relaties.through.objects.filter(
            contactmoment_id__in=ids[chunk : chunk + 900]
        ).values_list("contactmoment_id", "relatie_id"):
            people_of[cid].append(str(rid))
    return [
        Moment(str(pk), datum, minuten, domein, vorm, tuple(people_of.get(pk, ())))
        for pk, datum, minuten, domein, vorm in rows
        if people_of.get(pk)
    ]


def _people_and_orgs(*, user):
    orgs = _org_lookup(user=user)
    people = {
        str(pk): analysis.Person(str(pk), naam, str(org_id or ""))
        for pk, naam, org_id in Relatie.objects.visible_to(user).values_list(
            "pk", "naam", "organisatie_id"
        )
    }
    return people, orgs


@dataclass
class Netwerkbeeld:
    peildatum: date
    view: analysis.NetworkView
    people: dict[str, analysis.Person]
    organisations: dict[str, analysis.Organisation]


def netwerkbeeld_get(*, user, today: date) -> Netwerkbeeld:
    """The co-attendance graph of the last 12 months, with communities and brokerage."""
    peildatum = peildatum_get(user=user, today=today)
    moments = _graph_moments(user=user, van=peildatum - timedelta(days=365), tot=peildatum)
    people, orgs = _people_and_orgs(user=user)
    return Netwerkbeeld(peildatum, analysis.network_view(moments), people, orgs)


def introductie_voorstellen(*, user, today: date, top: int = 10) -> tuple[date, list]:
    """Suggested introductions with reasons; pairs already decided on are left out."""
    beeld = netwerkbeeld_get(user=user, today=today)
    skip = {
        frozenset((str(a), str(b)))
        for a, b in introductie_besluiten_list(user=user).values_list(
            "relatie_a_id", "relatie_b_id"
        )
    }
    found = analysis.introductions(
        beeld.view.graph,
        beeld.people,
        beeld.organisations,
        today=beeld.peildatum,
        community=beeld.view.community,
        skip=skip,
        top=top,
    )
    return beeld.peildatum, found


def relaties_niet_gezien(*, user, jaren: int, today: date) -> QuerySet[Relatie]:
    """People without any contact in the last `jaren` years (or never)."""
    grens = today - timedelta(days=round(365.25 * jaren))
    qs = relatie_list(user=user)
    return qs.filter(Q(laatste_contact__lt=grens) | Q(laatste_contact__isnull=True)).order_by(
        "laatste_contact", "naam"
    )


def relatie_inzage(*, user, pk: int) -> dict:
    """Everything Spil holds about one person (a subject-access request), private notes
    included: the person may ask for them. Raises Relatie.DoesNotExist for another user's."""
    person = relatie_get(user=user, pk=pk)
    return {
        "naam": person.naam,
        "email": person.email,
        "organisatie": person.organisatie.naam if person.organisatie else None,
        "rol": person.rol,
        "streeftermijn_dagen": person.streef_dagen,
        "maximale_termijn_dagen": person.max_dagen,
        "afbouwen": person.afbouwen,
        "notitie": person.notitie,
        "contactmomenten": [
            {
                "datum": c.datum.isoformat(),
                "onderwerp": c.onderwerp,
                "minuten": c.minuten,
                "vorm": c.vorm,
                "bron": c.bron,
            }
            for c in tijdlijn(user=user, relatie=person)
        ],
        "introducties": [
            {
                "met": (v.relatie_b if v.relatie_a_id == person.pk else v.relatie_a).naam,
                "besluit": v.besluit,
                "soort": v.soort,
            }
            for v in introductie_besluiten_list(user=user).filter(
                Q(relatie_a=person) | Q(relatie_b=person)
            )
        ],
    }
