"""The classifier: weighs the evidence, strongest first, and says why."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..parsed import Occurrence
from .addresses import is_own_domain, mail_domain
from .learning import TitleModel
from .rules import BUILTIN_CATEGORIES, RULES
from .titles import _MEETING, _whole_word, normalise_title
from .vocabulary import _TIE_ORDER, DOMAIN_LABELS, DOMAINS, Classification, Corrections


class Classifier:
    def __init__(
        self,
        *,
        own_domains: Iterable[str] = (),
        category_map: dict[str, str] | None = None,
        corrections: Corrections | None = None,
        model: TitleModel | None = None,
    ):
        self.own_domains = tuple(d.lower().strip().lstrip("@") for d in own_domains if d.strip())
        self.category_map = {**BUILTIN_CATEGORIES}
        for name, domain in (category_map or {}).items():
            if domain in DOMAINS:
                self.category_map[name.strip().lower()] = domain
        self.corrections = corrections or Corrections()
        self.model = model
        self._cache: dict[tuple, Classification] = {}

    def classify(self, occurrence: Occurrence) -> Classification:
        corrected = self._by_correction(occurrence)
        if corrected is not None:
            return corrected
        signature = (
            occurrence.title,
            occurrence.location,
            occurrence.categories,
            occurrence.attendees,
            occurrence.organizer,
            occurrence.private,
            occurrence.all_day,
            occurrence.availability,
        )
        cached = self._cache.get(signature)
        if cached is None:
            cached = self._classify_uncorrected(occurrence)
            self._cache[signature] = cached
        return cached

    def _by_correction(self, occurrence: Occurrence) -> Classification | None:
        domain = self.corrections.occurrence.get(occurrence.key)
        if domain:
            return Classification(domain, "Jouw correctie voor deze afspraak.", "correctie")
        domain = self.corrections.series.get(occurrence.uid)
        if domain:
            return Classification(domain, "Jouw correctie voor de hele reeks.", "correctie")
        domain = self.corrections.title.get(normalise_title(occurrence.title))
        if domain:
            return Classification(
                domain, "Jouw correctie voor alle afspraken met dit onderwerp.", "correctie"
            )
        return None

    def _classify_uncorrected(self, occurrence: Occurrence) -> Classification:
        for category in occurrence.categories:
            domain = self.category_map.get(category.strip().lower())
            if domain:
                return Classification(
                    domain,
                    f"Categorie ‘{category}’ hoort bij {DOMAIN_LABELS[domain].lower()}.",
                    "categorie",
                    personal=domain == "overig" and occurrence.private,
                )

        external, internal, unknown = self._split_attendees(occurrence)
        others = len(external) + len(internal) + unknown
        if external and len(external) * 2 >= len(external) + len(internal):
            domains = sorted({mail_domain(a) for a in external})
            return Classification(
                "omgeving",
                f"{len(external)} van de {len(external) + len(internal)} deelnemers komen van "
                f"buiten de eigen organisatie ({', '.join(domains[:3])}).",
                "deelnemers",
            )

        by_rules = self._by_rules(occurrence, solo=others == 0)
        if by_rules is not None:
            return by_rules

        if self.model is not None:
            predicted = self.model.predict(occurrence.title)
            if predicted is not None:
                domain, probability = predicted
                return Classification(
                    domain,
                    f"Lijkt op onderwerpen die je zelf bij {DOMAIN_LABELS[domain].lower()} "
                    f"indeelde ({round(probability * 100)}% zeker).",
                    "model",
                )

        if external:
            return Classification(
                "omgeving",
                f"Er zijn deelnemers van buiten de eigen organisatie "
                f"({', '.join(sorted({mail_domain(a) for a in external})[:3])}).",
                "deelnemers",
            )
        if internal:
            return Classification(
                "organisatie",
                "Alleen deelnemers uit de eigen organisatie en geen herkenbaar onderwerp.",
                "deelnemers",
            )
        if unknown:
            return Classification(
                "organisatie",
                "Met anderen, maar zonder herkenbaar onderwerp of mailadres.",
                "standaard",
            )
        if _MEETING.search(occurrence.title):
            return Classification(
                "organisatie",
                "Een overleg zonder deelnemerslijst en zonder herkenbaar domein: meestal de "
                "eigen organisatie.",
                "standaard",
            )
        return Classification(
            "overig",
            "Geen andere deelnemers en geen herkenbaar onderwerp: eigen tijd.",
            "standaard",
            personal=occurrence.private,
        )

    def _split_attendees(self, occurrence: Occurrence) -> tuple[list[str], list[str], int]:
        external, internal, unknown = [], [], 0
        organizer = occurrence.organizer.lower()
        for address in occurrence.attendees:
            if address == organizer:
                continue
            domain = mail_domain(address)
            if not domain:
                unknown += 1
            elif self.own_domains and is_own_domain(domain, self.own_domains):
                internal.append(address)
            elif not self.own_domains:
                unknown += 1
            else:
                external.append(address)
        return external, internal, unknown

    def _by_rules(self, occurrence: Occurrence, *, solo: bool) -> Classification | None:
        scores: dict[str, float] = defaultdict(float)
        fired: dict[str, set[str]] = defaultdict(set)  # rule labels, to count each rule once
        words: dict[str, list[str]] = defaultdict(list)  # what the user sees: matched text
        marks: dict[str, list[str]] = defaultdict(list)  # calendar flags that counted
        personal = False
        for text, factor, where in (
            (occurrence.title, 1.0, words),
            (occurrence.location, 0.5, words),
        ):
            if not text:
                continue
            for rule in RULES:
                if rule.solo_only and not solo:
                    continue
                if rule.label in fired[rule.domain]:
                    continue
                match = rule.pattern.search(text)
                if match:
                    scores[rule.domain] += rule.weight * factor
                    fired[rule.domain].add(rule.label)
                    where[rule.domain].append(_whole_word(text, match))
                    personal = personal or (rule.personal and factor == 1.0)
        if occurrence.availability == "afwezig":
            scores["overig"] += 3.0 if occurrence.all_day else 1.5
            marks["overig"].append("als afwezig gemarkeerd")
            personal = True
        if occurrence.private and solo:
            scores["overig"] += 1.5
            marks["overig"].append("privé")
        if not scores:
            return None
        best = max(_TIE_ORDER, key=lambda d: (scores.get(d, 0.0), -_TIE_ORDER.index(d)))
        parts = []
        if words[best]:
            quoted = ", ".join(f"‘{w}’" for w in dict.fromkeys(words[best][:3]))
            parts.append(f"onderwerp of locatie noemt {quoted}")
        parts.extend(marks[best])
        return Classification(
            best,
            f"{DOMAIN_LABELS[best]}: {'; '.join(parts)}.",
            "regel",
            personal=best == "overig" and (personal or occurrence.private),
        )
