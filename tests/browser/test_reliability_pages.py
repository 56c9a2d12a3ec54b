"""Issue 14 in a real browser: the library's notice when background work is not running, and
a long section read in parts (keyboard, axe)."""

from __future__ import annotations

import pytest

from spil.kennis.services import document_ingest
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


def test_library_says_when_background_work_is_not_running(logged_in_page, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.DATA_DIR = tmp_path  # no heartbeat there: the worker is not running
    page = logged_in_page
    page.goto("/bibliotheek/")
    notice = page.locator(".utrecht-alert", has_text="De achtergrondverwerking draait niet")
    notice.wait_for()
    assert_accessible(page, "bibliotheek zonder achtergrondverwerking")


def test_a_huge_section_is_read_in_parts(logged_in_page):
    body = " ".join(f"Alinea-zin {n} over de gemeenteraad en het college." for n in range(30_000))
    html = f"<html><body><h1>Een enorm stuk</h1><p>{body}</p></body></html>".encode()
    document = document_ingest(data=html, filename="enorm.html").document
    top = document.sections.order_by("position").first()
    page = logged_in_page
    page.goto(f"/documenten/{document.id}/onderdelen/{top.id}/")
    assert_accessible(page, "lang onderdeel, deel 1")
    link = page.get_by_role("link", name="Volgend deel (2 van")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**?deel=2")
    assert page.get_by_role("heading", level=1).count() == 1
    assert "deel 2 van" in page.get_by_role("heading", level=1).inner_text()
    assert_accessible(page, "lang onderdeel, deel 2")
