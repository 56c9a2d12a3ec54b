"""The language mirror (no Django): how you write about your organisation in your own entries.

Counts first-person plural ("wij", "we", "ons", "onze") against third-person plural ("zij",
"ze", "hun", "hen") and the words put before "organisatie" ("onze organisatie" versus "de" or
"die organisatie"). A count, not a verdict: "ze" is also a singular "she", "we" can mean the
college, and a quoted sentence counts like your own. Off unless the user switches it on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

WIJ = frozenset({"wij", "we", "ons", "onze"})
ZIJ = frozenset({"zij", "ze", "hun", "hen"})
ORGANISATIE = re.compile(r"\b(mijn|onze|de|die|deze|jullie|hun)\s+(?:ambtelijke\s+)?organisatie\b")
WORD = re.compile(r"[a-zà-ÿ]+")


@dataclass(frozen=True)
class Taalspiegel:
    wij: int
    zij: int
    organisatie: dict[str, int]
    teksten: int

    @property
    def wij_aandeel(self) -> float | None:
        total = self.wij + self.zij
        return round(self.wij / total, 3) if total else None

    def samenvatting(self) -> str:
        if self.wij_aandeel is None:
            return "In je reflecties staan nog geen woorden als 'wij' of 'zij'."
        text = (
            f"In {self.teksten} reflecties schreef je {self.wij} keer 'wij/ons' en {self.zij} keer "
            f"'zij/hun' ({self.wij_aandeel * 100:.0f}% wij)"
        )
        if self.organisatie:
            most = max(self.organisatie, key=lambda k: (self.organisatie[k], k))
            text += f"; over je organisatie meestal '{most} organisatie'"
        return text + "."


def taalspiegel(texts: Iterable[str]) -> Taalspiegel:
    words: Counter[str] = Counter()
    organisatie: Counter[str] = Counter()
    count = 0
    for text in texts:
        lowered = text.lower()
        if not lowered.strip():
            continue
        count += 1
        words.update(WORD.findall(lowered))
        organisatie.update(m.group(1) for m in ORGANISATIE.finditer(lowered))
    return Taalspiegel(
        wij=sum(words[w] for w in WIJ),
        zij=sum(words[w] for w in ZIJ),
        organisatie=dict(organisatie),
        teksten=count,
    )
