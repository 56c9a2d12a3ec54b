"""Keeping the search index in step with the library. Called by ingestion: `document_index`
after a document's units and passages are written, `document_unindex` before they are deleted.

`document_index` is two steps that ingestion of a new version also calls apart: the analysis
(search.unit_analysis, pure and slow, run before the transaction on the extracted structure)
and `document_index_store`, the short write step inside it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import connection, transaction

from spil.kennis.curation_selectors import unit_keywords_by_unit
from spil.kennis.models import Document, Passage, Unit
from spil.kennis.search import backends
from spil.kennis.search.lexical import lexical_changed, lexical_removed
from spil.kennis.search.shadow import ShadowFields, parse_shadow, shadow_terms
from spil.kennis.search.unit_analysis import (
    DocumentAnalysis,
    UnitAnalysis,
    UnitText,
    document_analyse,
)
from spil.kennis.search.vector_tasks import vectors_enqueue
from spil.kennis.search.vectors import vectors_reset, version_bump


def _lengths(fields: ShadowFields) -> dict[str, int]:
    return {
        "len_title": len(fields.title),
        "len_path": len(fields.path),
        "len_tips": sum(len(line) for line in fields.tips),
        "len_body": sum(len(line) for line in fields.body),
    }


# What one unit adds to the corpus statistics: its distinct terms and its field lengths.
_UnitCount = tuple[set[str], dict[str, int]]
# Counts made ahead (see `index_counts`), by the unit's three index columns.
IndexCounts = dict[tuple[str, str, str], _UnitCount]


def _unit_count(title: str, tips: str, body: str) -> _UnitCount:
    fields = parse_shadow(title, tips, body)
    return set(shadow_terms(fields)), _lengths(fields)


def index_counts(columns: Iterable[tuple[str, str, str]]) -> IndexCounts:
    """Count units (given by index_title, index_tips, index_body) ahead of a write
    transaction: parsing the columns is the slow part of `_account`, which then only looks the
    counts up (a unit whose columns changed meanwhile is simply counted again)."""
    return {key: _unit_count(*key) for key in columns if any(key)}


def _account(units: list[Unit], sign: int, counts: IndexCounts | None = None) -> None:
    """Add or remove the units' terms and lengths from the corpus statistics."""
    term_counts: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    counted = 0
    for unit in units:
        key = (unit.index_title, unit.index_tips, unit.index_body)
        if not any(key):
            continue
        found = counts.get(key) if counts is not None else None
        terms, lengths = found if found is not None else _unit_count(*key)
        term_counts.update(terms)
        totals.update(lengths)
        counted += 1
    if not counted:
        return
    totals["units"] = counted
    backends.term_units_add(term_counts, sign)
    backends.stats_add({name: sign * value for name, value in totals.items()})


def document_index(*, document: Document) -> None:
    """Analyse all units of `document` into their shadow columns and index them."""
    units = list(Unit.objects.filter(document=document).order_by("position"))
    if not units:
        return
    _account(units, -1)  # a re-index replaces what was counted before
    passages: dict[int, list[Passage]] = {unit.id: [] for unit in units}
    for passage in Passage.objects.filter(unit__document=document).order_by("unit_id", "position"):
        passages[passage.unit_id].append(passage)
    analysis = document_analyse([unit_text(unit, passages[unit.id]) for unit in units])
    for unit, result in zip(units, analysis.units, strict=True):
        unit_fill(unit, result)
        for passage, words in zip(passages[unit.id], result.passage_words, strict=True):
            passage.index_words = words
    _update_in_steps(
        f"UPDATE {Unit._meta.db_table} SET index_title = %s, index_tips = %s, index_body = %s, "
        "role = %s WHERE id = %s",
        [(u.index_title, u.index_tips, u.index_body, u.role, u.id) for u in units],
    )
    _update_in_steps(
        f"UPDATE {Passage._meta.db_table} SET index_words = %s WHERE id = %s",
        [(p.index_words, p.id) for items in passages.values() for p in items],
    )
    document_index_store(document=document, units=units, analysis=analysis)


# Rows per write transaction when the analysis is stored. Django's bulk_update runs all its
# batches in one transaction and builds each CASE statement in Python while holding it: for a
# 15 MB document that kept SQLite's write lock for 3 s, and a login waited that long.
UPDATE_STEP = 200


def _update_in_steps(sql: str, rows: list[tuple]) -> None:
    """Run `sql` for each row, a short transaction per UPDATE_STEP rows (inside an outer
    transaction, e.g. on PostgreSQL or in `index_rebuild`, they simply join it)."""
    for start in range(0, len(rows), UPDATE_STEP):
        with transaction.atomic(savepoint=False), connection.cursor() as cursor:
            cursor.executemany(sql, rows[start : start + UPDATE_STEP])


def unit_text(unit: Unit, passages: list[Passage]) -> UnitText:
    return UnitText(
        title=unit.title,
        heading_path=unit.heading_path,
        passages=[(passage.kind, passage.text) for passage in passages],
    )


# The columns of a unit that the analysis fills (unit_fill).
UNIT_FIELDS = ("index_title", "index_tips", "index_body", "role")


def unit_fill(unit: Unit, analysis: UnitAnalysis) -> None:
    """Put the analysis on a unit (saved or not yet); its keywords follow in the write step."""
    unit.index_title = analysis.index_title
    unit.index_tips = analysis.index_tips()
    unit.index_body = analysis.index_body
    unit.role = analysis.role


def document_index_store(
    *,
    document: Document,
    units: list[Unit],
    analysis: DocumentAnalysis,
    counts: IndexCounts | None = None,
) -> None:
    """The write step of indexing: the units (saved, filled by `unit_fill` with `analysis`, in
    its order) get their keywords (kennis.curation_*) as extra tip lines, enter the corpus
    statistics and (by a new stamp) every process's in-memory index, and their vectors are
    queued. Short: everything slow was done by the analysis (and `counts`, see
    `index_counts`, if given)."""
    # Keywords point at unit ids, which a new version keeps (services._addresses_of).
    keywords = unit_keywords_by_unit(unit_ids=[unit.id for unit in units])
    changed = []
    for unit, result in zip(units, analysis.units, strict=True):
        if unit.id in keywords:
            unit.index_tips = result.index_tips(analysis.keyword_lines(keywords[unit.id]))
            changed.append(unit)
    Unit.objects.bulk_update(changed, ["index_tips"], batch_size=500)
    _account(units, 1, counts)
    lexical_changed(document_ids=[document.id])  # every process re-reads this document
    vectors_enqueue(document_id=document.id)


def document_unindex(*, document: Document, counts: IndexCounts | None = None) -> None:
    """Take all units of `document` out of the index (before they are deleted or replaced);
    `counts` (see `index_counts`) of its units spares parsing them here."""
    units = list(Unit.objects.filter(document=document))
    if not units:
        return
    _account(units, -1, counts)
    version_bump()  # its passages' vectors leave the in-memory matrix
    lexical_removed(document_id=document.id)  # and its units the in-memory lexical index
    Unit.objects.filter(document=document).update(index_title="", index_tips="", index_body="")


def index_rebuild() -> int:
    """Rebuild the whole index from the stored units and passages; returns the unit count.

    Needed after an upgrade that changes the analyser, or when statistics drifted (e.g. rows
    deleted without `document_unindex`). One transaction: searches see old or new, never half.
    """
    with transaction.atomic():
        backends.statistics_clear()
        Unit.objects.update(index_title="", index_tips="", index_body="")
        vectors_reset()  # made again by the background worker (or `spil herindexeer`)
        for document in Document.objects.order_by("id"):
            document_index(document=document)
        return Unit.objects.count()
