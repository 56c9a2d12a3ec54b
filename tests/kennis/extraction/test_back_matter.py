from spil.kennis.extraction.back_matter import ROLES, heading_role, unit_role


def test_headings_name_back_matter():
    assert heading_role("Inhoudsopgave") == "contents"
    assert heading_role("3. Literatuurlijst") == "references"
    assert heading_role("Geraadpleegde bronnen") == "references"
    assert heading_role("Eerder verschenen in deze reeks") == "publications"
    assert heading_role("Colofon") == "colophon"
    assert heading_role("Over de auteurs") == "colophon"
    assert heading_role("Integriteit in het college") == "content"
    assert heading_role("Bronnen van macht in de organisatie") == "content"


def test_a_unit_under_a_publication_list_is_back_matter():
    assert (
        unit_role(
            title="Werken aan vertrouwen",
            heading_path="Andere publicaties > 2022 > Werken aan vertrouwen",
            passages=["Een verkenning.", "J. Jansen, P. de Vries"],
        )
        == "publications"
    )


def test_contents_lines_and_references_are_recognised_without_a_telling_title():
    contents = ["1. Begin → 3", "1.1 Het college → 4", "2. Samen verder → 9", "Slotwoord 12"]
    assert unit_role(title="Overzicht", passages=contents) == "contents"
    references = [
        "Bakker, J. (2014). Besturen in de regio. Utrecht: Uitgeverij.",
        "Visser, A. & Smit, B. (2019). Raad en college. Den Haag.",
        "Mulder, K. (2008), Het ambt. Zwolle.",
    ]
    assert unit_role(title="Verder lezen", passages=references) == "references"
    colophon = ["Ontwerp: Studio X", "Fotografie: Y", "ISBN 978-90-0000-000-0", "© 2024"]
    assert unit_role(title="Tot slot", passages=colophon) == "colophon"


def test_ordinary_content_stays_content():
    text = [
        "De secretaris bespreekt het advies eerst met de wethouder, daarna met het college.",
        "In 2019 veranderde de wet; sindsdien is de rol van de directie groter.",
        "Plan tijd in voor de raad.",
    ]
    assert unit_role(title="Advies aan het college", passages=text) == "content"
    assert "content" in ROLES
