from spil.kennis.analysis.normalise import dehyphenate, fold


def test_fold_removes_diacritics_and_keeps_case():
    assert fold("Één café, financiën, reünie") == "Een cafe, financien, reunie"


def test_fold_maps_typographic_variants():
    assert fold("thema’s – ﬁnale") == "thema's - finale"


def test_dehyphenate_joins_words_broken_over_lines():
    assert dehyphenate("de gemeente-\nsecretaris") == "de gemeentesecretaris"


def test_dehyphenate_keeps_real_hyphens():
    assert dehyphenate("zorg- en welzijn") == "zorg- en welzijn"
    assert dehyphenate("ICT-beleid") == "ICT-beleid"
