"""Bounding the size of passages and units, so that one enormous section (a 49 MB web page
without headings) neither makes a page of tens of megabytes nor a search index entry above
what a database accepts (PostgreSQL's tsvector holds at most 1 MB).

- a passage longer than MAX_PASSAGE_CHARS is cut at a sentence end (else a space) into
  passages of that size at most;
- a section whose own text exceeds MAX_UNIT_CHARS keeps its first part and gets the rest as
  sub-sections "<titel> (deel 2)", "(deel 3)", … placed before its own sub-sections, so that
  every unit stays within the bound and the reading order is kept.

No text is lost: the pieces, joined with a space, are the original text.
Pure Python: nothing here imports Django.
"""

from __future__ import annotations

import re

from .parsed import ParsedPassage, ParsedSection

MAX_PASSAGE_CHARS = 6_000
MAX_UNIT_CHARS = 60_000

_SENTENCE_END = re.compile(r"[.!?;:][\"')\]]?\s")


def split_text(text: str, limit: int = MAX_PASSAGE_CHARS) -> list[str]:
    """`text` in pieces of at most `limit` characters, cut after a sentence where possible."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[: limit + 1]
        cut = 0
        for match in _SENTENCE_END.finditer(window, limit // 2):
            cut = match.end() - 1
        if not cut:
            cut = window.rfind(" ", limit // 2)
        if cut <= 0:
            cut = limit
        piece = rest[:cut].rstrip()
        if piece:
            pieces.append(piece)
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def _bounded_passages(passages: list[ParsedPassage]) -> list[ParsedPassage]:
    bounded: list[ParsedPassage] = []
    for passage in passages:
        if len(passage.text) <= MAX_PASSAGE_CHARS:
            bounded.append(passage)
            continue
        bounded.extend(
            ParsedPassage(kind=passage.kind, text=piece, page=passage.page)
            for piece in split_text(passage.text)
        )
    return bounded


def _chunks(passages: list[ParsedPassage]) -> list[list[ParsedPassage]]:
    chunks: list[list[ParsedPassage]] = [[]]
    size = 0
    for passage in passages:
        if chunks[-1] and size + len(passage.text) > MAX_UNIT_CHARS:
            chunks.append([])
            size = 0
        chunks[-1].append(passage)
        size += len(passage.text)
    return chunks


def bound_section(section: ParsedSection) -> None:
    """Bound `section` and everything below it, in place."""
    section.passages = _bounded_passages(section.passages)
    for child in section.children:
        bound_section(child)
    chunks = _chunks(section.passages)
    if len(chunks) == 1:
        return
    section.passages = chunks[0]
    parts = [
        ParsedSection(
            kind="section",
            title=f"{section.title or 'Tekst'} (deel {number})",
            level=section.level + 1,
            page=chunk[0].page if chunk[0].page is not None else section.page,
            passages=chunk,
        )
        for number, chunk in enumerate(chunks[1:], start=2)
    ]
    section.children = [*parts, *section.children]


def bound_sections(sections: list[ParsedSection]) -> list[ParsedSection]:
    for section in sections:
        bound_section(section)
    return sections
