"""Retrieval evaluation: question files, graded relevance, measures, the BM25 baseline.

Pure Python (no Django). The question format is that of ../shared/eval/README.md: one JSON
object per line, {"q": question, "rel": {key: grade}} with keys
- "t:N"          theme N of the handbook (HANDBOOK_STEM),
- "d:STEM"       any unit of the document whose file name without extension is STEM,
- "d:STEM#word"  a unit of that document whose heading path contains `word` (any case).
Measures (ir-measures): recall@5 = a grade-2 unit in the top 5 (Success@5 at rel=2),
MRR@10 = reciprocal rank of the first grade-2 unit within the top 10, nDCG@10 (graded).
Every question counts, also one whose relevant units are missing from the library (as 0).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath

import ir_measures
from ir_measures import RR, Success, nDCG

HANDBOOK_STEM = "001_6e40dcca81be6401"
MEASURES = {
    "recall@5": Success(rel=2) @ 5,
    "MRR@10": RR(rel=2) @ 10,
    "nDCG@10": nDCG @ 10,
}


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    rel: Mapping[str, int]
    kind: str = ""


@dataclass(frozen=True)
class UnitRef:
    """What the relevance keys need to know about a unit."""

    id: int
    source_name: str
    theme_number: int | None
    heading_path: str
    title: str = ""

    @property
    def stem(self) -> str:
        return PurePath(self.source_name).stem


class QuestionFileError(ValueError):
    pass


def questions_parse(lines: Iterable[str]) -> list[Question]:
    questions = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            text, rel, kind = data["q"], data.get("rel", {}), data.get("kind", "")
            if not isinstance(text, str) or not isinstance(rel, dict) or not isinstance(kind, str):
                raise TypeError
        except (ValueError, KeyError, TypeError) as exc:
            raise QuestionFileError(
                f'regel {number}: geen geldige vraag (verwacht {{"q": ..., "rel": {{...}}}})'
            ) from exc
        questions.append(
            Question(id=f"q{number}", text=text, rel={k: int(v) for k, v in rel.items()}, kind=kind)
        )
    return questions


def questions_by_kind(questions: Sequence[Question]) -> dict[str, list[Question]]:
    """ "" -> all questions first, then each `kind` present (in order of first appearance)."""
    groups: dict[str, list[Question]] = {"": list(questions)}
    for question in questions:
        if question.kind:
            groups.setdefault(question.kind, []).append(question)
    return groups


def key_matches(key: str, unit: UnitRef) -> bool:
    """Whether relevance key `key` designates `unit`."""
    if key.startswith("t:"):
        return (
            unit.stem == HANDBOOK_STEM
            and unit.theme_number is not None
            and key[2:].isdigit()
            and unit.theme_number == int(key[2:])
        )
    if key.startswith("d:"):
        stem, _, word = key[2:].partition("#")
        if unit.stem != stem:
            return False
        if not word:
            return True
        where = f"{unit.heading_path} > {unit.title}".casefold()
        return word.casefold() in where
    return False


def qrels_build(
    questions: Sequence[Question], units: Sequence[UnitRef]
) -> dict[str, dict[str, int]]:
    """question id -> {unit id: grade}; a unit matched by several keys gets the highest grade."""
    qrels: dict[str, dict[str, int]] = {}
    for question in questions:
        grades: dict[str, int] = {}
        for key, grade in question.rel.items():
            for unit in units:
                if key_matches(key, unit):
                    doc = str(unit.id)
                    grades[doc] = max(grade, grades.get(doc, 0))
        qrels[question.id] = grades
    return qrels


def measures_compute(
    questions: Sequence[Question],
    qrels: Mapping[str, Mapping[str, int]],
    runs: Mapping[str, Sequence[int]],
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Mean measures over all questions, and per question. `runs` holds ranked unit ids."""
    qrel_rows = [
        ir_measures.Qrel(qid, doc, grade)
        for qid, grades in qrels.items()
        for doc, grade in grades.items()
    ]
    run_rows = [
        ir_measures.ScoredDoc(qid, str(unit_id), float(len(ranked) - rank))
        for qid, ranked in runs.items()
        for rank, unit_id in enumerate(ranked)
    ]
    per_query: dict[str, dict[str, float]] = {q.id: dict.fromkeys(MEASURES, 0.0) for q in questions}
    names = {measure: name for name, measure in MEASURES.items()}
    for metric in ir_measures.iter_calc(list(MEASURES.values()), qrel_rows, run_rows):
        if metric.query_id in per_query:
            per_query[metric.query_id][names[metric.measure]] = float(metric.value)
    count = len(questions) or 1
    means = {name: sum(values[name] for values in per_query.values()) / count for name in MEASURES}
    return means, per_query


def first_relevant_rank(ranked: Sequence[int], grades: Mapping[str, int]) -> int | None:
    for rank, unit_id in enumerate(ranked, start=1):
        if grades.get(str(unit_id), 0) >= 2:
            return rank
    return None


def table_format(rows: Mapping[str, Mapping[str, float]]) -> str:
    """A plain-text table: one line per system, one column per measure."""
    names = list(MEASURES)
    width = max(len(label) for label in rows) if rows else 8
    lines = [" ".join([f"{'':<{width}}", *(f"{n:>9}" for n in names)])]
    for label, values in rows.items():
        # Decimal commas, like every number Spil prints.
        cells = (f"{values[n]:>9.3f}".replace(".", ",") for n in names)
        lines.append(" ".join([f"{label:<{width}}", *cells]))
    return "\n".join(lines)


def baseline_runs(
    documents: Mapping[int, str], questions: Sequence[Question], depth: int = 10
) -> dict[str, list[int]]:
    """Plain BM25 (bm25s, dutch_porter, bm25s' Dutch stopwords) over unit id -> plain text."""
    import bm25s
    import Stemmer

    # bm25s sets its own logger to DEBUG when imported, which prints English progress lines
    # into Spil's Dutch evaluation table.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    stemmer = Stemmer.Stemmer("dutch_porter")
    ids = list(documents)
    if not ids:
        return {q.id: [] for q in questions}
    corpus = bm25s.tokenize(
        [documents[i] for i in ids],
        stopwords="nl",
        stemmer=stemmer,
        return_ids=False,
        show_progress=False,
    )
    retriever = bm25s.BM25()
    retriever.index(corpus, show_progress=False)
    vocabulary = set(retriever.vocab_dict)
    runs: dict[str, list[int]] = {}
    for question in questions:
        tokens = bm25s.tokenize(
            [question.text],
            stopwords="nl",
            stemmer=stemmer,
            return_ids=False,
            show_progress=False,
        )[0]
        tokens = [t for t in tokens if t in vocabulary]
        if not tokens:
            runs[question.id] = []
            continue
        results, scores = retriever.retrieve([tokens], k=min(depth, len(ids)), show_progress=False)
        runs[question.id] = [
            ids[int(i)] for i, s in zip(results[0], scores[0], strict=True) if s > 0
        ]
    return runs
