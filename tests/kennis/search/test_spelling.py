"""'Bedoelde je …?': the pure suggestion logic (no database)."""

from spil.kennis.search.spelling import (
    Vocabulary,
    candidate_words,
    closest,
    correct_query,
    is_dutch_word,
    sound_key,
    text_words,
)

VOCABULARY = Vocabulary.from_counts(
    {"wethouder": 40, "wethouders": 12, "integriteit": 9, "griffier": 5, "begroting": 7, "halen": 2}
)


def test_one_typed_letter_too_few_or_too_many_finds_the_word():
    assert closest("wethouer", VOCABULARY) == "wethouder"
    assert closest("griffeir", VOCABULARY) == "griffier"  # two letters swapped: one edit
    assert closest("begrooting", VOCABULARY) == "begroting"


def test_dutch_sound_alikes_count_as_one_sound():
    assert sound_key("integritijd") == sound_key("integriteit")
    assert closest("integritijd", VOCABULARY) == "integriteit"


def test_fewest_edits_win_before_frequency():
    vocabulary = Vocabulary.from_counts({"wethouder": 1, "wethouders": 100})
    assert closest("wethouer", vocabulary) == "wethouder"


def test_no_suggestion_for_known_short_far_or_real_words():
    assert closest("wethouder", VOCABULARY) is None  # known
    assert closest("gril", VOCABULARY) is None  # too short to guess
    assert closest("zwembad", VOCABULARY) is None  # nothing near
    # A real Dutch word the library never uses is no typo of a library word.
    assert is_dutch_word("falen")
    assert closest("falen", VOCABULARY) is None
    assert not is_dutch_word("wethouer")


def test_the_limit_narrows_the_edits_allowed():
    assert closest("integritijd", VOCABULARY, limit=0) is None
    assert closest("wethouer", VOCABULARY, limit=1) == "wethouder"


def test_correct_query_replaces_only_the_unknown_words_and_keeps_case():
    correction = correct_query(
        "Wethouer en GRIFFEIR bij de begroting",
        unknown=["wethouer", "griffeir"],
        vocabulary=VOCABULARY,
    )
    assert correction is not None
    assert correction.query == "Wethouder en GRIFFIER bij de begroting"
    assert correction.replaced == (("Wethouer", "wethouder"), ("GRIFFEIR", "griffier"))
    assert correction.original == "Wethouer en GRIFFEIR bij de begroting"


def test_correct_query_without_a_close_word_changes_nothing():
    assert correct_query("zwembadd", unknown=["zwembadd"], vocabulary=VOCABULARY) is None
    assert correct_query("wethouer", unknown={"wethouer": 0}, vocabulary=VOCABULARY) is None


def test_words_of_text_and_query():
    assert text_words("De Wethouder én de griffie, 2024!") == ["wethouder", "griffie"]
    assert candidate_words("de wethouer, de wethouer en het DT") == ["wethouer"]
    assert "wethouder" in VOCABULARY and "Wethouder" in VOCABULARY and "x" not in VOCABULARY
