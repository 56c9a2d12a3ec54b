"""Measure the agenda classifier on the example calendars: share of the time (in minutes)
put in the right domain, without any correction.

    .venv/bin/python evaluation/agenda_accuracy.py [MAP]

MAP defaults to ../shared/agenda (voorbeeld-*.ics and voorbeeld-labels.csv).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from spil.agenda.accuracy import measure_file, read_labels  # noqa: E402

TARGET = 0.95


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else REPO.parent / "shared" / "agenda"
    labels_path = folder / "voorbeeld-labels.csv"
    if not labels_path.exists():
        print(f"Labels niet gevonden: {labels_path}", file=sys.stderr)
        return 2
    labels = read_labels(labels_path)
    total = correct = 0
    for path in sorted(folder.glob("voorbeeld-*.ics")):
        result = measure_file(
            path,
            labels,
            window_start=date(2000, 1, 1),
            window_end=date(2100, 1, 1),
            tz=ZoneInfo("Europe/Amsterdam"),
        )
        total += result.total_minutes
        correct += result.correct_minutes
        print(
            f"{path.name}: {result.share:.1%} van {result.total_minutes} minuten goed "
            f"({len(result.errors)} afspraken fout, {result.unlabelled_minutes} min zonder label)"
        )
        for error in result.errors[:10]:
            print(f"  fout: {error}")
    share = correct / total if total else 0.0
    print(f"Totaal: {share:.1%} van de tijd goed ingedeeld (doel {TARGET:.0%}).")
    return 0 if share >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
