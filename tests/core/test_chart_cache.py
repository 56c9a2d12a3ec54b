"""The cache of rendered charts and page parts: the memory each worker keeps in front of the
shared cache, and the code fingerprint in the mirror's keys."""

from __future__ import annotations

import os
import threading

import pytest
from django.core.cache import cache

from spil.core import chart_cache
from spil.core.chart_cache import _LocalEntries, cached_for_owner, chart_version_bump, code_revision


def test_local_entries_keep_the_most_recently_used_within_their_size():
    local = _LocalEntries(max_chars=10)
    local.put("a", "xxxx")
    local.put("b", "yyyy")
    assert local.get("a") == "xxxx"  # now "b" is the least recently used
    local.put("c", ("zz", "zz"))
    assert local.get("b") is None
    assert local.get("a") == "xxxx" and local.get("c") == ("zz", "zz")
    assert local.chars <= 10


def test_a_value_larger_than_the_local_memory_is_not_kept():
    local = _LocalEntries(max_chars=3)
    local.put("groot", "abcd")
    assert local.get("groot") is None and local.chars == 0


def test_code_revision_changes_when_a_template_changes(tmp_path):
    template = tmp_path / "templates" / "pagina.html"
    template.parent.mkdir()
    template.write_text("<p>{{ a }}</p>", encoding="utf-8")
    (tmp_path / "notities.txt").write_text("telt niet", encoding="utf-8")
    before = code_revision(str(tmp_path))
    assert code_revision(str(tmp_path)) == before
    (tmp_path / "notities.txt").write_text("telt nog steeds niet", encoding="utf-8")
    code_revision.cache_clear()
    assert code_revision(str(tmp_path)) == before
    template.write_text("<p>{{ a }} en {{ b }}</p>", encoding="utf-8")
    os.utime(template, ns=(1, 1))
    code_revision.cache_clear()
    assert code_revision(str(tmp_path)) != before


@pytest.fixture
def empty_cache():
    cache.clear()
    chart_cache._local.clear()
    yield
    cache.clear()
    chart_cache._local.clear()


def test_cached_for_owner_renders_once_per_version_and_then_reads_only_the_version(
    empty_cache, monkeypatch
):
    drawn = []
    asked = []
    shared_get = cache.get
    monkeypatch.setattr(
        chart_cache.cache,
        "get",
        lambda key, *a, **kw: asked.append(key) or shared_get(key, *a, **kw),
    )

    def value() -> str:
        return cached_for_owner(
            scope="proef",
            kind="deel",
            owner_id=7,
            parts=("2025-01-01", "2025-03-31"),
            render=lambda: drawn.append(1) or f"versie {len(drawn)}",
        )

    assert value() == "versie 1"
    asked.clear()
    assert value() == "versie 1"
    # From this process's memory: only the (small) version came from the shared cache.
    assert asked == ["spil:grafiekversie:proef:7"]
    chart_version_bump(scope="proef", owner_id=7)
    assert value() == "versie 2"
    assert len(drawn) == 2


def test_threads_asking_for_the_same_entry_render_it_once(empty_cache):
    started, finish = threading.Event(), threading.Event()
    drawn = []

    def render() -> str:
        drawn.append(1)
        started.set()
        finish.wait(5)
        return "getekend"

    def ask(out: list) -> None:
        out.append(
            cached_for_owner(
                scope="proef", kind="deel", owner_id=8, parts=("zelfde",), render=render
            )
        )

    results: list[str] = []
    first = threading.Thread(target=ask, args=(results,))
    first.start()
    assert started.wait(5)
    second = threading.Thread(target=ask, args=(results,))
    second.start()
    second.join(0.2)  # the second is waiting for the first, not drawing
    finish.set()
    first.join(5)
    second.join(5)
    assert results == ["getekend", "getekend"]
    assert len(drawn) == 1
    assert not chart_cache._render_locks
