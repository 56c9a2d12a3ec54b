"""Rendered charts and page parts in Django's cache, per owner, period and data version.

Rendering a Vega-Lite chart to SVG costs ~50 ms, a mirror page's analysis and tables ~25 ms,
more than the rest of a page. The cache is configured in conf/base.py (files under
SPIL_DATA_DIR/cache, shared by every gunicorn worker; SPIL_CACHE_URL replaces it). An app
bumps an owner's version with `chart_version_bump` whenever the data behind that owner's
charts and pages changes; older entries are then never read again and expire after
CHART_CACHE_SECONDS.

Every key holds the owner's id and data version, so an entry is never served to another
owner, nor after a change. Because an entry under one version never changes, each worker
process also keeps recently used entries in memory (`_LocalEntries`): a hit then costs one
small read of the version from the shared cache instead of reading and unpickling a page.
"""

from __future__ import annotations

import hashlib
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache as once
from pathlib import Path
from typing import Any

from django.core.cache import cache
from django.db import transaction

# A day: versions make stale entries unreachable; this only bounds the space they take.
CHART_CACHE_SECONDS = 24 * 3600
# What one worker process keeps in memory (characters of cached text).
LOCAL_CACHE_CHARS = 32 * 1024 * 1024


def _version_key(scope: str, owner_id: int) -> str:
    return f"spil:grafiekversie:{scope}:{owner_id}"


def chart_version(*, scope: str, owner_id: int) -> str:
    """The current data version of one owner's charts in one app (`scope`)."""
    key = _version_key(scope, owner_id)
    version = cache.get(key)
    if version is None:
        version = uuid.uuid4().hex
        # add, not set: two workers that both find none agree on the first one written.
        if not cache.add(key, version, None):
            version = cache.get(key) or version
    return version


def chart_version_bump(*, scope: str, owner_id: int) -> None:
    """The owner's data changed: every chart cached for the old version is stale.

    Bumped at once and again when the surrounding transaction commits: a request that read
    the new version while the change was not yet committed may have cached the old data
    under it; the second bump makes that entry unreachable too."""
    key = _version_key(scope, owner_id)
    cache.set(key, uuid.uuid4().hex, None)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: cache.set(key, uuid.uuid4().hex, None))


class _LocalEntries:
    """Least recently used cache entries of this process, bounded by their total length.
    Only for values that never change under their key (the key holds the data version)."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self.chars = 0
        self.entries: OrderedDict[str, tuple[Any, int]] = OrderedDict()
        self.lock = threading.Lock()  # gthread workers serve requests in several threads

    def get(self, key: str) -> Any | None:
        with self.lock:
            found = self.entries.get(key)
            if found is None:
                return None
            self.entries.move_to_end(key)
            return found[0]

    def put(self, key: str, value: Any) -> None:
        size = _chars(value)
        if size > self.max_chars:
            return
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = (value, size)
            self.chars += size
            while self.chars > self.max_chars:
                _key, (_value, dropped) = self.entries.popitem(last=False)
                self.chars -= dropped

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.chars = 0


def _chars(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, tuple | list):
        return sum(_chars(v) for v in value) + 1
    if isinstance(value, dict):
        return sum(_chars(v) for v in value.values()) + 1
    return 1


_local = _LocalEntries(LOCAL_CACHE_CHARS)


@once
def code_revision(package_dir: str) -> str:
    """A fingerprint of the code and templates under `package_dir` (names, sizes, times),
    read once per process: the file cache outlives an upgrade, and a page part rendered by
    older code must not be served by newer code."""
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted(Path(package_dir).rglob("*")):
        if path.suffix in {".py", ".html"} and path.is_file():
            stat = path.stat()
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def cached_for_owner(
    *, scope: str, kind: str, owner_id: int, parts: tuple, render: Callable[[], Any]
) -> Any:
    """`render()`, cached per scope, kind, owner, `parts` (the period and anything else the
    value depends on) and the owner's data version. The value must be picklable and must not
    be changed by the caller (the same object is handed to later requests of this process)."""
    version = chart_version(scope=scope, owner_id=owner_id)
    detail = hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()
    key = f"spil:grafiek:{scope}:{kind}:{owner_id}:{version}:{detail}"
    value = _local.get(key)
    if value is not None:
        return value
    # One thread of this process renders; others asking for the same key meanwhile (several
    # tabs right after an import) wait for it instead of rendering it again.
    with _rendering(key):
        value = _local.get(key)
        if value is not None:
            return value
        value = cache.get(key)
        if value is None:
            value = render()
            cache.set(key, value, CHART_CACHE_SECONDS)
        _local.put(key, value)
    return value


_render_locks: dict[str, list] = {}  # key -> [lock, number of threads using it]
_render_locks_guard = threading.Lock()


@contextmanager
def _rendering(key: str) -> Iterator[None]:
    with _render_locks_guard:
        entry = _render_locks.setdefault(key, [threading.Lock(), 0])
        entry[1] += 1
    try:
        with entry[0]:
            yield
    finally:
        with _render_locks_guard:
            entry[1] -= 1
            if not entry[1]:
                del _render_locks[key]


def cached_chart(
    *, scope: str, kind: str, owner_id: int, parts: tuple, render: Callable[[], str]
) -> str:
    """`render()` (an SVG data URI or SVG text), cached as `cached_for_owner` does."""
    return cached_for_owner(scope=scope, kind=kind, owner_id=owner_id, parts=parts, render=render)
