"""The lexical index in memory: every unit's analysed terms as numpy arrays, scored at once.

Pure numpy (no Django). `document_part` turns one document's shadow columns (see `shadow`)
into arrays; `LexicalIndex.stack` joins the parts of all documents, so that a process that
sees one document change re-reads only that document. `LexicalIndex.score` computes, for
every unit that contains a term of the question, exactly the score of
`ranking.score_columns` (the reference implementation, kept for the tests): BM25F per idea
over title/path/tips/body, coverage, best passage and title evidence. Scoring every matching
unit means no candidate can be lost before the ranking.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from spil.kennis.analysis import QueryTerm
from spil.kennis.search.ranking import (
    DEFAULT_PARAMETERS,
    FIELDS,
    CorpusStats,
    Ranked,
    RankingParameters,
    query_values,
)

TITLE, PATH, TIPS, BODY = range(4)
# Passage fields as stored per line: 0 tips, 1 body (the field names of Ranked.passages).
LINE_FIELDS = ("tips", "body")

# (unit id, section id, role, index_title, index_tips, index_body)
UnitRow = tuple[int, int | None, str, str, str, str]
CONTENT = "content"  # Unit.Role.CONTENT; other roles are back matter


@dataclass(frozen=True)
class DocumentPart:
    """One document's units as arrays over the document's own vocabulary (`terms`)."""

    document_id: int
    terms: tuple[str, ...]
    unit_ids: np.ndarray  # int64, one per unit
    section_ids: np.ndarray  # int64 (-1: none)
    back_matter: np.ndarray  # bool: role is not content
    roles: dict[int, str]  # unit id -> role, for back matter only
    lengths: np.ndarray  # int64 (units, 4): terms per field
    # Unsigned integers of the smallest width that fits (see _small).
    post_unit: np.ndarray  # (unit, term) postings: unit row within the part
    post_term: np.ndarray  # local term
    post_tf: np.ndarray  # (postings, 4): occurrences per field (at most 65535)
    line_unit: np.ndarray  # int32: tips/body lines that contain terms, unit row
    line_field: np.ndarray  # int8: 0 tips, 1 body
    line_number: np.ndarray  # int32: line within its column (= passage of that kind)
    line_post_line: np.ndarray  # (line, distinct term) postings
    line_post_term: np.ndarray


def document_part(document_id: int, rows: Iterable[UnitRow]) -> DocumentPart:
    """The arrays of one document's indexed units (rows with empty columns are skipped, as
    the corpus statistics skip them)."""
    ids: dict[str, int] = {}
    lookup = ids.setdefault
    unit_ids: list[int] = []
    section_ids: list[int] = []
    back_matter: list[bool] = []
    roles: dict[int, str] = {}
    token_ids: list[int] = []
    # Per line of text: its unit row, field, number and token count.
    line_units: list[int] = []
    line_fields: list[int] = []
    line_numbers: list[int] = []
    line_sizes: list[int] = []
    for unit_id, section_id, role, index_title, index_tips, index_body in rows:
        if not (index_title or index_tips or index_body):
            continue
        row = len(unit_ids)
        unit_ids.append(unit_id)
        section_ids.append(-1 if section_id is None else section_id)
        back_matter.append(role != CONTENT)
        if role != CONTENT:
            roles[unit_id] = role
        title_line, _, path_line = index_title.partition("\n")
        columns = (
            (TITLE, (title_line,)),
            (PATH, (path_line,)),
            (TIPS, index_tips.split("\n") if index_tips else ()),
            (BODY, index_body.split("\n") if index_body else ()),
        )
        for field, lines in columns:
            for number, line in enumerate(lines):
                if not line:
                    continue
                words = line.split(" ")
                token_ids.extend([lookup(word, len(ids)) for word in words])
                line_units.append(row)
                line_fields.append(field)
                line_numbers.append(number)
                line_sizes.append(len(words))
    units = len(unit_ids)
    sizes = np.array(line_sizes, dtype=np.int64)
    tokens = np.array(token_ids, dtype=np.int64)
    l_unit = np.array(line_units, dtype=np.int64)
    l_field = np.array(line_fields, dtype=np.int64)
    lengths = np.zeros((units, 4), dtype=np.int64)
    np.add.at(lengths, (l_unit, l_field), sizes)
    token_line = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    vocabulary = max(len(ids), 1)
    # Occurrences per (unit, term, field).
    key = (l_unit[token_line] * vocabulary + tokens) * 4 + l_field[token_line]
    keys, counts = np.unique(key, return_counts=True)
    pairs, inverse = np.unique(keys // 4, return_inverse=True)
    tf = np.zeros((len(pairs), 4), dtype=np.uint16)
    tf[inverse, keys % 4] = np.minimum(counts, np.iinfo(np.uint16).max)
    # Distinct terms per tips/body line.
    passage_lines = np.flatnonzero(l_field >= TIPS)
    is_passage = np.zeros(len(sizes), dtype=bool)
    is_passage[passage_lines] = True
    renumber = np.cumsum(is_passage) - 1
    taken = is_passage[token_line]
    line_keys = np.unique(renumber[token_line[taken]] * vocabulary + tokens[taken])
    return DocumentPart(
        document_id=document_id,
        terms=tuple(map(sys.intern, ids)),  # one copy of a term for all documents
        unit_ids=np.array(unit_ids, dtype=np.int64),
        section_ids=np.array(section_ids, dtype=np.int64),
        back_matter=np.array(back_matter, dtype=bool),
        roles=roles,
        lengths=lengths,
        post_unit=_small(pairs // vocabulary),
        post_term=_small(pairs % vocabulary),
        post_tf=_small(tf),
        line_unit=l_unit[passage_lines].astype(np.int32),
        line_field=(l_field[passage_lines] - TIPS).astype(np.int8),
        line_number=np.array(line_numbers, dtype=np.int32)[passage_lines],
        line_post_line=_small(line_keys // vocabulary),
        line_post_term=_small(line_keys % vocabulary),
    )


def _small(values: np.ndarray) -> np.ndarray:
    """`values` (not negative) in the smallest unsigned type that holds them: a part is kept
    beside the stacked index, to restack without reading its document again."""
    return values.astype(np.min_scalar_type(int(values.max())) if values.size else np.uint8)


def _grouped(keys: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """(order that sorts `keys` stably, start of each key's run: `size + 1` offsets)."""
    # numpy sorts 16-bit integers stably by radix (linear time); wider keys in two passes.
    order = np.argsort((keys & 0xFFFF).astype(np.uint16), kind="stable")
    if size > 0x10000:
        order = order[np.argsort((keys[order] >> 16).astype(np.uint16), kind="stable")]
    pointer = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys, minlength=size), out=pointer[1:])
    return order, pointer


class LexicalIndex:
    """All indexed units of the library, read-only once stacked (safe to share between
    threads)."""

    def __init__(self, parts: Sequence[DocumentPart]):
        parts = [part for part in parts if len(part.unit_ids)]
        self.parts = tuple(parts)
        # Terms in order of first appearance; the loops run in C (dict.fromkeys, map).
        ordered = dict.fromkeys(itertools.chain.from_iterable(part.terms for part in parts))
        vocabulary = {term: i for i, term in enumerate(ordered)}
        maps = [
            np.fromiter(map(vocabulary.__getitem__, part.terms), np.int32, len(part.terms))
            for part in parts
        ]
        self.vocabulary = vocabulary
        self.terms = tuple(vocabulary)
        size = len(vocabulary)

        def stack(name: str, dtype, shape=(0,)) -> np.ndarray:
            arrays = [getattr(part, name) for part in parts]
            return np.concatenate(arrays).astype(dtype) if arrays else np.zeros(shape, dtype)

        def shifted(name: str, offsets: np.ndarray, dtype) -> np.ndarray:
            """Per-part row numbers made global: each part's rows follow the previous parts'."""
            arrays = [getattr(part, name) + offsets[i] for i, part in enumerate(parts)]
            return np.concatenate(arrays or [np.zeros(0)]).astype(dtype)

        def global_terms(name: str) -> np.ndarray:
            """Per-part term numbers as numbers in the stacked vocabulary."""
            arrays = [maps[i][getattr(part, name)] for i, part in enumerate(parts)]
            return np.concatenate(arrays or [np.zeros(0)]).astype(np.int64)

        unit_offsets = np.cumsum([0, *(len(part.unit_ids) for part in parts)])
        line_offsets = np.cumsum([0, *(len(part.line_unit) for part in parts)])
        self.unit_ids = stack("unit_ids", np.int64)
        self.section_ids = stack("section_ids", np.int64)
        self.back_matter = stack("back_matter", bool)
        self.roles = {k: v for part in parts for k, v in part.roles.items()}
        self.document_ids = np.repeat(
            np.array([part.document_id for part in parts], dtype=np.int64),
            [len(part.unit_ids) for part in parts],
        )
        self.lengths = stack("lengths", np.float64, (0, 4))
        post_unit = shifted("post_unit", unit_offsets, np.int32)
        post_term = global_terms("post_term")
        post_tf = stack("post_tf", np.uint16, (0, 4))
        order, self.post_pointer = _grouped(post_term, size)
        self.post_unit = post_unit[order]
        self.post_tf = post_tf[order]
        self.term_units = np.diff(self.post_pointer)
        self.line_unit = shifted("line_unit", unit_offsets, np.int32)
        self.line_field = stack("line_field", np.int8)
        self.line_number = stack("line_number", np.int32)
        line_post_line = shifted("line_post_line", line_offsets, np.int32)
        line_post_term = global_terms("line_post_term")
        order, self.line_pointer = _grouped(line_post_term, size)
        self.line_post_line = line_post_line[order]
        self.units = len(self.unit_ids)
        self.length_totals = self.lengths.sum(axis=0) if self.units else np.zeros(4)
        self._row_of = {int(u): i for i, u in enumerate(self.unit_ids.tolist())}
        self._analysis_vocabulary: tuple[frozenset[str], frozenset[str]] | None = None
        # For the default parameters and the index's own averages (what search uses).
        self._weighted = _field_weighted(
            self.post_tf,
            lambda f: self.lengths[:, f][self.post_unit],
            self.stats(()),
            DEFAULT_PARAMETERS,
        )

    # Corpus statistics, consistent with the tables kennis_search_term / kennis_search_stat.

    def average_length(self) -> dict[str, float]:
        if not self.units:
            return dict.fromkeys(FIELDS, 1.0)
        return {name: float(self.length_totals[i]) / self.units for i, name in enumerate(FIELDS)}

    def analysis_vocabulary(self, extra: frozenset[str]) -> frozenset[str]:
        """The index's terms and `extra` (the analyser's base stems), as one set made once:
        the analyser looks words up in it thousands of times per question."""
        made = self._analysis_vocabulary
        if made is None or made[0] is not extra:
            made = self._analysis_vocabulary = (extra, frozenset(self.vocabulary) | extra)
        return made[1]

    def unit_count(self, term: str) -> int:
        index = self.vocabulary.get(term)
        return 0 if index is None else int(self.term_units[index])

    def stats(self, terms: Iterable[str]) -> CorpusStats:
        counts = {term: self.unit_count(term) for term in terms}
        return CorpusStats(
            units=self.units,
            average_length=self.average_length(),
            term_units={term: count for term, count in counts.items() if count},
        )

    def row(self, unit_id: int) -> int | None:
        return self._row_of.get(unit_id)

    def nbytes(self) -> int:
        return sum(value.nbytes for value in vars(self).values() if isinstance(value, np.ndarray))

    def _weighted_tf(self, stats: CorpusStats, parameters: RankingParameters) -> np.ndarray | None:
        """Per posting the field-weighted, length-normalised term frequency, made once for
        the index's own average lengths and the default parameters (what search uses)."""
        if parameters != DEFAULT_PARAMETERS or dict(stats.average_length) != (
            self.average_length()
        ):
            return None
        return self._weighted

    def mask(
        self,
        *,
        document_ids: Iterable[int] | None = None,
        section_ids: Iterable[int] | None = None,
        exclude: int | None = None,
    ) -> np.ndarray | None:
        """Which unit rows may be found (None: all)."""
        mask = None
        if document_ids is not None:
            mask = np.isin(self.document_ids, np.fromiter(document_ids, dtype=np.int64))
        if section_ids is not None:
            inside = np.isin(self.section_ids, np.fromiter(section_ids, dtype=np.int64))
            mask = inside if mask is None else mask & inside
        if exclude is not None:
            mask = np.ones(self.units, dtype=bool) if mask is None else mask.copy()
            row = self.row(exclude)
            if row is not None:
                mask[row] = False
        return mask

    def score(
        self,
        terms: Sequence[QueryTerm],
        stats: CorpusStats,
        parameters: RankingParameters = DEFAULT_PARAMETERS,
        mask: np.ndarray | None = None,
    ) -> Scored:
        """Every unit (within `mask`) that contains a term of `terms`, scored as
        `ranking.score_columns` scores it with `stats`."""
        value, total = query_values(terms, stats)
        present = [t for t in value if t in self.vocabulary]
        if not present:
            return Scored.empty(self)
        slot = {t: i for i, t in enumerate(present)}
        concepts = sorted({term.concept for term in terms})
        column = {c: i for i, c in enumerate(concepts)}
        width = len(concepts)
        weights = np.zeros((len(present), width))  # summed query weight per (term, concept)
        idfs = np.zeros((len(present), width))  # idf where the term stands for the concept
        for term in terms:
            i = slot.get(term.term)
            if i is not None:
                c = column[term.concept]
                weights[i, c] += term.weight
                idfs[i, c] = max(idfs[i, c], stats.idf(term.term))
        value_column = np.array([column[value[t][0]] for t in present], dtype=np.int64)
        value_of = np.array([value[t][1] for t in present])

        indices = [self.vocabulary[t] for t in present]
        spans = [(self.post_pointer[i], self.post_pointer[i + 1]) for i in indices]
        p_unit = np.concatenate([self.post_unit[a:b] for a, b in spans])
        weighted = self._weighted_tf(stats, parameters)
        # All four counts only when the pseudo frequencies are not made in advance.
        columns = slice(None) if weighted is None else slice(TITLE, TITLE + 1)
        p_tf = np.concatenate([self.post_tf[a:b, columns] for a, b in spans])
        if weighted is not None:
            p_weighted = np.concatenate([weighted[a:b] for a, b in spans])
        p_term = np.repeat(np.arange(len(present)), [b - a for a, b in spans])
        if mask is not None:
            keep = mask[p_unit]
            p_unit, p_tf, p_term = p_unit[keep], p_tf[keep], p_term[keep]
            if weighted is not None:
                p_weighted = p_weighted[keep]
        if not len(p_unit):
            return Scored.empty(self)
        rows, p_local = _compact(p_unit, self.units)
        count = len(rows)

        # BM25F per concept: pseudo term frequency over the weighted, length-normalised fields.
        if weighted is None:
            p_weighted = _field_weighted(p_tf, self.lengths[rows[p_local]], stats, parameters)
        # Postings are grouped by term: each term adds to the concepts it stands for (nearly
        # always one), so the cells touched are about as many as the postings.
        bounds = np.searchsorted(p_term, np.arange(len(present) + 1))
        cell_parts, weight_parts, idf_parts = [], [], []
        for i, c in zip(*np.nonzero(weights), strict=True):
            a, b = bounds[i], bounds[i + 1]
            cell_parts.append(p_local[a:b] * width + c)
            weight_parts.append(p_weighted[a:b] * weights[i, c])
            idf_parts.append(np.full(b - a, idfs[i, c]))
        cells = np.concatenate(cell_parts)
        pseudo = np.bincount(
            cells, weights=np.concatenate(weight_parts), minlength=count * width
        ).reshape(count, width)
        idf_flat = np.zeros(count * width)
        np.maximum.at(idf_flat, cells, np.concatenate(idf_parts))
        idf_of = idf_flat.reshape(count, width)
        with np.errstate(invalid="ignore", divide="ignore"):
            saturated = np.where(pseudo > 0, idf_of * pseudo / (parameters.k1 + pseudo), 0.0)
        # Column by column: summing along short rows (np.sum(axis=1)) is several times slower.
        bm25f = saturated[:, 0].copy()
        for concept in range(1, width):
            bm25f += saturated[:, concept]

        # Evidence: per concept the best value among the terms present (all fields; title).
        evidence_cells = p_local * width + value_column[p_term]
        coverage = _concept_sum(evidence_cells, value_of[p_term], count, width) / total
        in_title = p_tf[:, 0 if weighted is not None else TITLE] > 0
        best_title = (
            _concept_sum(evidence_cells[in_title], value_of[p_term[in_title]], count, width) / total
        )

        # Passages: per tips/body line with a term, the evidence of its terms.
        spans = [(self.line_pointer[i], self.line_pointer[i + 1]) for i in indices]
        l_line = np.concatenate([self.line_post_line[a:b] for a, b in spans])
        l_term = np.repeat(np.arange(len(present)), [b - a for a, b in spans])
        if mask is not None:
            keep = mask[self.line_unit[l_line]]
            l_line, l_term = l_line[keep], l_term[keep]
        lines, l_local = _compact(l_line, len(self.line_unit))
        line_evidence = (
            _concept_sum(
                l_local * width + value_column[l_term], value_of[l_term], len(lines), width
            )
            / total
        )
        local_of = np.empty(self.units, dtype=np.int64)
        local_of[rows] = np.arange(count)
        line_owner = local_of[self.line_unit[lines]]
        best_line = np.zeros(count)
        np.maximum.at(best_line, line_owner, line_evidence)
        best_passage = np.maximum(best_line, best_title)

        scores = (
            bm25f
            * (1.0 + parameters.coverage_weight * coverage)
            * (1.0 + parameters.passage_weight * best_passage)
            * (1.0 + parameters.title_weight * best_title)
        )
        positive = scores > 0
        return Scored(
            index=self,
            rows=rows[positive],
            scores=scores[positive],
            lines=lines,
            line_owner=rows[line_owner],
            line_evidence=line_evidence,
        )


def _field_weighted(
    tf: np.ndarray,
    lengths: np.ndarray | Callable[[int], np.ndarray],
    stats: CorpusStats,
    parameters: RankingParameters,
) -> np.ndarray:
    """BM25F's pseudo frequency of a term in a unit: per field its count times the field's
    weight over the field's length normalisation, summed in field order (as the reference).
    `lengths`: the field lengths of each posting's unit, or a function of the field giving
    them (to avoid a copy per field of a large index)."""
    total = np.zeros(len(tf))
    for f, name in enumerate(FIELDS):
        b = parameters.length_normalisation[name]
        average = stats.average_length.get(name) or 1.0
        field_lengths = lengths(f) if callable(lengths) else lengths[:, f]
        total += parameters.field_weights[name] * tf[:, f] / (1.0 - b + b * field_lengths / average)
    return total


def _compact(values: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """(the distinct values ascending, each value's position among them), like np.unique
    with return_inverse, without sorting: values are rows of an array of `size`."""
    seen = np.zeros(size, dtype=bool)
    seen[values] = True
    distinct = np.flatnonzero(seen)
    position = np.empty(size, dtype=np.int64)
    position[distinct] = np.arange(len(distinct))
    return distinct, position[values]


def _concept_sum(cells: np.ndarray, values: np.ndarray, count: int, width: int) -> np.ndarray:
    """Per row: the sum over concepts (in concept order, as ranking._evidence sums) of the
    best value in `cells` (row * width + concept)."""
    flat = np.zeros(count * width)
    np.maximum.at(flat, cells, values)
    grid = flat.reshape(count, width)
    # Added strictly left to right, one concept column at a time, as the reference does
    # (np.sum may pair; np.cumsum along rows is as exact but several times slower).
    total = grid[:, 0].copy()
    for concept in range(1, width):
        total += grid[:, concept]
    return total


@dataclass(frozen=True)
class Scored:
    """The units that matched a question, with what is needed to list their passages."""

    index: LexicalIndex
    rows: np.ndarray  # unit rows with a positive score (ascending)
    scores: np.ndarray
    lines: np.ndarray  # matching tips/body lines (ascending)
    line_owner: np.ndarray  # unit row of each line
    line_evidence: np.ndarray

    @classmethod
    def empty(cls, index: LexicalIndex) -> Scored:
        nothing = np.zeros(0, dtype=np.int64)
        return cls(index, nothing, np.zeros(0), nothing, nothing, np.zeros(0))

    def __len__(self) -> int:
        return len(self.rows)

    def order(self, limit: int | None = None) -> np.ndarray:
        """Positions into rows/scores, best first; ties by unit id."""
        keys = self.index.unit_ids[self.rows]
        if limit is not None and limit < len(self.rows):
            # Only the best `limit` (and whatever ties with the last of them) need sorting.
            threshold = -np.partition(-self.scores, limit - 1)[limit - 1]
            chosen = np.flatnonzero(self.scores >= threshold)
            order = chosen[np.lexsort((keys[chosen], -self.scores[chosen]))]
            return order[:limit]
        return np.lexsort((keys, -self.scores))

    def position(self, unit_id: int) -> int | None:
        """Where the unit is in rows/scores (None: it did not match)."""
        row = self.index.row(unit_id)
        if row is None:
            return None
        at = int(np.searchsorted(self.rows, row))
        return at if at < len(self.rows) and self.rows[at] == row else None

    def ids(self, limit: int | None = None) -> list[int]:
        return self.index.unit_ids[self.rows[self.order(limit)]].tolist()

    def ranked(self, limit: int | None = None, passages: int | None = 0) -> list[Ranked]:
        """The units best first as `Ranked`; with their passages for the first `passages`
        (None: all), the rest with none (fill them later with `passages_of`)."""
        return self.ranked_at(self.order(limit), passages)

    def ranked_at(self, order: np.ndarray, passages: int | None = 0) -> list[Ranked]:
        """`Ranked` for these positions (into rows/scores), in this order."""
        ids = self.index.unit_ids[self.rows[order]].tolist()
        scores = self.scores[order].tolist()
        wanted = len(ids) if passages is None else passages
        return [
            Ranked(
                key=key,
                score=score,
                passages=self.passages_of(key) if position < wanted else (),
            )
            for position, (key, score) in enumerate(zip(ids, scores, strict=True))
        ]

    def passages_of(self, unit_id: int) -> tuple[tuple[str, int, float], ...]:
        """(field, line, evidence) of the unit's matching lines, best first, as
        ranking.score_columns orders them."""
        row = self.index.row(unit_id)
        if row is None:
            return ()
        found = np.flatnonzero(self.line_owner == row)
        if not len(found):
            return ()
        lines = self.lines[found]
        items = [
            (LINE_FIELDS[field], number, evidence)
            for field, number, evidence in zip(
                self.index.line_field[lines].tolist(),
                self.index.line_number[lines].tolist(),
                self.line_evidence[found].tolist(),
                strict=True,
            )
        ]
        items.sort(key=lambda item: (-item[2], item[0], item[1]))
        return tuple(items)
