"""Semantic search in a real browser: the library's progress line and the no-answer page."""

from __future__ import annotations

import pytest

from spil.kennis.search import blending, embedding, vectors
from tests.browser.conftest import assert_accessible
from tests.kennis.search.conftest import WordHashModel
from tests.web.library import ingest

pytestmark = pytest.mark.browser


@pytest.fixture
def fake_vectors(monkeypatch):
    embedding.reset_for_tests(WordHashModel())
    vectors.cache_clear()
    # The threshold belongs to the real model's scale; the fake's similarities are lower.
    monkeypatch.setattr(blending, "PARAMETERS", blending.BlendParameters(answer_threshold=0.6))
    yield
    embedding.reset_for_tests(loaded=False)
    vectors.cache_clear()


def test_library_progress_and_no_theme_page(logged_in_page, fake_vectors):
    document = ingest()
    page = logged_in_page
    page.goto("/bibliotheek/")
    assert "semantisch zoeken: 0 van" in page.locator("#semantisch-zoeken").inner_text()
    vectors.document_vectors_build(document_id=document.id)
    page.goto("/bibliotheek/")
    text = page.locator("#semantisch-zoeken").inner_text()
    assert "onderdelen klaar" in text and "alleen op woorden" not in text
    assert_accessible(page, "bibliotheek met voortgang semantisch zoeken")

    page.goto("/zoeken/?q=college+appeltaart+recept+kaneel")
    assert page.locator("#resultaten-kop").inner_text() == "Geen thema over dit onderwerp"
    assert page.locator("#dichtstbij-kop").is_visible()
    assert page.locator(".spil-results__item").count() >= 1
    assert_accessible(page, "zoeken zonder passend thema")
    page.set_viewport_size({"width": 320, "height": 800})
    assert_accessible(page, "zoeken zonder passend thema, 320 px")
