"""Titles normalised to the key corrections are kept by, and the tokens the model learns from."""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")
_WORD_TAIL = re.compile(r"[\wà-ÿ-]*")


def _whole_word(text: str, match: re.Match) -> str:
    """The matched text widened to the end of its word ("concerncontrol" -> "...controller")."""
    tail = _WORD_TAIL.match(text, match.end())
    return (match.group(0) + (tail.group(0) if tail else "")).strip(" -")


# Titles that say someone else is there, even when the invitation lists nobody.
_MEETING = re.compile(
    r"(?<![a-zà-ÿ])(met|overleg|gesprek|bespreking|vergadering|meeting|koffie|afspraak met|"
    r"kennismaking|bijeenkomst|sessie)(?![a-zà-ÿ])",
    re.IGNORECASE,
)


def normalise_title(title: str) -> str:
    return _SPACES.sub(" ", title.strip().lower()).strip(" .:-–")


_TOKEN = re.compile(r"[a-zà-ÿ0-9&]+")


def title_tokens(title: str) -> list[str]:
    tokens = []
    for token in _TOKEN.findall(title.lower()):
        if len(token) < 2 or token.isdigit():
            continue
        tokens.append(token)
        # The head of a long compound carries most meaning ("raadsinformatie..." ~ "raadsin").
        if len(token) > 9:
            tokens.append(token[:6] + "~")
    return tokens
