"""Dutch stemming: Snowball `dutch_porter` plus a few corrections for plural and spelling."""

from __future__ import annotations

from functools import lru_cache

import Stemmer

# `dutch_porter`, not `dutch`: the latter reduces "gemeente" to "meen".
_STEMMER = Stemmer.Stemmer("dutch_porter")
_DOUBLE_FINAL = frozenset("bdfgklmnprst")


def _strip_plural(word: str) -> str:
    # Plurals in -s that the Porter rules leave alone: relaties, colleges, modules.
    if len(word) > 5 and word.endswith("ies"):
        return word[:-1]
    if len(word) > 5 and word.endswith("es") and word[-3] in "glrt" and not word.endswith("ees"):
        return word[:-1]
    return word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem a lowercase, folded word. Deterministic; short words pass through."""
    if len(word) <= 3 or not word.isalpha():
        return word
    result = _STEMMER.stemWord(_strip_plural(word))
    # secretarissen -> secretariss -> secretaris; versnellen -> versnell -> versnel
    if len(result) > 3 and result[-1] == result[-2] and result[-1] in _DOUBLE_FINAL:
        result = result[:-1]
    # adviezen/advies, brieven/brief: the voiced spelling before -en.
    if len(result) > 3 and result.endswith("z"):
        result = _STEMMER.stemWord(_strip_plural(result[:-1] + "s"))
    elif len(result) > 3 and result.endswith("v"):
        result = result[:-1] + "f"
    return result
