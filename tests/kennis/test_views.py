import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from spil.kennis.models import Document, Passage, Section, Unit, UnitVisit, Upload
from tests.web.library import NOTITIE, WERKBOEK, ingest

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_in(client: Client, librarian) -> Client:
    client.force_login(librarian)
    return client


def _upload(client, django_capture_on_commit_callbacks, *files):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("kennis:upload"), {"bestanden": list(files)})


def _file(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def _snapshot():
    return (
        list(Document.objects.values_list("id", "checksum", "updated_at")),
        list(Unit.objects.values_list("id", "title")),
        list(Passage.objects.values_list("id", "text")),
    )


def test_library_lists_documents_with_counts_and_actions(client_in):
    document = ingest()
    html = client_in.get(reverse("kennis:library")).content.decode()

    assert "Werkboek bestuurlijk samenspel" in html
    assert "werkboek.md" in html
    assert ">MD<" in html
    # Re-ingesting asks first: the library links to a confirmation page.
    assert f'href="{reverse("kennis:document_reingest", args=[document.id])}"' in html
    assert f'href="{reverse("kennis:document_remove", args=[document.id])}"' in html
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file"' in html and "multiple" in html
    assert html.count("csrfmiddlewaretoken") >= 2  # upload, logout


def test_upload_of_several_good_files_ingests_each(
    client_in, user, django_capture_on_commit_callbacks
):
    response = _upload(
        client_in,
        django_capture_on_commit_callbacks,
        _file("werkboek.md", WERKBOEK.encode()),
        _file("notitie.md", NOTITIE.encode()),
    )

    assert response.status_code == 302
    uploads = {u.filename: u for u in Upload.objects.filter(owner=user)}
    assert uploads["werkboek.md"].status == Upload.Status.ADDED
    assert uploads["notitie.md"].status == Upload.Status.ADDED
    assert uploads["werkboek.md"].document.units.filter(theme_number__isnull=False).count() == 5
    page = client_in.get(reverse("kennis:library")).content.decode()
    row = page.split(f'id="upload-{uploads["werkboek.md"].id}"')[1].split("</li>")[0]
    assert "werkboek.md" in row and "Toegevoegd (5 thema&#x27;s" in row
    assert "spil-file-status--added" in page


def test_bad_files_get_a_dutch_error_next_to_the_file(
    client_in, user, django_capture_on_commit_callbacks
):
    ingest()
    before = _snapshot()

    _upload(
        client_in,
        django_capture_on_commit_callbacks,
        _file("leeg.txt", b""),
        _file("kapot.pdf", b"%PDF-1.4 dit is geen echte pdf"),
        _file("plaatje.exe", b"MZ\x00\x01"),
    )

    assert _snapshot() == before
    uploads = list(Upload.objects.filter(owner=user))
    assert {u.status for u in uploads} == {Upload.Status.ERROR}
    page = client_in.get(reverse("kennis:library")).content.decode()
    for upload in uploads:
        assert upload.message.startswith(upload.filename)
        row = page.split(f'id="upload-{upload.id}"')[1].split("</li>")[0].replace("&#x27;", "'")
        problem = upload.message.removeprefix(f"{upload.filename}: ")
        assert problem[1:] in row
        # The row names the file once, then the problem (capitalised), not "naam naam: …".
        assert row.count(upload.filename) == 1
    assert page.count("spil-file-status--error") == 3
    assert "fout" in page  # the state in words, not only a colour


def test_too_large_upload_is_refused_without_reading(
    client_in, user, settings, django_capture_on_commit_callbacks
):
    settings.SPIL_MAX_UPLOAD_BYTES = 10
    _upload(client_in, django_capture_on_commit_callbacks, _file("groot.md", WERKBOEK.encode()))

    upload = Upload.objects.get(owner=user)
    assert upload.status == Upload.Status.ERROR
    assert "groter dan" in upload.message
    assert not Document.objects.exists()


def test_uploading_the_same_file_again_changes_nothing(
    client_in, user, django_capture_on_commit_callbacks
):
    _upload(client_in, django_capture_on_commit_callbacks, _file("werkboek.md", WERKBOEK.encode()))
    before = _snapshot()

    _upload(client_in, django_capture_on_commit_callbacks, _file("werkboek.md", WERKBOEK.encode()))

    assert _snapshot() == before
    latest = Upload.objects.filter(owner=user).first()
    assert latest.status == Upload.Status.UNCHANGED
    assert "ongewijzigd" in latest.message


def test_upload_without_files_says_so(client_in):
    response = client_in.post(reverse("kennis:upload"), follow=True)
    assert "Kies eerst een of meer bestanden" in response.content.decode()


def test_upload_requires_csrf(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post(reverse("kennis:upload"), {"bestanden": [_file("a.md", b"# A")]})
    assert response.status_code == 403
    assert not Upload.objects.exists()


def test_upload_status_polls_while_pending_and_refreshes_when_done(client_in, user):
    upload = Upload.objects.create(owner=user, filename="wacht.md", data=b"# W", size_bytes=3)

    pending = client_in.get(reverse("kennis:upload_status"), HTTP_HX_REQUEST="true")
    html = pending.content.decode()
    assert 'hx-trigger="every 1s"' in html
    assert "in de wachtrij" in html
    assert "HX-Refresh" not in pending

    Upload.objects.filter(pk=upload.pk).update(
        status=Upload.Status.ADDED, message="wacht.md: klaar"
    )
    done = client_in.get(reverse("kennis:upload_status") + "?wachtend=1", HTTP_HX_REQUEST="true")
    assert done["HX-Refresh"] == "true"
    assert "hx-trigger" not in done.content.decode()


def test_upload_status_shows_only_own_uploads(client_in, other_user):
    Upload.objects.create(owner=other_user, filename="geheim.md", data=b"x", size_bytes=1)
    html = client_in.get(reverse("kennis:upload_status")).content.decode()
    assert "geheim.md" not in html


def test_library_without_js_refreshes_itself_while_pending(client_in, user):
    Upload.objects.create(owner=user, filename="wacht.md", data=b"# W", size_bytes=3)
    html = client_in.get(reverse("kennis:library")).content.decode()
    assert '<noscript><meta http-equiv="refresh"' in html


def test_reingest_reads_the_kept_file_again(client_in, user, django_capture_on_commit_callbacks):
    _upload(client_in, django_capture_on_commit_callbacks, _file("werkboek.md", WERKBOEK.encode()))
    document = Document.objects.get()
    before = [reverse("kennis:unit", args=[u.id]) for u in document.units.all()] + [
        reverse("kennis:section", args=[document.id, s.id]) for s in document.sections.all()
    ]

    # It asks first; asking changes nothing.
    confirm = client_in.get(reverse("kennis:document_reingest", args=[document.id]))
    assert confirm.status_code == 200
    assert "Ja, opnieuw inlezen" in confirm.content.decode()
    assert Upload.objects.filter(reingest=True).count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        response = client_in.post(reverse("kennis:document_reingest", args=[document.id]))

    assert response.status_code == 302
    latest = Upload.objects.filter(owner=user).first()
    assert latest.reingest
    # Every theme and section page from before the re-ingest still opens, at the same address.
    for url in before:
        assert client_in.get(url).status_code == 200, url
    assert latest.status == Upload.Status.REPLACED, latest.message
    assert latest.document == document
    assert Document.objects.get().units.filter(theme_number__isnull=False).count() == 5
    # Only the newest copy keeps the bytes.
    assert Upload.objects.exclude(data=b"").count() == 1


def test_reingest_of_a_document_added_outside_the_browser_explains(client_in):
    document = ingest()
    response = client_in.post(reverse("kennis:document_reingest", args=[document.id]), follow=True)
    assert "geen kopie van dit bestand bewaard" in response.content.decode()
    assert not Upload.objects.exists()


def test_remove_asks_first_then_deletes(client_in):
    document = ingest()
    ingest(NOTITIE, "notitie.md")
    url = reverse("kennis:document_remove", args=[document.id])

    confirm = client_in.get(url).content.decode()
    assert "Weet je zeker" in confirm
    assert "csrfmiddlewaretoken" in confirm
    assert Document.objects.count() == 2

    client_in.post(url)
    assert list(Document.objects.values_list("source_name", flat=True)) == ["notitie.md"]
    assert client_in.get(url).status_code == 404


def test_document_page_shows_toc_tree_with_links(client_in):
    document = ingest()
    response = client_in.get(reverse("kennis:document", args=[document.id]))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Inhoudsopgave" in html
    chapter = document.sections.get(title="Spanning in het college")
    theme = document.units.get(theme_number=3)
    assert reverse("kennis:section", args=[document.id, chapter.id]) in html
    assert reverse("kennis:unit", args=[theme.id]) in html
    assert (
        html.index("Het college")
        < html.index("Wekelijks overleg")
        < html.index("Afspraken maken met de burgemeester")
    )
    assert client_in.get(reverse("kennis:document", args=[999_999])).status_code == 404


def test_section_page_reads_the_whole_chapter(client_in):
    document = ingest()
    chapter = document.sections.get(title="Wekelijks overleg")
    html = client_in.get(reverse("kennis:section", args=[document.id, chapter.id])).content.decode()

    assert '<h1 class="utrecht-heading-1">Wekelijks overleg</h1>' in html
    assert "Thema 1: Afspraken maken met de burgemeester</h2>" in html
    assert "Houd een korte lijst bij van toezeggingen" in html
    assert "Blijf neutraal" not in html  # next chapter
    # A document without page numbers still links each theme to its page with the citation.
    theme = document.units.get(theme_number=1)
    assert (
        f'href="{reverse("kennis:unit", args=[theme.id])}">Thema-pagina met bronvermelding' in html
    )
    other = ingest(NOTITIE, "notitie.md")
    foreign = other.sections.first()
    assert (
        client_in.get(reverse("kennis:section", args=[document.id, foreign.id])).status_code == 404
    )


def test_theme_page_has_tips_chapter_citation_neighbours_and_see_also(client_in, user):
    document = ingest()
    theme = document.units.get(theme_number=2)
    html = client_in.get(reverse("kennis:unit", args=[theme.id])).content.decode()

    # Written like everywhere else (title, zie ook, results): "Thema 2: …".
    assert "Thema 2:</span> Een wethouder die een advies tegenhoudt" in html
    assert html.count('class="utrecht-unordered-list__item spil-tips__item"') == 4
    assert "Wekelijks overleg" in html  # chapter
    assert "Kopieer bronvermelding" in html
    assert (
        "Werkboek bestuurlijk samenspel, thema 2, ‘Een wethouder die een advies tegenhoudt’."
        in html
    )
    first = document.units.get(theme_number=1)
    third = document.units.get(theme_number=3)
    assert f'href="{reverse("kennis:unit", args=[first.id])}" rel="prev"' in html
    assert f'href="{reverse("kennis:unit", args=[third.id])}" rel="next"' in html
    assert "Zie ook" in html
    see_also = html.split('id="zie-ook"')[1]
    assert "spil-related" in see_also  # computed from the index, other themes of the library
    assert "Een wethouder die een advies tegenhoudt</a>" not in see_also
    assert UnitVisit.objects.filter(owner=user, unit=theme).exists()


def test_theme_page_unknown_is_404(client_in):
    assert client_in.get(reverse("kennis:unit", args=[424242])).status_code == 404


def test_search_topic_ranks_units_with_marked_tips_and_citation(client_in):
    ingest()
    ingest(NOTITIE, "notitie.md")
    response = client_in.get(reverse("kennis:search"), {"q": "directieteam"})
    html = response.content.decode()

    assert response.status_code == 200
    assert 'value="directieteam"' in html  # the query stays in the URL and the box
    assert "Thema 4: Het directieteam op koers houden" in html
    assert "<mark>directieteam</mark>" in html
    assert "Bronvermelding" in html


def test_search_situation_gets_top_themes_with_three_tips(client_in):
    ingest()
    response = client_in.get(
        reverse("kennis:search"),
        {"q": "een wethouder houdt steeds mijn advies tegen voordat het college het ziet"},
    )
    html = response.content.decode()

    assert "Best passende thema" in html
    first = html.index("spil-results__item")
    assert "Een wethouder die een advies tegenhoudt" in html[first : first + 800]
    card = html[first : html.index("</article>", first)]
    assert card.count("spil-tips__item") == 3


def test_search_short_situation_sentence_is_a_situation(client_in):
    # Six words, three of them content words: a situation as people type it, not a topic.
    ingest()
    html = client_in.get(
        reverse("kennis:search"), {"q": "de wethouder houdt een advies tegen"}
    ).content.decode()
    assert "Best passende thema" in html
    first = html.index("spil-results__item")
    card = html[first : html.index("</article>", first)]
    assert card.count("spil-tips__item") == 3


def test_search_question_without_question_mark_is_a_situation(client_in):
    ingest()
    html = client_in.get(
        reverse("kennis:search"), {"q": "hoe ga ik om met wethouders"}
    ).content.decode()
    assert "Best passende thema" in html


def test_search_few_words_stay_a_topic(client_in):
    ingest()
    html = client_in.get(reverse("kennis:search"), {"q": "wethouder advies"}).content.decode()
    assert "Best passende thema" not in html


def test_search_filters_by_document_and_chapter(client_in):
    werkboek = ingest()
    notitie = ingest(NOTITIE, "notitie.md")
    chapter = werkboek.sections.get(title="Spanning in het college")

    in_notitie = client_in.get(
        reverse("kennis:search"), {"q": "raad college", "document": notitie.id}
    )
    in_chapter = client_in.get(
        reverse("kennis:search"), {"q": "wethouders", "hoofdstuk": chapter.id}
    )

    assert "Notitie over de raad" in in_notitie.content.decode()
    assert "Thema " not in in_notitie.content.decode().split('id="resultaten"')[1]
    results = in_chapter.content.decode().split('id="resultaten"')[1]
    assert "Een conflict tussen twee wethouders" in results
    assert "Een wethouder die een advies tegenhoudt" not in results


def test_search_without_results_suggests_broader_terms(client_in):
    ingest()
    html = client_in.get(reverse("kennis:search"), {"q": "kwantumfysica"}).content.decode()
    assert "Geen resultaten voor ‘kwantumfysica’" in html
    assert "algemenere woorden" in html


def test_search_htmx_returns_only_the_results(client_in):
    ingest()
    response = client_in.get(
        reverse("kennis:search"), {"q": "burgemeester"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="resultaten"')
    assert "<html" not in html


def test_search_empty_query_shows_the_form(client_in):
    html = client_in.get(reverse("kennis:search")).content.decode()
    assert "Beschrijf je situatie of zoek een onderwerp" in html
    assert "Typ een onderwerp" in html


def test_section_tree_unknown_document_section_404(client_in):
    assert client_in.get(reverse("kennis:section", args=[1, 1])).status_code == 404
    assert Section.objects.count() == 0


def test_search_fragment_and_page_share_a_url_but_never_a_cache_entry(client_in):
    ingest()
    url = reverse("kennis:search") + "?q=burgemeester"
    fragment = client_in.get(url, headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode()
    assert "HX-Request" in fragment["Vary"]
    page = client_in.get(url)
    assert "HX-Request" in page["Vary"]
    assert "<html" in page.content.decode()
    # htmx restoring history after a cache miss asks for the whole page.
    restored = client_in.get(
        url, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restored.content.decode()


def test_live_typing_replaces_the_address_instead_of_adding_history(client_in):
    ingest()
    url = reverse("kennis:search") + "?q=raad"
    live = client_in.get(url, headers={"HX-Request": "true", "Spil-Live": "1"})
    assert live["HX-Replace-Url"] == url
    deliberate = client_in.get(url, headers={"HX-Request": "true"})
    assert "HX-Replace-Url" not in deliberate


def test_chapter_filter_only_offers_and_applies_the_chosen_documents_chapters(client_in):
    werkboek = ingest()
    notitie = ingest(NOTITIE, "notitie.md")
    chapter = Section.objects.filter(document=werkboek, kind=Section.Kind.CHAPTER).first()
    response = client_in.get(
        reverse("kennis:search"),
        {"q": "raad", "document": notitie.id, "hoofdstuk": chapter.id},
    )
    html = response.content.decode()
    assert chapter.title not in html.split('id="hoofdstuk"')[1].split("</select>")[0]
    assert response.context["chapter_id"] is None
    assert response.context["results"]  # the stale chapter did not filter everything away


def test_library_shows_how_far_semantic_search_is(client_in):
    document = ingest()
    total = Unit.objects.filter(document=document).count()
    html = client_in.get(reverse("kennis:library")).content.decode()
    assert f"semantisch zoeken: 0 van {total} onderdelen klaar" in html
    Unit.objects.filter(document=document).update(vectors_ready=True)
    html = client_in.get(reverse("kennis:library")).content.decode()
    assert f"semantisch zoeken: {total} van {total} onderdelen klaar" in html
    assert "alleen op woorden" not in html
