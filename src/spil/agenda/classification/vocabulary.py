"""The domains, why an appointment is in one, and the user's corrections."""

from __future__ import annotations

from dataclasses import dataclass, field

DOMAINS = ("college", "organisatie", "omgeving", "overig")
WORK_DOMAINS = ("college", "organisatie", "omgeving")
DOMAIN_LABELS = {
    "college": "College",
    "organisatie": "Organisatie",
    "omgeving": "Omgeving",
    "overig": "Overig",
}
# Ties between rules go to the first domain here: an appointment that names both a partner and
# a wethouder is still an external contact.
_TIE_ORDER = ("omgeving", "college", "organisatie", "overig")

SOURCE_LABELS = {
    "correctie": "eigen correctie",
    "categorie": "categorie",
    "deelnemers": "deelnemers",
    "regel": "onderwerp",
    "model": "geleerd",
    "standaard": "standaard",
}


@dataclass(frozen=True)
class Classification:
    domain: str
    reason: str
    source: str
    personal: bool = False


@dataclass
class Corrections:
    """The user's corrections, by scope. Values are domains."""

    occurrence: dict[tuple[str, str], str] = field(default_factory=dict)
    series: dict[str, str] = field(default_factory=dict)
    title: dict[str, str] = field(default_factory=dict)
