"""Extraction speed on the seed documents: prints milliseconds per file and the total.

    .venv/bin/python benchmarks/extraction_bench.py [SEEDS_DIR] [--repeat N]

Each file is extracted N times (default 5); the best and median run are reported, with
counts of what came out, so a regression in speed or in structure is visible at once."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from spil.kennis.extraction import extract_document  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("seeds", nargs="?", default=str(REPO.parent / "shared" / "seeds"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = sorted(Path(args.seeds).glob("*.txt"))
    if not files:
        print(f"geen bronteksten gevonden in {args.seeds}", file=sys.stderr)
        return 1
    header = ("bestand", "best ms", "median ms", "secties", "thema", "passages")
    print("{:32} {:>8} {:>10} {:>8} {:>6} {:>9}".format(*header))
    total_best = total_median = 0.0
    for path in files:
        data = path.read_bytes()
        runs = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            document = extract_document(data=data, filename=path.name)
            runs.append((time.perf_counter() - start) * 1000)
        sections = list(document.walk())
        themes = sum(1 for s in sections if s.kind == "theme")
        passages = sum(len(s.passages) for s in sections)
        best, median = min(runs), statistics.median(runs)
        total_best += best
        total_median += median
        print(
            f"{path.name:32} {best:8.1f} {median:10.1f} {len(sections):8d} {themes:6d} "
            f"{passages:9d}"
        )
    print(f"{'totaal':32} {total_best:8.1f} {total_median:10.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
