"""The scenario's records, as the loader builds them from a YAML file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# Each state variable runs from 0 to 100; a scenario must keep every path inside that range.
STATE_MIN, STATE_MAX = 0, 100


@dataclass(frozen=True)
class Variabele:
    id: str
    label: str
    start: int
    line: int = 0


@dataclass(frozen=True)
class Profiel:
    id: str
    naam: str
    beschrijving: str
    line: int = 0


@dataclass(frozen=True)
class Adviseur:
    id: str
    naam: str
    functie: str
    line: int = 0


@dataclass(frozen=True)
class Advies:
    adviseur: str
    tekst: str
    line: int = 0


@dataclass(frozen=True)
class Themaverwijzing:
    thema: int
    line: int = 0


@dataclass(frozen=True)
class Keuze:
    id: str
    tekst: str
    gevolgen: Mapping[str, int]
    per_profiel: Mapping[str, Mapping[str, int]]
    volgende: str | None
    einde: str | None
    nieuws: str
    themas: tuple[Themaverwijzing, ...]
    aspect: str
    uitleggen: bool
    alleen_bij: tuple[str, ...]
    rol: str
    line: int = 0

    def effects(self, profiel: str) -> dict[str, int]:
        """The state change of this choice in a municipality with this profile."""
        total = dict(self.gevolgen)
        for key, delta in self.per_profiel.get(profiel, {}).items():
            total[key] = total.get(key, 0) + delta
        return total

    def available(self, profiel: str) -> bool:
        return not self.alleen_bij or profiel in self.alleen_bij


@dataclass(frozen=True)
class Situatie:
    id: str
    titel: str
    tekst: str
    per_profiel: Mapping[str, str]
    adviezen: tuple[Advies, ...]
    keuzes: tuple[Keuze, ...]
    seconden: int | None
    line: int = 0

    def text_for(self, profiel: str) -> str:
        extra = self.per_profiel.get(profiel)
        return f"{self.tekst}\n\n{extra}" if extra else self.tekst

    def choices_for(self, profiel: str) -> list[Keuze]:
        return [k for k in self.keuzes if k.available(profiel)]


@dataclass(frozen=True)
class Einde:
    id: str
    titel: str
    tekst: str
    line: int = 0


@dataclass(frozen=True)
class Rol:
    id: str
    naam: str
    briefing: str
    line: int = 0


@dataclass(frozen=True)
class Scenario:
    id: str
    titel: str
    samenvatting: str
    gemeente: str
    variabelen: tuple[Variabele, ...]
    profielen: tuple[Profiel, ...]
    adviseurs: tuple[Adviseur, ...]
    rollen: tuple[Rol, ...]
    start: str
    situaties: Mapping[str, Situatie]
    eindes: Mapping[str, Einde]
    agenda_trefwoorden: tuple[str, ...] = ()
    minuten: int = 15
    source: str = ""
    line_of: Mapping[str, int] = field(default_factory=dict)

    def variable(self, var_id: str) -> Variabele:
        return next(v for v in self.variabelen if v.id == var_id)

    def start_state(self) -> dict[str, int]:
        return {v.id: v.start for v in self.variabelen}

    def adviseur(self, adviseur_id: str) -> Adviseur | None:
        return next((a for a in self.adviseurs if a.id == adviseur_id), None)
