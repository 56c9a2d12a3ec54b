"""Writes for reflectie. All text is encrypted before it reaches the database."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from spil.core.audit import audit_record
from spil.core.models import AuditEntry

from . import crypto, selectors
from .models import Deling, EigenVraag, ReflectieInstellingen, Reflectiemoment, Voornemen
from .ritme import (
    KWARTAAL,
    MAAND,
    OEFENING,
    RITMES,
    WEEK,
    choose_questions,
    mirror_weeks,
    next_aspect,
    period_key,
    snooze_until,
)
from .spiegel import spiegel_cijfers
from .vragen import (
    ASPECT_BY_KEY,
    KWALITEIT_BY_KEY,
    OEFENVRAGEN,
    POLARITEIT_BY_KEY,
    TOONSOORT_KEYS,
    Vraag,
)

MAX_TEXT = 20_000


def _vraag_dict(vraag: Vraag, soort: str) -> dict:
    return {"id": vraag.id, "tekst": vraag.tekst, "aspect": vraag.aspect, "soort": soort}


def _store(moment: Reflectiemoment, content: dict) -> None:
    moment.inhoud_versleuteld = crypto.encrypt(
        content, owner_id=moment.owner_id, purpose=selectors.MOMENT
    )


def instellingen_update(*, user, **fields) -> ReflectieInstellingen:
    instellingen, _ = ReflectieInstellingen.objects.get_or_create(owner=user)
    for name, value in fields.items():
        setattr(instellingen, name, value)
    instellingen.save()
    return instellingen


def ritme_snooze(*, user, ritme: str, today: date | None = None) -> date:
    if ritme not in RITMES:
        raise ValidationError(f"Onbekend ritme: {ritme}.")
    today = today or timezone.localdate()
    until = snooze_until(ritme, today)
    instellingen, _ = ReflectieInstellingen.objects.get_or_create(owner=user)
    instellingen.uitgesteld = {
        **(instellingen.uitgesteld or {}),
        ritme: {"periode": period_key(ritme, today), "tot": until.isoformat()},
    }
    instellingen.save(update_fields=["uitgesteld"])
    return until


def _questions_for(*, user, ritme: str, today: date) -> tuple[list[dict], str]:
    asked = selectors.asked_dates(user=user)
    aspect = ""
    vragen: list[dict] = []
    if ritme == WEEK:
        rotation = selectors.moment_list(user=user).filter(ritme=WEEK).count()
        vragen += [
            _vraag_dict(v, "aspect" if v.aspect else "check-in")
            for v in choose_questions(ritme=WEEK, today=today, asked=asked, rotation=rotation)
        ]
        own = [
            (f"eigen-{v.pk}", tekst, v.aspect) for v, tekst in selectors.eigenvraag_list(user=user)
        ]
        own.sort(key=lambda item: asked.get(item[0], date.min))
        for vid, tekst, own_aspect in own[:1]:
            vragen.append({"id": vid, "tekst": tekst, "aspect": own_aspect, "soort": "eigen"})
    elif ritme == MAAND:
        done: dict[str, date] = {}
        for key, datum in (
            selectors.moment_list(user=user).filter(ritme=MAAND).values_list("aspect", "datum")
        ):
            done[key] = max(done.get(key, datum), datum)
        aspect = next_aspect(aspects_done=done)
        vragen += [
            _vraag_dict(v, "aspect")
            for v in choose_questions(ritme=MAAND, today=today, asked=asked, aspect=aspect)
        ]
        for v, tekst in selectors.eigenvraag_list(user=user):
            if v.aspect == aspect:
                vragen.append(
                    {"id": f"eigen-{v.pk}", "tekst": tekst, "aspect": aspect, "soort": "eigen"}
                )
    else:
        vragen += [
            _vraag_dict(v, "aspect")
            for v in choose_questions(ritme=KWARTAAL, today=today, asked=asked)
        ]
    for voornemen in selectors.voornemen_due(user=user, today=today):
        tekst = selectors.voornemen_tekst(voornemen)
        vragen.append(
            {
                "id": f"voornemen-{voornemen.pk}",
                "tekst": f"Je nam je op {voornemen.moment.datum:%d-%m-%Y} voor: “{tekst}”. "
                "Hoe is dat gegaan?",
                "aspect": "",
                "soort": "voornemen",
            }
        )
    return vragen, aspect


@transaction.atomic
def moment_start(
    *, user, ritme: str, today: date | None = None, netwerk_provider=None
) -> Reflectiemoment:
    """The entry for this rhythm's current period: the existing one, or a new draft with its
    questions chosen and the last four weeks' figures frozen into it."""
    if ritme not in RITMES:
        raise ValidationError(f"Onbekend ritme: {ritme}.")
    today = today or timezone.localdate()
    key = period_key(ritme, today)
    existing = selectors.moment_list(user=user).filter(ritme=ritme, sleutel=key).first()
    if existing is not None:
        return existing
    vragen, aspect = _questions_for(user=user, ritme=ritme, today=today)
    van, tot = mirror_weeks(today)
    moment = Reflectiemoment(
        owner=user,
        ritme=ritme,
        sleutel=key,
        aspect=aspect,
        vraag_ids=[v["id"] for v in vragen],
        datum=today,
    )
    _store(
        moment,
        {
            "vragen": vragen,
            "antwoorden": {},
            "scores": {},
            "toon": {},
            "rollen": {},
            "spiegel": spiegel_cijfers(
                user=user, van=van, tot=tot, netwerk_provider=netwerk_provider
            ),
        },
    )
    try:
        with transaction.atomic():
            moment.save()
    except IntegrityError:  # a second tab started the same period at the same moment
        return selectors.moment_list(user=user).get(ritme=ritme, sleutel=key)
    return moment


MAX_BRON_REGELS = 60


@transaction.atomic
def moment_from_oefening(
    *, user, sessie_id: int, titel: str, regels: list[str], today: date | None = None
) -> tuple[Reflectiemoment, bool]:
    """A private entry about one finished exercise: its summary (scenario, path, outcome) as
    the source, and questions about the choices made. Asking twice for the same exercise
    returns the entry made the first time. Returns (entry, created)."""
    key = f"o{sessie_id}"
    existing = selectors.moment_list(user=user).filter(ritme=OEFENING, sleutel=key).first()
    if existing is not None:
        return existing, False
    vragen = [_vraag_dict(v, "oefening") for v in OEFENVRAGEN]
    moment = Reflectiemoment(
        owner=user,
        ritme=OEFENING,
        sleutel=key,
        vraag_ids=[v["id"] for v in vragen],
        datum=today or timezone.localdate(),
    )
    _store(
        moment,
        {
            "vragen": vragen,
            "antwoorden": {},
            "scores": {},
            "toon": {},
            "rollen": {},
            "spiegel": {},
            "bron": {
                "soort": "oefening",
                "titel": _clean_text(titel)[:300],
                "regels": [_clean_text(r)[:1000] for r in regels[:MAX_BRON_REGELS]],
            },
        },
    )
    try:
        with transaction.atomic():
            moment.save()
    except IntegrityError:  # the same button pressed twice at once
        return selectors.moment_list(user=user).get(ritme=OEFENING, sleutel=key), False
    return moment, True


def _clean_text(value: str) -> str:
    value = (value or "").replace("\r\n", "\n")
    if len(value) > MAX_TEXT:
        raise ValidationError(f"Een antwoord mag hoogstens {MAX_TEXT} tekens zijn.")
    return value


def validate_toon(toon: dict[str, int]) -> None:
    if not toon:
        return
    if set(toon) != set(TOONSOORT_KEYS) or any(v < 0 or v > 100 for v in toon.values()):
        raise ValidationError("Verdeel punten over alle vijf toonsoorten, elk tussen 0 en 100.")
    total = sum(toon.values())
    if total != 100:
        raise ValidationError(f"De toonsoorten moeten samen 100 punten zijn; nu {total}.")


@transaction.atomic
def moment_save(
    *,
    user,
    moment: Reflectiemoment,
    antwoorden: dict[str, str],
    scores: dict[str, int] | None = None,
    toon: dict[str, int] | None = None,
    rollen: dict[str, int] | None = None,
    voornemen: str = "",
    opvolgdatum: date | None = None,
    afronden: bool = False,
) -> Reflectiemoment:
    """Save answers (and, from the full form, scores, tone spread, roles and an intention).
    Autosave passes answers only. The frozen mirror figures are never recomputed."""
    if moment.owner_id != user.pk:
        raise Reflectiemoment.DoesNotExist
    caller = moment
    moment = Reflectiemoment.objects.select_for_update().get(pk=moment.pk, owner=user)
    content = selectors.moment_inhoud(moment=moment)
    known = {v["id"] for v in content["vragen"]}
    for vid, text in antwoorden.items():
        if vid in known:
            content["antwoorden"][vid] = _clean_text(text)
    if scores is not None:
        content["scores"] = {k: int(v) for k, v in scores.items() if k in KWALITEIT_BY_KEY}
    if rollen is not None:
        content["rollen"] = {k: int(v) for k, v in rollen.items() if k in POLARITEIT_BY_KEY}
    if toon is not None:
        validate_toon(toon)
        content["toon"] = dict(toon)
    voornemen = _clean_text(voornemen).strip()
    if voornemen:
        if opvolgdatum is None:
            raise ValidationError("Kies een datum waarop je op je voornemen terugkomt.")
        Voornemen.objects.create(
            owner=user,
            moment=moment,
            opvolgdatum=opvolgdatum,
            tekst_versleuteld=crypto.encrypt(
                voornemen, owner_id=user.pk, purpose=selectors.VOORNEMEN
            ),
        )
    _store(moment, content)
    if afronden:
        moment.status = Reflectiemoment.KLAAR
        followed = [
            int(v["id"].split("-", 1)[1])
            for v in content["vragen"]
            if v["soort"] == "voornemen" and content["antwoorden"].get(v["id"], "").strip()
        ]
        Voornemen.objects.owned_by(user).filter(pk__in=followed, opgevolgd_in=None).update(
            opgevolgd_in=moment
        )
    moment.save()
    # The caller's instance shows what was stored, not the state before the lock.
    caller.inhoud_versleuteld, caller.status = moment.inhoud_versleuteld, moment.status
    caller.bijgewerkt = moment.bijgewerkt
    return moment


def moment_delete(*, user, moment: Reflectiemoment) -> None:
    if moment.owner_id != user.pk:
        raise Reflectiemoment.DoesNotExist
    moment.delete()


@transaction.atomic
def reflectie_delete_all(*, user, instellingen: bool = True) -> int:
    """Everything reflectie holds for this user: entries (with their shares and intentions),
    own questions, and optionally the settings. Returns the entries removed. The access log is
    part of the platform's audit trail and goes with the account."""
    count = Reflectiemoment.objects.owned_by(user).count()
    Deling.objects.owned_by(user).delete()
    Voornemen.objects.owned_by(user).delete()
    Reflectiemoment.objects.owned_by(user).delete()
    EigenVraag.objects.owned_by(user).delete()
    if instellingen:
        ReflectieInstellingen.objects.owned_by(user).delete()
    return count


def eigenvraag_create(*, user, tekst: str, aspect: str = "") -> EigenVraag:
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError("Schrijf een vraag.")
    if len(tekst) > 500:
        raise ValidationError("Een eigen vraag mag hoogstens 500 tekens zijn.")
    if aspect and aspect not in ASPECT_BY_KEY:
        raise ValidationError("Onbekend aspect.")
    return EigenVraag.objects.create(
        owner=user,
        aspect=aspect,
        tekst_versleuteld=crypto.encrypt(tekst, owner_id=user.pk, purpose=selectors.EIGEN_VRAAG),
    )


def eigenvraag_delete(*, user, pk: int) -> None:
    deleted, _ = EigenVraag.objects.owned_by(user).filter(pk=pk).delete()
    if not deleted:
        raise EigenVraag.DoesNotExist


def deling_create(*, user, moment: Reflectiemoment, ontvanger_naam: str) -> Deling:
    if moment.owner_id != user.pk:
        raise Reflectiemoment.DoesNotExist
    User = get_user_model()
    ontvanger = User.objects.filter(username=(ontvanger_naam or "").strip(), is_active=True).first()
    if ontvanger is None:
        raise ValidationError(f"Er is geen account met de gebruikersnaam '{ontvanger_naam}'.")
    if ontvanger.pk == user.pk:
        raise ValidationError("Je kunt een reflectie niet met jezelf delen.")
    deling, _ = Deling.objects.get_or_create(owner=user, moment=moment, ontvanger=ontvanger)
    return deling


def deling_revoke(*, user, pk: int) -> None:
    deleted, _ = Deling.objects.owned_by(user).filter(pk=pk).delete()
    if not deleted:
        raise Deling.DoesNotExist


def deling_open(*, user, pk: int) -> tuple[Deling, dict]:
    """The recipient opens a shared entry: the read lands in the platform's audit trail, which
    the owner sees in reflectie's access log and under "Wie zag mijn gegevens"."""
    deling = selectors.deling_get_for_recipient(user=user, pk=pk)
    audit_record(
        actor=user,
        kind=AuditEntry.Kind.READ,
        resource=selectors.AUDIT_RESOURCE,
        label=selectors.moment_titel(deling.moment),
        object_id=deling.moment.pk,
        subject=deling.owner,
    )
    return deling, selectors.moment_inhoud(moment=deling.moment)
