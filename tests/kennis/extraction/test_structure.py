"""Structure rules on small texts written for these tests."""

from spil.kennis.extraction.cleaning import paginate, vocabulary
from spil.kennis.extraction.readers import Block
from spil.kennis.extraction.structure import (
    build_from_blocks,
    build_from_layout,
    clean_markdown_inline,
    markdown_blocks,
)


def layout(text: str):
    paged = paginate(text.split("\f"))
    vocab = vocabulary("\n".join(line.text for line in paged.lines))
    return build_from_layout(paged, vocab).sections


def walk(sections):
    for section in sections:
        yield from section.walk()


def themes(sections):
    return [s for s in walk(sections) if s.kind == "theme"]


HANDBOOK = """\
 Het dagelijkse werk
 Samenspel met het bestuur
Dit hoofdstuk gaat over de verhouding tussen de secretaris en de bestuurders. Het \
beschrijft in korte thema's wat goed werkt.

(1)\t Een heldere rolverdeling tussen college en
organisatie

•\t Spreek aan het begin van de periode af wie waarover gaat en leg dat
vast in een kort stuk.
•\t Kom er elk jaar op terug.

   (2) Vertrouwen opbouwen

•\t Wees voorspelbaar in wat je doet en
zegt, ook als het tegenzit.

\t(3)\tOmgaan met spanning
•\t Bespreek spanning vroeg.
"""


def test_themes_with_wrapped_titles_indented_numbers_and_tabs():
    found = themes(layout(HANDBOOK))
    assert [t.number for t in found] == [1, 2, 3]
    assert found[0].title == "Een heldere rolverdeling tussen college en organisatie"
    assert found[0].label == "(1)"
    assert found[1].title == "Vertrouwen opbouwen"
    assert found[2].title == "Omgaan met spanning"


def test_bullets_become_tips_that_continue_over_wrapped_lines():
    first, second, _ = themes(layout(HANDBOOK))
    assert [p.kind for p in first.passages] == ["tip", "tip"]
    assert first.passages[0].text == (
        "Spreek aan het begin van de periode af wie waarover gaat en leg dat vast in een kort stuk."
    )
    assert second.passages[0].text == (
        "Wees voorspelbaar in wat je doet en zegt, ook als het tegenzit."
    )


def test_part_page_and_chapter_page_give_the_theme_its_path():
    sections = layout(HANDBOOK)
    part = sections[0]
    assert (part.kind, part.title) == ("part", "Het dagelijkse werk")
    chapter = part.children[0]
    assert (chapter.kind, chapter.title) == ("chapter", "Samenspel met het bestuur")
    assert chapter.passages[0].text.startswith("Dit hoofdstuk gaat over")
    assert [t.number for t in chapter.children] == [1, 2, 3]


def test_theme_numbers_must_run_in_order():
    text = (
        "(1) Eerste onderwerp\n\n• Een tip.\n\n"
        "(7) Geen thema maar een verwijzing\n\n• Nog een tip.\n"
    )
    found = themes(layout(text))
    assert [t.number for t in found] == [1]
    assert "(7) Geen thema maar een verwijzing" in [p.text for p in found[0].passages]


def test_tip_continues_after_a_blank_line_when_the_sentence_runs_on():
    text = (
        "(1) Onderwerp\n\n• Het college besluit samen met de burgemeester en de\n\n"
        "wethouders over de agenda.\n• Volgende tip.\n"
    )
    tips = themes(layout(text))[0].passages
    assert [p.text for p in tips] == [
        "Het college besluit samen met de burgemeester en de wethouders over de agenda.",
        "Volgende tip.",
    ]


def test_numbered_headings_give_chapters_and_sections():
    text = (
        "2 Samenwerken in de regio\n"
        "Gemeenten werken steeds vaker samen. Dat vraagt iets van de secretaris.\n\n"
        "2.1 Afspraken maken\n"
        "Maak afspraken over taken. Leg ze vast.\n\n"
        "2.2 Evalueren\n"
        "Kijk jaarlijks terug. Stel bij waar nodig.\n"
    )
    sections = layout(text)
    chapter = sections[0]
    assert (chapter.kind, chapter.label, chapter.title) == (
        "chapter",
        "2",
        "Samenwerken in de regio",
    )
    assert [(s.kind, s.label, s.title) for s in chapter.children] == [
        ("section", "2.1", "Afspraken maken"),
        ("section", "2.2", "Evalueren"),
    ]
    assert chapter.children[1].passages[0].text == "Kijk jaarlijks terug. Stel bij waar nodig."


def test_short_heading_lines_between_paragraphs():
    text = (
        "Een eerste alinea met een paar zinnen over het vak van secretaris in de gemeente. \n"
        "Hij loopt over twee regels door.\n"
        "Van uitvoerder naar verbinder \n"
        "De rol is in de loop der jaren flink veranderd en dat merk je in het werk van \n"
        "alledag. Het vraagt andere vaardigheden.\n"
    )
    sections = layout(text)
    headings = [s.title for s in walk(sections) if s.kind != "preamble"]
    assert headings == ["Van uitvoerder naar verbinder"]
    preamble = sections[0]
    assert preamble.kind == "preamble"
    assert len(preamble.passages) == 1


def test_signature_lines_and_wrapped_fragments_are_not_headings():
    text = (
        "Dit is de laatste alinea van een voorwoord. Ze eindigt hier.\n\n"
        "Jan de Vries\n"
        "Voorzitter van de vereniging\n\n"
        "Een nieuwe alinea die een hele regel beslaat en op de volgende regel\n"
        "verder gaat zonder punt en nog een regel nodig heeft om af te\n"
        "ronden.\n"
    )
    sections = layout(text)
    assert [s.kind for s in walk(sections)] == ["preamble"]
    texts = [p.text for p in sections[0].passages]
    # short lines without full stops are kept apart: they are not wrapped text
    assert texts[1:3] == ["Jan de Vries", "Voorzitter van de vereniging"]
    assert texts[-1].endswith("om af te ronden.")


def test_paragraphs_rebuilt_from_wrapped_lines_with_hyphenation():
    text = (
        "De secretaris onderhoudt contact met de gemeente-\n"
        "raad en met de griffie. Dat gebeurt in overleg met de burge-\n"
        "meester.\n"
    )
    sections = layout(text)
    assert [p.text for p in sections[0].passages] == [
        "De secretaris onderhoudt contact met de gemeenteraad en met de griffie. "
        "Dat gebeurt in overleg met de burgemeester."
    ]


def test_footnotes_are_kept_apart_from_body_text():
    text = (
        "Kop van het stuk\n"
        "De regio telt veel samenwerkingsverbanden.* Dat vraagt aandacht.\n\n"
        "*\t Zie de notitie over regionale samenwerking.\n\n"
        "[2] Een tweede voetnoot in een andere stijl.\n\n"
        "Hier gaat de tekst verder. Met nog een zin.\n"
    )
    section = layout(text)[0]
    assert [p.kind for p in section.passages] == ["paragraph", "footnote", "footnote", "paragraph"]


def test_a_paragraph_interrupted_by_footnotes_continues_after_them():
    text = (
        "Kop van het stuk\n"
        "De zin begint op deze pagina en loopt door naar de\n"
        "1\t Een voetnoot onderaan de pagina.\n"
        "\f"
        "volgende pagina, waar hij eindigt.\n"
    )
    section = layout(text)[0]
    assert [p.kind for p in section.passages] == ["paragraph", "footnote"]
    assert section.passages[0].text == (
        "De zin begint op deze pagina en loopt door naar de volgende pagina, waar hij eindigt."
    )


def test_markdown_headings_are_ranked_by_their_numbering():
    text = (
        "# Titel van het essay\n\nOndertitel\n\n"
        "# 1. Eerste hoofdstuk\n\n## Een tussenkop\n\nTekst.\n\n"
        "### 1.1 Eerste paragraaf\n\nTekst.\n\n"
        "## 2. Tweede hoofdstuk\n\n## 2.1 Paragraaf\n\nTekst.\n\n#### Kader\n\nTekst.\n"
    )
    sections = build_from_blocks(markdown_blocks(text)).sections
    outline = [(s.level, s.label, s.title) for s in walk(sections)]
    assert outline == [
        (2, "", "Titel van het essay"),
        (2, "1", "Eerste hoofdstuk"),
        (3, "", "Een tussenkop"),
        (3, "1.1", "Eerste paragraaf"),
        (2, "2", "Tweede hoofdstuk"),
        (3, "2.1", "Paragraaf"),
        (4, "", "Kader"),
    ]


def test_markdown_tables_lists_and_footnotes():
    text = (
        "## Overzicht\n\n"
        "Een inleidende zin die niet af\n\n"
        "---\n\n"
        "1 Een bron bij deze zin.\n\n"
        "<sup>2</sup> Een tweede bron.\n\n"
        "is en hier verder gaat.\n\n"
        "| Aspect | Vraag |\n|---|---|\n| Tijd | Waar gaat mijn tijd heen? |\n\n"
        "Kolom\tUitleg\n"
        "- een **vetgedrukt** punt\n"
        "* een *schuin* punt\n"
    )
    section = build_from_blocks(markdown_blocks(text)).sections[0]
    assert [(p.kind, p.text) for p in section.passages] == [
        ("paragraph", "Een inleidende zin die niet af is en hier verder gaat."),
        ("footnote", "1 Een bron bij deze zin."),
        ("footnote", "2 Een tweede bron."),
        ("table_row", "Aspect | Vraag"),
        ("table_row", "Tijd | Waar gaat mijn tijd heen?"),
        ("table_row", "Kolom | Uitleg"),
        ("tip", "een vetgedrukt punt"),
        ("tip", "een schuin punt"),
    ]


def test_clean_markdown_inline_keeps_link_text_and_addresses():
    assert clean_markdown_inline("zie [de site](https://example.org)") == (
        "zie de site (https://example.org)"
    )
    assert clean_markdown_inline("via <https://example.org/a>") == "via https://example.org/a"
    assert clean_markdown_inline("**Vraag:** *wat* nu?<sup>3</sup>") == "Vraag: wat nu?3"


def test_blocks_detect_themes_parts_and_text_before_the_first_heading():
    blocks = [
        Block("paragraph", "Losse tekst vooraf."),
        Block("heading", "Deel 2 Bijzondere situaties", level=1),
        Block("heading", "Crisis", level=1),
        Block("paragraph", "(1) Voorbereiden"),
        Block("tip", "Oefen jaarlijks."),
        Block("table_row", "Rol | Taak"),
    ]
    sections = build_from_blocks(blocks).sections
    assert [(s.kind, s.label, s.title) for s in walk(sections)] == [
        ("preamble", "", "Begin van het document"),
        ("part", "Deel 2", "Bijzondere situaties"),
        ("chapter", "", "Crisis"),
        ("theme", "(1)", "Voorbereiden"),
    ]
    theme = sections[1].children[0].children[0]
    assert [(p.kind, p.text) for p in theme.passages] == [
        ("tip", "Oefen jaarlijks."),
        ("table_row", "Rol | Taak"),
    ]


def test_markdown_setext_headings_and_wrapped_list_items():
    text = (
        "Handreiking\n===========\n\nIntro.\n\n"
        "Werkwijze\n---------\n\n"
        "- een punt dat\n  doorloopt op de volgende regel\n- kort punt\n"
    )
    sections = build_from_blocks(markdown_blocks(text)).sections
    assert [(s.level, s.title) for s in walk(sections)] == [(2, "Handreiking"), (3, "Werkwijze")]
    werkwijze = sections[0].children[0]
    assert [p.text for p in werkwijze.passages] == [
        "een punt dat doorloopt op de volgende regel",
        "kort punt",
    ]


def test_superscript_note_markers_start_footnotes():
    text = (
        "Kop van het stuk\nDe raad besloot anders.² Daarna volgde overleg.\n\n"
        "² Zie het raadsbesluit.\n"
    )
    section = layout(text)[0]
    assert [(p.kind, p.text) for p in section.passages] == [
        ("paragraph", "De raad besloot anders.² Daarna volgde overleg."),
        ("footnote", "² Zie het raadsbesluit."),
    ]


def test_a_line_without_letters_joins_the_passage_before_it():
    sections = layout("Kop van het stuk\nDe laatste zin van het stuk.\n\n.\n")
    assert [p.text for p in sections[0].passages] == ["De laatste zin van het stuk. ."]


def test_numbered_list_items_in_a_series_are_tips_not_headings():
    text = (
        "Kop van het stuk\n"
        "Zo pak je het aan:\n"
        "1. Plan maken\n"
        "2. Uitvoeren met het team en de\n"
        "wethouder\n"
        "3. Terugkijken\n"
        "Daarna begint het opnieuw. Zo gaat dat elk jaar weer.\n"
    )
    section = layout(text)[0]
    assert [s.kind for s in walk(layout(text))] == ["chapter"]
    assert [(p.kind, p.text) for p in section.passages] == [
        ("paragraph", "Zo pak je het aan:"),
        ("tip", "1. Plan maken"),
        ("tip", "2. Uitvoeren met het team en de wethouder"),
        ("tip", "3. Terugkijken"),
        ("paragraph", "Daarna begint het opnieuw. Zo gaat dat elk jaar weer."),
    ]


def test_tab_and_space_separated_lines_are_table_rows():
    text = (
        "Kop van het stuk\n"
        "Een overzicht van de rollen.\n"
        "Rol\tTaak\tOverleg\n"
        "Secretaris\tVerbinden\tWekelijks\n"
        "Griffier     Raad ondersteunen     Maandelijks\n"
    )
    section = layout(text)[0]
    assert [(p.kind, p.text) for p in section.passages] == [
        ("paragraph", "Een overzicht van de rollen."),
        ("table_row", "Rol | Taak | Overleg"),
        ("table_row", "Secretaris | Verbinden | Wekelijks"),
        ("table_row", "Griffier | Raad ondersteunen | Maandelijks"),
    ]


def test_table_of_contents_entries_are_not_tips():
    text = "## Inhoudsopgave\n\n- 1. Begin → 3\n- 2. Einde → 9\n\n## 1. Begin\n\n- Een tip.\n"
    sections = build_from_blocks(markdown_blocks(text)).sections
    assert [p.kind for p in sections[0].passages] == ["paragraph", "paragraph"]
    assert [p.kind for p in sections[1].passages] == ["tip"]


REPORT = (
    "Werken aan de wijk\n"
    "\n"
    "Inhoud\n"
    "1 Aanleiding ........ 3\n"
    "2 Werkwijze van het team ........ 6\n"
    "2.1 Gesprekken met bewoners ........ 7\n"
    "3 Uitkomsten ........ 9\n"
    "Bronnen ........ 12\n"
    "\f"
    "1 Aanleiding\n"
    "De gemeente wilde weten hoe bewoners hun buurt beleven en wat zij missen. Daarom is\n"
    "een klein team gevormd dat een half jaar lang met mensen in de straten heeft gepraat.\n"
    "Dit verslag beschrijft wat dat team deed en wat het hoorde.\n"
    "\f"
    "2 Werkwijze van het team\n"
    "Het team ging langs de deuren en hield avonden in het buurthuis aan het plein. Ook\n"
    "waren er gesprekken op straat en bij de school, steeds met een korte vragenlijst.\n"
    "\n"
    "2.1 Gesprekken met bewoners\n"
    "Per gesprek noteerde het team de drie punten die de bewoner het belangrijkst vond.\n"
    "Die punten zijn later gegroepeerd en met de bewoners besproken op een avond.\n"
    "\f"
    "3 Uitkomsten\n"
    "Bewoners vinden de buurt veilig maar willen meer groen en betere verlichting. Dat\n"
    "punt kwam in bijna elk gesprek terug, ook bij de jongste deelnemers aan het onderzoek.\n"
    "\f"
    "Bronnen\n"
    "Jansen, P. (2020). Een boek over buurten en hun bewoners. Utrecht: Eigen beheer.\n"
    "\f"
    "Eerder verschenen\n"
    "Een ander verslag van het team ging over de pleinen in het centrum van de stad.\n"
)


def test_table_of_contents_is_front_matter_whose_entries_are_no_headings():
    sections = layout(REPORT)
    contents = [s for s in walk(sections) if s.title == "Inhoud"]
    assert len(contents) == 1
    assert contents[0].kind == "preamble" and not contents[0].children
    assert contents[0] in sections  # at the top level, beside the chapters
    assert contents[0].passages[0].text == "1 Aanleiding ........ 3"
    assert len(contents[0].passages) == 5
    chapters = [(s.label, s.title) for s in walk(sections) if s.kind == "chapter"]
    assert chapters == [("1", "Aanleiding"), ("2", "Werkwijze van het team"), ("3", "Uitkomsten")]


def test_back_matter_after_the_last_numbered_chapter_is_no_chapter():
    sections = layout(REPORT)
    top = [(s.kind, s.title) for s in sections]
    assert top[-2:] == [("section", "Bronnen"), ("section", "Eerder verschenen")]
    assert not any(s.children for s in sections[-2:])


def test_unnumbered_chapters_between_numbered_ones_stay_chapters():
    text = REPORT.replace("\f2 Werkwijze van het team\n", "\fWerkwijze van het team\n")
    top = {s.title: (s.kind, s.label) for s in layout(text)}
    assert top["Werkwijze van het team"] == ("chapter", "")
    assert top["Uitkomsten"] == ("chapter", "3")


def test_headings_after_text_without_a_heading_stand_beside_the_preamble():
    text = (
        "Deze notitie is bedoeld voor de leden van het managementteam en vat samen wat er\n"
        "in de afgelopen maanden is besproken over de nieuwe werkwijze.\n"
        "\f"
        "Wat er verandert\n"
        "Vanaf het najaar werken de teams met een gezamenlijke planning die elke week wordt\n"
        "bijgewerkt. Dat vraagt van iedereen een vaste tijd in de agenda.\n"
    )
    sections = layout(text)
    assert [(s.kind, s.title) for s in sections][1:] == [("chapter", "Wat er verandert")]
    assert sections[0].kind == "preamble" and sections[0].children == []


def test_markdown_title_page_contents_and_back_matter():
    text = (
        "# Een essay over het vak\n\nDoor twee auteurs\n\n"
        "# Inhoud\n\n- 1. Begin → 3\n- 2. Vervolg → 5\n- Literatuur → 7\n\n"
        "# 1. Begin\n\nEerste tekst van het essay.\n\n"
        "# 2. Vervolg\n\nTweede tekst van het essay.\n\n"
        "# Literatuur\n\nEen bron.\n\n"
        "# Over de uitgever\n\nWie wij zijn.\n\n## Adres\n\nStraat 1.\n"
    )
    sections = build_from_blocks(markdown_blocks(text)).sections
    assert [(s.kind, s.label, s.title) for s in sections] == [
        ("preamble", "", "Een essay over het vak"),
        ("preamble", "", "Inhoud"),
        ("chapter", "1", "Begin"),
        ("chapter", "2", "Vervolg"),
        ("section", "", "Literatuur"),
        ("section", "", "Over de uitgever"),
    ]
    assert [p.kind for p in sections[1].passages] == ["paragraph"] * 3
    assert [c.title for c in sections[-1].children] == ["Adres"]
