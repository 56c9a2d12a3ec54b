"""Splitting Dutch compounds ("raadsvergadering" -> raad + vergadering).

A split is only accepted when every part is a known word: the vocabulary is a set of
stems (the words of the document being indexed, plus BASE_WORDS; at query time the terms
already in the index). Pyphen's hyphenation points decide between equally good splits.
"""

from __future__ import annotations

from collections.abc import Container
from functools import lru_cache

import pyphen

from spil.kennis.analysis.stemming import stem
from spil.kennis.analysis.stopwords import STOPWORDS
from spil.kennis.analysis.wordlists import words

MIN_PART = 4  # "wet" in "wethouder" is too short to be trusted as a part
MIN_COMPOUND = 2 * MIN_PART

# Common heads and tails of compounds in local government, so that short documents without
# the standalone word still split. Written for Spil.
BASE_WORDS = words(
    """
    raad college gemeente bestuur organisatie cultuur vergadering secretaris directeur
    directie team programma beleid werk relatie leider leiding plan dienst advies stuk
    agenda crisis ramp regio samenwerking begroting financien personeel verandering
    omgeving netwerk partner overleg wet huis burger inwoner project proces taak stelling
    functie positie opdracht verbetering bezuiniging informatie voorziening politiek
    verkiezing coalitie akkoord portefeuille houder fractie griffier ambt zaken tijd
    """
)
BASE_STEMS = frozenset(stem(word) for word in BASE_WORDS)

_HYPHENATOR = pyphen.Pyphen(lang="nl_NL")


@lru_cache(maxsize=50_000)
def _hyphen_points(word: str) -> frozenset[int]:
    return frozenset(_HYPHENATOR.positions(word))


def _head_variants(head: str) -> list[str]:
    """The head of a compound with and without its linking sound (raads-, gemeente-n-, ...)."""
    variants = [head]
    if head.endswith("s") and len(head) - 1 >= MIN_PART:
        variants.append(head[:-1])
    if head.endswith("en") and len(head) - 2 >= MIN_PART:
        variants.append(head[:-2])
    elif head.endswith("e") and len(head) - 1 >= MIN_PART:
        variants.append(head[:-1])
    return variants


# Endings that are also words ("lijk", "heid") but in a long word are a suffix:
# "tijdelijk" is no compound of "tijd" and "lijk".
SUFFIXES = words("lijk lijke heid heden schap baar bare loos loze ling lingen achtig isch ische")


def _is_word(part: str, vocabulary: Container[str]) -> bool:
    return len(part) >= MIN_PART and part not in STOPWORDS and stem(part) in vocabulary


def _is_tail(part: str, vocabulary: Container[str]) -> bool:
    return part not in SUFFIXES and _is_word(part, vocabulary)


def split_compound(word: str, vocabulary: Container[str], _depth: int = 0) -> list[str]:
    """The parts of a compound as stems (head first), or [] when `word` is no known compound."""
    if len(word) < MIN_COMPOUND or not word.isalpha() or _depth > 3:
        return []
    points = _hyphen_points(word)
    best: tuple[tuple, list[str], str] | None = None
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:i], word[i:]
        head_word = next((v for v in _head_variants(head) if _is_word(v, vocabulary)), None)
        if head_word is None:
            continue
        if _is_tail(tail, vocabulary):
            tail_parts = [stem(tail)]
        else:
            tail_parts = split_compound(tail, vocabulary, _depth + 1)
            if not tail_parts:
                continue
        # Prefer: fewer parts, a split on a hyphenation point, then the longer head.
        rank = (-len(tail_parts), i in points, i)
        if best is None or rank > best[0]:
            best = (rank, [stem(head_word), *tail_parts], head_word)
    if best is None:
        return []
    # A head that is itself a compound ("gemeenteraad" in "gemeenteraadsverkiezing")
    # contributes its own parts too.
    head_parts = split_compound(best[2], vocabulary, _depth + 1)
    return list(dict.fromkeys([best[1][0], *head_parts, *best[1][1:]]))


def candidate_stems(word: str) -> set[str]:
    """Every stem `split_compound` might look up for `word`, so a caller can fetch them at once."""
    if len(word) < MIN_COMPOUND or not word.isalpha():
        return set()
    found: set[str] = set()
    for i in range(len(word)):
        for j in range(i + MIN_PART, len(word) + 1):
            for variant in _head_variants(word[i:j]):
                if len(variant) >= MIN_PART:
                    found.add(stem(variant))
    return found
