"""Turning files into structured documents. Pure Python: nothing here imports Django.

from spil.kennis.extraction import extract_document
parsed = extract_document(data=path.read_bytes(), filename=path.name)
"""

from __future__ import annotations

import re
from pathlib import PurePath

from .bounds import bound_sections
from .cleaning import normalise_text, paginate, vocabulary
from .parsed import ExtractionError, ParsedDocument, ParsedPassage, ParsedSection
from .readers import MAX_BYTES, SUPPORTED, read
from .sandbox import Limits, run_limited
from .structure import build_from_blocks, build_from_layout, markdown_blocks

__all__ = [
    "MAX_BYTES",
    "SUPPORTED",
    "ExtractionError",
    "Limits",
    "ParsedDocument",
    "ParsedPassage",
    "ParsedSection",
    "extract_document",
    "extract_document_limited",
]

# Headings that name a part of a book rather than the book itself.
GENERIC_TITLES = {
    "introductie",
    "inleiding",
    "voorwoord",
    "inhoud",
    "inhoudsopgave",
    "colofon",
    "samenvatting",
    "woord vooraf",
    "ten geleide",
    "proloog",
    "preface",
    "contents",
    "begin van het document",
}


def extract_document(*, data: bytes, filename: str) -> ParsedDocument:
    """Read one file into a ParsedDocument, or raise ExtractionError (Dutch, naming the file)."""
    raw = read(data=data, filename=filename)
    removed: list[str] = []
    header_titles: list[str] = []
    pages = raw.pages
    first_line_title = ""
    if raw.page_texts is not None:
        paged = paginate(raw.page_texts)
        removed = paged.removed
        header_titles = paged.header_titles
        vocab = vocabulary("\n".join(line.text for line in paged.lines))
        builder = build_from_layout(paged, vocab)
        if pages is None and paged.printed:
            # text converted from a PDF: the last printed page number tells its length
            pages = paged.page_number(paged.ordinal_pages)
        if paged.lines:
            first_line = re.sub(r"\s+", " ", paged.lines[0].text).strip()
            # a long first line running on in lower case is the start of a paragraph
            runs_on = (
                len(first_line) > 40
                and len(paged.lines) > 1
                and paged.lines[1].text.strip()[:1].islower()
            )
            if (
                len(first_line.split()) <= 12
                and not runs_on
                and not first_line.endswith((".", ",", ";", ":"))
            ):
                first_line_title = first_line
    elif raw.markdown is not None:
        builder = build_from_blocks(markdown_blocks(raw.markdown))
    else:
        builder = build_from_blocks(raw.blocks)

    sections = bound_sections(builder.sections)
    if not any(section.title or section.passages for s in sections for section in s.walk()):
        raise ExtractionError(f"{filename}: het bestand bevat geen tekst die gelezen kan worden.")
    document = ParsedDocument(
        title=_document_title(raw.meta_title, header_titles, sections, filename, first_line_title),
        file_type=raw.file_type,
        pages=pages,
        sections=sections,
        removed_lines=removed,
    )
    return document


def extract_document_limited(*, data: bytes, filename: str, limits: Limits) -> ParsedDocument:
    """extract_document in a child process within a time and memory limit (see sandbox)."""
    return run_limited(
        extract_document,
        filename=filename,
        limits=limits,
        kwargs={"data": data, "filename": filename},
    )


def _document_title(
    meta_title: str,
    header_titles: list[str],
    sections: list[ParsedSection],
    filename: str,
    first_line: str = "",
) -> str:
    if meta_title and not _looks_like_file_name(meta_title):
        return meta_title
    if header_titles:
        # the running header most pages carry is the book's title
        counts: dict[str, int] = {}
        for title in header_titles:
            key = re.sub(r"\s+", " ", title).strip()
            counts[key] = counts.get(key, 0) + 1
        best, count = max(counts.items(), key=lambda item: item[1])
        if count >= 2 and count * 2 >= len(header_titles):
            return _sentence_case(best)
    if sections:
        first = sections[0]
        # the synthetic preamble title is generic; a title page's heading is not
        if first.title and first.title.lower() not in GENERIC_TITLES:
            return first.title
    if first_line and first_line.lower() not in GENERIC_TITLES:
        return first_line
    heading = _first_heading(sections)
    if heading:
        return heading
    stem = PurePath(filename).stem
    cleaned = re.sub(r"[_\s]+", " ", normalise_text(stem)).strip(" -.")
    return cleaned or filename


def _first_heading(sections: list[ParsedSection]) -> str:
    """The document's first chapter (or part) heading that names its content, else its
    first such heading of any rank: for a text that opens without a title."""
    candidates = [
        section
        for top in sections
        for section in top.walk()
        if section.kind in ("part", "chapter", "section")
        and section.title
        and section.title.lower() not in GENERIC_TITLES
    ]
    for section in candidates:
        if section.kind in ("part", "chapter"):
            return section.title
    return candidates[0].title if candidates else ""


def _looks_like_file_name(title: str) -> bool:
    if re.search(r"\.(docx?|pdf|txt|html?|md)$", title, re.IGNORECASE):
        return True
    return title.lower() in {"untitled", "document", "naamloos", "microsoft word"}


def _sentence_case(text: str) -> str:
    if text.isupper():
        lowered = text.lower()
        return lowered[:1].upper() + lowered[1:]
    return text
