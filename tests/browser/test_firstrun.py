"""What a new user tripped over (issue 9), in a real browser: history, filters, first steps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from spil.kennis.models import Section
from tests.browser.conftest import assert_accessible, log_in
from tests.web.library import ingest

pytestmark = pytest.mark.browser

SEARCH_LABEL = "Beschrijf je situatie of zoek een onderwerp"

# A second small document with chapters of its own (own words).
HANDREIKING = """# Handreiking samenwerking in de regio

## Hoofdstuk 1 Partners kennen

(1) Een kaart van de regio maken
• Noteer welke partners er in de regio actief zijn en wie daar de trekker is.
• Ga bij nieuwe partners langs voordat er iets van ze nodig is.

## Hoofdstuk 2 Samen besluiten

(2) Afspraken met buurgemeenten
• Leg vast wie namens welke gemeente mag besluiten.
• Spreek af hoe de raden worden meegenomen in regionale plannen.
"""


def _whole_page(page) -> None:
    """The page has its styles, the menu, the search box and exactly one h1."""
    assert page.locator("h1").count() == 1
    assert page.locator("nav").count() >= 1
    assert page.get_by_label(SEARCH_LABEL).count() == 1
    assert page.evaluate("() => document.styleSheets.length") >= 2
    assert page.title().endswith("– Spil")


def test_back_and_reload_after_search_give_the_whole_page(logged_in_page):
    ingest()
    page = logged_in_page
    page.goto("/zoeken/")
    start = page.evaluate("() => history.length")

    # Typing with pauses updates results and address, without a history step per pause.
    box = page.get_by_label(SEARCH_LABEL)
    box.press_sequentially("burgemeester", delay=20)
    page.wait_for_url(re.compile(r"q=burgemeester"))
    page.locator(".spil-card").first.wait_for()
    box.press_sequentially(" overleg", delay=20)
    page.wait_for_url(re.compile(r"q=burgemeester(\+|%20)overleg"))
    assert page.evaluate("() => history.length") == start

    # A deliberate search is one step back.
    box.fill("wethouder")
    box.press("Enter")
    page.wait_for_url(re.compile(r"q=wethouder(&|$)"))
    page.locator(".spil-card").first.wait_for()
    assert page.evaluate("() => history.length") == start + 1

    # Open a theme, then back: the whole search page, not the bare results.
    page.locator(".spil-card__title a").first.click()
    page.wait_for_url(re.compile(r"/themas/\d+/"))
    page.go_back()
    page.wait_for_url(re.compile(r"q=wethouder(&|$)"))
    _whole_page(page)
    page.go_back()
    page.wait_for_url(re.compile(r"q=burgemeester(\+|%20)overleg"))
    _whole_page(page)
    page.go_forward()
    page.wait_for_url(re.compile(r"q=wethouder(&|$)"))
    _whole_page(page)
    page.reload()
    _whole_page(page)
    assert page.locator(".spil-card").count() >= 1
    assert_accessible(page, "zoeken na terug")


def test_history_restore_without_htmx_cache_gets_the_whole_page(logged_in_page):
    """htmx asks the server when its own history cache misses (cache size 0 here)."""
    ingest()
    page = logged_in_page
    page.goto("/zoeken/")
    page.evaluate("() => { htmx.config.historyCacheSize = 0; localStorage.clear(); }")
    box = page.get_by_label(SEARCH_LABEL)
    box.fill("college")
    box.press("Enter")
    page.wait_for_url(re.compile(r"q=college"))
    box.fill("raad")
    box.press("Enter")
    page.wait_for_url(re.compile(r"q=raad"))
    page.go_back()
    page.wait_for_url(re.compile(r"q=college"))
    page.locator(".spil-results").wait_for()
    _whole_page(page)


def test_chapter_filter_lists_only_the_chosen_documents_chapters(logged_in_page):
    werkboek = ingest()
    regio = ingest(HANDREIKING, "handreiking.md")
    page = logged_in_page
    page.goto("/zoeken/?q=gemeente")
    chapters = page.locator("#hoofdstuk option:not([value=''])")
    assert chapters.count() == Section.objects.filter(kind=Section.Kind.CHAPTER).count()

    # Keyboard only: focus the document filter and pick the second document.
    page.get_by_label("Document").focus()
    page.get_by_label("Document").select_option(str(regio.id))
    page.locator("#hoofdstuk optgroup").first.wait_for(state="attached")
    page.wait_for_function(
        "(n) => document.querySelectorAll('#hoofdstuk option:not([value=\"\"])').length === n",
        arg=Section.objects.filter(document=regio, kind=Section.Kind.CHAPTER).count(),
    )
    labels = chapters.all_inner_texts()
    titles = set(Section.objects.filter(document=regio).values_list("title", flat=True))
    assert labels and all(any(label.endswith(t) for t in titles) for label in labels), labels
    assert not any("Wekelijks" in label for label in labels)
    assert page.get_by_label("Document").evaluate("el => el === document.activeElement")

    # A chapter of the other document, left in the address, does not empty the results.
    other = Section.objects.filter(document=werkboek, kind=Section.Kind.CHAPTER).first()
    page.goto(f"/zoeken/?q=partners&document={regio.id}&hoofdstuk={other.id}")
    assert page.locator(".spil-card").count() >= 1
    assert_accessible(page, "zoeken met hoofdstukfilter")


def test_chapter_filter_narrows_without_javascript(browser, live_server, browser_user):
    ingest()
    regio = ingest(HANDREIKING, "handreiking.md")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    log_in(page)
    page.goto("/zoeken/?q=raad")
    page.get_by_label("Document").select_option(str(regio.id))
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url(re.compile(rf"document={regio.id}"))
    labels = page.locator("#hoofdstuk option:not([value=''])").all_inner_texts()
    assert labels and not any("Wekelijks" in label for label in labels)
    context.close()


def _tab_to(page, name: str, limit: int = 80) -> None:
    """Press Tab until the control with this accessible text has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        text = page.evaluate(
            "() => { const el = document.activeElement;"
            " return (el.textContent || el.value || '').replace(/\\s+/g, ' ').trim(); }"
        )
        if text == name:
            return
    pytest.fail(f"‘{name}’ niet met Tab bereikt")


@pytest.mark.parametrize("width", [1280, 320])
def test_partial_import_says_what_it_left_out_and_reads_the_rest(
    browser, live_server, browser_user, tmp_path, width
):
    from spil.agenda.models import Afspraak
    from tests.agenda.test_import_period import _last_year

    path = tmp_path / "vorig-jaar.ics"
    path.write_bytes(_last_year())
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    log_in(page)
    page.goto("/agenda/importeren/")
    page.get_by_label("Agendabestand").set_input_files(str(path))
    page.get_by_label("Vanaf (optioneel)").fill("2024-01-01")
    page.get_by_label("Tot en met (optioneel)").fill("2024-01-31")
    page.get_by_label("Tot en met (optioneel)").press("Enter")
    result = page.locator("#import-resultaat", has_text="niet ingelezen")
    result.wait_for()
    assert "buiten deze periode" in result.inner_text()
    assert "1 januari 2024 tot en met 22 mei 2024" in result.inner_text()
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"importpagina schuift horizontaal bij {width}px"
    assert_accessible(page, f"import met weggelaten afspraken ({width}px)")
    kept = Afspraak.objects.count()

    # One click (by keyboard) reads the rest of the file.
    page.locator("#import-resultaat").focus()
    _tab_to(page, "Lees de hele periode van het bestand in")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/agenda/(\?.*)?$"))
    assert Afspraak.objects.count() > kept
    assert page.locator(".spil-alert", has_text="Gelukt").count() == 1
    context.close()


def test_last_years_calendar_is_read_whole_by_default(logged_in_page, tmp_path):
    from spil.agenda.models import Afspraak
    from tests.agenda.test_import_period import _last_year

    path = tmp_path / "vorig-jaar.ics"
    path.write_bytes(_last_year())
    page = logged_in_page
    page.goto("/agenda/importeren/")
    page.get_by_label("Agendabestand").set_input_files(str(path))
    page.get_by_role("button", name="Inlezen").click()
    page.locator("#import-resultaat", has_text="Gelukt").wait_for()
    text = page.locator("#import-resultaat").inner_text()
    assert "de hele periode van het bestand" in text
    assert "niet ingelezen" not in text
    assert f"{Afspraak.objects.count()} nieuw" in text
    assert_accessible(page, "import van een heel bestand")


def test_reingest_asks_first_and_keeps_bookmarks_working(logged_in_page, tmp_path):
    from spil.kennis.models import Unit, Upload
    from tests.web.library import WERKBOEK

    page = logged_in_page
    path = tmp_path / "werkboek.md"
    path.write_text(WERKBOEK, encoding="utf-8")
    page.goto("/bibliotheek/")
    page.get_by_label("Bestanden").set_input_files(str(path))
    page.get_by_role("button", name="Toevoegen").click()
    page.wait_for_function("() => !document.querySelector('#upload-status[hx-trigger]')")
    theme = Unit.objects.get(theme_number=2)
    bookmark = f"/themas/{theme.id}/"

    # Keyboard only: the library's "Opnieuw inlezen" leads to a question, not straight to work.
    page.goto("/bibliotheek/")
    _tab_to(page, "Opnieuw inlezen: Werkboek bestuurlijk samenspel")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Document opnieuw inlezen").wait_for()
    assert not Upload.objects.filter(reingest=True).exists()
    assert_accessible(page, "opnieuw inlezen bevestigen")
    _tab_to(page, "Ja, opnieuw inlezen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/bibliotheek/")
    page.wait_for_function("() => !document.querySelector('#upload-status[hx-trigger]')")
    assert Upload.objects.get(reingest=True).status == Upload.Status.REPLACED

    page.goto(bookmark)
    assert page.locator("h1").inner_text().startswith("Thema 2")


@pytest.mark.parametrize("width", [1280, 320])
def test_empty_spil_shows_first_steps_by_keyboard(browser, live_server, browser_user, width):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.goto("/account/inloggen/")
    assert "spil init" not in page.content()
    log_in(page)
    page.get_by_role("heading", name="Eerste stappen").wait_for()
    assert page.get_by_label(SEARCH_LABEL).count() == 0
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"startpagina schuift horizontaal bij {width}px"
    assert_accessible(page, f"lege startpagina ({width}px)")
    page.locator("#inhoud").focus()
    _tab_to(page, "Documenten toevoegen in de bibliotheek")
    page.keyboard.press("Enter")
    page.wait_for_url("**/bibliotheek/")
    context.close()


def test_upload_progress_is_announced_and_counts_agree(logged_in_page, browser_user):
    from spil.kennis.models import Document, Upload
    from tests.web.library import NOTITIE

    page = logged_in_page
    first, second = (
        Upload.objects.create(owner=browser_user, filename=name, data=b"# T", size_bytes=3)
        for name in ["een.md", "twee.md"]
    )
    page.goto("/bibliotheek/")
    live = page.locator("#upload-voortgang")
    assert live.get_attribute("aria-live") == "polite"
    assert live.get_attribute("role") == "status"
    page.wait_for_function(
        "() => document.querySelector('#upload-voortgang').textContent"
        " === 'Bezig met inlezen: 0 van 2 bestanden klaar.'"
    )
    Upload.objects.filter(pk=first.pk).update(status=Upload.Status.ADDED)
    page.wait_for_function(
        "() => document.querySelector('#upload-voortgang').textContent"
        " === 'Bezig met inlezen: 1 van 2 bestanden klaar.'"
    )
    Upload.objects.filter(pk=second.pk).update(
        status=Upload.Status.ERROR, message="twee.md: kapot."
    )
    # The page reloads to show the new documents, and says there that all is done.
    page.wait_for_function(
        "() => document.querySelector('#upload-voortgang').textContent"
        " === 'Klaar met inlezen: 2 bestanden, 1 met een fout.'"
    )

    # One document, one count of "onderdelen", the same on every page; 1 is singular.
    document = ingest()
    ingest(NOTITIE, "notitie.md")
    sections = document.sections.count()
    page.goto("/bibliotheek/")
    row = page.locator("tr", has_text="werkboek.md")
    assert str(sections) in row.inner_text().split()
    # Removing a shared document is the bibliotheekbeheerder's (the platform's access policy).
    from spil.accounts.services import role_grant

    role_grant(actor=None, user=browser_user, role="bibliotheekbeheerder")
    page.goto(f"/bibliotheek/{document.id}/verwijderen/")
    assert f"Alle {sections} onderdelen" in page.locator("main").inner_text()
    page.goto("/")
    assert Document.objects.count() == 2
    assert "(1 onderdelen)" not in page.content()
    assert_accessible(page, "start met twee documenten")


@pytest.mark.parametrize("width", [1280, 320])
def test_mirror_period_navigation_by_keyboard(browser, live_server, browser_user, width):
    from spil.agenda.services import agenda_import
    from tests.agenda.calendars import BEEKDAL_Q1

    agenda_import(owner=browser_user, filename="Agenda.ics", data=BEEKDAL_Q1)
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    log_in(page)
    page.goto("/agenda/?van=2025-02-01&tot=2025-02-28")
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"spiegel schuift horizontaal bij {width}px"
    assert_accessible(page, f"spiegel met periodenavigatie ({width}px)")

    page.locator("#inhoud").focus()
    _tab_to(page, "← Vorige maand (1 januari 2025 tot en met 31 januari 2025)")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"van=2025-01-01&tot=2025-01-31"))
    assert "1 januari 2025 tot en met 31 januari 2025" in page.locator("#totaal-kop").inner_text()

    _tab_to(page, "kwartaal")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"van=2025-01-01&tot=2025-03-31"))
    page.go_back()
    page.wait_for_url(re.compile(r"van=2025-01-01&tot=2025-01-31"))
    page.get_by_role("link", name="afgelopen 12 maanden", exact=True).click()
    page.wait_for_url(re.compile(r"van=\d{4}-\d\d-\d\d&tot=\d{4}-\d\d-\d\d"))
    context.close()


def _appointments_of_a_year(owner) -> None:
    """About 60 appointments over the last months, so the list has more than one page."""
    from datetime import timedelta

    from django.utils import timezone

    from spil.agenda.services import agenda_import
    from tests.agenda.calendars import event, ics

    today = timezone.localdate()
    events = []
    for n in range(60):
        day = today - timedelta(days=2 * n + 1)
        stamp = day.strftime("%Y%m%d")
        title = "Overleg woningcorporatie" if n % 10 == 0 else f"Werkoverleg team {n}"
        events.append(event(f"a{n}@beekdal", title, f"{stamp}T100000", f"{stamp}T110000"))
    agenda_import(owner=owner, filename="Agenda.ics", data=ics(*events))


@pytest.mark.parametrize("width", [1280, 320])
def test_correcting_several_appointments_by_keyboard(browser, live_server, browser_user, width):
    from spil.agenda.models import Afspraak

    _appointments_of_a_year(browser_user)
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    log_in(page)
    page.goto("/agenda/afspraken/")
    # The current period, newest first.
    dates = page.locator("tbody time").evaluate_all("els => els.map(e => e.dateTime)")
    assert dates == sorted(dates, reverse=True)
    assert page.get_by_label("Van").input_value()
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"afspraken schuiven horizontaal bij {width}px"
    assert page.get_by_label("Nieuw domein").is_visible()
    assert_accessible(page, f"afspraken kiezen ({width}px)")

    # Search by title, tick every match by keyboard, put them in one domain at once.
    page.get_by_label("Onderwerp bevat").fill("woningcorporatie")
    page.get_by_label("Onderwerp bevat").press("Enter")
    page.wait_for_url(re.compile(r"zoek=woningcorporatie"))
    boxes = page.locator("tbody input[type=checkbox]")
    count = boxes.count()
    assert count >= 3
    boxes.first.focus()
    for index in range(count):
        page.keyboard.press("Space")
        if index < count - 1:
            page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("Or")  # select "Organisatie" in the focused domain list by typing
    assert page.get_by_label("Nieuw domein").input_value() == "organisatie"
    _tab_to(page, "Gekozen afspraken indelen")
    page.keyboard.press("Enter")
    page.get_by_text(f"{count} afspraken ingedeeld bij organisatie").wait_for()
    # Back in the same place: the panel, with the search still applied.
    assert page.url.endswith("#indelen") and "zoek=woningcorporatie" in page.url
    in_view = page.evaluate(
        "() => { const r = document.getElementById('indelen').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }"
    )
    assert in_view
    assert (
        Afspraak.objects.filter(
            onderwerp__contains="woningcorporatie", domein="organisatie"
        ).count()
        == count
    )
    assert_accessible(page, f"afspraken na indelen ({width}px)")
    context.close()


def test_correcting_several_appointments_without_javascript(browser, live_server, browser_user):
    from spil.agenda.models import Afspraak

    _appointments_of_a_year(browser_user)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    log_in(page)
    page.goto("/agenda/afspraken/?zoek=Werkoverleg+team+1")
    page.locator("tbody input[type=checkbox]").first.check()
    page.locator("tbody input[type=checkbox]").nth(1).check()
    page.get_by_label("Nieuw domein").select_option("college")
    page.get_by_role("button", name="Gekozen afspraken indelen").click()
    page.get_by_text("2 afspraken ingedeeld bij college").wait_for()
    assert "zoek=Werkoverleg" in page.url and page.url.endswith("#indelen")
    assert Afspraak.objects.filter(domein="college").count() >= 2
    context.close()


def _hidden(page, selector: str) -> bool:
    return page.evaluate(
        "(s) => [...document.querySelectorAll(s)]"
        ".every(e => getComputedStyle(e).display === 'none')",
        selector,
    )


def test_theme_and_mirror_print_cleanly_and_tables_download(logged_in_page, browser_user):
    from spil.agenda.services import agenda_import
    from spil.kennis.models import Unit
    from tests.agenda.calendars import BEEKDAL_Q1

    ingest()
    agenda_import(owner=browser_user, filename="Agenda.ics", data=BEEKDAL_Q1)
    page = logged_in_page
    theme = Unit.objects.get(theme_number=2)
    page.goto(f"/themas/{theme.id}/")
    page.emulate_media(media="print")
    assert _hidden(page, ".spil-header nav") and _hidden(page, ".spil-logout")
    assert page.locator("h1").is_visible()
    assert page.locator(".spil-citation__text").is_visible()

    page.goto("/agenda/?van=2025-01-06&tot=2025-02-28")
    assert _hidden(page, ".spil-header nav") and _hidden(page, ".spil-filters")
    assert _hidden(page, ".spil-period-nav") and _hidden(page, ".spil-subnav")
    breaks = page.evaluate(
        "() => [...document.querySelectorAll('main > .spil-section')]"
        ".map(s => getComputedStyle(s).breakBefore)"
    )
    assert breaks[0] != "page" and set(breaks[1:]) == {"page"}
    kept = page.evaluate(
        "() => [...document.querySelectorAll('main figure, main table')]"
        ".map(e => getComputedStyle(e).breakInside)"
    )
    assert kept and set(kept) == {"avoid-page"}
    page.emulate_media(media="screen")

    # Download the weekly table by keyboard.
    link = page.locator(".spil-csv-link a", has_text="per week")
    link.focus()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    content = Path(download.path()).read_text(encoding="utf-8-sig")
    assert content.startswith("Week;Van;Tot en met;College")
    assert_accessible(page, "spiegel met CSV-links")
