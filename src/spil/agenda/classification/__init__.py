"""Which domain an appointment belongs to, and why.

Domains: college (bestuur: college, burgemeester, wethouders, raad, griffie), organisatie (the
civil service the secretary leads), omgeving (partners, region, other governments, inhabitants)
and overig (solo work, private, travel, leave, breaks; outside the three-way split).

Evidence, strongest first, and the first that decides wins:
1. the user's own correction: for this occurrence, for the whole series, for this title;
2. an Outlook category the user mapped to a domain (or a category named after a domain);
3. attendees: when at least half of them come from outside the user's own mail domains, the
   appointment is an external contact;
4. Dutch rules for titles (and, with less weight, locations) written for municipal calendars;
   a few rules only count for appointments without other attendees (lunch, preparing, focus);
5. a naive Bayes model trained on the titles the user corrected;
6. what is left: some external attendees -> omgeving; only colleagues -> organisatie; nobody
   else -> overig (own time).
"""

# Split along its jobs; every public name stays importable from spil.agenda.classification.
from .addresses import PUBLIC_MAIL_DOMAINS, infer_own_domains, is_own_domain, mail_domain
from .classifier import Classifier
from .learning import TitleModel
from .rules import BUILTIN_CATEGORIES, RULES, Rule
from .titles import normalise_title, title_tokens
from .vocabulary import (
    DOMAIN_LABELS,
    DOMAINS,
    SOURCE_LABELS,
    WORK_DOMAINS,
    Classification,
    Corrections,
)

__all__ = [
    "BUILTIN_CATEGORIES",
    "DOMAINS",
    "DOMAIN_LABELS",
    "PUBLIC_MAIL_DOMAINS",
    "RULES",
    "SOURCE_LABELS",
    "WORK_DOMAINS",
    "Classification",
    "Classifier",
    "Corrections",
    "Rule",
    "TitleModel",
    "infer_own_domains",
    "is_own_domain",
    "mail_domain",
    "normalise_title",
    "title_tokens",
]
