"""The reranker: the final order of search results, identical on SQLite and PostgreSQL.

Pure Python: the reference implementation. Search itself scores with the in-memory index
(lexical_index), vectorised, which must give the same scores and passage order (its tests
compare the two). A unit is scored from its analysed shadow text and corpus statistics that
Spil keeps itself, so both database backends produce the same scores. The score combines
- BM25F over the fields title > heading path > tips > body, per idea of the question (a
  typed word with its compound parts and synonyms, which count less, shares one saturation);
- concept coverage: how much of the question (each typed word with its expansions counts
  once) the unit answers;
- passage evidence: the best single tip or paragraph, since a unit that answers the
  question in one place is better than one that mentions each word somewhere;
- title evidence: how much of the question the unit's own title covers, so a theme named
  after the question beats a long chapter introduction that mentions everything.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from spil.kennis.analysis import QueryTerm
from spil.kennis.search.shadow import ShadowColumns

FIELDS = ("title", "path", "tips", "body")


@dataclass(frozen=True)
class CorpusStats:
    units: int
    average_length: Mapping[str, float]  # per field, in terms
    term_units: Mapping[str, int]  # units containing the term

    def idf(self, term: str) -> float:
        df = self.term_units.get(term, 0)
        return math.log(1.0 + (self.units - df + 0.5) / (df + 0.5))


@dataclass(frozen=True)
class RankingParameters:
    field_weights: Mapping[str, float] = field(
        default_factory=lambda: {"title": 4.0, "path": 1.0, "tips": 1.3, "body": 1.0}
    )
    length_normalisation: Mapping[str, float] = field(
        default_factory=lambda: {"title": 0.3, "path": 0.3, "tips": 0.75, "body": 0.75}
    )
    k1: float = 1.2
    coverage_weight: float = 1.0
    passage_weight: float = 2.0
    title_weight: float = 1.0


DEFAULT_PARAMETERS = RankingParameters()


@dataclass(frozen=True)
class Ranked:
    key: int
    score: float
    # (field, line index, score) of the passages that match, best first.
    passages: tuple[tuple[str, int, float], ...]


@dataclass(frozen=True)
class _Prepared:
    """Per-question values, computed once for all candidates."""

    terms: tuple[tuple[str, float, float, int], ...]  # term, query weight, idf, concept
    value: Mapping[str, tuple[int, float]]  # term -> (concept, weight * idf), best per term
    total: float  # sum over concepts of their best value: a unit that has it all
    pattern: re.Pattern  # finds the question's terms in a line of shadow text


def query_values(
    terms: Sequence[QueryTerm], stats: CorpusStats
) -> tuple[dict[str, tuple[int, float]], float]:
    """(term -> (concept, weight x idf) of its best occurrence, the sum over concepts of their
    best value). Shared with the in-memory index (lexical_index), so both score alike."""
    value: dict[str, tuple[int, float]] = {}
    best: dict[int, float] = {}
    for term in terms:
        weighted = term.weight * stats.idf(term.term)
        if term.term not in value or weighted > value[term.term][1]:
            value[term.term] = (term.concept, weighted)
        best[term.concept] = max(best.get(term.concept, 0.0), weighted)
    return value, sum(best[concept] for concept in sorted(best)) or 1.0


def _prepare(terms: Sequence[QueryTerm], stats: CorpusStats) -> _Prepared:
    value, total = query_values(terms, stats)
    # Terms are space-separated [a-z0-9] words; match whole terms only, longest first.
    alternatives = "|".join(re.escape(t) for t in sorted(value, key=lambda t: (-len(t), t)))
    return _Prepared(
        terms=tuple((t.term, t.weight, stats.idf(t.term), t.concept) for t in terms),
        value=value,
        total=total,
        pattern=re.compile(f"(?<![^ ])(?:{alternatives or '(?!)'})(?![^ ])"),
    )


def _evidence(words: Iterable[str], value: Mapping[str, tuple[int, float]]) -> float:
    """Sum over concepts of the best matching term's value among `words`. Summed in concept
    order, so that equal evidence is equal to the last bit (ties between passages and units
    are then real ties, broken the same way by the in-memory index)."""
    best: dict[int, float] = {}
    for word in words:
        item = value.get(word)
        if item is not None and item[1] > best.get(item[0], 0.0):
            best[item[0]] = item[1]
    return sum(best[concept] for concept in sorted(best))


def _length(lines: Sequence[str]) -> int:
    return sum(line.count(" ") + 1 for line in lines if line)


def score_columns(
    columns: ShadowColumns,
    terms: Sequence[QueryTerm],
    stats: CorpusStats,
    parameters: RankingParameters = DEFAULT_PARAMETERS,
    prepared: _Prepared | None = None,
) -> tuple[float, tuple[tuple[str, int, float], ...]]:
    """Score of one unit (its stored shadow columns) for a question, with its matching
    passages as (field, line, evidence), best first."""
    prepared = prepared or _prepare(terms, stats)
    value, find = prepared.value, prepared.pattern.findall
    index_title, index_tips, index_body = columns
    title_line, _, path_line = index_title.partition("\n")
    fields = (
        ("title", (title_line,)),
        ("path", (path_line,)),
        ("tips", index_tips.split("\n") if index_tips else ()),
        ("body", index_body.split("\n") if index_body else ()),
    )
    counts: dict[str, Counter[str]] = {}
    lengths: dict[str, int] = {}
    passages: list[tuple[str, int, float]] = []
    for name, lines in fields:
        counter: Counter[str] = Counter()
        counts[name] = counter
        lengths[name] = _length(lines)
        for index, line in enumerate(lines):
            matched = find(line) if line else None
            if not matched:
                continue
            counter.update(matched)
            if name in ("tips", "body"):
                passages.append((name, index, _evidence(matched, value) / prepared.total))
    if not passages and not counts["title"] and not counts["path"]:
        return 0.0, ()

    # BM25F per idea of the question: a word and its expansions (synonyms, compound parts)
    # share one saturation, so a unit that names the same idea in five ways does not
    # outscore one that names five ideas. The idea's idf is the highest of its matched terms.
    norms = {}
    for name in FIELDS:
        average = stats.average_length.get(name) or 1.0
        b = parameters.length_normalisation[name]
        norms[name] = 1.0 - b + b * lengths[name] / average
    pseudo_tf: dict[int, float] = {}
    idf_of: dict[int, float] = {}
    for term, weight, idf, concept in prepared.terms:
        tf = 0.0
        for name in FIELDS:
            count = counts[name].get(term)
            if count:
                tf += parameters.field_weights[name] * count / norms[name]
        if tf:
            pseudo_tf[concept] = pseudo_tf.get(concept, 0.0) + weight * tf
            idf_of[concept] = max(idf_of.get(concept, 0.0), idf)
    bm25f = sum(
        idf_of[concept] * value / (parameters.k1 + value) for concept, value in pseudo_tf.items()
    )

    present = set(counts["title"]) | set(counts["path"]) | set(counts["tips"]) | set(counts["body"])
    coverage = _evidence(present, value) / prepared.total
    # The title counts as evidence like a passage, but only tips and body are returned.
    best_title = _evidence(counts["title"], value) / prepared.total
    passages.sort(key=lambda item: (-item[2], item[0], item[1]))
    best_passage = max(passages[0][2] if passages else 0.0, best_title)

    score = (
        bm25f
        * (1.0 + parameters.coverage_weight * coverage)
        * (1.0 + parameters.passage_weight * best_passage)
        * (1.0 + parameters.title_weight * best_title)
    )
    return score, tuple(passages)


def rank(
    candidates: Mapping[int, ShadowColumns],
    terms: Sequence[QueryTerm],
    stats: CorpusStats,
    parameters: RankingParameters = DEFAULT_PARAMETERS,
) -> list[Ranked]:
    """Candidates (key -> shadow columns) in final order; ties broken by key for stability."""
    ranked = []
    prepared = _prepare(terms, stats)
    for key, columns in candidates.items():
        score, passages = score_columns(columns, terms, stats, parameters, prepared)
        if score > 0:
            ranked.append(Ranked(key=key, score=score, passages=passages))
    ranked.sort(key=lambda item: (-item.score, item.key))
    return ranked
