from spil.kennis.analysis import document_vocabulary
from spil.kennis.search.shadow import ancestor_titles, parse_shadow, shadow_columns, shadow_terms


def test_ancestor_titles_drop_the_unit_itself():
    assert ancestor_titles("Tempo", "Deel 1 > Tijd > Tempo") == ["Deel 1", "Tijd"]
    assert ancestor_titles("Tempo", "Tempo") == []


def test_columns_keep_one_line_per_passage_and_round_trip():
    vocabulary = document_vocabulary(["raad vergadering"])
    title, tips, body = shadow_columns(
        title="De raadsvergadering",
        heading_path="Bestuur > De raadsvergadering",
        tips=["Lees de stukken.", "En dan?"],
        body=["De griffier helpt."],
        vocabulary=vocabulary,
    )
    assert title == "raadsvergader rad vergader\nbestur"
    assert tips == "les stuk\n"  # the second tip has no content words: an empty line
    fields = parse_shadow(title, tips, body)
    assert fields.tips == (("les", "stuk"), ())
    assert fields.body == (("griffier", "helpt", "help"),)
    assert shadow_terms(fields) == {
        "raadsvergader",
        "rad",
        "vergader",
        "bestur",
        "les",
        "stuk",
        "griffier",
        "helpt",
        "help",
    }
