"""The kennisbank in a real browser: upload, search, read, cite, keyboard, axe on every page."""

from __future__ import annotations

import re

import pytest
from django.template import loader

from spil.kennis.models import Document, Section, Unit, Upload
from spil.kennis.services import document_ingest_batch
from tests.browser.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.seeds]

SEARCH_LABEL = "Beschrijf je situatie of zoek een onderwerp"


@pytest.fixture
def seeded(seeds_dir, browser_user):
    results = document_ingest_batch(paths=sorted(seeds_dir.glob("*.txt")))
    assert all(r.ok for r in results), [r.message for r in results]
    return seeds_dir


def _a_theme() -> Unit:
    """A numbered theme with tips whose document also has other themes."""
    return (
        Unit.objects.filter(theme_number__isnull=False, passages__kind="tip")
        .order_by("document__title", "position")
        .distinct()[5]
    )


def test_upload_search_open_theme_and_copy_citation(logged_in_page, seeds_dir):
    page = logged_in_page
    seeds = sorted(seeds_dir.glob("*.txt"))

    page.get_by_role("link", name="Bibliotheek", exact=True).click()
    page.get_by_label("Bestanden").set_input_files([str(p) for p in seeds])
    page.get_by_role("button", name="Toevoegen").click()
    rows = page.locator(".spil-file-status")
    rows.first.wait_for()
    page.wait_for_function(
        "() => !document.querySelector('#upload-status[hx-trigger]')", timeout=120_000
    )
    assert rows.count() == len(seeds)
    for seed in seeds:
        row = page.locator(".spil-file-status", has_text=seed.name)
        assert re.search(r"toegevoegd", row.inner_text())
    assert page.locator("table.spil-table tbody tr").count() == len(seeds)

    # Search from the start page; the query travels in the URL.
    page.get_by_role("link", name="Start", exact=True).click()
    page.get_by_label(SEARCH_LABEL).fill("crisis")
    page.get_by_label(SEARCH_LABEL).press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=crisis"))
    cards = page.locator(".spil-card")
    assert cards.count() >= 3
    assert page.locator(".spil-card mark").count() >= 1

    # Open the best theme and copy its citation to the clipboard.
    cards.first.locator(".spil-card__title a").click()
    page.wait_for_url(re.compile(r"/themas/\d+/"))
    citation = page.locator(".spil-citation__text").inner_text().strip()
    assert re.search(r"\S", citation)
    page.get_by_role("button", name="Kopieer bronvermelding").click()
    page.get_by_text("Bronvermelding gekopieerd.").wait_for()
    assert page.evaluate("() => navigator.clipboard.readText()") == citation

    # It is now under "onlangs gelezen" on the start page.
    heading = page.locator("h1").inner_text()
    page.get_by_role("link", name="Start", exact=True).click()
    recent = page.locator("#recent-kop + ul").inner_text()
    title = heading.split("\n")[-1].replace("Thema ", "").strip()
    assert title.split(" ", 1)[-1][:20] in recent


def test_situational_question_shows_top_themes_with_three_tips(logged_in_page, seeded):
    page = logged_in_page
    page.goto("/zoeken/")
    page.get_by_label(SEARCH_LABEL).fill(
        "een wethouder houdt mijn advies tegen en wil het niet aan het college voorleggen"
    )
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("heading", name=re.compile("Best passende thema")).wait_for()
    cards = page.locator(".spil-card")
    assert 1 <= cards.count() <= 5
    assert cards.first.locator(".spil-tips__item").count() == 3


def test_table_of_contents_by_keyboard_only(logged_in_page, seeded):
    page = logged_in_page
    document = Document.objects.filter(units__theme_number__isnull=False).distinct().first()
    page.goto(f"/documenten/{document.id}/")

    # The skip link is the first stop and moves focus to the content.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == (
        "Direct naar de inhoud"
    )
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "inhoud"

    # Tab into the table of contents, then on to the third theme link in it.
    theme_links_seen = 0
    for _ in range(200):
        page.keyboard.press("Tab")
        inside_toc = page.evaluate(
            "() => !!document.activeElement.closest('.spil-toc') && "
            "document.activeElement.getAttribute('href').startsWith('/themas/')"
        )
        if inside_toc:
            theme_links_seen += 1
            if theme_links_seen == 3:
                break
    assert theme_links_seen == 3, "thema-links in de inhoudsopgave niet met Tab bereikt"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
    target = page.evaluate("() => document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
    assert page.locator("h1").inner_text().startswith("Thema")

    # Next theme by keyboard: Tab to the "Volgende" link and follow it.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('rel') === 'next'"):
            break
    else:
        pytest.fail("link naar het volgende thema niet met Tab bereikt")
    following = page.evaluate("() => document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{following}")


def test_every_page_has_no_axe_violations(browser, live_server, context, seeded):
    page = context.new_page()
    page.goto("/account/inloggen/")
    assert_accessible(page, "inloggen")
    page.get_by_role("button", name="Inloggen").click()  # empty form: error state
    assert_accessible(page, "inloggen met fout")
    log_in(page)

    theme = _a_theme()
    document = theme.document
    chapter = Section.objects.filter(document=document, kind=Section.Kind.CHAPTER).first()
    section = chapter or Section.objects.filter(document=document).first()
    other = Unit.objects.filter(theme_number__isnull=True).first()
    Upload.objects.create(
        owner=theme.document.added_by or _user(),
        filename="kapot.pdf",
        data=b"",
        size_bytes=0,
        status=Upload.Status.ERROR,
        message="kapot.pdf: het bestand is beschadigd.",
    )
    pages = {
        "start": "/",
        "bibliotheek": "/bibliotheek/",
        "document": f"/documenten/{document.id}/",
        "onderdeel": f"/documenten/{document.id}/onderdelen/{section.id}/",
        "thema": f"/themas/{theme.id}/",
        "onderdeel zonder nummer": f"/themas/{other.id}/",
        "zoeken leeg": "/zoeken/",
        "zoeken onderwerp": "/zoeken/?q=crisis",
        "zoeken vraag": "/zoeken/?q=hoe+houd+ik+het+directieteam+bij+de+bestuurlijke+agenda",
        "zoeken met filter": f"/zoeken/?q=college&document={document.id}",
        "zoeken zonder resultaat": "/zoeken/?q=kwantumfysica",
        "verwijderen bevestigen": f"/bibliotheek/{document.id}/verwijderen/",
        "404": "/bestaat-niet/",
    }
    for label, url in pages.items():
        page.goto(url)
        assert_accessible(page, label)

    # Error pages Django renders without a request: check their markup in the same styles.
    for name in ["500.html", "403_csrf.html", "403.html", "400.html"]:
        page.goto("/bestaat-niet/")
        page.set_content(loader.get_template(name).render({}))
        page.wait_for_load_state()
        assert_accessible(page, name)

    # Logged out again via the header button.
    page.goto("/")
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/account/inloggen/**")


def _user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="secretaris")


def test_upload_progress_updates_live_without_reload(logged_in_page, browser_user):
    page = logged_in_page
    upload = Upload.objects.create(
        owner=browser_user, filename="wachtend.md", data=b"# Titel", size_bytes=7
    )
    page.goto("/bibliotheek/")
    row = page.locator("#upload-" + str(upload.id))
    assert "in de wachtrij" in row.inner_text()
    assert_accessible(page, "bibliotheek met wachtend bestand")

    Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.RUNNING)
    page.locator(f"#upload-{upload.id}", has_text="wordt ingelezen").wait_for()
    Upload.objects.filter(pk=upload.pk).update(
        status=Upload.Status.ERROR, message="wachtend.md: er is geen leesbare tekst gevonden."
    )
    # The row names the file; the message next to it drops its "wachtend.md: " prefix.
    row.filter(has_text="Er is geen leesbare tekst gevonden.").wait_for()
    page.wait_for_function("() => !document.querySelector('#upload-status[hx-trigger]')")


def test_expired_session_during_live_updates_goes_to_login(logged_in_page, browser_user):
    page = logged_in_page
    Upload.objects.create(owner=browser_user, filename="wachtend.md", data=b"# T", size_bytes=3)
    page.goto("/bibliotheek/")
    page.context.clear_cookies()
    page.wait_for_url("**/account/inloggen/**")
    assert page.locator("h1").inner_text() == "Inloggen bij Spil"


def test_files_can_be_dropped_on_the_upload_field(logged_in_page):
    page = logged_in_page
    page.goto("/bibliotheek/")
    assert page.get_by_text("Je kunt bestanden ook hierheen slepen.").is_visible()
    # What a drag from the file manager delivers: a drop event carrying File objects.
    page.evaluate(
        """() => {
            const transfer = new DataTransfer();
            const text = '# Eerste notitie\\n\\n## Onderdeel\\n\\nTekst over de raad.';
            transfer.items.add(new File([text], 'eerste.md', {type: 'text/markdown'}));
            transfer.items.add(new File([''], 'leeg.txt', {type: 'text/plain'}));
            const zone = document.querySelector('.spil-dropzone');
            zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: transfer, bubbles: true}));
            zone.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true}));
        }"""
    )
    page.locator(".spil-file-status", has_text="eerste.md").wait_for()
    page.wait_for_function("() => !document.querySelector('#upload-status[hx-trigger]')")
    assert "toegevoegd" in page.locator(".spil-file-status", has_text="eerste.md").inner_text()
    error_row = page.locator(".spil-file-status", has_text="leeg.txt").inner_text()
    assert "fout" in error_row
    assert error_row.startswith("leeg.txt") and "Het bestand is leeg" in error_row
    assert Document.objects.filter(source_name="eerste.md").exists()


def test_live_search_updates_results_and_url(logged_in_page, seeded):
    page = logged_in_page
    page.goto("/zoeken/")
    page.get_by_label(SEARCH_LABEL).press_sequentially("herindeling", delay=20)
    page.wait_for_url(re.compile(r"q=herindeling"))
    page.locator(".spil-card").first.wait_for()
    assert page.locator("h1").count() == 1  # results were swapped in, not a page in a page


def test_without_javascript_search_and_citation_still_work(browser, live_server, seeded):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    log_in(page)
    page.goto("/zoeken/?q=burgemeester")
    assert page.locator(".spil-card").count() >= 1
    page.locator(".spil-card__title a").first.click()
    assert not page.get_by_role("button", name="Kopieer bronvermelding").is_visible()
    citation = page.locator(".spil-citation__text")
    assert citation.is_visible()
    assert page.evaluate(
        "() => getComputedStyle(document.querySelector('.spil-citation__text')).userSelect"
    ) in {"all", "text", "auto"}
    context.close()


@pytest.mark.parametrize("width", [320, 640])
def test_no_horizontal_scrolling_at_320px_or_200_percent_zoom(browser, live_server, seeded, width):
    # 640 CSS px wide is what a 1280 px window shows at 200% zoom.
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    log_in(page)
    theme = _a_theme()
    for url in [
        "/",
        "/bibliotheek/",
        f"/documenten/{theme.document_id}/",
        f"/themas/{theme.id}/",
        "/zoeken/?q=crisis",
    ]:
        page.goto(url)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} schuift horizontaal bij {width}px ({overflow}px te breed)"
    context.close()
