"""Search curation by people and the search page's new states: "Bedoelde je", paging and
grouping per document, "Was dit nuttig?", keywords of themes, synonyms, the beheerder's
signals (counted, never named) and the library's exchange file."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from spil.accounts.services import role_grant
from spil.cli import main
from spil.kennis.curation_selectors import curation_export, search_misses, search_not_useful
from spil.kennis.curation_services import (
    CurationImportError,
    curation_import,
    search_feedback_record,
    search_miss_record,
    synonym_group_save,
    unit_keyword_add,
    unit_keyword_delete,
)
from spil.kennis.models import SearchFeedback, SearchMiss, SynonymGroup, UnitKeyword
from spil.kennis.search import unit_search
from tests.web.library import NOTITIE, ingest

pytestmark = pytest.mark.django_db

# Own words: 24 themes about meetings, so that one topic has more than one page of results.
GIDS = "# Gids voor overleg\n\n## Deel 1 Vergaderen\n\n" + "\n\n".join(
    f"({n}) Overleg in situatie {n}\n• Bereid het overleg nummer {n} goed voor met de agenda."
    for n in range(1, 25)
)


@pytest.fixture
def beheerder(user):
    role_grant(actor=None, user=user, role="functioneel_beheerder")
    return user


@pytest.fixture
def beheer_client(client: Client, beheerder) -> Client:
    client.force_login(beheerder)
    return client


@pytest.fixture
def werkboek():
    return ingest()


def _theme(document, number: int):
    return document.units.get(theme_number=number)


def _titles(hits) -> list[str]:
    return [hit.unit.title for hit in hits]


# --- "Bedoelde je …?" ---------------------------------------------------------------------------


def test_a_typo_is_searched_as_the_known_word_and_the_page_says_so(client, user, werkboek):
    client.force_login(user)
    html = client.get(reverse("kennis:search"), {"q": "wethouer"}).content.decode()

    assert "Gezocht naar: <strong>wethouder</strong>." in html
    assert "Zoek in plaats daarvan op ‘wethouer’" in html
    assert "letterlijk=1" in html
    assert "Een wethouder die een advies tegenhoudt" in html

    literal = client.get(reverse("kennis:search"), {"q": "wethouer", "letterlijk": "1"})
    assert "Gezocht naar" not in literal.content.decode()
    assert "Geen resultaten voor ‘wethouer’" in literal.content.decode()


def test_unit_search_reports_its_correction_and_can_search_as_typed(werkboek):
    hits = unit_search(query="conflikt tussen wethouders")
    assert hits.correction is not None
    assert hits.correction.replaced == (("conflikt", "conflict"),)
    assert "Een conflict tussen twee wethouders" in _titles(hits)
    assert unit_search(query="wethouders", top=3).correction is None
    assert unit_search(query="conflikt", correct_spelling=False) == []


def test_real_dutch_words_the_library_lacks_are_not_corrected(werkboek):
    # "halen" is one letter from words in the library, but a word of its own.
    assert unit_search(query="overleg halen").correction is None


# --- paging and groups ----------------------------------------------------------------------


def test_more_results_page_by_page_without_javascript(client, user):
    ingest(GIDS, "gids.md")
    client.force_login(user)
    first = client.get(reverse("kennis:search"), {"q": "overleg", "document": ""}).content.decode()
    assert first.count('class="spil-results__item"') == 10
    assert "De eerste 10 resultaten voor ‘overleg’" in first
    assert "pagina=2#resultaat-11" in first and "Meer resultaten" in first

    second = client.get(reverse("kennis:search"), {"q": "overleg", "pagina": "2"}).content.decode()
    assert second.count('class="spil-results__item"') == 20
    assert 'id="resultaat-11"' in second

    last = client.get(reverse("kennis:search"), {"q": "overleg", "pagina": "3"}).content.decode()
    assert last.count('class="spil-results__item"') == 24
    assert "Meer resultaten" not in last
    assert "24 resultaten voor ‘overleg’" in last

    # htmx asks for the longer list as a fragment and puts the address in the history.
    fragment = client.get(
        reverse("kennis:search"), {"q": "overleg", "pagina": "2"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert fragment.startswith('<section id="resultaten"') and "<h1" not in fragment
    assert 'hx-push-url="true"' in fragment and 'data-more-results="resultaat-21"' in fragment


def test_nonsense_page_numbers_fall_back_to_the_first_page(client, user, werkboek):
    client.force_login(user)
    for page in ("0", "-3", "x", "9999"):
        response = client.get(reverse("kennis:search"), {"q": "wethouder", "pagina": page})
        assert response.status_code == 200


def test_a_topic_over_several_documents_is_grouped_per_document(client, user, werkboek):
    ingest(NOTITIE, "notitie.md")
    client.force_login(user)
    html = client.get(reverse("kennis:search"), {"q": "raad college"}).content.decode()
    assert "uit 2 documenten" in html
    assert html.count('class="spil-results__group"') == 2
    assert "Alleen zoeken in ‘Werkboek bestuurlijk samenspel’" in html
    assert f"document={werkboek.id}" in html

    one = client.get(reverse("kennis:search"), {"q": "raad college", "document": werkboek.id})
    assert "spil-results__group" not in one.content.decode()
    # A situation is one ranked list: the best themes first, whatever their document.
    question = client.get(
        reverse("kennis:search"), {"q": "hoe informeer ik de raad en het college?"}
    )
    assert "spil-results__group" not in question.content.decode()


# --- "Was dit nuttig?" and searches without result -------------------------------------------


def test_was_this_useful_is_recorded_per_user_and_shown_back(client, user, other_user, werkboek):
    unit = _theme(werkboek, 2)
    client.force_login(user)
    page = reverse("kennis:search") + "?q=wethouder"
    response = client.post(
        reverse("kennis:search_feedback"),
        {"q": "wethouder", "eenheid": unit.id, "nuttig": "nee", "plek": "1", "terug": page},
    )
    assert response.status_code == 302 and response["Location"] == page + "#resultaat-1"
    feedback = SearchFeedback.objects.get()
    assert (feedback.owner, feedback.useful, feedback.query) == (user, False, "wethouder")

    # Answering again changes the answer; htmx gets the form back with a thank-you.
    fragment = client.post(
        reverse("kennis:search_feedback"),
        {"q": "wethouder", "eenheid": unit.id, "nuttig": "ja", "plek": "1"},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "Bedankt, je reactie is bewaard." in fragment and 'aria-pressed="true"' in fragment
    assert SearchFeedback.objects.get().useful is True
    assert 'aria-pressed="true"' in client.get(page).content.decode()

    other = Client()
    other.force_login(other_user)
    assert 'aria-pressed="true"' not in other.get(page).content.decode()


def test_feedback_on_an_invisible_unit_or_elsewhere_is_refused(client, user, other_user):
    private = ingest(NOTITIE, "notitie.md")
    private.owner = other_user
    private.save()
    client.force_login(user)
    data = {"q": "raad", "eenheid": private.units.first().id, "nuttig": "ja"}
    assert client.post(reverse("kennis:search_feedback"), data).status_code == 404
    assert (
        client.post(reverse("kennis:search_feedback"), {**data, "eenheid": "x"}).status_code == 404
    )
    assert not SearchFeedback.objects.exists()
    werkboek = ingest()
    outside = {**data, "eenheid": werkboek.units.first().id, "terug": "https://elders.example/"}
    assert client.post(reverse("kennis:search_feedback"), outside)["Location"] == "/zoeken/"


def test_searches_without_result_are_counted_but_not_while_typing(client, user, werkboek):
    client.force_login(user)
    client.get(reverse("kennis:search"), {"q": "zeilboot"})
    client.get(reverse("kennis:search"), {"q": "zeilboot"})
    client.get(
        reverse("kennis:search"), {"q": "zeilbo"}, HTTP_HX_REQUEST="true", HTTP_SPIL_LIVE="1"
    )
    client.get(reverse("kennis:search"), {"q": "wethouder"})
    miss = SearchMiss.objects.get()
    assert (miss.owner, miss.query, miss.times) == (user, "zeilboot", 2)


def test_the_beheerder_sees_signals_counted_never_named(
    beheer_client, beheerder, other_user, werkboek
):
    unit = _theme(werkboek, 3)
    for person in (beheerder, other_user):
        search_miss_record(user=person, query="zeilboot")
        search_feedback_record(user=person, query="ruzie", unit=unit, useful=False)
    search_feedback_record(user=other_user, query="overleg", unit=unit, useful=True)

    (miss,) = search_misses(user=beheerder)
    assert (miss.query, miss.users, miss.times) == ("zeilboot", 2, 2)
    (signal,) = search_not_useful(user=beheerder)
    assert (signal.query, signal.unit, signal.users) == ("ruzie", unit, 2)
    assert search_misses(user=other_user) == [] and search_not_useful(user=other_user) == []

    html = beheer_client.get(reverse("kennis:search_signals")).content.decode()
    assert "zeilboot" in html and "ruzie" in html and "Een conflict tussen twee wethouders" in html
    assert other_user.username not in html
    assert reverse("kennis:unit_keywords", args=[unit.id]) in html


@pytest.mark.parametrize("name", ["kennis:search_signals", "kennis:synonyms"])
def test_beheer_pages_are_404_for_everybody_else(client, other_user, name):
    client.force_login(other_user)
    assert client.get(reverse(name)).status_code == 404
    assert client.post(reverse(name), {"woorden": "a b"}).status_code == 404


# --- keywords of themes -------------------------------------------------------------------


def test_a_keyword_makes_its_theme_findable_at_once(beheer_client, beheerder, werkboek):
    unit = _theme(werkboek, 5)
    assert unit_search(query="zwembad") == []
    url = reverse("kennis:unit_keywords", args=[unit.id])
    response = beheer_client.post(url, {"tekst": "  sluiting van het zwembad  "})
    assert response.status_code == 302
    assert _titles(unit_search(query="zwembad")) == [unit.title]
    assert "sluiting van het zwembad" in beheer_client.get(url).content.decode()
    unit_page = beheer_client.get(reverse("kennis:unit", args=[unit.id])).content.decode()
    assert "‘sluiting van het zwembad’" in unit_page and url in unit_page
    # The same keyword twice is one keyword.
    beheer_client.post(url, {"tekst": "Sluiting van het zwembad"})
    assert UnitKeyword.objects.count() == 1

    keyword = UnitKeyword.objects.get()
    beheer_client.post(url, {"verwijder": keyword.id})
    assert not UnitKeyword.objects.exists()
    assert unit_search(query="zwembad") == []


def test_a_keyword_survives_reading_the_document_in_again(beheerder, werkboek):
    unit = _theme(werkboek, 5)
    unit_keyword_add(actor=beheerder, unit=unit, text="zwembad")
    from spil.kennis.services import document_ingest
    from tests.web.library import WERKBOEK

    document_ingest(data=WERKBOEK.encode(), filename="werkboek.md", force=True)
    assert _titles(unit_search(query="zwembad")) == [unit.title]
    from spil.kennis.search.indexing import index_rebuild

    index_rebuild()  # spil herindexeer
    assert _titles(unit_search(query="zwembad")) == [unit.title]


def test_bad_keywords_get_a_dutch_message_and_nothing_is_stored(beheer_client, werkboek):
    url = reverse("kennis:unit_keywords", args=[_theme(werkboek, 1).id])
    empty = beheer_client.post(url, {"tekst": "   "})
    assert empty.status_code == 400 and "Vul een trefwoord" in empty.content.decode()
    long = beheer_client.post(url, {"tekst": "x" * 201})
    assert long.status_code == 400 and "hoogstens 200 tekens" in long.content.decode()
    assert 'aria-invalid="true"' in long.content.decode()
    assert beheer_client.post(url, {"verwijder": "x"}).status_code == 404
    assert not UnitKeyword.objects.exists()


def test_keywords_only_for_the_shared_library_and_for_beheerders(
    client, beheerder, other_user, werkboek
):
    private = ingest(NOTITIE, "notitie.md")
    private.owner = beheerder
    private.save()
    client.force_login(beheerder)
    assert (
        client.get(reverse("kennis:unit_keywords", args=[private.units.first().id])).status_code
        == 404
    )
    with pytest.raises(PermissionDenied):
        unit_keyword_add(actor=beheerder, unit=private.units.first(), text="x")
    with pytest.raises(PermissionDenied):
        unit_keyword_add(actor=other_user, unit=_theme(werkboek, 1), text="x")
    with pytest.raises(PermissionDenied):
        unit_keyword_delete(actor=other_user, unit=_theme(werkboek, 1), keyword_id=1)
    client.force_login(other_user)
    assert (
        client.get(reverse("kennis:unit_keywords", args=[_theme(werkboek, 1).id])).status_code
        == 404
    )
    assert (
        "Trefwoorden bewerken"
        not in client.get(reverse("kennis:unit", args=[_theme(werkboek, 1).id])).content.decode()
    )


# --- synonyms -----------------------------------------------------------------------------


def test_a_synonym_group_expands_questions_at_once(beheer_client, werkboek):
    assert unit_search(query="kibbelen") == []
    response = beheer_client.post(reverse("kennis:synonyms"), {"woorden": "kibbelen, conflict"})
    assert response.status_code == 302
    assert SynonymGroup.objects.get().words == "conflict kibbelen"
    assert "Een conflict tussen twee wethouders" in _titles(unit_search(query="kibbelen"))

    group = SynonymGroup.objects.get()
    beheer_client.post(reverse("kennis:synonyms"), {"groep": group.id, "woorden": "kibbelen ruzie"})
    assert SynonymGroup.objects.get().words == "kibbelen ruzie"
    beheer_client.post(reverse("kennis:synonyms"), {"groep": group.id, "actie": "verwijderen"})
    assert unit_search(query="kibbelen") == []


def test_bad_synonym_groups_get_a_dutch_message(beheer_client, beheerder):
    one = beheer_client.post(reverse("kennis:synonyms"), {"woorden": "alleen"})
    assert one.status_code == 400 and "minstens twee woorden" in one.content.decode()
    signs = beheer_client.post(reverse("kennis:synonyms"), {"woorden": "goed! slecht?"})
    assert "zonder leestekens" in signs.content.decode()
    synonym_group_save(actor=beheerder, text="fiets rijwiel")
    second = synonym_group_save(actor=beheerder, text="rijwiel FIETS")
    assert SynonymGroup.objects.count() == 1 and second.words == "fiets rijwiel"


# --- export and import --------------------------------------------------------------------


def test_export_and_import_round_trip_idempotent(beheerder, werkboek, tmp_path, capsys):
    unit_keyword_add(actor=beheerder, unit=_theme(werkboek, 5), text="zwembad")
    section = werkboek.units.filter(theme_number__isnull=True).first()
    unit_keyword_add(actor=beheerder, unit=section, text="voorwoord")
    synonym_group_save(actor=beheerder, text="kibbelen conflict")
    exported = curation_export()
    assert exported["trefwoorden"] == [
        {"document": "werkboek.md", "plaats": section.heading_path, "tekst": "voorwoord"},
        {"document": "werkboek.md", "thema": 5, "tekst": "zwembad"},
    ]
    assert exported["synoniemen"] == [["conflict", "kibbelen"]]

    path = tmp_path / "bibliotheek.json"
    assert main(["bibliotheek", "export", str(path)]) == 0
    assert "2 trefwoord(en) en 1 synoniemengroep(en)" in capsys.readouterr().out
    UnitKeyword.objects.all().delete()
    SynonymGroup.objects.all().delete()

    assert main(["bibliotheek", "import", str(path)]) == 0
    assert "2 trefwoord(en) toegevoegd, 0 waren er al" in capsys.readouterr().out
    assert _titles(unit_search(query="zwembad")) == [_theme(werkboek, 5).title]
    assert main(["bibliotheek", "import", str(path)]) == 0
    assert "0 trefwoord(en) toegevoegd, 2 waren er al" in capsys.readouterr().out
    assert UnitKeyword.objects.count() == 2 and SynonymGroup.objects.count() == 1
    assert curation_export() == exported


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{niet json", "geen geldige JSON (regel 1"),
        (b"\xff\xfe", "geen UTF-8-tekst"),
        (b'{"formaat": "iets anders"}', "geen exportbestand van een Spil-bibliotheek"),
        (b'{"formaat": "spil-bibliotheek", "versie": 7}', "versie 7 wordt niet ondersteund"),
        (
            b'{"formaat": "spil-bibliotheek", "versie": 1, "trefwoorden": '
            b'[{"document": "werkboek.md", "thema": 5, "tekst": "goed"}, '
            b'{"document": "onbekend.md", "thema": 1, "tekst": "x"}]}',
            "trefwoord 2: document 'onbekend.md' staat niet in de gedeelde bibliotheek",
        ),
        (
            b'{"formaat": "spil-bibliotheek", "versie": 1, "trefwoorden": '
            b'[{"document": "werkboek.md", "thema": 99, "tekst": "x"}]}',
            "trefwoord 1: thema 99 bestaat niet in 'werkboek.md'",
        ),
        (
            b'{"formaat": "spil-bibliotheek", "versie": 1, "trefwoorden": '
            b'[{"document": "werkboek.md", "thema": 5}]}',
            "trefwoord 1: veld 'tekst': Vul een trefwoord",
        ),
        (
            b'{"formaat": "spil-bibliotheek", "versie": 1, "synoniemen": [["alleen"]]}',
            "synoniemengroep 1: Een synoniemengroep heeft minstens twee woorden.",
        ),
    ],
)
def test_a_bad_exchange_file_gets_a_dutch_error_and_writes_nothing(werkboek, content, message):
    with pytest.raises(CurationImportError) as error:
        curation_import(actor=None, data=content, name="bibliotheek.json")
    assert str(error.value).startswith("bibliotheek.json: ")
    assert message in str(error.value)
    assert not UnitKeyword.objects.exists() and not SynonymGroup.objects.exists()


def test_import_cli_reports_errors_in_dutch(tmp_path, capsys):
    assert main(["bibliotheek", "import", str(tmp_path / "weg.json")]) == 1
    assert "weg.json: kan het bestand niet lezen" in capsys.readouterr().err
    bad = tmp_path / "kapot.json"
    bad.write_text("[]", encoding="utf-8")
    assert main(["bibliotheek", "import", str(bad)]) == 1
    assert "kapot.json: dit is geen exportbestand" in capsys.readouterr().err


def test_import_needs_a_beheerder(other_user):
    with pytest.raises(PermissionDenied):
        curation_import(actor=other_user, data=b"{}", name="x.json")


def test_exported_json_is_plain_utf8(beheerder, werkboek, capsys):
    unit_keyword_add(actor=beheerder, unit=_theme(werkboek, 5), text="financiën")
    assert main(["bibliotheek", "export"]) == 0
    assert json.loads(capsys.readouterr().out)["trefwoorden"][0]["tekst"] == "financiën"


def test_spil_zoek_says_what_it_searched_for_instead(werkboek, capsys):
    assert main(["zoek", "wethouer"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Gezocht naar: wethouder (in plaats van: wethouer)\n1. ")


def test_export_download_and_import_upload_on_the_beheer_page(beheer_client, beheerder, werkboek):
    from django.core.files.uploadedfile import SimpleUploadedFile

    unit_keyword_add(actor=beheerder, unit=_theme(werkboek, 5), text="zwembad")
    response = beheer_client.get(reverse("kennis:curation_export"))
    assert response["Content-Disposition"].startswith('attachment; filename="spil-bibliotheek-')
    content = response.content
    assert json.loads(content)["trefwoorden"][0]["tekst"] == "zwembad"
    UnitKeyword.objects.all().delete()

    def upload(data: bytes, name: str = "bibliotheek.json"):
        file = SimpleUploadedFile(name, data, content_type="application/json")
        return beheer_client.post(reverse("kennis:curation_import"), {"bestand": file}, follow=True)

    page = upload(content).content.decode()
    assert "bibliotheek.json: 1 trefwoord(en) toegevoegd" in page
    assert UnitKeyword.objects.count() == 1
    wrong = upload(b"{kapot", "kapot.json").content.decode()
    assert "kapot.json: geen geldige JSON" in wrong
    empty = beheer_client.post(reverse("kennis:curation_import"), follow=True).content.decode()
    assert "Kies eerst een exportbestand" in empty


@pytest.mark.parametrize("name", ["kennis:curation_export", "kennis:curation_import"])
def test_exchange_file_pages_are_404_for_everybody_else(client, other_user, name):
    client.force_login(other_user)
    assert client.get(reverse(name)).status_code == 404
    assert client.post(reverse(name)).status_code == 404
