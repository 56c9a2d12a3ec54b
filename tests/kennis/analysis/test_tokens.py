import pytest

from spil.kennis.analysis.tokens import tokenize


def words(text):
    return [token.text for token in tokenize(text)]


@pytest.mark.parametrize("variant", ["B&W", "b&w", "BenW", "B & W", "B en W"])
def test_college_abbreviation_variants_become_one_token(variant):
    assert words(f"het {variant} besluit") == ["het", "benw", "besluit"]


def test_personnel_abbreviation_variants():
    assert words("P&O en PenO") == ["peno", "en", "peno"]


def test_capitals_are_marked_as_abbreviation():
    tokens = tokenize("De OZB en het SSC")
    assert [(t.text, t.upper) for t in tokens] == [
        ("de", False),
        ("ozb", True),
        ("en", False),
        ("het", False),
        ("ssc", True),
    ]


def test_offsets_point_into_the_original_text():
    text = "Één wethouder"
    token = tokenize(text)[1]
    assert text[token.start : token.end] == "wethouder"


def test_hyphenated_word_and_plural_apostrophe():
    assert words("ICT-beleid en thema's") == ["ict-beleid", "en", "thema"]


def test_diacritics_are_folded():
    assert words("financiën geëvalueerd") == ["financien", "geevalueerd"]
