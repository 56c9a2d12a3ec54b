"""The structure extraction hands to ingestion: a tree of sections holding passages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SectionKind = Literal["preamble", "part", "chapter", "section", "theme"]
PassageKind = Literal["paragraph", "tip", "table_row", "footnote"]


@dataclass
class ParsedPassage:
    kind: PassageKind
    text: str
    page: int | None = None


@dataclass
class ParsedSection:
    kind: SectionKind
    title: str
    level: int
    label: str = ""  # numbering as printed, e.g. "2.1" or "Deel 2"
    number: int | None = None  # theme number for kind == "theme"
    page: int | None = None
    passages: list[ParsedPassage] = field(default_factory=list)
    children: list[ParsedSection] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class ParsedDocument:
    title: str
    file_type: str
    pages: int | None
    # Top-level sections in document order. Text before the first heading lives in a
    # section of kind "preamble" so that no text is lost.
    sections: list[ParsedSection] = field(default_factory=list)
    # Running header/footer lines taken out during cleaning, kept so that "no text lost"
    # can be checked: input minus these lines equals the text in the tree.
    removed_lines: list[str] = field(default_factory=list)

    def walk(self):
        for section in self.sections:
            yield from section.walk()


class ExtractionError(Exception):
    """A file that cannot be read as a document. The message is Dutch and user-facing."""
