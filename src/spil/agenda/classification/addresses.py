"""Mail domains: the user's own, and public providers that say nothing about an organisation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..parsed import Occurrence

# Mail providers whose addresses say nothing about an organisation.
PUBLIC_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.nl",
        "outlook.com",
        "outlook.nl",
        "live.nl",
        "live.com",
        "icloud.com",
        "me.com",
        "yahoo.com",
        "ziggo.nl",
        "kpnmail.nl",
        "planet.nl",
        "home.nl",
        "xs4all.nl",
        "telfort.nl",
        "proton.me",
        "protonmail.com",
    }
)


def mail_domain(address: str) -> str:
    if "@" not in address:
        return ""
    return address.rsplit("@", 1)[1].strip().strip(">").lower()


def is_own_domain(domain: str, own_domains: Iterable[str]) -> bool:
    return any(domain == own or domain.endswith("." + own) for own in own_domains)


def infer_own_domains(occurrences: Iterable[Occurrence]) -> list[str]:
    """The user's own mail domain: the organiser's domain that occurs most, else the most
    frequent attendee domain. Public mail providers do not count."""
    organizers: Counter[str] = Counter()
    attendees: Counter[str] = Counter()
    for occurrence in occurrences:
        domain = mail_domain(occurrence.organizer)
        if domain and domain not in PUBLIC_MAIL_DOMAINS:
            organizers[domain] += 1
        for address in occurrence.attendees:
            domain = mail_domain(address)
            if domain and domain not in PUBLIC_MAIL_DOMAINS:
                attendees[domain] += 1
    counter = organizers or attendees
    if not counter:
        return []
    return [counter.most_common(1)[0][0]]
