"""The fit score: parts per criterion add up to the total; explained in Dutch."""

import pytest

from spil.leergang.matching import GEBIED_KEYS, ProfielError, fit_score


def _vacancy(weights, levels):
    return {
        k: {"gewicht": w, "niveau": n} for k, w, n in zip(GEBIED_KEYS, weights, levels, strict=True)
    }


def _candidate(levels):
    return {k: {"niveau": n} for k, n in zip(GEBIED_KEYS, levels, strict=True)}


def test_full_fit_is_100_and_parts_add_up():
    result = fit_score(_vacancy([3, 2, 1, 1, 2, 1], [4] * 6), _candidate([5] * 6))
    assert result.totaal == 100
    assert sum(p.punten for p in result.onderdelen) == 100
    assert sum(p.maximum for p in result.onderdelen) == 100


@pytest.mark.parametrize("levels", [[1, 2, 3, 4, 5, 1], [3, 3, 3, 3, 3, 3], [1] * 6])
def test_parts_always_add_up_to_the_total(levels):
    result = fit_score(_vacancy([3, 1, 2, 0, 2, 1], [5, 4, 3, 2, 5, 4]), _candidate(levels))
    assert sum(p.punten for p in result.onderdelen) == result.totaal
    assert 0 <= result.totaal <= 100


def test_a_shortfall_is_explained_and_weight_zero_does_not_count():
    result = fit_score(_vacancy([1, 0, 1, 1, 1, 1], [5, 5, 3, 3, 3, 3]), _candidate([3] * 6))
    first, second = result.onderdelen[:2]
    assert "2 stappen te kort" in first.uitleg and first.punten < first.maximum
    assert second.punten == 0 and "telt" in second.uitleg


def test_out_of_range_names_the_area():
    with pytest.raises(ProfielError, match="Bestuurlijke ambitie"):
        fit_score(_vacancy([4, 1, 1, 1, 1, 1], [3] * 6), _candidate([3] * 6))
