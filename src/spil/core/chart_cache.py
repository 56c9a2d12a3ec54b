"""Rendered charts in Django's cache, per owner, period and data version.

Rendering a Vega-Lite chart to SVG costs ~50 ms, more than the rest of a page. The cache is
configured in conf/base.py (files under SPIL_DATA_DIR/cache, shared by every gunicorn worker;
SPIL_CACHE_URL replaces it). An app bumps an owner's version with `chart_version_bump`
whenever the data behind that owner's charts changes; older entries are then never read again
and expire after CHART_CACHE_SECONDS.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable

from django.core.cache import cache

# A day: versions make stale entries unreachable; this only bounds the space they take.
CHART_CACHE_SECONDS = 24 * 3600


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
    """The owner's data changed: every chart cached for the old version is stale."""
    cache.set(_version_key(scope, owner_id), uuid.uuid4().hex, None)


def cached_chart(
    *, scope: str, kind: str, owner_id: int, parts: tuple, render: Callable[[], str]
) -> str:
    """`render()` (an SVG data URI or SVG text), cached per scope, chart kind, owner, `parts`
    (the period and anything else the chart depends on) and the owner's data version."""
    version = chart_version(scope=scope, owner_id=owner_id)
    detail = hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()
    key = f"spil:grafiek:{scope}:{kind}:{owner_id}:{version}:{detail}"
    value = cache.get(key)
    if value is None:
        value = render()
        cache.set(key, value, CHART_CACHE_SECONDS)
    return value
