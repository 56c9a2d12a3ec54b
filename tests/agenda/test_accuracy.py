"""The classifier on the shared example calendars (labels per series UID), no corrections."""

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from spil.agenda.accuracy import measure_file, read_labels

from ..conftest import SHARED_DIR

AGENDA_DIR = SHARED_DIR / "agenda"


@pytest.fixture
def agenda_dir():
    if not (AGENDA_DIR / "voorbeeld-labels.csv").exists():
        pytest.skip(f"voorbeeldagenda's ontbreken: {AGENDA_DIR} niet gevonden")
    return AGENDA_DIR


@pytest.mark.parametrize("name", ["voorbeeld-outlook.ics", "voorbeeld-google.ics"])
def test_at_least_95_percent_of_the_time_is_classified_correctly(agenda_dir, name):
    labels = read_labels(agenda_dir / "voorbeeld-labels.csv")
    result = measure_file(
        agenda_dir / name,
        labels,
        window_start=date(2025, 1, 1),
        window_end=date(2026, 1, 1),
        tz=ZoneInfo("Europe/Amsterdam"),
    )
    assert result.total_minutes > 30_000
    assert result.unlabelled_minutes == 0
    assert result.share >= 0.95, result.errors


def test_title_rules_alone_carry_most_of_the_time(agenda_dir):
    labels = read_labels(agenda_dir / "voorbeeld-labels.csv")
    result = measure_file(
        agenda_dir / "voorbeeld-outlook.ics",
        labels,
        window_start=date(2025, 1, 1),
        window_end=date(2026, 1, 1),
        tz=ZoneInfo("Europe/Amsterdam"),
        titles_only=True,
    )
    assert result.share >= 0.90, result.errors
