"""How much of the time the classifier puts in the right domain, against labels per series UID.

Labels file: CSV with columns uid and domein; "a|b" means either domain is right.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from .analysis import Thresholds, counted_minutes
from .classification import Classifier, infer_own_domains
from .ics_import import parse_ics
from .pipeline import to_item


@dataclass
class AccuracyResult:
    total_minutes: int = 0
    correct_minutes: int = 0
    unlabelled_minutes: int = 0
    errors: list[dict] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.correct_minutes / self.total_minutes if self.total_minutes else 0.0


def read_labels(path: Path) -> dict[str, set[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["uid"]: set(row["domein"].split("|")) for row in csv.DictReader(handle)}


def measure_file(
    path: Path,
    labels: dict[str, set[str]],
    *,
    window_start: date,
    window_end: date,
    tz: ZoneInfo,
    thresholds: Thresholds | None = None,
    titles_only: bool = False,
) -> AccuracyResult:
    """With `titles_only`, attendees and organiser are dropped: a check that the title rules
    carry the classification on their own, as in calendars without invitations."""
    thresholds = thresholds or Thresholds()
    parsed = parse_ics(
        path.read_bytes(),
        filename=path.name,
        tz=tz,
        window_start=window_start,
        window_end=window_end,
    )
    occurrences = parsed.occurrences
    if titles_only:
        occurrences = [replace(o, attendees=(), organizer="") for o in occurrences]
    classifier = Classifier(own_domains=infer_own_domains(occurrences))
    result = AccuracyResult()
    for occurrence in occurrences:
        verdict = classifier.classify(occurrence)
        item = to_item(occurrence, verdict)
        minutes = counted_minutes(item, thresholds)
        expected = labels.get(occurrence.uid)
        if expected is None:
            result.unlabelled_minutes += minutes
            continue
        result.total_minutes += minutes
        if verdict.domain in expected:
            result.correct_minutes += minutes
        else:
            result.errors.append(
                {
                    "onderwerp": occurrence.title,
                    "verwacht": "|".join(sorted(expected)),
                    "gekregen": verdict.domain,
                    "reden": verdict.reason,
                    "minuten": minutes,
                }
            )
    return result
