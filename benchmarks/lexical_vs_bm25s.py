"""Spil's lexical ranking beside bm25s on the same units, in one process, at 1x and 100x.

    .venv/bin/python benchmarks/lexical_vs_bm25s.py [--seeds ../shared/seeds] [--scale 100]

Per question it times (CPU time of the thread), after a warm-up pass:
- ranking proper, given the analysed terms: bm25s `retrieve` (top 10) beside Spil's in-memory
  index scoring every matching unit and taking the top 10 ids;
- question to ranked ids: bm25s tokenising (Dutch stemmer, stopwords) and retrieving beside
  Spil analysing the question (compounds, synonyms) and scoring;
- Spil page: the whole `unit_search` call (lexical; ranking plus units, passages, snippets);
- snippets: the part of a page spent on passages and marked words.
It also reports the in-memory index: build time from the database and its size.
Targets (issue 14 point 7): ranking within 10x of bm25s, snippets < 2 ms per result page.
Uses the library generator of search_bench.py (fresh SQLite database in a temporary folder).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_bench import (
    DEFAULT_SEEDS,
    generate_library,
    index_build,
    load_questions,
    percentile,
    setup,
)


def _timed(function, questions: list[str]) -> tuple[float, float]:
    """(p50, p95) in ms of this thread's CPU time: on a shared machine, wall time mostly
    measures the other processes."""
    for question in questions:
        function(question)
    timings = []
    for question in questions:
        start = time.thread_time()
        function(question)
        timings.append((time.thread_time() - start) * 1000)
    return statistics.median(timings), percentile(timings, 0.95)


def compare(questions: list[str], label: str) -> None:
    import bm25s
    import Stemmer

    from spil.kennis.models import Passage, Unit
    from spil.kennis.search import unit_search
    from spil.kennis.search.lexical import lexical_index
    from spil.kennis.search.querying import _hits, _query_terms, _ranked

    index_build(label)
    texts: dict[int, list[str]] = {u.id: [u.title] for u in Unit.objects.only("id", "title")}
    for unit_id, text in Passage.objects.order_by("unit_id", "position").values_list(
        "unit_id", "text"
    ):
        texts[unit_id].append(text)
    ids = list(texts)
    stemmer = Stemmer.Stemmer("dutch_porter")
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        corpus = bm25s.tokenize(
            ["\n".join(texts[i]) for i in ids],
            stopwords="nl",
            stemmer=stemmer,
            show_progress=False,
        )
        retriever = bm25s.BM25()
        retriever.index(corpus, show_progress=False)

    def bm25_tokens(question: str) -> list[str]:
        tokens = bm25s.tokenize(
            [question], stopwords="nl", stemmer=stemmer, return_ids=False, show_progress=False
        )[0]
        return [t for t in tokens if t in retriever.vocab_dict]

    def bm25(question: str) -> None:
        tokens = bm25_tokens(question)
        if tokens:
            retriever.retrieve([tokens], k=10, show_progress=False)

    bm25_tokenised = {q: bm25_tokens(q) for q in questions}

    def bm25_retrieve(question: str) -> None:
        tokens = bm25_tokenised[question]
        if tokens:
            retriever.retrieve([tokens], k=10, show_progress=False)

    index = lexical_index()
    analysed = {q: _query_terms(q)[0] for q in questions}

    def scoring(question: str) -> None:
        terms = analysed[question]
        if terms:
            index.score(terms, index.stats({t.term for t in terms})).ids(10)

    def ranking(question: str) -> None:
        terms, _counts = _query_terms(question)
        _ranked(terms, document_ids=None, section_ids=None, limit=10)

    prepared = {}
    for question in questions:
        terms, counts = _query_terms(question)
        prepared[question] = (
            _ranked(terms, document_ids=None, section_ids=None, limit=10),
            terms,
            counts,
        )

    def snippets(question: str) -> None:
        ranked, terms, counts = prepared[question]
        _hits(ranked, terms, counts)

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        base_retrieve = _timed(bm25_retrieve, questions)
        base = _timed(bm25, questions)
    score = _timed(scoring, questions)
    rank = _timed(ranking, questions)
    page = _timed(lambda q: unit_search(query=q, top=10, mode="lexicaal"), questions)
    snippet = _timed(snippets, questions)
    print(f"{label}: {len(ids)} units, {len(questions)} questions (CPU ms, p50 / p95)")
    print(f"  bm25s retrieve            {base_retrieve[0]:7.2f} / {base_retrieve[1]:7.2f}")
    print(
        f"  Spil scoring (terms)      {score[0]:7.2f} / {score[1]:7.2f}"
        f"   ({score[0] / base_retrieve[0]:.1f}x / {score[1] / base_retrieve[1]:.1f}x;"
        " target <= 10x)"
    )
    print(f"  bm25s tokenise+retrieve   {base[0]:7.2f} / {base[1]:7.2f}")
    print(
        f"  Spil question -> ids      {rank[0]:7.2f} / {rank[1]:7.2f}"
        f"   ({rank[0] / base[0]:.1f}x / {rank[1] / base[1]:.1f}x)"
    )
    print(f"  Spil page                 {page[0]:7.2f} / {page[1]:7.2f}")
    print(f"  snippets per page         {snippet[0]:7.2f} / {snippet[1]:7.2f}   (target < 2 ms)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--scale", type=int, default=100)
    args = parser.parse_args()
    seeds = sorted(args.seeds.glob("*.txt"))
    if not seeds:
        print(f"geen documenten gevonden in {args.seeds}", file=sys.stderr)
        return 1
    setup(None)
    from spil.kennis.services import document_ingest_batch

    document_ingest_batch(paths=seeds)
    questions = load_questions()
    compare(questions, "1x")
    if args.scale > 1:
        generate_library(args.scale - 1)
        compare(questions, f"{args.scale}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
