"""Writes of what people add to the search: keywords of themes, synonym groups, reactions,
and the library's exchange file (`spil bibliotheek export|import`).

Keywords are indexed at once: adding or removing one re-indexes its document, in the same
transaction. Synonym groups take effect at the next search (see
`curation_selectors.synonyms_refresh`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from spil.kennis.curation_selectors import may_manage_search, shared_documents_by_name
from spil.kennis.models import SearchFeedback, SearchMiss, SynonymGroup, Unit, UnitKeyword
from spil.kennis.search.spelling import normal_form

MAX_KEYWORD = 200
MAX_QUERY = 500
MAX_GROUP_WORDS = 20
_WORD = re.compile(r"^[a-z0-9][a-z0-9'-]*$")


def _require(actor) -> None:
    if actor is not None and not may_manage_search(user=actor):
        raise PermissionDenied("Alleen een beheerder van de zoekfunctie mag dit wijzigen.")


def _reindex(unit: Unit) -> None:
    from spil.kennis.search.indexing import document_index

    document_index(document=unit.document)


def _clean_keyword(text: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise ValidationError("Vul een trefwoord of een korte situatie in.")
    if len(text) > MAX_KEYWORD:
        raise ValidationError(
            f"Een trefwoord of situatie is hoogstens {MAX_KEYWORD} tekens; "
            f"deze is {len(text)} tekens."
        )
    return text


@transaction.atomic
def unit_keyword_add(*, actor, unit: Unit, text: str) -> UnitKeyword:
    """Add a keyword or short situation description to a unit of the shared library and
    index it at once. Adding the same text again changes nothing."""
    _require(actor)
    if unit.document.owner_id is not None:
        raise PermissionDenied("Trefwoorden horen bij de gedeelde bibliotheek.")
    text = _clean_keyword(text)
    existing = UnitKeyword.objects.filter(unit=unit, text__iexact=text).first()
    if existing is not None:
        return existing
    keyword = UnitKeyword.objects.create(unit=unit, text=text)
    _reindex(unit)
    return keyword


@transaction.atomic
def unit_keyword_delete(*, actor, unit: Unit, keyword_id: int) -> bool:
    """Remove one keyword of the unit (and from the index); False when it was not there."""
    _require(actor)
    deleted, _ = UnitKeyword.objects.filter(unit=unit, pk=keyword_id).delete()
    if deleted:
        _reindex(unit)
    return bool(deleted)


def synonym_words(text: str) -> tuple[str, ...]:
    """The words of a synonym group as typed ("wethouder, portefeuillehouder"), checked."""
    words = [normal_form(w) for w in re.split(r"[\s,;]+", text or "") if w]
    words = list(dict.fromkeys(words))
    if len(words) < 2:
        raise ValidationError("Een synoniemengroep heeft minstens twee woorden.")
    if len(words) > MAX_GROUP_WORDS:
        raise ValidationError(f"Een synoniemengroep heeft hoogstens {MAX_GROUP_WORDS} woorden.")
    wrong = [w for w in words if not _WORD.match(w)]
    if wrong:
        raise ValidationError(
            "Gebruik losse woorden zonder leestekens; niet goed: " + ", ".join(wrong) + "."
        )
    return tuple(sorted(words))


def _group_text(words: tuple[str, ...]) -> str:
    text = " ".join(words)
    if len(text) > 500:
        raise ValidationError("Deze synoniemengroep is te lang (hoogstens 500 tekens).")
    return text


@transaction.atomic
def synonym_group_save(*, actor, text: str, group_id: int | None = None) -> SynonymGroup:
    """Add a synonym group, or change one; the same words twice are one group."""
    _require(actor)
    words = _group_text(synonym_words(text))
    same = SynonymGroup.objects.filter(words=words)
    if group_id is None:
        found = same.first()
        return found if found is not None else SynonymGroup.objects.create(words=words)
    group = SynonymGroup.objects.filter(pk=group_id).first()
    if group is None:
        raise ValidationError("Deze synoniemengroep bestaat niet (meer).")
    if same.exclude(pk=group.pk).exists():
        raise ValidationError("Er is al een synoniemengroep met precies deze woorden.")
    group.words = words
    group.save()
    return group


@transaction.atomic
def synonym_group_delete(*, actor, group_id: int) -> bool:
    _require(actor)
    deleted, _ = SynonymGroup.objects.filter(pk=group_id).delete()
    return bool(deleted)


@transaction.atomic
def search_feedback_record(*, user, query: str, unit: Unit, useful: bool) -> SearchFeedback:
    """The user's answer to "Was dit nuttig?" (a new answer replaces the earlier one)."""
    query = " ".join(query.split())[:MAX_QUERY]
    feedback, _ = SearchFeedback.objects.update_or_create(
        owner=user, unit=unit, query=query, defaults={"useful": useful}
    )
    return feedback


@transaction.atomic
def search_miss_record(*, user, query: str) -> None:
    """Remember that the user's search found nothing (counted per query)."""
    query = " ".join(query.split())[:MAX_QUERY]
    if not query or user is None or not getattr(user, "is_authenticated", False):
        return
    miss, created = SearchMiss.objects.get_or_create(
        owner=user, query=query, defaults={"last_at": timezone.now()}
    )
    if not created:
        miss.times += 1
        miss.last_at = timezone.now()
        miss.save(update_fields=["times", "last_at"])


# --- the library's exchange file --------------------------------------------------------------


class CurationImportError(ValueError):
    """The exchange file cannot be imported; the message is Dutch and names the problem."""


@dataclass(frozen=True)
class ImportResult:
    keywords_added: int
    keywords_present: int
    groups_added: int
    groups_present: int

    @property
    def message(self) -> str:
        return (
            f"{self.keywords_added} trefwoord(en) toegevoegd, {self.keywords_present} waren er al; "
            f"{self.groups_added} synoniemengroep(en) toegevoegd, "
            f"{self.groups_present} waren er al."
        )


def _fail(name: str, where: str, problem: str) -> CurationImportError:
    return CurationImportError(f"{name}: {where}: {problem}")


def _parse(name: str, data: bytes) -> dict:
    try:
        content = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CurationImportError(f"{name}: het bestand is geen UTF-8-tekst.") from None
    except json.JSONDecodeError as error:
        raise CurationImportError(
            f"{name}: geen geldige JSON (regel {error.lineno}, kolom {error.colno})."
        ) from None
    if not isinstance(content, dict) or content.get("formaat") != "spil-bibliotheek":
        raise CurationImportError(
            f"{name}: dit is geen exportbestand van een Spil-bibliotheek "
            "(het veld 'formaat' moet 'spil-bibliotheek' zijn)."
        )
    if content.get("versie") != 1:
        raise CurationImportError(
            f"{name}: versie {content.get('versie')!r} wordt niet ondersteund (alleen 1)."
        )
    for key in ("trefwoorden", "synoniemen"):
        if not isinstance(content.get(key, []), list):
            raise CurationImportError(f"{name}: '{key}' moet een lijst zijn.")
    return content


def _resolve_units(name: str, entries: list) -> list[tuple[Unit, str]]:
    documents = shared_documents_by_name()
    resolved: list[tuple[Unit, str]] = []
    problems: list[str] = []
    for number, entry in enumerate(entries, start=1):
        where = f"trefwoord {number}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: geen object met 'document', 'thema' of 'plaats' en 'tekst'")
            continue
        document = documents.get(str(entry.get("document", "")))
        if document is None:
            problems.append(
                f"{where}: document '{entry.get('document', '')}' staat niet in de gedeelde "
                "bibliotheek (voeg het eerst toe)"
            )
            continue
        units = Unit.objects.filter(document=document)
        if isinstance(entry.get("thema"), int) and not isinstance(entry.get("thema"), bool):
            unit = units.filter(theme_number=entry["thema"]).order_by("position").first()
            missing = f"thema {entry['thema']}"
        elif isinstance(entry.get("plaats"), str):
            unit = units.filter(heading_path=entry["plaats"]).order_by("position").first()
            missing = f"onderdeel '{entry['plaats']}'"
        else:
            problems.append(f"{where}: 'thema' (een getal) of 'plaats' (tekst) ontbreekt")
            continue
        if unit is None:
            problems.append(f"{where}: {missing} bestaat niet in '{document.source_name}'")
            continue
        try:
            raw = entry.get("tekst")
            text = _clean_keyword(raw if isinstance(raw, str) else "")
        except ValidationError as error:
            problems.append(f"{where}: veld 'tekst': {error.messages[0]}")
            continue
        resolved.append((unit, text))
    if problems:
        shown = "; ".join(problems[:5]) + (
            f" (en nog {len(problems) - 5})" if len(problems) > 5 else ""
        )
        raise CurationImportError(f"{name}: {shown}. Er is niets ingelezen.")
    return resolved


def _resolve_groups(name: str, entries: list) -> list[str]:
    groups = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, list) or not all(isinstance(w, str) for w in entry):
            raise _fail(
                name, f"synoniemengroep {number}", "geen lijst met woorden. Er is niets ingelezen."
            )
        try:
            groups.append(_group_text(synonym_words(" ".join(entry))))
        except ValidationError as error:
            raise _fail(
                name, f"synoniemengroep {number}", f"{error.messages[0]} Er is niets ingelezen."
            ) from None
    return groups


def curation_import(*, actor, data: bytes, name: str) -> ImportResult:
    """Read an exchange file (from `curation_selectors.curation_export`) into the library:
    all or nothing, and a second run adds nothing."""
    _require(actor)
    content = _parse(name, data)
    keywords = _resolve_units(name, content.get("trefwoorden", []))
    groups = _resolve_groups(name, content.get("synoniemen", []))
    added = present = groups_added = groups_present = 0
    with transaction.atomic():
        touched: dict[int, Unit] = {}
        for unit, text in keywords:
            if UnitKeyword.objects.filter(unit=unit, text__iexact=text).exists():
                present += 1
                continue
            UnitKeyword.objects.create(unit=unit, text=text)
            touched[unit.document_id] = unit
            added += 1
        for words in groups:
            _group, created = SynonymGroup.objects.get_or_create(words=words)
            groups_added += created
            groups_present += not created
        for unit in touched.values():
            _reindex(unit)
    return ImportResult(added, present, groups_added, groups_present)
