"""The quality bar on the real documents (skips without ../shared/seeds).

Runs on whichever database the suite uses, so the same test checks SQLite and (with
DATABASE_URL) PostgreSQL.
"""

from pathlib import Path

import pytest

from spil.kennis.evaluation import (
    UnitRef,
    baseline_runs,
    measures_compute,
    qrels_build,
    questions_parse,
)
from spil.kennis.models import Passage, Unit
from spil.kennis.search import unit_search
from spil.kennis.services import document_ingest_batch
from tests.conftest import SHARED_DIR

pytestmark = [pytest.mark.django_db, pytest.mark.seeds]

DEV_QUESTIONS = SHARED_DIR / "eval" / "dev-questions.jsonl"
OWN_QUESTIONS = Path(__file__).with_name("paraphrase-questions.jsonl")


@pytest.fixture
def library(seeds_dir):
    results = document_ingest_batch(paths=sorted(seeds_dir.glob("*.txt")))
    assert all(result.ok for result in results), [r.message for r in results]
    units = [
        UnitRef(u.id, u.document.source_name, u.theme_number, u.heading_path, u.title)
        for u in Unit.objects.select_related("document")
    ]
    texts = {u.id: [u.title] for u in units}
    for unit_id, text in Passage.objects.order_by("unit_id", "position").values_list(
        "unit_id", "text"
    ):
        texts[unit_id].append(text)
    return units, {key: "\n".join(parts) for key, parts in texts.items()}


def evaluate(path: Path, library):
    units, texts = library
    questions = questions_parse(path.read_text("utf-8").splitlines())
    qrels = qrels_build(questions, units)
    runs = {q.id: [h.unit.id for h in unit_search(query=q.text, top=10)] for q in questions}
    spil, _ = measures_compute(questions, qrels, runs)
    baseline, _ = measures_compute(questions, qrels, baseline_runs(texts, questions))
    return spil, baseline


def test_dev_questions_meet_the_bar_and_beat_bm25(library):
    if not DEV_QUESTIONS.is_file():
        pytest.skip(f"evaluatievragen ontbreken: {DEV_QUESTIONS}")
    spil, baseline = evaluate(DEV_QUESTIONS, library)
    assert spil["recall@5"] >= 0.95, spil
    assert spil["MRR@10"] >= 0.85, spil
    assert spil["MRR@10"] > baseline["MRR@10"] + 0.03, (spil, baseline)
    assert spil["nDCG@10"] > baseline["nDCG@10"], (spil, baseline)


def test_own_paraphrases_beat_bm25(library):
    spil, baseline = evaluate(OWN_QUESTIONS, library)
    assert spil["recall@5"] > baseline["recall@5"], (spil, baseline)
    assert spil["MRR@10"] > baseline["MRR@10"], (spil, baseline)


def test_the_wethouder_example_returns_handbook_themes_with_pages(library):
    hits = unit_search(query="de wethouder houdt een advies tegen", top=5)
    top = hits[:3]
    assert all(hit.unit.document.source_name.startswith("001_") for hit in top)
    assert all(hit.unit.theme_number and hit.unit.page for hit in top)
    assert all(hit.passages for hit in top)
