"""The main navigation: the items apps register in `spil.core.registry.navigation`."""

from __future__ import annotations

from spil.core.registry import NavItem, navigation


def nav_items(*, user=None) -> list[NavItem]:
    """The registered items this user may see, in their registered order."""
    return [
        item
        for item in navigation
        if item.permission is None or (user is not None and user.has_perm(item.permission))
    ]


def nav_current(*, path: str, items: list[NavItem] | None = None) -> NavItem | None:
    """The item whose longest prefix matches the path; "/" only matches the start page itself."""
    best: tuple[int, NavItem] | None = None
    for item in navigation if items is None else items:
        for prefix in item.prefixes:
            matches = path == prefix if prefix == "/" else path.startswith(prefix)
            if matches and (best is None or len(prefix) > best[0]):
                best = (len(prefix), item)
    return best[1] if best else None
