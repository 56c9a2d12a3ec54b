from spil.kennis.search.highlight import crop, match_spans, render_html, render_marked


def test_match_spans_find_inflected_words_and_compounds():
    text = "In de raadsvergaderingen spraken de wethouders."
    spans = match_spans(text, {"rad", "wethouder"}, frozenset({"rad", "vergader"}))
    assert [text[s:e] for s, e in spans] == ["raadsvergaderingen", "wethouders"]


def test_render_marked_and_html():
    text = "A <b> & wethouder"
    spans = [(8, 17)]
    assert render_marked(text, spans) == "A <b> & **wethouder**"
    assert render_html(text, spans) == "A &lt;b&gt; &amp; <mark>wethouder</mark>"


def test_crop_keeps_matches_and_reports_cuts():
    text = ("woord " * 100) + "doel " + ("woord " * 100)
    start = text.index("doel")
    cropped, spans, cut_start, cut_end = crop(text, [(start, start + 4)], width=80)
    assert cut_start and cut_end
    assert len(cropped) <= 80
    assert [cropped[s:e] for s, e in spans] == ["doel"]


def test_short_text_is_not_cropped():
    assert crop("kort", [(0, 4)]) == ("kort", [(0, 4)], False, False)


def test_adjacent_matches_render_as_one():
    text = "de emoties lopen hoog op"
    assert render_marked(text, [(11, 16), (17, 21)]) == "de emoties **lopen hoog** op"
    assert (
        render_html(text, [(3, 10), (17, 21)])
        == "de <mark>emoties</mark> lopen <mark>hoog</mark> op"
    )


def test_highlighter_offsets_stay_right_with_abbreviations_and_accents():
    from spil.kennis.search.highlight import Highlighter

    text = "Het café van B&W en de raadsvergaderingen"
    highlighter = Highlighter({"benw", "vergader"}, frozenset({"rad"}), [text])
    spans = highlighter.spans(text)
    assert [text[s:e] for s, e in spans] == ["B&W", "raadsvergaderingen"]


def test_word_index_made_at_indexing_marks_the_same_words():
    from spil.kennis.search.highlight import indexed_spans, word_index

    vocabulary = frozenset({"rad", "vergader"})
    for text, terms in [
        ("In de raadsvergaderingen spraken de wethouders.", {"rad", "wethouder"}),
        ("Het café van B&W en de raadsvergaderingen", {"benw", "vergader"}),
        ("Geen enkel woord past hier.", {"wethouder"}),
    ]:
        index = word_index(text, vocabulary)
        assert indexed_spans(index, terms) == match_spans(text, terms, vocabulary)
