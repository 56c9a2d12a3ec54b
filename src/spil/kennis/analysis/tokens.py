"""Splitting text into words, keeping the abbreviations of local government intact."""

from __future__ import annotations

import re
from typing import NamedTuple

from spil.kennis.analysis.normalise import dehyphenate, fold
from spil.kennis.analysis.wordlists import words

# Abbreviations that must never be stemmed or split. Spelling variants of the same body
# (B&W, b&w, BenW, "B en W") all end up as one token via _AMPERSAND_PAIR and _EN_PAIR.
ABBREVIATIONS = words(
    """
    benw peno ozb ict ssc ggd dt mt vng vgs uwv wmo wob woo avg cao bzk svb rud odb
    ggz mjb bbv hrm kpi vrr or cfo
    """
)

# One pass: "B&W", "P&O", "B en W", "P en O" (joined to "benw", "peno"), or a word made of
# letters/digits, optionally joined by inner hyphens or apostrophes ("ICT-beleid", "thema's").
_TOKEN = re.compile(
    r"(?P<pair>\b[A-Za-z]\s*&\s*[A-Za-z]\b|\b[BP]\s+en\s+[WO]\b)"
    r"|(?P<word>[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*)"
)


class Token(NamedTuple):
    """One word of the input. `text` is folded and lowercased; start/end index the input."""

    text: str
    start: int
    end: int
    upper: bool  # written in capitals in the source ("OZB"): an abbreviation, not stemmed


def _prepare(text: str) -> str:
    """Normalise without changing the length, so token offsets still index the original."""
    folded = fold(text)
    if len(folded) != len(text):
        return ""  # signal the caller to fall back to per-token folding
    return folded


def tokenize(text: str) -> list[Token]:
    """Words of `text` with offsets into `text`; folded, lowercased, abbreviations joined."""
    prepared = _prepare(text)
    if not prepared:
        return _tokenize_unaligned(text)
    return _tokenize_prepared(prepared)


def _tokenize_prepared(prepared: str) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN.finditer(prepared):
        raw = match.group()
        if match.lastgroup == "pair":
            tokens.append(Token(f"{raw[0]}en{raw[-1]}".lower(), match.start(), match.end(), True))
            continue
        if raw.endswith(("'s", "'S")) and len(raw) > 3:
            raw = raw[:-2]  # thema's -> thema
        if "'" in raw:
            raw = raw.replace("'", "")
        upper = len(raw) > 1 and raw.isupper()
        tokens.append(Token(raw.lower(), match.start(), match.end(), upper))
    return tokens


def raw_words(text: str) -> list[tuple[str, int, int]] | None:
    """The tokenizer's matches in `text` as (raw string, start, end), without normalising
    each one (cheap; see `token_of`). None when folding changes the text's length."""
    prepared = _prepare(text)
    if not prepared:
        return None
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(prepared)]


def token_of(raw: str) -> Token:
    """The token a raw match of `raw_words` stands for (offsets relative to `raw`)."""
    return _tokenize_prepared(raw)[0]


def _tokenize_unaligned(text: str) -> list[Token]:
    # Rare: folding changed the length (e.g. a ligature). Tokenise the original word by word.
    tokens: list[Token] = []
    for match in re.finditer(r"\S+", text):
        for token in _tokenize_prepared(fold(match.group())):
            tokens.append(Token(token.text, match.start(), match.end(), token.upper))
    return tokens


def prepare_text(text: str) -> str:
    """Line-break hyphens rejoined; the form indexing and highlighting both start from."""
    return dehyphenate(text)
