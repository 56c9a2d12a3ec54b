import pytest

from spil.kennis.analysis.compounds import candidate_stems, split_compound
from spil.kennis.analysis.stemming import stem

WORDS = (
    "raad vergadering college organisatie cultuur gemeente secretaris taak stelling "
    "bezuiniging wet houder uitvoering dienst agenda verbetering omslag"
)
VOCABULARY = frozenset(stem(w) for w in WORDS.split(" "))


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("raadsvergadering", ["rad", "vergader"]),  # linking -s-
        ("collegevergadering", ["colleg", "vergader"]),
        ("organisatiecultuur", ["organisatie", "cultur"]),
        ("gemeentesecretaris", ["gemeent", "secretaris"]),
        ("uitvoeringsdienst", ["uitvoer", "dienst"]),
        ("bezuinigingstaakstelling", ["bezuin", "tak", "stelling"]),  # three parts
        ("verbeteringsagenda", ["verbeter", "agenda"]),
    ],
)
def test_known_compounds_split(word, parts):
    assert split_compound(word, VOCABULARY) == parts


@pytest.mark.parametrize("word", ["wethouder", "vergadering", "organisatie", "beleid"])
def test_words_that_are_no_compound_of_known_parts_stay_whole(word):
    assert split_compound(word, VOCABULARY) == []


def test_unknown_parts_are_not_split():
    assert split_compound("raadsvergadering", frozenset({stem("raad")})) == []


def test_candidate_stems_cover_the_parts():
    assert {"rad", "vergader"} <= candidate_stems("raadsvergadering")


@pytest.mark.parametrize("word", ["tijdelijk", "waarheidsgetrouw", "gemeenschap"])
def test_suffixes_are_not_compound_parts(word):
    vocabulary = frozenset(stem(w) for w in ["tijd", "lijk", "gemeen", "schap", "waar", "trouw"])
    assert all(part not in {"lijk", "schap"} for part in split_compound(word, vocabulary))
