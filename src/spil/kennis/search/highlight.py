"""Marking the words of a passage that matched the question. Pure Python.

Offsets index the passage text as stored, so the same spans serve the CLI (`**word**`) and
the web (escaped HTML with <mark>).
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Container, Sequence
from functools import lru_cache

from spil.kennis.analysis import content_tokens, word_terms
from spil.kennis.analysis.analyser import cached_word_terms, is_content
from spil.kennis.analysis.stemming import stem
from spil.kennis.analysis.tokens import Token, raw_words, token_of

Span = tuple[int, int]
_DOUBLE_VOWEL = re.compile(r"([aeiou])\1")


class Highlighter:
    """Finds the words of passages that match a question's terms.

    Made once per result page: decisions are cached per surface word, and compounds are
    split against `vocabulary` plus the words of all `texts` to be shown (as indexing splits
    against the document's own words).
    """

    def __init__(self, terms: Collection[str], vocabulary: frozenset[str], texts: Sequence[str]):
        self.terms = frozenset(terms)
        self._words = {text: raw_words(text) for text in texts}
        seen = {raw for words in self._words.values() if words for raw, _, _ in words}
        own = {stem(raw.lower()) for raw in seen if raw.isalpha()}
        self._vocabulary = vocabulary | own | self.terms
        # A compound can only contain a term whose stem it contains (the stem is a prefix of
        # the part); stems lose doubled vowels (raad -> rad), so compare undoubled as well.
        self._parts = [term for term in self.terms if len(term) >= 3]
        self._decided: dict[str, bool] = {}

    def _match(self, token: Token) -> bool:
        if not is_content(token):
            return False
        return stem(token.text) in self.terms or (
            len(token.text) >= 8
            and _may_contain(token.text, self._parts)
            and any(term in self.terms for term in word_terms(token, self._vocabulary))
        )

    def spans(self, text: str) -> list[Span]:
        words = self._words.get(text) or raw_words(text)
        if words is None:  # folding changed the length: the slower, aligned path
            return [(t.start, t.end) for t in content_tokens(text) if self._match(t)]
        spans = []
        for raw, start, end in words:
            hit = self._decided.get(raw)
            if hit is None:
                hit = self._decided[raw] = self._match(token_of(raw))
            if hit:
                spans.append((start, end))
        return spans


def word_index(text: str, vocabulary: Container[str]) -> str:
    """The analysed words of a passage with their offsets, made once at indexing so that a
    result page needs no analysis: "start:end:term,term start:end:term ..."."""
    items = []
    for token in content_tokens(text):
        terms = cached_word_terms(token, vocabulary)
        if terms:
            items.append(f"{token.start}:{token.end}:{','.join(terms)}")
    return " ".join(items)


def indexed_spans(index: str, terms: Collection[str]) -> list[Span]:
    """Spans of the words of a `word_index` whose terms include one of `terms`."""
    pattern = _indexed_pattern(frozenset(terms))
    if pattern is None:
        return []
    spans, last = [], -1
    for match in pattern.finditer(index):
        begin = index.rfind(" ", 0, match.start()) + 1
        if begin == last:
            continue  # a second term of the same word
        last = begin
        first = index.index(":", begin)
        second = index.index(":", first + 1)
        spans.append((int(index[begin:first]), int(index[first + 1 : second])))
    return spans


@lru_cache(maxsize=64)
def _indexed_pattern(terms: frozenset[str]) -> re.Pattern | None:
    """Finds `terms` among the terms of a word index ("start:end:term,term ..."): a term
    follows the second colon or a comma, and ends at a comma, a space or the end."""
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=lambda t: (-len(t), t)))
    return re.compile(rf"[:,](?:{alternatives})(?=[ ,]|$)")


def match_spans(text: str, terms: Collection[str], vocabulary: frozenset[str]) -> list[Span]:
    """Spans of the words in `text` whose index terms include one of `terms`."""
    return Highlighter(terms, vocabulary, [text]).spans(text)


def _may_contain(word: str, parts: list[str]) -> bool:
    undoubled = _DOUBLE_VOWEL.sub(r"\1", word)
    return any(part in word or part in undoubled for part in parts)


def crop(text: str, spans: Sequence[Span], width: int = 260) -> tuple[str, list[Span], bool, bool]:
    """A window of about `width` characters around the densest matches, cut at word breaks.

    Returns the cropped text, spans shifted into it, and whether text was cut at the start
    and at the end.
    """
    if len(text) <= width:
        return text, list(spans), False, False
    best_start, best_count = 0, -1
    for span_start, _ in spans or [(0, 0)]:
        start = max(0, span_start - width // 4)
        count = sum(1 for s, e in spans if s >= start and e <= start + width)
        if count > best_count:
            best_start, best_count = start, count
    start = best_start
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    shifted = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
    return text[start:end], shifted, start > 0, end < len(text)


def merge_adjacent(text: str, spans: Sequence[Span]) -> list[Span]:
    """Join spans separated only by spaces, so "**hoog oplopen**" reads as one match."""
    merged: list[Span] = []
    for start, end in spans:
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def render(text: str, spans: Sequence[Span], open_mark: str, close_mark: str, escape) -> str:
    out, position = [], 0
    for start, end in merge_adjacent(text, spans):
        out.append(escape(text[position:start]))
        out.append(open_mark + escape(text[start:end]) + close_mark)
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def render_marked(text: str, spans: Sequence[Span]) -> str:
    """Plain text with matches between ** (CLI and JSON)."""
    return render(text, spans, "**", "**", lambda s: s)


def render_html(text: str, spans: Sequence[Span]) -> str:
    """Escaped HTML with matches in <mark> (web)."""
    return render(text, spans, "<mark>", "</mark>", html.escape)
