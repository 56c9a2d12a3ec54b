import pytest

from spil.kennis.analysis.stemming import stem


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("gemeente", "gemeent"),  # dutch_porter; the "dutch" stemmer would give "meen"
        ("gemeenten", "gemeent"),
        ("vergaderingen", "vergader"),
        ("wethouders", "wethouder"),
        ("secretarissen", "secretaris"),
        ("relaties", "relatie"),
        ("colleges", "colleg"),
        ("college", "colleg"),
        ("adviezen", "advie"),
        ("advies", "advie"),
        ("brieven", "brief"),
        ("versnellen", "versnel"),
        ("ozb", "ozb"),
    ],
)
def test_stem(word, expected):
    assert stem(word) == expected
