"""Recognising sections that are no content: a table of contents, a list of other
publications, a colophon, a reference list. Pure Python.

Search ranks such units below content (they mention many subjects without being about any),
so a question about "strategie" finds the chapter, not the title of a report in a publication
list. A unit is back matter when its own heading or a heading above it names it so, or when
most of its passages look like contents lines or references.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

Role = Literal["content", "contents", "publications", "colophon", "references"]
ROLES: tuple[Role, ...] = ("content", "contents", "publications", "colophon", "references")
PATH_SEPARATOR = " > "

_HEADINGS: tuple[tuple[Role, re.Pattern[str]], ...] = (
    ("contents", re.compile(r"^(inhoud|inhoudsopga(ve|af)|table of contents|contents)$")),
    (
        "publications",
        re.compile(
            r"(^|\b)(eerdere? (publicaties|uitgaven)|eerder (verschenen|gepubliceerd|publiceerde)"
            r"|andere (publicaties|uitgaven)|in deze reeks( verschenen)?|publicatielijst"
            r"|overzicht (van )?publicaties|^publicaties)\b"
        ),
    ),
    (
        "colophon",
        re.compile(
            r"^(colofon|colophon|verantwoording uitgave|over (de |het )?(auteurs?|uitgever))"
        ),
    ),
    (
        "references",
        re.compile(
            r"^(literatuur(lijst|opgave)?|geraadpleegde (bronnen|literatuur)|bronnen(lijst)?"
            r"|bronvermelding|bibliografie|referenties|references|bibliography|noten|eindnoten)$"
        ),
    ),
)

# "1.2 Het netwerk → 5", "Inleiding ........ 7", "3 Tijd 11"
_CONTENTS_LINE = re.compile(r"^(\d+(\.\d+)*\.?\s+)?\S.{0,150}?(\s*(→|\.{3,}|…+)\s*|\s+)\d{1,4}$")
# "Abrahamson E. & Freedman, D. (2010). Title." / "Jansen, P. (red.), 2019"
_REFERENCE = re.compile(r"^[A-Z][^\s,()]+.{0,120}?\(?((19|20)\d\d[a-z]?)\)?[.,:]")
_COLOPHON_WORDS = re.compile(
    r"\b(isbn|issn|©|copyright|vormgeving|ontwerp|fotografie|drukwerk|druk|uitgave|"
    r"eindredactie|opmaak)\b",
    re.IGNORECASE,
)


def _normal(heading: str) -> str:
    heading = re.sub(r"^[\dIVXivx]+([.)]\d*)*\.?\s+", "", heading.strip())  # numbering
    return re.sub(r"[\s:.…]+$", "", heading).casefold()


def heading_role(heading: str) -> Role:
    text = _normal(heading)
    for role, pattern in _HEADINGS:
        if pattern.search(text):
            return role
    return "content"


def unit_role(*, title: str, heading_path: str = "", passages: Sequence[str]) -> Role:
    """The role of a unit with this title, heading path (titles joined by " > ") and passage
    texts: "content" unless it is recognisably back matter."""
    headings = [title, *(part for part in heading_path.split(PATH_SEPARATOR) if part.strip())]
    for heading in headings:
        role = heading_role(heading)
        if role != "content":
            return role
    lines = [text.strip() for text in passages if text.strip()]
    if len(lines) >= 3:
        if sum(bool(_CONTENTS_LINE.match(line)) for line in lines) >= 0.6 * len(lines):
            return "contents"
        if sum(bool(_REFERENCE.match(line)) for line in lines) >= 0.6 * len(lines):
            return "references"
    short = [line for line in lines if len(line) < 200]
    if len(short) >= 3 and len(short) == len(lines):
        found = {m.group(0).casefold() for line in short for m in _COLOPHON_WORDS.finditer(line)}
        if len(found) >= 3:
            return "colophon"
    return "content"
