"""Cost of "Bedoelde je …?" and the curated synonyms in a search, on the seed documents.

    .venv/bin/python benchmarks/spelling_bench.py [--seeds ../shared/seeds] [--repeat 5]

Fresh SQLite database in a temporary data folder (nothing kept). Reports:
- loading the Dutch word list (once per process) and what it keeps in memory;
- building the library's vocabulary (once per change of the library), on the seeds and on the
  seeds' text taken 100 times (the pure part only: the 100x library's distinct words are
  those of the seeds);
- the hook before each search (`query_prepare`): p50/p95 for questions whose words the index
  knows (the usual case: one index lookup) and for questions with a typo (fuzzy lookup);
- unit_search p50/p95 with and without spelling correction on the same questions;
- how many questions of the evaluation sets the correction changes (should be none).
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = REPO.parent / "shared" / "seeds"
EVAL_FILES = [
    REPO.parent / "shared" / "eval" / "dev-questions.jsonl",
    REPO.parent / "shared" / "eval" / "dev2-questions.jsonl",
    REPO / "tests" / "kennis" / "search" / "paraphrase-questions.jsonl",
]
# Typed with a slip, in Spil's own words.
TYPOS = [
    "wethouer",
    "integritijd",
    "gemeentesecretris",
    "bezuinging",
    "griffeir en raad",
    "samenwerkign in de regio",
    "crisiss oefenen",
    "nieuwe burgemeester en de wethouer",
]
KNOWN = [
    "burgemeester",
    "herindeling personeel",
    "crisis oefenen",
    "integriteit",
    "wethouder houdt advies tegen",
    "samenwerking in de regio",
    "hoe verdeel ik mijn tijd tussen college organisatie en omgeving",
    "sociale media",
]


def setup() -> None:
    data_dir = tempfile.mkdtemp(prefix="spil-bench-")
    atexit.register(shutil.rmtree, data_dir, ignore_errors=True)
    os.environ["SPIL_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spil.conf.local")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))]


def timed(function, queries: list[str], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        for query in queries:
            start = time.perf_counter()
            function(query)
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), percentile(times, 0.95)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not args.seeds.is_dir():
        print(f"{args.seeds}: map met bronteksten niet gevonden.", file=sys.stderr)
        return 2
    setup()
    from spil.kennis.models import Passage, Unit
    from spil.kennis.search import spelling, spelling_index, unit_search
    from spil.kennis.services import document_ingest_batch

    results = document_ingest_batch(paths=sorted(args.seeds.glob("*.txt")))
    assert all(r.ok for r in results), [r.message for r in results]

    tracemalloc.start()
    start = time.perf_counter()
    spelling.is_dutch_word("wethouder")
    load = time.perf_counter() - start
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"Nederlandse woordenlijst laden: {load:.2f} s, blijft {kept / 1e6:.1f} MB "
        f"(piek tijdens laden {peak / 1e6:.0f} MB), eenmaal per proces"
    )

    start = time.perf_counter()
    vocabulary = spelling_index.spelling_vocabulary()
    print(
        f"Woordenschat van de bibliotheek: {len(vocabulary)} woorden in "
        f"{(time.perf_counter() - start) * 1000:.0f} ms (bij elke wijziging opnieuw)"
    )
    texts = list(Unit.objects.values_list("title", flat=True)) + list(
        Passage.objects.values_list("text", flat=True)
    )
    start = time.perf_counter()
    counts: Counter[str] = Counter()
    for _ in range(100):
        for text in texts:
            counts.update(spelling.text_words(text))
    spelling.Vocabulary.from_counts(counts)
    print(f"Zelfde tekst 100x ({len(texts) * 100} teksten): {time.perf_counter() - start:.1f} s")

    def prepare(query):
        return spelling_index.query_prepare(query=query)

    for label, queries in (("bekende woorden", KNOWN), ("met tikfout", TYPOS)):
        p50, p95 = timed(prepare, queries, args.repeat)
        print(f"query_prepare, {label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    # Same questions, nothing to correct: the price of the hook itself.
    for label, flag in (("met correctie", True), ("zonder correctie", False)):
        p50, p95 = timed(
            lambda q, flag=flag: unit_search(query=q, top=10, correct_spelling=flag),
            KNOWN,
            args.repeat,
        )
        print(f"unit_search {label}, bekende woorden: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    p50, p95 = timed(lambda q: unit_search(query=q, top=10), TYPOS, args.repeat)
    print(
        f"unit_search met tikfout (zoekt het verbeterde woord): p50 {p50:.1f} ms, p95 {p95:.1f} ms"
    )
    corrected = [(q, c.query) for q in TYPOS if (c := prepare(q))]
    print(f"Tikfouten verbeterd: {len(corrected)} van {len(TYPOS)}")
    for original, query in corrected:
        print(f"  {original} -> {query}")
    for path in EVAL_FILES:
        if not path.is_file():
            continue
        questions = [
            json.loads(line)["q"] for line in path.read_text("utf-8").splitlines() if line.strip()
        ]
        changed = [q for q in questions if prepare(q)]
        print(
            f"{path.name}: {len(changed)} van {len(questions)} vragen veranderd door de correctie"
        )
        for question in changed:
            print(f"  {question}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
