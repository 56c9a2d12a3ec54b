from datetime import date

import pytest

from spil.agenda.periods import containing, presets, shifted, unit_of


def test_containing_units():
    day = date(2025, 5, 14)  # a Wednesday
    assert containing(day, "week") == containing(date(2025, 5, 12), "week")
    assert (containing(day, "week").van, containing(day, "week").tot) == (
        date(2025, 5, 12),
        date(2025, 5, 18),
    )
    assert containing(day, "maand").tot == date(2025, 5, 31)
    assert (containing(day, "kwartaal").van, containing(day, "kwartaal").tot) == (
        date(2025, 4, 1),
        date(2025, 6, 30),
    )
    assert containing(day, "jaar").tot == date(2025, 12, 31)
    with pytest.raises(ValueError):
        containing(day, "eeuw")


@pytest.mark.parametrize(
    ("van", "tot", "unit"),
    [
        (date(2025, 5, 12), date(2025, 5, 18), "week"),
        (date(2025, 2, 1), date(2025, 2, 28), "maand"),
        (date(2025, 10, 1), date(2025, 12, 31), "kwartaal"),
        (date(2024, 1, 1), date(2024, 12, 31), "jaar"),
        (date(2025, 1, 6), date(2025, 2, 28), None),
    ],
)
def test_unit_of(van, tot, unit):
    assert unit_of(van, tot) == unit


def test_stepping_keeps_whole_units_and_lengths():
    march = shifted(date(2025, 3, 1), date(2025, 3, 31), -1)
    assert (march.van, march.tot) == (date(2025, 2, 1), date(2025, 2, 28))
    q1 = shifted(date(2024, 10, 1), date(2024, 12, 31), 1)
    assert (q1.van, q1.tot) == (date(2025, 1, 1), date(2025, 3, 31))
    week = shifted(date(2024, 12, 30), date(2025, 1, 5), 1)
    assert (week.van, week.tot) == (date(2025, 1, 6), date(2025, 1, 12))
    ten_days = shifted(date(2025, 1, 1), date(2025, 1, 10), 1)
    assert (ten_days.van, ten_days.tot) == (date(2025, 1, 11), date(2025, 1, 20))


def test_presets():
    by_label = {p.label: p for p in presets(date(2026, 11, 29))}
    assert (by_label["dit kwartaal"].van, by_label["dit kwartaal"].tot) == (
        date(2026, 10, 1),
        date(2026, 12, 31),
    )
    assert by_label["vorig kwartaal"].van == date(2026, 7, 1)
    assert (by_label["afgelopen 12 maanden"].van, by_label["afgelopen 12 maanden"].tot) == (
        date(2025, 11, 30),
        date(2026, 11, 29),
    )
