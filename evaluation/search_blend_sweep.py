"""Choosing the hybrid search settings on the dev sets together, and the no-answer threshold.

    SPIL_DATA_DIR=... .venv/bin/python evaluation/search_blend_sweep.py [FILES...]

Needs a library with the seeds ingested and vectors made (`spil herindexeer`). For each
lexical weight it prints recall@5 / MRR@10 per file and the mean over the dev files, so the
flatness of the chosen setting is visible. Then the closest-unit similarity of answerable
questions (dev files) against the off-topic questions (tests/kennis/search/
offtopic-questions.jsonl), per threshold: how many answerable questions would wrongly get
"no theme" and how many off-topic ones would wrongly get an answer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV_FILES = [
    REPO.parent / "shared" / "eval" / "dev-questions.jsonl",
    REPO.parent / "shared" / "eval" / "dev2-questions.jsonl",
]
OFF_TOPIC = REPO / "tests" / "kennis" / "search" / "offtopic-questions.jsonl"


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spil.conf.local")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from spil.kennis import evaluation
    from spil.kennis.models import Unit
    from spil.kennis.search import blending, embedding, vectors
    from spil.kennis.search.querying import _query_terms, _ranked

    files = [Path(a) for a in sys.argv[1:]] or DEV_FILES
    refs = [
        evaluation.UnitRef(u.id, u.document.source_name, u.theme_number, u.heading_path, u.title)
        for u in Unit.objects.select_related("document")
    ]
    roles = dict(Unit.objects.exclude(role="content").values_list("id", "role"))
    prepared = {}
    for path in files:
        questions = evaluation.questions_parse(path.read_text("utf-8").splitlines())
        qrels = evaluation.qrels_build(questions, refs)
        rows = []
        for q in questions:
            terms, counts = _query_terms(q.text)
            lexical = _ranked(terms, counts, document_ids=None, section_ids=None)
            vector = embedding.query_vector(q.text)
            dense = (
                vectors.dense_unit_scores(vector, document_ids=None) if vector is not None else {}
            )
            rows.append((q, lexical, dense))
        prepared[path.name] = (questions, qrels, rows)

    def score(weight: float, factor: float) -> dict[str, tuple[float, float]]:
        parameters = blending.BlendParameters(lexical_weight=weight, back_matter_factor=factor)
        out = {}
        for name, (questions, qrels, rows) in prepared.items():
            runs = {
                q.id: [
                    r.key
                    for r in blending.blend(lexical, dense, roles=roles, parameters=parameters)[:10]
                ]
                for q, lexical, dense in rows
            }
            means, _ = evaluation.measures_compute(questions, qrels, runs)
            out[name] = (means["recall@5"], means["MRR@10"])
        return out

    print("weight factor " + " ".join(f"{n[:18]:>20}" for n in prepared) + "   mean R@5 MRR")
    for factor in (1.0, 0.3):
        for weight in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0):
            result = score(weight, factor)
            cells = " ".join(f"{r:>9.3f} {m:>9.3f} " for r, m in result.values())
            mean_r = sum(r for r, _ in result.values()) / len(result)
            mean_m = sum(m for _, m in result.values()) / len(result)
            print(f"{weight:>6.1f} {factor:>6.1f} {cells}  {mean_r:.3f} {mean_m:.3f}")

    if OFF_TOPIC.is_file():
        answerable = [
            max(d.values()) for _, (_, _, rows) in prepared.items() for _, _, d in rows if d
        ]
        off = []
        for line in OFF_TOPIC.read_text("utf-8").splitlines():
            if line.strip():
                text = evaluation.questions_parse([line])[0].text
                vector = embedding.query_vector(text)
                dense = vectors.dense_unit_scores(vector, document_ids=None)
                off.append(max(dense.values()) if dense else 0.0)
        print(f"\nclosest-unit cosine: answerable n={len(answerable)}, off-topic n={len(off)}")
        print("threshold  answerable-without-answer  off-topic-with-answer")
        for step in range(76, 90):
            threshold = step / 100
            missed = sum(value < threshold for value in answerable)
            wrong = sum(value >= threshold for value in off)
            print(
                f"{threshold:>9.2f}  {missed:>10d} / {len(answerable)}  {wrong:>10d} / {len(off)}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
