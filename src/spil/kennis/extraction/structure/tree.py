"""Building the section tree from structured blocks (DOCX, HTML, Markdown)."""

from __future__ import annotations

import re

from ..parsed import ParsedPassage, ParsedSection
from ..readers import Block
from .patterns import (
    CHAPTER,
    CONTENTS,
    NUMBERED,
    PART,
    PREAMBLE_TITLE,
    THEME,
    THEME_LEVEL,
    _clean_title,
    ends_sentence,
)


class TreeBuilder:
    """Collects sections and passages in document order, keeping a stack of open headings
    so that every heading hangs under the nearest heading of a higher rank."""

    def __init__(self) -> None:
        self.sections: list[ParsedSection] = []
        self.stack: list[ParsedSection] = []
        self.last_body: ParsedPassage | None = None

    def _open(self, section: ParsedSection, *, top_level: bool = False) -> ParsedSection:
        if top_level:
            self.stack.clear()
        # front matter (text before the first heading, a table of contents) holds no
        # sections: the document's own headings stand beside it
        while self.stack and (
            self.stack[-1].level >= section.level or self.stack[-1].kind == "preamble"
        ):
            self.stack.pop()
        siblings = self.stack[-1].children if self.stack else self.sections
        siblings.append(section)
        self.stack.append(section)
        self.last_body = None
        return section

    def heading(
        self,
        title: str,
        *,
        level: int,
        page: int | None,
        label: str = "",
        kind: str = "",
        top_level: bool = False,
    ) -> ParsedSection:
        if _clean_title(title).lower() in CONTENTS:
            # a table of contents is front matter, not a chapter
            kind, top_level = "preamble", True
        if not kind:
            kind = "part" if level <= 1 else "chapter" if level == 2 else "section"
        return self._open(
            ParsedSection(
                kind=kind, title=_clean_title(title), level=level, label=label, page=page
            ),
            top_level=top_level,
        )

    def theme(self, number: int, title: str, *, page: int | None, label: str) -> ParsedSection:
        return self._open(
            ParsedSection(
                kind="theme",
                title=_clean_title(title),
                level=THEME_LEVEL,
                label=label,
                number=number,
                page=page,
            )
        )

    def close_front_matter(self) -> None:
        """Text after a table of contents is no part of it."""
        if self.stack and self.stack[-1].kind == "preamble":
            self.stack.clear()
        self.last_body = None

    def finish(self) -> TreeBuilder:
        """Front and back matter are no chapters. A title page directly before the table
        of contents is front matter. In a document with numbered chapters, unnumbered
        chapter-level headings after the last numbered chapter are back matter (sources, a
        publisher's list, colophon): sections at the top level, not chapters beside the
        numbered ones."""
        sections = self.sections
        if (
            len(sections) >= 2
            and sections[0].kind == "chapter"
            and not sections[0].label
            and not sections[0].children
            and sections[1].kind == "preamble"
            and sections[1].title.lower() in CONTENTS
        ):
            # a title page before the table of contents is front matter too
            sections[0].kind = "preamble"
        numbered = [i for i, s in enumerate(sections) if s.kind == "chapter" and s.label.strip()]
        if len(numbered) >= 2:
            for section in sections[numbered[-1] + 1 :]:
                if section.kind == "chapter" and not section.label:
                    section.kind = "section"
        return self

    def current(self) -> ParsedSection:
        if not self.stack:
            preamble = ParsedSection(kind="preamble", title=PREAMBLE_TITLE, level=1)
            self.sections.append(preamble)
            self.stack.append(preamble)
        return self.stack[-1]

    def passage(self, kind: str, text: str, page: int | None) -> ParsedPassage | None:
        text = re.sub(r"\s+", " ", text).strip()
        if not text:
            return None
        current = self.current()
        if not any(ch.isalnum() for ch in text) and current.passages:
            # a stray "." or dash line is no passage of its own
            current.passages[-1].text = f"{current.passages[-1].text} {text}"
            return current.passages[-1]
        if (
            kind == "paragraph"
            and text[:1].islower()
            and self.last_body is not None
            and not ends_sentence(self.last_body.text)
        ):
            # A paragraph broken by a page break or a footnote block continues here.
            self.last_body.text = f"{self.last_body.text} {text}"
            return self.last_body
        passage = ParsedPassage(kind=kind, text=text, page=page)
        current.passages.append(passage)
        if kind in ("paragraph", "tip"):
            self.last_body = passage
        return passage


# ---------------------------------------------------------------------------------------
# Structured blocks (DOCX, HTML, Markdown)


def build_from_blocks(blocks: list[Block]) -> TreeBuilder:
    builder = TreeBuilder()
    last_numbered: int | None = None
    last_theme = 0
    for block in blocks:
        text = block.text.strip()
        if not text:
            continue
        if block.kind == "heading" or (block.kind == "paragraph" and THEME.match(text)):
            theme = THEME.match(text)
            if theme and theme.group(2) and _plausible_theme(int(theme.group(1)), last_theme):
                last_theme = int(theme.group(1))
                builder.theme(
                    last_theme, theme.group(2), page=block.page, label=f"({theme.group(1)})"
                )
                continue
            if block.kind != "heading":
                builder.passage("paragraph", text, block.page)
                continue
            level, label, title = _heading_rank(text, block.level, last_numbered)
            if NUMBERED.match(text) and label:
                last_numbered = level
            elif block.level <= 1:
                last_numbered = None
            builder.heading(title, level=level, page=block.page, label=label)
        elif block.kind in ("paragraph", "tip", "table_row", "footnote"):
            kind = block.kind
            if kind == "tip" and builder.stack and builder.stack[-1].title.lower() in CONTENTS:
                # entries of a table of contents repeat the headings; they are no advice
                kind = "paragraph"
            builder.passage(kind, text, block.page)
    return builder.finish()


def _heading_rank(text: str, markup_level: int, last_numbered: int | None) -> tuple[int, str, str]:
    """(level, label, title) of a marked-up heading. Numbering, where present, decides the
    rank ("2" chapter, "2.1" section), because converted documents use heading markup
    inconsistently; unnumbered headings sit below the last numbered one."""
    part = PART.match(text)
    if part:
        return 1, f"{part.group(1)} {part.group(2)}", part.group(3) or text
    chapter = CHAPTER.match(text)
    if chapter:
        return 2, f"{chapter.group(1)} {chapter.group(2)}", chapter.group(3) or text
    numbered = NUMBERED.match(text)
    if numbered and not numbered.group(2)[:1].islower():
        depth = numbered.group(1).count(".") + 1
        return depth + 1, numbered.group(1), numbered.group(2)
    if markup_level <= 1:
        return 2, "", text
    if last_numbered is not None:
        return last_numbered + 1, "", text
    return markup_level + 1, "", text


def _ordinal(label: str) -> int:
    return int(label) if label.isdigit() else ord(label) - ord("a") + 1


def _plausible_theme(number: int, last: int) -> bool:
    if last == 0:
        return 1 <= number <= 5
    return last < number <= last + 5
