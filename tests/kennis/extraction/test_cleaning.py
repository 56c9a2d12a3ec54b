from spil.kennis.extraction.cleaning import (
    Line,
    join_lines,
    normalise_text,
    paginate,
    trailing_space_convention,
    vocabulary,
)


def test_normalise_text_unfolds_ligatures_spaces_and_soft_hyphens():
    raw = "de ofﬁciële\u00a0nota\u00ad's over ﬂexibel werk\r\nnieuwe\u200bregel"
    assert normalise_text(raw) == "de officiële nota's over flexibel werk\nnieuweregel"


def test_normalise_text_composes_to_nfc():
    decomposed = "cre\u0300me en coo\u0308rdinatie"
    assert normalise_text(decomposed) == "crème en coördinatie"


def _line(text: str, trailing: bool = False) -> Line:
    return Line(text=text, page=1, trailing_space=trailing)


def test_join_rejoins_a_word_hyphenated_at_the_line_end():
    vocab = vocabulary("de gemeentesecretaris en de raad")
    joined = join_lines(
        "de gemeente-",
        _line("secretaris zit voor"),
        previous_trailing_space=False,
        vocab=vocab,
        trailing_space_convention=False,
    )
    assert joined == "de gemeentesecretaris zit voor"


def test_join_keeps_a_hyphen_that_stands_for_a_shared_word_part():
    joined = join_lines(
        "taken in de zorg-",
        _line("en welzijnssector"),
        previous_trailing_space=False,
        vocab=set(),
        trailing_space_convention=False,
    )
    assert joined == "taken in de zorg- en welzijnssector"


def test_join_keeps_hyphen_after_an_abbreviation_and_before_a_capital():
    ict = join_lines(
        "het nieuwe ICT-",
        _line("beleid"),
        previous_trailing_space=False,
        vocab=set(),
        trailing_space_convention=False,
    )
    region = join_lines(
        "gemeenten in Noord-",
        _line("Holland"),
        previous_trailing_space=False,
        vocab=set(),
        trailing_space_convention=False,
    )
    assert ict == "het nieuwe ICT-beleid"
    assert region == "gemeenten in Noord-Holland"


def test_join_keeps_a_compound_hyphen_the_document_itself_uses():
    vocab = vocabulary("elke kandidaat-secretaris volgt het programma")
    joined = join_lines(
        "een kandidaat-",
        _line("secretaris"),
        previous_trailing_space=False,
        vocab=vocab,
        trailing_space_convention=False,
    )
    assert joined == "een kandidaat-secretaris"


def test_join_repairs_a_split_without_hyphen_only_under_the_trailing_space_convention():
    args = dict(previous_trailing_space=False, vocab=set())
    with_convention = join_lines(
        "het directie", _line("team vergadert"), trailing_space_convention=True, **args
    )
    without = join_lines(
        "het directie", _line("team vergadert"), trailing_space_convention=False, **args
    )
    assert with_convention == "het directieteam vergadert"
    assert without == "het directie team vergadert"


def test_join_never_glues_an_e_mail_address_to_the_next_line():
    joined = join_lines(
        "mail naar info@voorbeeld.nl",
        _line("of bel"),
        previous_trailing_space=False,
        vocab=set(),
        trailing_space_convention=True,
    )
    assert joined == "mail naar info@voorbeeld.nl of bel"


def test_trailing_space_convention_needs_most_lines_to_end_in_a_space():
    spaced = [_line(f"regel {n}", trailing=n % 10 != 0) for n in range(20)]
    flush = [_line(f"regel {n}", trailing=False) for n in range(20)]
    assert trailing_space_convention(spaced)
    assert not trailing_space_convention(flush)


def test_paginate_removes_repeated_headers_and_reads_footer_page_numbers():
    bodies = ["Over de agenda.", "Over het college.", "Over de raad.", "Over de regio."]
    pages = [
        f"Handreiking raadswerk\n{body}\nMeer tekst over {body.lower()}\n{n + 10}"
        for n, body in enumerate(bodies, start=1)
    ]
    paged = paginate(pages)
    texts = [line.text for line in paged.lines]
    assert "Handreiking raadswerk" not in texts
    assert not any(text.strip().isdigit() for text in texts)
    assert len(texts) == 8
    assert [
        paged.page_number(line.page) for line in paged.lines if line.text == "Over de raad."
    ] == [13]
    assert paged.removed.count("Handreiking raadswerk") == 4
    assert all(line.page_top for line in paged.lines if line.text.startswith("Over"))


def test_paginate_single_stream_uses_capital_headers_as_page_breaks():
    text = (
        "Eerste pagina met gewone tekst die doorloopt.\n\n\n"
        "12 HANDBOEK VOOR HET VAK\n\n"
        "Tekst op de volgende pagina.\n\n"
        "13ANDERE KWESTIES IN HET VAK\n"
        "Nog een pagina."
    )
    paged = paginate([text])
    texts = [line.text for line in paged.lines]
    assert texts == [
        "Eerste pagina met gewone tekst die doorloopt.",
        "Tekst op de volgende pagina.",
        "Nog een pagina.",
    ]
    assert [paged.page_number(line.page) for line in paged.lines] == [11, 12, 13]
    assert paged.lines[1].page_top
    assert "HANDBOEK VOOR HET VAK" in paged.header_titles


def test_paginate_keeps_a_numbered_capital_heading_in_the_text():
    paged = paginate(["3 INLEIDING\nDe tekst begint hier."])
    assert paged.lines[0].text == "3 INLEIDING"
    assert paged.removed == []


def test_paginate_single_stream_reads_leading_space_page_starts():
    body = "gewone regel tekst \n" * 8
    text = " Begin van pagina een \n" + body + " Begin van pagina twee \n" + body
    paged = paginate([text])
    tops = [line for line in paged.lines if line.page_top]
    assert [line.text.strip() for line in tops] == ["Begin van pagina een", "Begin van pagina twee"]
    assert tops[1].page == 2


def test_paginate_removes_explicit_page_footer_in_single_stream():
    paged = paginate(["Een alinea tekst.\nPagina 4\nVerder met de tekst."])
    assert [line.text for line in paged.lines] == ["Een alinea tekst.", "Verder met de tekst."]
    assert paged.removed == ["Pagina 4"]
    assert paged.page_number(paged.lines[0].page) == 4


def test_paginate_lone_numbers_in_a_stream_need_a_rising_series():
    chapter_number = paginate(["Kop\n\n1\n\nTekst van het hoofdstuk."])
    assert [line.text for line in chapter_number.lines] == ["Kop", "1", "Tekst van het hoofdstuk."]
    series = paginate(["Een.\n\n5\n\nTwee.\n\n6\n\nDrie.\n\n7\n\nVier."])
    assert [line.text for line in series.lines] == ["Een.", "Twee.", "Drie.", "Vier."]


def test_join_keeps_the_hyphen_of_a_first_part_that_takes_one():
    vocab = vocabulary(
        "De vergadering was kort.\nDe oud-\nwethouder sprak. Elke wethouder las mee.\n"
        "Daarna kwam de vice-\nvoorzitter aan het woord; de voorzitter zweeg."
    )
    args = dict(previous_trailing_space=False, vocab=vocab, trailing_space_convention=False)
    assert join_lines("De oud-", _line("wethouder sprak."), **args) == "De oud-wethouder sprak."
    assert join_lines("de vice-", _line("voorzitter aan"), **args) == "de vice-voorzitter aan"


def test_join_keeps_a_hyphen_after_a_first_part_the_document_hyphenates_elsewhere():
    vocab = vocabulary("de secretaris-directeur tekent; een bestuurder en een secretaris")
    joined = join_lines(
        "de secretaris-",
        _line("bestuurder tekent"),
        previous_trailing_space=False,
        vocab=vocab,
        trailing_space_convention=False,
    )
    assert joined == "de secretaris-bestuurder tekent"


def test_join_glues_a_closed_compound_even_when_both_parts_are_words():
    # Dutch writes compounds closed: two known words around a break are no reason to
    # keep the hyphen, and the pieces at the break do not count as words of the text.
    vocab = vocabulary(
        "Een overleg-\nronde volgt. Het overleg duurt lang. Elke ronde telt.\n"
        "Een oud-\nheidkundige en een ex-\npert."
    )
    args = dict(previous_trailing_space=False, vocab=vocab, trailing_space_convention=False)
    assert join_lines("Een overleg-", _line("ronde volgt."), **args) == "Een overlegronde volgt."
    assert join_lines("Een oud-", _line("heidkundige en"), **args) == "Een oudheidkundige en"
    assert join_lines("een ex-", _line("pert."), **args) == "een expert."
    assert "heidkundige" not in vocab and "pert" not in vocab
