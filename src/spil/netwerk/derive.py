"""From agenda occurrences to people, organisations and contact moments. Pure: no Django.

Used by the stored import (services) and by `spil netwerk analyse` (nothing stored), so both
see the same network.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from .rules import DomainProposal, mail_domain, meeting_form, propose

# More external people than this at one table is a congress or a mailing, not a meeting: its
# organisations still count, but no one becomes a person in the network.
MAX_PEOPLE_PER_MOMENT = 60


@dataclass(frozen=True)
class AgendaRecord:
    """What the network needs of one occurrence."""

    key: str  # UID + recurrence key
    start: datetime  # local
    end: datetime
    title: str
    location: str
    attendees: tuple[str, ...]
    organizer: str
    recurring: bool
    domain: str
    fingerprint: str = ""
    all_day: bool = False
    availability: str = "bezet"
    personal: bool = False


@dataclass
class DerivedContact:
    key: str
    day: date
    start: datetime
    minutes: int
    form: str
    form_reason: str
    title: str
    domain: str
    fingerprint: str
    people: tuple[str, ...]  # mail addresses
    domains: tuple[str, ...]  # external organisation domains


@dataclass
class Derived:
    proposals: dict[str, DomainProposal] = field(default_factory=dict)  # domain → proposal
    people: dict[str, tuple[str, str]] = field(default_factory=dict)  # mail → (name, domain)
    contacts: list[DerivedContact] = field(default_factory=list)
    without_address: int = 0  # attendees given by name only
    unreadable: int = 0  # attendee lines that are no mail address


def person_name(address: str) -> str:
    """A readable name from a mail address: "m.de-vries@x.nl" → "M. De Vries"."""
    local = address.split("@", 1)[0]
    parts = [p for p in re.split(r"[._\-+]", local) if p]
    if not parts:
        return address
    return " ".join(p.upper() + "." if len(p) == 1 else p.capitalize() for p in parts)


def derive(records: Iterable[AgendaRecord], own_domains: list[str] | tuple[str, ...]) -> Derived:
    """Every occurrence with at least one external attendee becomes a contact moment; each
    external mail domain an organisation (proposed by the rule list); each external address a
    person. The organiser is an attendee like the others, the user's own domain is intern."""
    own = tuple(d.lower() for d in own_domains)
    out = Derived()
    for own_domain in own:
        out.proposals[own_domain] = propose(own_domain, own)
    for record in records:
        addresses = []
        seen = set()
        for raw in (*record.attendees, record.organizer):
            if not raw:
                continue
            if "@" not in raw:
                out.without_address += 1
                continue
            domain = mail_domain(raw)
            if not domain:
                out.unreadable += 1
                continue
            address = raw.strip().strip("<>").lower().removeprefix("mailto:")
            if address in seen:
                continue
            seen.add(address)
            proposal = out.proposals.get(domain)
            if proposal is None:
                proposal = out.proposals[domain] = propose(domain, own)
            if not proposal.intern:
                addresses.append((address, domain))
        if not addresses:
            continue
        domains = tuple(sorted({d for _a, d in addresses}))
        people: tuple[str, ...] = ()
        if len(addresses) <= MAX_PEOPLE_PER_MOMENT:
            people = tuple(sorted(a for a, _d in addresses))
            for address, domain in addresses:
                out.people.setdefault(address, (person_name(address), domain))
        form, reason = meeting_form(
            title=record.title, location=record.location, recurring=record.recurring
        )
        out.contacts.append(
            DerivedContact(
                key=record.key,
                day=record.start.date(),
                start=record.start,
                minutes=max(0, int((record.end - record.start).total_seconds() // 60)),
                form=form,
                form_reason=reason,
                title=record.title,
                domain=record.domain,
                fingerprint=record.fingerprint,
                people=people,
                domains=domains,
            )
        )
    return out
