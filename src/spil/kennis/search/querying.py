"""Answering questions: every matching unit scored by the in-memory lexical index, blended
with meaning, and the shown hits with their passages and marked words."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
from django.db import connection
from django.utils.safestring import SafeString, mark_safe

from spil.kennis.analysis import QueryTerm, analyse_query
from spil.kennis.analysis.compounds import BASE_STEMS
from spil.kennis.models import Document, Passage, Section, Unit
from spil.kennis.search import blending, embedding, vectors
from spil.kennis.search.blending import DENSE, HYBRID, LEXICAL, answer_confident, blend
from spil.kennis.search.highlight import (
    Highlighter,
    crop,
    indexed_spans,
    render_html,
    render_marked,
)
from spil.kennis.search.lexical import lexical_index
from spil.kennis.search.lexical_index import Scored
from spil.kennis.search.ranking import Ranked
from spil.kennis.search.shadow import parse_shadow
from spil.kennis.search.spelling import Correction
from spil.kennis.search.spelling_index import query_prepare

# With meaning, the units by words that the blend weighs (besides the closest by meaning): a
# unit below this rank by words reaches the page only if it is among the closest by meaning.
BLEND_CANDIDATES = 1000
PASSAGES_PER_HIT = 3
MAX_QUERY_CHARS = 1000


@dataclass(frozen=True)
class HitPassage:
    """A matching tip or paragraph of a hit, with the matched words located."""

    id: int
    kind: str
    page: int | None
    text: str  # the full passage text
    spans: tuple[tuple[int, int], ...]  # matched words, offsets into `text`
    excerpt: str  # cropped around the matches, matches between ** (CLI, JSON)
    excerpt_html: SafeString  # the same, escaped HTML with <mark> (web)


@dataclass(frozen=True)
class SearchAnswer:
    hits: SearchHits
    # False: the library seems to have no theme about this; the hits are only the nearest.
    confident: bool
    # Whether meaning (vectors) took part, or words alone.
    semantic: bool


@dataclass(frozen=True)
class SearchHit:
    """One result: a unit (theme or section), its score and its best passages."""

    unit: Unit  # with .document loaded
    score: float
    passages: tuple[HitPassage, ...]  # best first, at most three

    @property
    def snippet(self) -> str:
        """The best passage's excerpt with ** markers, or the unit title when none matched."""
        return self.passages[0].excerpt if self.passages else self.unit.title

    @property
    def snippet_html(self) -> SafeString:
        if self.passages:
            return self.passages[0].excerpt_html
        return mark_safe(render_html(self.unit.title, []))


class SearchHits(list[SearchHit]):
    """What `unit_search` returns: the hits, best first, and what was searched for instead of
    the question as typed ("Bedoelde je …?"), if anything."""

    def __init__(self, hits=(), *, correction: Correction | None = None) -> None:
        super().__init__(hits)
        self.correction = correction


def _query_terms(query: str) -> tuple[list[QueryTerm], dict[str, int]]:
    """Weighted query terms that occur in the index, and their unit counts.

    One analysis against the whole in-memory vocabulary: the same terms as analysing twice
    (first to find which compound parts and joined verbs to look up in the database)."""
    query = query[:MAX_QUERY_CHARS]  # a pasted page is not a question; keep latency bounded
    index = lexical_index()
    counts: dict[str, int] = {}
    terms = []
    for term in analyse_query(query, index.analysis_vocabulary(BASE_STEMS)):
        count = counts.get(term.term)
        if count is None:
            count = counts[term.term] = index.unit_count(term.term)
        if count:
            terms.append(term)
    return terms, {term: count for term, count in counts.items() if count}


def _section_descendants(section_ids: list[int]) -> list[int]:
    found = set(section_ids)
    frontier = set(section_ids)
    while frontier:
        frontier = (
            set(Section.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - found
        )
        found |= frontier
    return sorted(found)


def _scored(
    terms: list[QueryTerm],
    *,
    document_ids: list[int] | None,
    section_ids: list[int] | None,
    exclude: int | None = None,
) -> Scored:
    """Every unit (within the filters) that contains a word of the question, scored."""
    index = lexical_index()
    if not terms:
        return Scored.empty(index)
    mask = index.mask(
        document_ids=document_ids,
        section_ids=_section_descendants(section_ids) if section_ids is not None else None,
        exclude=exclude,
    )
    return index.score(terms, index.stats({term.term for term in terms}), mask=mask)


def _ranked(
    terms: list[QueryTerm],
    *,
    document_ids: list[int] | None,
    section_ids: list[int] | None,
    exclude: int | None = None,
    limit: int | None = None,
) -> list[Ranked]:
    """The best `limit` (None: all) units for the question, best first, with passages."""
    scored = _scored(terms, document_ids=document_ids, section_ids=section_ids, exclude=exclude)
    return scored.ranked(limit, passages=None)


# A hit's unit without its index text (long, and only indexing reads it; deferred).
_UNIT_COLUMNS = ", ".join(
    field.column
    for field in Unit._meta.concrete_fields
    if field.name not in ("index_title", "index_tips", "index_body")
)


def _units_with_documents(ids: list[int]) -> dict[int, Unit]:
    """The units by id with .document loaded, by two raw queries: on a result page, building
    the ORM's join query cost more than running it."""
    marks = ", ".join(["%s"] * len(ids))
    units = {
        unit.id: unit
        for unit in Unit.objects.raw(
            f"SELECT {_UNIT_COLUMNS} FROM {Unit._meta.db_table} WHERE id IN ({marks})",
            ids,
        )
    }
    document_ids = sorted({unit.document_id for unit in units.values()})
    marks = ", ".join(["%s"] * len(document_ids))
    documents = {
        document.id: document
        for document in Document.objects.raw(
            f"SELECT * FROM {Document._meta.db_table} WHERE id IN ({marks})",
            document_ids,
        )
    }
    for unit in units.values():
        unit.document = documents[unit.document_id]
    return units


def _passage_rows(unit_ids: list[int]) -> list[tuple]:
    """(id, unit id, kind, page, text, index_words) of the units' passages in order. Plain
    SQL: on a result page the ORM's query building cost more than the query."""
    table = Passage._meta.db_table
    marks = ", ".join(["%s"] * len(unit_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, unit_id, kind, page, text, index_words FROM {table} "
            f"WHERE unit_id IN ({marks}) ORDER BY unit_id, position",
            unit_ids,
        )
        return cursor.fetchall()


def _hits(
    ranked: list[Ranked],
    terms: list[QueryTerm],
    counts: dict[str, int],
    dense_passages: dict[int, int] | None = None,
) -> list[SearchHit]:
    if not ranked:
        return []
    if dense_passages:
        ranked = [_with_dense_passage(item, dense_passages) for item in ranked]
    units = _units_with_documents([r.key for r in ranked])
    # Passages of the hits in order, split like the shadow columns (tips / everything else),
    # so that a shadow line number points at its passage.
    by_unit: dict[int, dict[str, list[tuple]]] = {r.key: {"tips": [], "body": []} for r in ranked}
    by_id: dict[int, tuple] = {}
    for row in _passage_rows(list(by_unit)):
        by_unit[row[1]]["tips" if row[2] == Passage.Kind.TIP else "body"].append(row)
        by_id[row[0]] = row
    # A hit found by meaning alone points at a passage by id ("id", passage id, 0).
    for index, item in enumerate(ranked):
        if item.passages and item.passages[0][0] == "id":
            row = by_id.get(item.passages[0][1])
            by_unit[item.key]["id"] = [row] if row else []
            ranked[index] = Ranked(key=item.key, score=item.score, passages=(("id", 0, 0.0),))
    # Passages indexed before word offsets were stored fall back to analysing their text.
    shown = [
        by_unit[item.key][field][line][4]
        for item in ranked
        for field, line, _ in item.passages[:PASSAGES_PER_HIT]
        if line < len(by_unit[item.key][field]) and not by_unit[item.key][field][line][5]
    ]
    wanted = frozenset(t.term for t in terms)
    highlighter = Highlighter(wanted, frozenset(counts) | BASE_STEMS, list(dict.fromkeys(shown)))
    hits = []
    for item in ranked:
        passages = []
        for field, line, _ in item.passages[:PASSAGES_PER_HIT]:
            candidates = by_unit[item.key][field]
            if line >= len(candidates):
                continue  # index older than the passages; skip rather than point wrongly
            passage_id, _, kind, page, full_text, words = candidates[line]
            spans = indexed_spans(words, wanted) if words else highlighter.spans(full_text)
            text, shifted, cut_start, cut_end = crop(full_text, spans)
            prefix, suffix = ("… " if cut_start else ""), (" …" if cut_end else "")
            passages.append(
                HitPassage(
                    id=passage_id,
                    kind=kind,
                    page=page,
                    text=full_text,
                    spans=tuple(spans),
                    excerpt=prefix + render_marked(text, shifted) + suffix,
                    excerpt_html=mark_safe(prefix + render_html(text, shifted) + suffix),
                )
            )
        hits.append(SearchHit(unit=units[item.key], score=item.score, passages=tuple(passages)))
    return hits


def _blend_candidates(scored: Scored, limit: int) -> list[Ranked]:
    """The `limit` best units by words, back matter weighed down as the blend will (and the
    best by raw score, which the blend divides by), without passages."""
    if not len(scored):
        return []
    index = scored.index
    factor = np.where(index.back_matter[scored.rows], blending.PARAMETERS.back_matter_factor, 1.0)
    weighed = scored.scores * factor
    keys = index.unit_ids[scored.rows]
    if limit < len(weighed):
        threshold = -np.partition(-weighed, limit - 1)[limit - 1] if limit else np.inf
        chosen = np.flatnonzero(weighed >= threshold)
        chosen = chosen[np.lexsort((keys[chosen], -weighed[chosen]))][:limit]
    else:
        chosen = np.lexsort((keys, -weighed))
    best = int(np.argmax(scored.scores))
    if best not in set(chosen.tolist()):
        chosen = np.append(chosen, best)
    return scored.ranked_at(chosen)


def _with_passages(shown: list[Ranked], scored: Scored) -> list[Ranked]:
    """The shown units with their matching passages (found by words), best first."""
    return [
        Ranked(key=item.key, score=item.score, passages=scored.passages_of(item.key))
        if not item.passages and scored.position(item.key) is not None
        else item
        for item in shown
    ]


def PARAMETERS_DENSE_CANDIDATES() -> int:
    return blending.PARAMETERS.dense_candidates


def _with_dense_passage(item: Ranked, dense_passages: dict[int, int]) -> Ranked:
    """A hit found by meaning alone shows the passage closest to the question."""
    passage_id = dense_passages.get(item.key)
    if item.passages or passage_id is None:
        return item
    return Ranked(key=item.key, score=item.score, passages=(("id", passage_id, 0.0),))


def searchable_document_ids(*, user, document_ids: list[int] | None) -> list[int] | None:
    """`document_ids` narrowed to the documents the user may see: the shared library plus
    their own private uploads (without a user: the shared library). None: no narrowing needed,
    because every document is visible."""
    private = Document.objects.filter(owner__isnull=False)
    if user is not None and getattr(user, "is_authenticated", False):
        private = private.exclude(owner=user)
        visible = Document.objects.visible_to(user)
    else:
        visible = Document.objects.filter(owner__isnull=True)
    if not private.exists():
        return document_ids
    allowed = set(visible.values_list("id", flat=True))
    if document_ids is None:
        return sorted(allowed)
    return [i for i in document_ids if i in allowed]


def unit_search(
    *,
    query: str,
    top: int = 10,
    document_ids: list[int] | None = None,
    section_ids: list[int] | None = None,
    user=None,
    mode: str = "hybride",
    correct_spelling: bool = True,
) -> SearchHits:
    """The `top` units that best answer `query`, best first. See the package docstring.

    Only documents `user` may see are searched (no user: the shared library only)."""
    return unit_search_answer(
        query=query,
        top=top,
        document_ids=document_ids,
        section_ids=section_ids,
        user=user,
        mode=mode,
        correct_spelling=correct_spelling,
    ).hits


def unit_search_answer(
    *,
    query: str,
    top: int = 10,
    document_ids: list[int] | None = None,
    section_ids: list[int] | None = None,
    user=None,
    mode: str = HYBRID,
    correct_spelling: bool = True,
) -> SearchAnswer:
    """Like `unit_search`, with whether the library seems to answer the question at all.

    `mode`: "hybride" (words and meaning, the default), "lexicaal" (words only) or "dense"
    (meaning only; for evaluation). Without a model or ready vectors, every mode is lexical.
    """
    document_ids = searchable_document_ids(user=user, document_ids=document_ids)
    # Curated synonyms and "Bedoelde je …?" (kennis.search.spelling_index): both the words and
    # the meaning are searched for the corrected question.
    correction = query_prepare(query=query, user=user, correct_spelling=correct_spelling)
    if correction:
        query = correction.query
    terms, counts = _query_terms(query)
    index = lexical_index()
    scored = Scored.empty(index)
    if mode != DENSE:
        scored = _scored(terms, document_ids=document_ids, section_ids=section_ids)
        index = scored.index  # the version scored (another thread may refresh meanwhile)
    semantic = mode != LEXICAL and bool(query.strip()) and vectors.vectors_present()
    # Every matching unit is scored; the blend needs only those that can reach the page: the
    # best by words (after back matter is weighed down) or, with meaning, the best
    # BLEND_CANDIDATES by words plus the closest by meaning that match words too.
    lexical = _blend_candidates(scored, max(top, 0) if not semantic else BLEND_CANDIDATES)
    dense: dict[int, float] = {}
    floor = None
    vector = None
    if semantic:
        vector = embedding.query_vector(query[:MAX_QUERY_CHARS])
        if vector is not None:
            allowed = None
            if section_ids is not None:
                allowed = set(
                    Unit.objects.filter(
                        section_id__in=_section_descendants(section_ids)
                    ).values_list("id", flat=True)
                )
            found = vectors.dense_candidates(
                vector,
                document_ids=document_ids,
                unit_ids=allowed,
                keep={r.key for r in lexical},
                closest=max(blending.PARAMETERS.dense_candidates, top),
            )
            if found is not None:
                dense, floor = found.scores, found.floor
                taken = {r.key for r in lexical}
                extra = [scored.position(key) for key in sorted(dense) if key not in taken]
                positions = np.array([p for p in extra if p is not None], dtype=np.int64)
                lexical += scored.ranked_at(positions)
    # Only candidates can be shown: roles for them, from the index (or the database for a
    # unit found by meaning that the lexical index does not hold).
    keys = {r.key for r in lexical} | set(dense)
    roles = {key: index.roles[key] for key in keys if key in index.roles}
    unknown = [key for key in dense if index.row(key) is None]
    if unknown:
        roles.update(
            Unit.objects.filter(id__in=unknown)
            .exclude(role=Unit.Role.CONTENT)
            .values_list("id", "role")
        )
    ranked = blend(lexical, dense, roles=roles, mode=mode if dense else LEXICAL, floor=floor)
    shown = _with_passages(ranked[: max(top, 0)], scored)
    best_passages = {}
    if vector is not None:
        best_passages = vectors.dense_best_passages(
            vector, [item.key for item in shown if not item.passages]
        )
    confident = answer_confident(lexical, dense, terms)
    return SearchAnswer(
        hits=SearchHits(
            _hits(shown, terms, counts, dense_passages=best_passages), correction=correction
        ),
        confident=confident,
        semantic=bool(dense),
    )


# Terms of a unit that describe it best, for "zie ook".
RELATED_TERMS = 12


def unit_related(*, unit: Unit, top: int = 5, user=None) -> list[SearchHit]:
    """Units about the same subject as `unit` (its most distinctive terms as the question),
    among the documents `user` may see (no user: the shared library)."""
    fields = parse_shadow(unit.index_title, unit.index_tips, unit.index_body)
    frequencies: Counter[str] = Counter()
    for term in fields.title:
        frequencies[term] += 3
    for term in fields.path:
        frequencies[term] += 1
    for line in fields.tips + fields.body:
        frequencies.update(line)
    if not frequencies:
        return []
    index = lexical_index()
    stats = index.stats(frequencies)
    counts = dict(stats.term_units)
    # Terms found in a single unit say nothing about other units.
    scored = sorted(
        (-(1 + frequencies[t] ** 0.5) * stats.idf(t), t)
        for t in frequencies
        if counts.get(t, 0) > 1
    )[:RELATED_TERMS]
    terms = [QueryTerm(term, 1.0, concept) for concept, (_, term) in enumerate(scored)]
    document_ids = searchable_document_ids(user=user, document_ids=None)
    ranked = _ranked(
        terms, document_ids=document_ids, section_ids=None, exclude=unit.id, limit=max(top, 0)
    )
    return _hits(ranked, terms, counts)
