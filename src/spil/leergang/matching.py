"""Fit between a municipality's vacancy and a candidate: pure, explained per criterion.

The vacancy profile answers six question areas (in Spil's own words, after the programme's
brochure): per area how much it weighs for this municipality (0–3) and how much the
secretary will need to bring (1–5). The candidate rates their own experience per area (1–5).

Per area the candidate earns the area's share of 100 points in full when their experience
reaches what the vacancy asks, and a quarter less for every step short. The parts are rounded
so that they add up exactly to the total shown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

GEBIEDEN: tuple[tuple[str, str, str], ...] = (
    (
        "ambitie",
        "Bestuurlijke ambitie",
        "Wat wil het bestuur de komende jaren bereiken?",
    ),
    (
        "organisatie",
        "Organisatie en verandervermogen",
        "Wat heeft de organisatie achter de rug en waar is ze aan toe?",
    ),
    (
        "opgaven",
        "Opgaven",
        "Komen er nieuwe taken, groeit de gemeente, of staat een fusie voor de deur?",
    ),
    (
        "verhoudingen",
        "Inwoners, bestuur en organisatie",
        "Hoe ontwikkelen de verhoudingen zich, en hoe zichtbaar moet de secretaris buiten zijn?",
    ),
    (
        "gevoelig",
        "Gevoelige dossiers en communicatie",
        "Welke dossiers liggen gevoelig, en verandert de manier van communiceren?",
    ),
    (
        "team",
        "Het team om de secretaris heen",
        "Met welke mensen gaat de secretaris werken, en welke kwaliteiten vraagt dat?",
    ),
)
GEBIED_KEYS = tuple(key for key, _label, _vraag in GEBIEDEN)
LABELS = {key: label for key, label, _vraag in GEBIEDEN}


class ProfielError(ValueError):
    """A profile value out of range; the message is Dutch and names the area."""


@dataclass(frozen=True)
class Onderdeel:
    gebied: str
    label: str
    gewicht: int
    gevraagd: int
    ervaring: int
    punten: int
    maximum: int
    uitleg: str


@dataclass(frozen=True)
class Passing:
    totaal: int
    onderdelen: tuple[Onderdeel, ...]


def _level(raw: Mapping[str, Any], key: str, lo: int, hi: int, where: str) -> int:
    value = raw.get(key, lo)
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ProfielError(f"{where}: '{key}' moet een heel getal van {lo} tot {hi} zijn.")
    return value


def _largest_remainder(exact: list[float], total: int) -> list[int]:
    floors = [math.floor(x) for x in exact]
    short = total - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: exact[i] - floors[i], reverse=True)
    for i in order[:short]:
        floors[i] += 1
    return floors


def fit_score(vacature: Mapping[str, Any], kandidaat: Mapping[str, Any]) -> Passing:
    """The fit (0–100) and its parts per area; parts add up to the total."""
    weights, asked, have = {}, {}, {}
    for key in GEBIED_KEYS:
        v = vacature.get(key) or {}
        k = kandidaat.get(key) or {}
        weights[key] = _level(v, "gewicht", 0, 3, f"vacature, {LABELS[key]}")
        asked[key] = _level(v, "niveau", 1, 5, f"vacature, {LABELS[key]}")
        have[key] = _level(k, "niveau", 1, 5, f"kandidaat, {LABELS[key]}")
    weight_sum = sum(weights.values())
    if weight_sum == 0:
        maxima = [0.0] * len(GEBIED_KEYS)
    else:
        maxima = [100 * weights[k] / weight_sum for k in GEBIED_KEYS]
    fractions = [max(0.0, 1 - max(0, asked[k] - have[k]) / 4) for k in GEBIED_KEYS]
    exact = [m * f for m, f in zip(maxima, fractions, strict=True)]
    total = round(sum(exact))
    points = _largest_remainder(exact, total)
    max_points = _largest_remainder(maxima, round(sum(maxima)))
    parts = []
    for i, key in enumerate(GEBIED_KEYS):
        short = asked[key] - have[key]
        if weights[key] == 0:
            uitleg = "telt voor deze gemeente niet mee"
        elif short <= 0:
            uitleg = f"ervaring {have[key]} haalt het gevraagde niveau {asked[key]}: alle punten"
        else:
            uitleg = (
                f"ervaring {have[key]}, gevraagd {asked[key]}: {short} "
                f"{'stap' if short == 1 else 'stappen'} te kort, "
                f"{min(100, 25 * short)}% minder"
            )
        parts.append(
            Onderdeel(
                gebied=key,
                label=LABELS[key],
                gewicht=weights[key],
                gevraagd=asked[key],
                ervaring=have[key],
                punten=points[i],
                maximum=max_points[i],
                uitleg=uitleg,
            )
        )
    return Passing(totaal=total, onderdelen=tuple(parts))
