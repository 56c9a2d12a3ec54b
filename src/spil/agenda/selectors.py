"""Reads for the agenda-spiegel. Every query is scoped to its owner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Max, Q, QuerySet

from .analysis import Analysis, Item, Thresholds, analyse
from .classification import Classifier, Corrections, TitleModel, normalise_title
from .models import Afspraak, Agendabron, AgendaInstellingen, Correctie, Importbatch
from .parsed import Occurrence


def local_tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def instellingen_get(*, owner) -> AgendaInstellingen:
    """The user's settings; defaults (unsaved) when never changed."""
    found = AgendaInstellingen.objects.owned_by(owner).first()
    return found or AgendaInstellingen(owner=owner)


def thresholds_from(instellingen: AgendaInstellingen) -> Thresholds:
    raw = instellingen.drempels or {}
    defaults = Thresholds()

    def clock(name: str, default: time) -> time:
        value = raw.get(name)
        return time.fromisoformat(value) if value else default

    return Thresholds(
        workday_start=clock("werkdag_begin", defaults.workday_start),
        workday_end=clock("werkdag_eind", defaults.workday_end),
        workdays=tuple(raw.get("werkdagen", defaults.workdays)),
        overfull_day=float(raw.get("overvolle_dag", defaults.overfull_day)),
        overfull_week=float(raw.get("overvolle_week", defaults.overfull_week)),
        break_minutes=int(raw.get("pauze_minuten", defaults.break_minutes)),
        chain_length=int(raw.get("keten_lengte", defaults.chain_length)),
        external_run=int(raw.get("externe_reeks", defaults.external_run)),
        unplanned_block_minutes=int(
            raw.get("ongepland_blok_minuten", defaults.unplanned_block_minutes)
        ),
        min_unplanned_share=float(raw.get("min_ongepland_aandeel", defaults.min_unplanned_share)),
        after_hours_minutes=int(raw.get("buiten_werktijd_minuten", defaults.after_hours_minutes)),
    )


def afspraak_qs(*, owner) -> QuerySet[Afspraak]:
    return Afspraak.objects.owned_by(owner)


def afspraak_get(*, owner, pk: int) -> Afspraak:
    """Raises Afspraak.DoesNotExist for another user's appointment."""
    return afspraak_qs(owner=owner).get(pk=pk)


def afspraak_list(
    *,
    owner,
    van: date | None = None,
    tot: date | None = None,
    domein: str | None = None,
    zoek: str | None = None,
    bron_indeling: str | None = None,
    nieuwste_eerst: bool = False,
) -> QuerySet[Afspraak]:
    tz = local_tz()
    qs = afspraak_qs(owner=owner)
    if van:
        qs = qs.filter(begin__gte=datetime.combine(van, time(0), tzinfo=tz))
    if tot:
        qs = qs.filter(begin__lt=datetime.combine(tot + timedelta(days=1), time(0), tzinfo=tz))
    if domein:
        qs = qs.filter(domein=domein)
    if bron_indeling:
        qs = qs.filter(bron_indeling=bron_indeling)
    if zoek:
        qs = qs.filter(Q(onderwerp__icontains=zoek) | Q(locatie__icontains=zoek))
    return qs.order_by("-begin", "-id") if nieuwste_eerst else qs.order_by("begin", "id")


def agendabron_list(*, owner) -> QuerySet[Agendabron]:
    return Agendabron.objects.owned_by(owner).order_by("naam")


def agendabron_get(*, owner, pk: int) -> Agendabron:
    """Raises Agendabron.DoesNotExist for another user's calendar."""
    return Agendabron.objects.owned_by(owner).get(pk=pk)


def agendabron_overview(*, owner) -> QuerySet[Agendabron]:
    """The user's calendars with how many appointments each holds and when it was last read."""
    return agendabron_list(owner=owner).annotate(
        aantal_afspraken=Count("afspraken", distinct=True),
        laatst_ingelezen=Max("imports__gestart"),
    )


@dataclass(frozen=True)
class AgendaTelling:
    """How much agenda data there is (before removal) or was removed (after)."""

    bronnen: int = 0
    afspraken: int = 0
    imports: int = 0
    correcties: int = 0
    instellingen: int = 0

    @property
    def leeg(self) -> bool:
        return not (
            self.bronnen or self.afspraken or self.imports or self.correcties or self.instellingen
        )


def source_only_corrections(*, owner, bron: Agendabron) -> QuerySet[Correctie]:
    """Corrections for single appointments or series that exist only in this calendar. A
    correction by title, or for a series that another calendar also holds, serves the rest."""
    own_uids = set(afspraak_qs(owner=owner).filter(bron=bron).values_list("uid", flat=True))
    elsewhere = set(
        afspraak_qs(owner=owner)
        .exclude(bron=bron)
        .filter(uid__in=own_uids)
        .values_list("uid", flat=True)
    )
    only_here = own_uids - elsewhere
    pks = []
    for pk, bereik, sleutel in (
        Correctie.objects.owned_by(owner)
        .exclude(bereik=Correctie.BEREIK_ONDERWERP)
        .values_list("pk", "bereik", "sleutel")
    ):
        uid = sleutel.rpartition("\x1f")[0] if bereik == Correctie.BEREIK_AFSPRAAK else sleutel
        if uid in only_here:
            pks.append(pk)
    return Correctie.objects.owned_by(owner).filter(pk__in=pks)


def agendabron_count(*, owner, bron: Agendabron) -> AgendaTelling:
    """What removing this calendar removes."""
    return AgendaTelling(
        bronnen=1,
        afspraken=afspraak_qs(owner=owner).filter(bron=bron).count(),
        imports=Importbatch.objects.owned_by(owner).filter(bron=bron).count(),
        correcties=source_only_corrections(owner=owner, bron=bron).count(),
    )


def agendagegevens_count(*, owner) -> AgendaTelling:
    """Everything agenda-related the user owns."""
    return AgendaTelling(
        bronnen=Agendabron.objects.owned_by(owner).count(),
        afspraken=afspraak_qs(owner=owner).count(),
        imports=Importbatch.objects.owned_by(owner).count(),
        correcties=Correctie.objects.owned_by(owner).count(),
        instellingen=AgendaInstellingen.objects.owned_by(owner).count(),
    )


def importbatch_list(*, owner) -> QuerySet[Importbatch]:
    return Importbatch.objects.owned_by(owner).select_related("bron")


def correctie_list(*, owner) -> QuerySet[Correctie]:
    return Correctie.objects.owned_by(owner).order_by("-aangemaakt")


def occurrence_from_row(row: Afspraak, tz: ZoneInfo) -> Occurrence:
    return Occurrence(
        uid=row.uid,
        recurrence_key=row.herhaling,
        start=row.begin.astimezone(tz),
        end=row.eind.astimezone(tz),
        title=row.onderwerp,
        all_day=row.hele_dag,
        location=row.locatie,
        categories=tuple(row.categorieen or ()),
        attendees=tuple(row.deelnemers or ()),
        organizer=row.organisator,
        availability=row.beschikbaarheid,  # type: ignore[arg-type]  # stored from the same choices
        private=row.prive,
        recurring=row.reeks,
    )


def corrections_get(*, owner) -> Corrections:
    corrections = Corrections()
    for correctie in Correctie.objects.owned_by(owner):
        if correctie.bereik == Correctie.BEREIK_AFSPRAAK:
            uid, _, key = correctie.sleutel.rpartition("\x1f")
            corrections.occurrence[(uid, key)] = correctie.domein
        elif correctie.bereik == Correctie.BEREIK_REEKS:
            corrections.series[correctie.sleutel] = correctie.domein
        else:
            corrections.title[correctie.sleutel] = correctie.domein
    return corrections


def training_examples(*, owner, corrections: Corrections) -> list[tuple[str, str]]:
    """Titles the user put in a domain, one per distinct title: what the model learns from."""
    examples: dict[str, tuple[str, str]] = {}
    for title_key, domain in corrections.title.items():
        examples[title_key] = (title_key, domain)
    if corrections.series:
        rows = afspraak_qs(owner=owner).filter(uid__in=list(corrections.series))
        for uid, title in rows.values_list("uid", "onderwerp").distinct():
            examples.setdefault(normalise_title(title), (title, corrections.series[uid]))
    if corrections.occurrence:
        uids = {uid for uid, _key in corrections.occurrence}
        rows = afspraak_qs(owner=owner).filter(uid__in=list(uids))
        for uid, key, title in rows.values_list("uid", "herhaling", "onderwerp"):
            occurrence_domain = corrections.occurrence.get((uid, key))
            if occurrence_domain:
                examples.setdefault(normalise_title(title), (title, occurrence_domain))
    return list(examples.values())


def classifier_build(*, owner, own_domains: list[str]) -> Classifier:
    instellingen = instellingen_get(owner=owner)
    corrections = corrections_get(owner=owner)
    model = TitleModel(training_examples(owner=owner, corrections=corrections))
    return Classifier(
        own_domains=instellingen.eigen_domeinen or own_domains,
        category_map=instellingen.categorieen or {},
        corrections=corrections,
        model=model,
    )


def item_from_row(row: Afspraak, tz: ZoneInfo) -> Item:
    return Item(
        uid=row.uid,
        start=row.begin.astimezone(tz),
        end=row.eind.astimezone(tz),
        title=row.onderwerp,
        domain=row.domein,
        all_day=row.hele_dag,
        availability=row.beschikbaarheid,
        personal=row.persoonlijk,
    )


def spiegel_analyse(*, owner, van: date, tot: date) -> Analysis:
    """The mirror for [van, tot]: totals, shares against target and survey, signals."""
    tz = local_tz()
    instellingen = instellingen_get(owner=owner)
    # All-day appointments that began before `van` may still cover days in the period.
    rows = afspraak_qs(owner=owner).filter(
        begin__lt=datetime.combine(tot + timedelta(days=1), time(0), tzinfo=tz),
        eind__gt=datetime.combine(van, time(0), tzinfo=tz),
    )
    fields = (
        "uid",
        "begin",
        "eind",
        "onderwerp",
        "domein",
        "hele_dag",
        "beschikbaarheid",
        "persoonlijk",
    )
    items = (
        Item(
            uid=row[0],
            start=row[1].astimezone(tz),
            end=row[2].astimezone(tz),
            title=row[3],
            domain=row[4],
            all_day=row[5],
            availability=row[6],
            personal=row[7],
        )
        for row in rows.values_list(*fields)
    )
    return analyse(
        items,
        start=van,
        end=tot,
        target=instellingen.doel,
        thresholds=thresholds_from(instellingen),
    )


def afspraak_period_get(*, owner) -> tuple[date, date] | None:
    """First and last day with an appointment."""
    qs = afspraak_qs(owner=owner)
    first = qs.order_by("begin").values_list("begin", flat=True).first()
    last = qs.order_by("-eind").values_list("eind", flat=True).first()
    if first is None or last is None:
        return None
    tz = local_tz()
    # An end is exclusive: an all-day appointment on Friday ends at midnight on Saturday.
    last_day = (last.astimezone(tz) - timedelta(microseconds=1)).date()
    return first.astimezone(tz).date(), max(first.astimezone(tz).date(), last_day)
