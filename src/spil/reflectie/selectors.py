"""Reads for reflectie. Every query is scoped to the owner; text is decrypted here only for
the owner (or, through `deling_get_for_recipient`, for the one person an entry is shared with)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta

from django.db.models import QuerySet

from spil.core.models import AuditEntry
from spil.core.selectors import audit_for_subject

from . import crypto
from .models import Deling, EigenVraag, ReflectieInstellingen, Reflectiemoment, Voornemen
from .ritme import (
    KWARTAAL,
    MAAND,
    RITMES,
    Due,
    due_items,
    period_key,
    period_label,
    previous_period_key,
)
from .vragen import ASPECTEN, KWALITEITEN, TOONSOORTEN

MOMENT = "moment"
VOORNEMEN = "voornemen"
# How reads of shared entries are named in the platform's audit trail.
AUDIT_RESOURCE = "reflectie"
EIGEN_VRAAG = "eigen-vraag"


def instellingen_get(*, user) -> ReflectieInstellingen:
    return ReflectieInstellingen.objects.owned_by(user).first() or ReflectieInstellingen(owner=user)


def moment_list(*, user) -> QuerySet[Reflectiemoment]:
    return Reflectiemoment.objects.owned_by(user)


def moment_get(*, user, pk: int) -> Reflectiemoment:
    """Raises Reflectiemoment.DoesNotExist for anyone but the owner (superusers included)."""
    return moment_list(user=user).get(pk=pk)


def moment_inhoud(*, moment: Reflectiemoment) -> dict:
    content = crypto.decrypt(moment.inhoud_versleuteld, owner_id=moment.owner_id, purpose=MOMENT)
    content = content or {}
    content.setdefault("vragen", [])
    content.setdefault("antwoorden", {})
    content.setdefault("scores", {})
    content.setdefault("toon", {})
    content.setdefault("rollen", {})
    content.setdefault("spiegel", {})
    return content


def moment_titel(moment: Reflectiemoment) -> str:
    from .ritme import OEFENING, RITME_LABELS

    if moment.ritme == OEFENING:  # its key names the exercise, not a period
        return f"{RITME_LABELS[OEFENING]}, {moment.datum:%d-%m-%Y}"
    return f"{RITME_LABELS[moment.ritme]}, {period_label(moment.ritme, moment.sleutel)}"


def voornemen_tekst(voornemen: Voornemen) -> str:
    return crypto.decrypt(
        voornemen.tekst_versleuteld, owner_id=voornemen.owner_id, purpose=VOORNEMEN
    )


def voornemen_list(*, user) -> QuerySet[Voornemen]:
    return Voornemen.objects.owned_by(user).select_related("moment", "opgevolgd_in")


def voornemen_due(*, user, today: date) -> list[Voornemen]:
    return list(voornemen_list(user=user).filter(opvolgdatum__lte=today, opgevolgd_in=None))


def eigenvraag_list(*, user) -> list[tuple[EigenVraag, str]]:
    return [
        (v, crypto.decrypt(v.tekst_versleuteld, owner_id=user.pk, purpose=EIGEN_VRAAG))
        for v in EigenVraag.objects.owned_by(user)
    ]


def asked_dates(*, user, exclude_pk: int | None = None) -> dict[str, date]:
    """When each question id was last asked (plain ids only; no text)."""
    asked: dict[str, date] = {}
    for pk, ids, datum in moment_list(user=user).values_list("pk", "vraag_ids", "datum"):
        if pk == exclude_pk:
            continue
        for vid in ids or []:
            if vid not in asked or asked[vid] < datum:
                asked[vid] = datum
    return asked


def due_for(*, user, today: date) -> list[Due]:
    instellingen = instellingen_get(user=user)
    finished: dict[str, set[str]] = defaultdict(set)
    concepts: dict[tuple[str, str], int] = {}
    for pk, ritme, sleutel, status in moment_list(user=user).values_list(
        "pk", "ritme", "sleutel", "status"
    ):
        if status == Reflectiemoment.KLAAR:
            finished[ritme].add(sleutel)
        else:
            concepts[(ritme, sleutel)] = pk
    snoozed = {
        r: (v["periode"], date.fromisoformat(v["tot"]))
        for r, v in (instellingen.uitgesteld or {}).items()
        if r in RITMES and isinstance(v, dict)
    }
    return due_items(
        today=today,
        enabled=instellingen.enabled,
        finished=finished,
        concepts=concepts,
        snoozed_until=snoozed,
    )


def previous_quarter(*, user, moment: Reflectiemoment) -> tuple[Reflectiemoment, dict] | None:
    if moment.ritme != KWARTAAL:
        return None
    key = previous_period_key(KWARTAAL, moment.sleutel)
    found = moment_list(user=user).filter(ritme=KWARTAAL, sleutel=key).first()
    return (found, moment_inhoud(moment=found)) if found else None


def deling_list(*, user, moment: Reflectiemoment | None = None) -> QuerySet[Deling]:
    qs = Deling.objects.owned_by(user).select_related("ontvanger", "moment")
    return qs.filter(moment=moment) if moment is not None else qs


def gedeeld_met(*, user) -> QuerySet[Deling]:
    """Entries others shared with this user (titles only; opening one is logged)."""
    return Deling.objects.filter(ontvanger=user).select_related("owner", "moment")


def deling_get_for_recipient(*, user, pk: int) -> Deling:
    """Raises Deling.DoesNotExist unless this user is the recipient of a live share."""
    return gedeeld_met(user=user).get(pk=pk)


def toegang_list(*, user) -> QuerySet[AuditEntry]:
    """Reads of this user's shared entries by others, from the platform's audit trail."""
    return audit_for_subject(user=user, resource=AUDIT_RESOURCE)


def _finished_with_content(*, user) -> list[tuple[Reflectiemoment, dict]]:
    return [
        (m, moment_inhoud(moment=m))
        for m in moment_list(user=user).filter(status=Reflectiemoment.KLAAR).order_by("datum", "id")
    ]


def trends(*, user) -> dict:
    """Self-scores and tone spreads over time, entries per aspect, and a year ago."""
    entries = _finished_with_content(user=user)
    scores = [
        {"datum": m.datum, "sleutel": m.sleutel, "scores": c["scores"]}
        for m, c in entries
        if m.ritme == MAAND and c["scores"]
    ]
    toon = [
        {"datum": m.datum, "sleutel": m.sleutel, "toon": c["toon"]}
        for m, c in entries
        if m.ritme == KWARTAAL and c["toon"]
    ]
    per_aspect: Counter[str] = Counter()
    per_quarter: dict[str, Counter[str]] = defaultdict(Counter)
    for m, c in entries:
        quarter = period_key(KWARTAAL, m.datum)
        for vraag in c["vragen"]:
            if vraag.get("aspect") and c["antwoorden"].get(vraag["id"], "").strip():
                per_aspect[vraag["aspect"]] += 1
                per_quarter[quarter][vraag["aspect"]] += 1
    quarters = sorted(per_quarter)
    return {
        "scores": scores,
        "toon": toon,
        "per_aspect": [(a.key, a.label, per_aspect.get(a.key, 0)) for a in ASPECTEN],
        "kwartalen": quarters,
        "aspect_kwartalen": [
            {
                "aspect": a.key,
                "label": a.label,
                "dimensie": a.dimensie,
                "aantallen": [per_quarter[q].get(a.key, 0) for q in quarters],
            }
            for a in ASPECTEN
        ],
        "kwaliteiten": KWALITEITEN,
        "toonsoorten": TOONSOORTEN,
    }


def jaar_geleden(*, user, today: date, window: int = 14) -> list[Reflectiemoment]:
    center = today - timedelta(days=365)
    return list(
        moment_list(user=user).filter(
            status=Reflectiemoment.KLAAR,
            datum__gte=center - timedelta(days=window),
            datum__lte=center + timedelta(days=window),
        )
    )


def _answers_text(content: dict) -> str:
    return "\n".join(t for t in content["antwoorden"].values() if t)


def terugkerende_woorden(*, user, top: int = 12) -> list[tuple[str, int]]:
    """Words that recur in the user's own answers, grouped by stem (the kennisbank analyser),
    shown in their most frequent written form; counted in how many entries they appear."""
    from spil.kennis.analysis.analyser import content_tokens, word_terms

    per_stem: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for _m, content in _finished_with_content(user=user):
        seen: set[str] = set()
        for token in content_tokens(_answers_text(content)):
            if not re.fullmatch(r"[a-zà-ÿ]{3,}", token.text):
                continue
            stem = word_terms(token)[0]
            forms[stem][token.text] += 1
            seen.add(stem)
        per_stem.update(seen)
    return [
        (forms[stem].most_common(1)[0][0], count)
        for stem, count in per_stem.most_common()
        if count >= 2
    ][:top]


def kennis_themas(*, content: dict, top: int = 3) -> list:
    """The kennisbank units that best match this entry's answers, through the existing search."""
    from spil.kennis.search.querying import MAX_QUERY_CHARS, unit_search

    text = _answers_text(content).strip()
    if not text:
        return []
    return unit_search(query=text[:MAX_QUERY_CHARS], top=top)


def taalspiegel_for(*, user):
    """The language mirror over the user's finished entries, or None while it is off."""
    from .taalspiegel import taalspiegel

    if not instellingen_get(user=user).taalspiegel:
        return None
    return taalspiegel(_answers_text(c) for _m, c in _finished_with_content(user=user))
