""" "Bedoelde je …?": a close word from the library's own vocabulary for a word it does not know.

Pure Python (no Django). The vocabulary is the set of written words of the library (folded,
lower case) with how often each occurs; `spil.kennis.search.spelling_index` builds and caches
it from the stored text. A typed word is corrected only when the search index knows none of
its terms (decided by the caller) and a known word lies within a few edits: one edit for
words up to seven letters, two for longer ones. Typing errors typical of Dutch count as one
sound ("ij"/"ei", "au"/"ou", a final "d"/"t"/"dt"), so "integritijd" finds "integriteit".
Distances come from rapidfuzz (Damerau-Levenshtein: a swap of two letters is one edit).

A real Dutch word is never "corrected", even when the library does not use it ("falen" is not
a typo of "halen"): the Dutch word list that ships inside pyspellchecker's wheel decides what
a real word is (loaded once per process, kept as sorted 64-bit hashes: about 3 MB).
"""

from __future__ import annotations

import bisect
import gzip
import re
import threading
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from spil.kennis.analysis.normalise import fold
from spil.kennis.analysis.stopwords import STOPWORDS

# Shorter words are too often names, abbreviations or another real word one letter away.
MIN_LENGTH = 5
# Words of this length and longer may be two edits from what was meant.
TWO_EDITS_FROM = 8
# How many nearest words rapidfuzz returns per lookup before frequency decides.
NEAREST = 25

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SOUNDS = (("ij", "ei"), ("y", "ei"), ("au", "ou"))
_FINAL_T = re.compile(r"(?:dt|d)$")


_dutch: array | None = None
_JSON_KEY = re.compile(r'"((?:[^"\\]|\\.)*)":')
_dutch_lock = threading.Lock()


def _dutch_hashes() -> array:
    global _dutch
    if _dutch is None:
        with _dutch_lock:
            if _dutch is None:
                raw = (files("spellchecker") / "resources" / "nl.json.gz").read_bytes()
                # The keys of {"word": frequency, ...}; a regular expression reads them about
                # twice as fast as json.loads, and the list is all lower case already.
                words = _JSON_KEY.findall(gzip.decompress(raw).decode("utf-8"))
                folded = (w if w.isascii() else normal_form(w) for w in words)
                _dutch = array("q", sorted(map(hash, folded)))
    return _dutch


def dutch_words_load() -> None:
    """Load the word list now (a server does this before it forks its workers)."""
    _dutch_hashes()


def is_dutch_word(word: str) -> bool:
    """Whether `word` (any case) is in the general Dutch word list."""
    hashes = _dutch_hashes()
    key = hash(normal_form(word))
    index = bisect.bisect_left(hashes, key)
    return index < len(hashes) and hashes[index] == key


def sound_key(word: str) -> str:
    """The word with Dutch sound-alike spellings made equal: "integritijd" -> "integriteit"."""
    for written, sound in _SOUNDS:
        word = word.replace(written, sound)
    return _FINAL_T.sub("t", word)


def normal_form(word: str) -> str:
    """How the vocabulary stores a word: folded (no diacritics) and lower case."""
    return fold(word).lower()


def max_edits(word: str) -> int:
    return 2 if len(word) >= TWO_EDITS_FROM else 1


def text_words(text: str) -> list[str]:
    """The words of a text in vocabulary form: letters only, no stopwords, not too short."""
    shortest = MIN_LENGTH - 1
    return [
        word
        for word in _WORD.findall(fold(text).lower())
        if len(word) >= shortest and word.isalpha() and word not in STOPWORDS
    ]


@dataclass(frozen=True)
class Vocabulary:
    """Known words with their frequency, and their sound keys for the fuzzy lookup."""

    frequency: Mapping[str, int]
    words: tuple[str, ...]
    keys: tuple[str, ...]

    @classmethod
    def from_counts(cls, counts: Mapping[str, int]) -> Vocabulary:
        words = tuple(sorted(counts))
        return cls(frequency=dict(counts), words=words, keys=tuple(sound_key(w) for w in words))

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and normal_form(word) in self.frequency

    def __len__(self) -> int:
        return len(self.words)


def closest(word: str, vocabulary: Vocabulary, *, limit: int | None = None) -> str | None:
    """The known word nearest to `word` (fewest edits, then most frequent), or None.
    `limit` lowers the number of edits allowed (never above `max_edits`)."""
    word = normal_form(word)
    if len(word) < MIN_LENGTH or not word.isalpha() or word in vocabulary.frequency:
        return None
    if is_dutch_word(word):
        return None
    limit = max_edits(word) if limit is None else min(limit, max_edits(word))
    if limit < 1:
        return None
    distances: dict[int, int] = {}
    for query, choices in ((word, vocabulary.words), (sound_key(word), vocabulary.keys)):
        for _choice, distance, index in process.extract(
            query,
            choices,
            scorer=DamerauLevenshtein.distance,
            score_cutoff=limit,
            limit=NEAREST,
        ):
            distances[index] = min(int(distance), distances.get(index, limit + 1))
    if not distances:
        return None
    best = min(
        distances,
        key=lambda i: (
            distances[i],
            # A word that keeps the first letter is far more often what was meant.
            vocabulary.words[i][0] != word[0],
            -vocabulary.frequency[vocabulary.words[i]],
            vocabulary.words[i],
        ),
    )
    return vocabulary.words[best]


@dataclass(frozen=True)
class Correction:
    """What was searched for instead of what was typed."""

    original: str  # the query as typed
    query: str  # the query with the unknown words replaced
    replaced: tuple[tuple[str, str], ...]  # (typed word, known word) in query order


def candidate_words(query: str) -> list[str]:
    """The words of the query that could be corrected (vocabulary form, in order, distinct)."""
    words = []
    for match in _WORD.finditer(query):
        word = normal_form(match.group())
        if len(word) >= MIN_LENGTH and word.isalpha() and word not in STOPWORDS:
            words.append(word)
    return list(dict.fromkeys(words))


def _same_case(typed: str, known: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return known.upper()
    if typed[:1].isupper():
        return known[:1].upper() + known[1:]
    return known


def correct_query(
    query: str, *, unknown: Mapping[str, int | None] | Iterable[str], vocabulary: Vocabulary
) -> Correction | None:
    """The query with each unknown word (vocabulary form) that has a close known word replaced
    by it; None when nothing changes. `unknown` may give per word the edits allowed (None:
    as many as its length allows)."""
    limits = unknown if isinstance(unknown, Mapping) else dict.fromkeys(unknown)
    choices = {word: closest(word, vocabulary, limit=limits[word]) for word in limits}
    replaced: list[tuple[str, str]] = []

    def replace(match: re.Match[str]) -> str:
        typed = match.group()
        known = choices.get(normal_form(typed))
        if known is None:
            return typed
        replaced.append((typed, known))
        return _same_case(typed, known)

    corrected = _WORD.sub(replace, query)
    if not replaced:
        return None
    return Correction(original=query, query=corrected, replaced=tuple(replaced))
