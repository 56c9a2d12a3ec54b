"""What structure recovery reads: headings, themes, bullets, footnotes, front matter."""

from __future__ import annotations

import re

THEME_LEVEL = 9
CONTENTS = {"inhoud", "inhoudsopgave", "contents", "table of contents"}
PREAMBLE_TITLE = "Begin van het document"

# An entry of a table of contents: a title ending in its page number, after dot leaders,
# an arrow, a tab or a space ("2.1 Werkwijze ..... 7", "Bronnen → 48").
CONTENTS_ENTRY = re.compile(
    r"^(?=.*[^\W\d_]).*?\S(?:\s*[.·…_]{2,}\s*|\s*[→|]\s*|\s+)(?:\d{1,3}|[ivxlc]{1,6})\**$"
)

THEME = re.compile(r"^\((\d{1,3})\)(?:[\s.:]+(\S.*))?$")
NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$")
PART = re.compile(
    r"^(deel|part)\s+([0-9]+|[IVXLC]+|een|twee|drie|vier|vijf)\b[.:]?\s*(.*)$", re.IGNORECASE
)
CHAPTER = re.compile(r"^(hoofdstuk|chapter)\s+([0-9]+|[IVXLC]+)\b[.:]?\s*(.*)$", re.IGNORECASE)
BULLET = re.compile(r"^([•◦▪‣∙·●○■□➢►▶✓✔°*\-–—])\s+(\S.*)$")
STRONG_BULLETS = set("•◦▪‣∙·●○■□➢►▶✓✔°")
FOOTNOTE_TAB = re.compile(r"^(\d{1,3}|\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\t\s*(\S.*)$")
FOOTNOTE_BRACKET = re.compile(r"^\[(\d{1,3})\]\s+(\S.*)$")
ORDERED = re.compile(r"^(\d{1,2}|[a-z])[.)]\s+(\S.*)$")
FOOTNOTE_SUPER = re.compile(r"^([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*(\S.*)$")
FOOTNOTE_PLAIN = re.compile(r"^(\d{1,2})\s+(\S.*)$")
FOOTNOTE_PAREN = re.compile(r"^(\d{1,2})\)\s+(\S.*)$")
TERMINAL = tuple(".!?:;…")
DATELINE = re.compile(r",\s*(?:\w+\s+)?\d{4}$")
# A heading does not end on an article, preposition or conjunction; a wrapped sentence does.
DANGLING_WORDS = {
    "de",
    "het",
    "een",
    "en",
    "of",
    "van",
    "in",
    "op",
    "aan",
    "met",
    "voor",
    "door",
    "die",
    "dat",
    "te",
    "tot",
    "om",
    "bij",
    "naar",
    "als",
    "is",
    "zijn",
    "maar",
    "want",
    "dus",
    "the",
    "and",
    "to",
    "a",
}
FRONT_AND_BACK_MATTER = {
    "introductie",
    "inleiding",
    "voorwoord",
    "woord vooraf",
    "ten geleide",
    "nawoord",
    "colofon",
    "verantwoording",
    "dankwoord",
    "literatuur",
    "bronnen",
    "literatuurlijst",
    "geraadpleegde bronnen",
    "bijlagen",
    "over de auteur",
    "over de auteurs",
    "register",
}
CLOSERS = "\"'”’)]*»"


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(CLOSERS).rstrip()
    return stripped.endswith(TERMINAL)


def _clean_title(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    # a footnote asterisk after a title is not part of it
    return text.strip(" \t-–—:").rstrip("*").rstrip()
