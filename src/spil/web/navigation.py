"""The main navigation. Later apps (agenda, netwerk, ...) add their entry to NAV_ITEMS."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    # Paths starting with one of these mark the item as the current page.
    prefixes: tuple[str, ...]


NAV_ITEMS: list[NavItem] = [
    NavItem("Start", "web:start", ("/",)),
    NavItem("Bibliotheek", "kennis:library", ("/bibliotheek/", "/documenten/", "/themas/")),
    NavItem("Zoeken", "kennis:search", ("/zoeken/",)),
    NavItem("Agenda-spiegel", "agenda:spiegel", ("/agenda/",)),
]


def nav_current(*, path: str) -> NavItem | None:
    """The item whose longest prefix matches the path; "/" only matches the start page itself."""
    best: tuple[int, NavItem] | None = None
    for item in NAV_ITEMS:
        for prefix in item.prefixes:
            matches = path == prefix if prefix == "/" else path.startswith(prefix)
            if matches and (best is None or len(prefix) > best[0]):
                best = (len(prefix), item)
    return best[1] if best else None
