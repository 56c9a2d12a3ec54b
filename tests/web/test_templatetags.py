from spil.web.navigation import nav_current
from spil.web.templatetags.spil_ui import highlight, query_terms


def test_query_terms_drop_stopwords_and_stem():
    terms = query_terms("Hoe ga ik om met een wethouder die adviezen tegenhoudt?")
    assert "hoe" not in terms
    assert "een" not in terms
    assert len(terms) >= 2


def test_highlight_marks_inflected_forms_and_escapes():
    terms = query_terms("advies wethouder")
    html = highlight("De wethouders <b>lezen</b> elk advies.", terms)
    assert '<mark class="utrecht-mark">wethouders</mark>' in html
    assert '<mark class="utrecht-mark">advies</mark>' in html
    assert "&lt;b&gt;lezen&lt;/b&gt;" in html


def test_highlight_without_terms_only_escapes():
    assert highlight("a < b", frozenset()) == "a &lt; b"


def test_nav_current_prefers_longest_prefix_and_exact_root():
    assert nav_current(path="/").label == "Start"
    assert nav_current(path="/themas/3/").label == "Bibliotheek"
    assert nav_current(path="/zoeken/").label == "Zoeken"
    assert nav_current(path="/onbekend/") is None


def test_aantal_counts_in_dutch_singular_and_plural():
    from spil.web.templatetags.spil_ui import aantal

    assert aantal(1, "onderdeel,onderdelen") == "1 onderdeel"
    assert aantal(0, "onderdeel,onderdelen") == "0 onderdelen"
    assert aantal(68, "thema,thema's") == "68 thema's"
