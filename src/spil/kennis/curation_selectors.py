"""Reads of what people added to the search: keywords of themes, synonym groups, reactions.

Keywords and synonym groups are library data, read by the search for everybody. Reactions
and searches without result are personal; `search_signals` counts them together for a
beheerder without saying who searched.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max, Sum

from spil.kennis.analysis.synonyms import set_curated_groups
from spil.kennis.models import Document, SearchFeedback, SearchMiss, SynonymGroup, Unit, UnitKeyword

MANAGE = "kennis.manage_search"


def may_manage_search(*, user) -> bool:
    return user is not None and user.has_perm(MANAGE)


def curation_version() -> tuple:
    """Changes whenever keywords or synonyms change (caches of the search compare it)."""
    keywords = UnitKeyword.objects.aggregate(n=Count("id"), last=Max("id"))
    groups = SynonymGroup.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    return (keywords["n"], keywords["last"], groups["n"], groups["last"])


def keyword_texts(*, document_ids: list[int]) -> list[str]:
    """The keywords people added to units of these documents (shared library only)."""
    return list(
        UnitKeyword.objects.filter(
            unit__document_id__in=document_ids, unit__document__owner__isnull=True
        ).values_list("text", flat=True)
    )


def unit_keywords_by_unit(*, unit_ids: list[int]) -> dict[int, list[str]]:
    """Keywords per unit, for the search index (extra text of the unit)."""
    found: dict[int, list[str]] = {}
    rows = UnitKeyword.objects.filter(unit_id__in=unit_ids, unit__document__owner__isnull=True)
    for unit_id, text in rows.order_by("unit_id", "id").values_list("unit_id", "text"):
        found.setdefault(unit_id, []).append(text)
    return found


def unit_keyword_list(*, unit: Unit) -> list[UnitKeyword]:
    return list(UnitKeyword.objects.filter(unit=unit).order_by("text", "id"))


def unit_for_curation(*, unit_id: int, user) -> Unit | None:
    """A unit of the shared library, for a user who may manage the search; None otherwise."""
    if not may_manage_search(user=user):
        return None
    return (
        Unit.objects.filter(pk=unit_id, document__owner__isnull=True)
        .select_related("document")
        .first()
    )


def synonym_group_list() -> list[SynonymGroup]:
    return list(SynonymGroup.objects.order_by("words"))


# Process-local copy of the curated groups, with the version it was read at.
_synonyms_seen: list = [None]


def synonyms_refresh() -> None:
    """Make the query analysis use the synonym groups people maintain (one cheap query when
    nothing changed; other processes see a change at their next search)."""
    version = SynonymGroup.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    key = (version["n"], version["last"])
    if key == _synonyms_seen[0]:
        return
    groups = tuple(tuple(g.split()) for g in SynonymGroup.objects.values_list("words", flat=True))
    set_curated_groups(groups)
    _synonyms_seen[0] = key


@dataclass(frozen=True)
class QuerySignal:
    """A search that did not help, counted over users (never who)."""

    query: str
    users: int  # how many different users
    times: int  # how often in all
    unit: Unit | None = None  # for "niet nuttig": the result it was about


# How many people must have given a signal before the beheerder sees it. One, so that a small
# installation sees its signals at all; the page counts people and never names them.
MIN_USERS = 1


def search_misses(*, user, limit: int = 50) -> list[QuerySignal]:
    """Searches that found nothing, most people first (counted together, no names)."""
    if not may_manage_search(user=user):
        return []
    rows = (
        SearchMiss.objects.values("query")
        .annotate(users=Count("owner", distinct=True), times=Sum("times"), last=Max("last_at"))
        .filter(users__gte=MIN_USERS)
        .order_by("-users", "-times", "-last", "query")[:limit]
    )
    return [QuerySignal(query=r["query"], users=r["users"], times=r["times"]) for r in rows]


def search_not_useful(*, user, limit: int = 50) -> list[QuerySignal]:
    """Results marked "niet nuttig", per query and unit, most people first (no names)."""
    if not may_manage_search(user=user):
        return []
    rows = (
        SearchFeedback.objects.filter(useful=False, unit__document__owner__isnull=True)
        .values("query", "unit_id")
        .annotate(users=Count("owner", distinct=True), last=Max("updated_at"))
        .filter(users__gte=MIN_USERS)
        .order_by("-users", "-last", "query")[:limit]
    )
    units = Unit.objects.select_related("document").in_bulk([row["unit_id"] for row in rows])
    return [
        QuerySignal(
            query=row["query"], users=row["users"], times=row["users"], unit=units[row["unit_id"]]
        )
        for row in rows
    ]


def search_feedback_for(*, user, query: str, unit_ids: list[int]) -> dict[int, bool]:
    """The user's own earlier answers for these results of this query."""
    if user is None or not getattr(user, "is_authenticated", False):
        return {}
    return dict(
        SearchFeedback.objects.visible_to(user)
        .filter(owner=user, query=query, unit_id__in=unit_ids)
        .values_list("unit_id", "useful")
    )


def curation_export() -> dict:
    """Everything people added to the search, in the library's exchange format (see
    `curation_services.curation_import`): keywords by document file and theme or place."""
    keywords = []
    rows = (
        UnitKeyword.objects.filter(unit__document__owner__isnull=True)
        .select_related("unit", "unit__document")
        .order_by("unit__document__source_name", "unit__position", "text")
    )
    for keyword in rows:
        unit = keyword.unit
        entry: dict = {"document": unit.document.source_name}
        if unit.theme_number is not None:
            entry["thema"] = unit.theme_number
        else:
            entry["plaats"] = unit.heading_path
        entry["tekst"] = keyword.text
        keywords.append(entry)
    return {
        "formaat": "spil-bibliotheek",
        "versie": 1,
        "trefwoorden": keywords,
        "synoniemen": [group.words.split() for group in synonym_group_list()],
    }


def shared_documents_by_name() -> dict[str, Document]:
    return {d.source_name: d for d in Document.objects.filter(owner__isnull=True)}
