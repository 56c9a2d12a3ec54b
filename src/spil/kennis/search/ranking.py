"""The reranker: the final order of search results, identical on SQLite and PostgreSQL.

Pure Python. The database engine only proposes candidates; this module scores them from
their analysed shadow text and corpus statistics that Spil keeps itself, so both backends
produce the same scores. The score combines
- BM25F over the fields title > heading path > tips > body, with per-term query weights
  (typed words count fully, compound parts and synonyms less);
- concept coverage: how much of the question (each typed word with its expansions counts
  once) the unit answers;
- passage evidence: the best single tip or paragraph, since a unit that answers the
  question in one place is better than one that mentions each word somewhere.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from spil.kennis.analysis import QueryTerm
from spil.kennis.search.shadow import ShadowFields

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


DEFAULT_PARAMETERS = RankingParameters()


@dataclass(frozen=True)
class Ranked:
    key: int
    score: float
    # (field, line index, score) of the passages that match, best first.
    passages: tuple[tuple[str, int, float], ...]


def _concepts(terms: Sequence[QueryTerm], stats: CorpusStats) -> dict[int, list[tuple[str, float]]]:
    concepts: dict[int, list[tuple[str, float]]] = {}
    for term in terms:
        concepts.setdefault(term.concept, []).append(
            (term.term, term.weight * stats.idf(term.term))
        )
    return concepts


def score_unit(
    fields: ShadowFields,
    terms: Sequence[QueryTerm],
    stats: CorpusStats,
    parameters: RankingParameters = DEFAULT_PARAMETERS,
) -> tuple[float, tuple[tuple[str, int, float], ...]]:
    """Score of one unit for a question, with its matching passages (best first)."""
    counts = {
        "title": Counter(fields.title),
        "path": Counter(fields.path),
        "tips": Counter(t for line in fields.tips for t in line),
        "body": Counter(t for line in fields.body for t in line),
    }
    lengths = {name: sum(counter.values()) for name, counter in counts.items()}
    norms = {}
    for name in FIELDS:
        average = stats.average_length.get(name) or 1.0
        b = parameters.length_normalisation[name]
        norms[name] = 1.0 - b + b * lengths[name] / average

    bm25f = 0.0
    present: set[str] = set()
    for term in terms:
        pseudo_tf = 0.0
        for name in FIELDS:
            tf = counts[name].get(term.term)
            if tf:
                pseudo_tf += parameters.field_weights[name] * tf / norms[name]
        if pseudo_tf:
            present.add(term.term)
            bm25f += term.weight * stats.idf(term.term) * pseudo_tf / (parameters.k1 + pseudo_tf)
    if not present:
        return 0.0, ()

    concepts = _concepts(terms, stats)
    total = sum(max(value for _, value in members) for members in concepts.values()) or 1.0
    covered = sum(
        max((value for term, value in members if term in present), default=0.0)
        for members in concepts.values()
    )
    coverage = covered / total

    # The title counts as evidence like a passage, but only tips and body are returned.
    title_words = set(fields.title) & present
    best_title = (
        sum(
            max((v for term, v in members if term in title_words), default=0.0)
            for members in concepts.values()
        )
        / total
    )
    passages: list[tuple[str, int, float]] = []
    for name in ("tips", "body"):
        for index, line in enumerate(getattr(fields, name)):
            words = set(line) & present
            if not words:
                continue
            value = sum(
                max((v for term, v in members if term in words), default=0.0)
                for members in concepts.values()
            )
            passages.append((name, index, value / total))
    passages.sort(key=lambda item: (-item[2], item[0], item[1]))
    best_passage = max(passages[0][2] if passages else 0.0, best_title)

    score = (
        bm25f
        * (1.0 + parameters.coverage_weight * coverage)
        * (1.0 + parameters.passage_weight * best_passage)
    )
    return score, tuple(passages)


def rank(
    candidates: Mapping[int, ShadowFields],
    terms: Sequence[QueryTerm],
    stats: CorpusStats,
    parameters: RankingParameters = DEFAULT_PARAMETERS,
) -> list[Ranked]:
    """Candidates (key -> shadow fields) in final order; ties broken by key for stability."""
    ranked = []
    for key, fields in candidates.items():
        score, passages = score_unit(fields, terms, stats, parameters)
        if score > 0:
            ranked.append(Ranked(key=key, score=score, passages=passages))
    ranked.sort(key=lambda item: (-item.score, item.key))
    return ranked
