"""Layout text (PDF, or plain text extracted from PDF): the structure read from the lines."""

from __future__ import annotations

import re

from ..cleaning import Line, PagedText, join_lines, trailing_space_convention
from ..parsed import ParsedPassage
from .patterns import (
    BULLET,
    CHAPTER,
    CLOSERS,
    CONTENTS,
    CONTENTS_ENTRY,
    DANGLING_WORDS,
    DATELINE,
    FOOTNOTE_BRACKET,
    FOOTNOTE_PAREN,
    FOOTNOTE_PLAIN,
    FOOTNOTE_SUPER,
    FOOTNOTE_TAB,
    FRONT_AND_BACK_MATTER,
    NUMBERED,
    ORDERED,
    PART,
    STRONG_BULLETS,
    THEME,
    _clean_title,
    ends_sentence,
)
from .tree import TreeBuilder, _ordinal, _plausible_theme

# ---------------------------------------------------------------------------------------
# Layout text (PDF and text extracted from PDF)


class LayoutParser:
    """Reads structure from wrapped lines. The rules, in order of precedence:
    themes "(n) Title", bullets, footnotes, numbered headings, short heading lines, and
    otherwise running text, rebuilt into paragraphs."""

    def __init__(self, paged: PagedText, vocab: set[str]) -> None:
        self.paged = paged
        self.lines = paged.lines
        self.texts = [" ".join(line.text.split()) for line in self.lines]
        self.vocab = vocab
        self.builder = TreeBuilder()
        self.convention = trailing_space_convention(self.lines)
        lengths = sorted(len(line.text.strip()) for line in self.lines) or [80]
        self.width = max(30, lengths[int(0.9 * (len(lengths) - 1))])
        self.double_spaced = self._double_spacing()
        self.open: ParsedPassage | None = None  # passage still receiving wrapped lines
        self.open_line: Line | None = None  # last line added to it
        self.last_theme = 0
        self.last_ordered: int | None = None  # number of the list item last added

    # --- helpers -----------------------------------------------------------------------

    def _double_spacing(self) -> list[bool]:
        """Per line: does the text around it put a blank line after every line? There a
        single blank line is no paragraph break."""
        flags = [line.blanks_before == 1 for line in self.lines]
        result = []
        for i in range(len(self.lines)):
            window = flags[max(0, i - 6) : i + 7]
            result.append(sum(window) >= 0.7 * len(window))
        return result

    def page(self, line: Line) -> int | None:
        return self.paged.page_number(line.page)

    def boundary(self, i: int) -> bool:
        line = self.lines[i]
        if line.page_top or i == 0:
            return True
        needed = 2 if self.double_spaced[i] else 1
        return line.blanks_before >= needed

    def text(self, i: int) -> str:
        return self.texts[i]

    def is_short(self, text: str) -> bool:
        return len(text) <= 0.62 * self.width

    def after_sentence(self, i: int) -> bool:
        """Does the line before this one end a sentence (or is there none)?"""
        if i == 0 or self.open is None:
            return True
        return ends_sentence(self.lines[i - 1].text)

    def starts_item(self, i: int) -> bool:
        text = self.text(i)
        return bool(
            THEME.match(text) or BULLET.match(text) or FOOTNOTE_TAB.match(self.lines[i].text)
        )

    def close(self) -> None:
        self.open = None
        self.open_line = None

    def add(self, kind: str, i: int, text: str) -> None:
        passage = self.builder.passage(kind, text, self.page(self.lines[i]))
        self.open = passage
        self.open_line = self.lines[i]

    def extend(self, i: int) -> None:
        assert self.open is not None and self.open_line is not None
        self.open.text = join_lines(
            self.open.text,
            self.lines[i],
            previous_trailing_space=self.open_line.trailing_space,
            vocab=self.vocab,
            trailing_space_convention=self.convention,
        )
        self.open_line = self.lines[i]

    # --- rules -------------------------------------------------------------------------

    def try_contents(self, i: int) -> int | None:
        """A table of contents: a heading such as "Inhoud" over entries that end in page
        numbers. Its entries repeat the headings and are no headings themselves."""
        if _clean_title(self.text(i)).lower() not in CONTENTS:
            return None
        entries = 0
        last = i
        j = i + 1
        while j < len(self.lines):
            if CONTENTS_ENTRY.match(self.text(j)):
                entries += 1
                last = j
            elif not (
                # a part title without page number, or an entry wrapped onto two lines
                j + 1 < len(self.lines)
                and CONTENTS_ENTRY.match(self.text(j + 1))
                and self.is_short(self.text(j))
                and not ends_sentence(self.text(j))
            ):
                break
            j += 1
        if entries < 2:
            return None
        self.close()
        self.builder.heading(self.text(i), level=2, page=self.page(self.lines[i]))
        for k in range(i + 1, last + 1):
            self.builder.passage("paragraph", self.text(k), self.page(self.lines[k]))
        self.builder.close_front_matter()
        return last + 1

    def try_theme(self, i: int) -> int | None:
        match = THEME.match(self.text(i))
        if not match:
            return None
        number = int(match.group(1))
        if not _plausible_theme(number, self.last_theme):
            return None
        if not (self.boundary(i) or self.after_sentence(i)):
            return None
        line = self.lines[i]
        title = match.group(2) or ""
        title_line = line
        j = i + 1
        if not title and j < len(self.lines) and not self.starts_item(j):
            title, title_line = self.text(j), self.lines[j]
            j += 1
        if not title:
            return None
        # a title that wraps: one more short line directly below, then a break
        if (
            j < len(self.lines)
            and self.lines[j].blanks_before == 0
            and not self.lines[j].page_top
            and not self.starts_item(j)
            and not ends_sentence(self.text(j))
            and len(self.text(j)) <= 0.8 * self.width
            and (j + 1 >= len(self.lines) or self.boundary(j + 1) or self.starts_item(j + 1))
        ):
            title = join_lines(
                title,
                self.lines[j],
                previous_trailing_space=title_line.trailing_space,
                vocab=self.vocab,
                trailing_space_convention=self.convention,
            )
            j += 1
        self.close()
        self.last_theme = number
        self.builder.theme(number, title, page=self.page(line), label=f"({number})")
        return j

    def try_ordered_item(self, i: int) -> int | None:
        """ "1. Plan maken" / "b) Uitvoeren": a list item when it is one of a series (the
        item before it, or the one after it, carries the neighbouring number)."""
        match = ORDERED.match(self.text(i))
        if not match:
            return None
        value = _ordinal(match.group(1))
        in_series = self.last_ordered is not None and value == self.last_ordered + 1
        if not in_series and value == _ordinal("1" if match.group(1).isdigit() else "a"):
            k = i + 1
            while k < len(self.lines) and k <= i + 6:
                following = ORDERED.match(self.text(k))
                if following and _ordinal(following.group(1)) == value + 1:
                    in_series = True
                    break
                # a wrapped item runs on in lower case; anything else ends the look-ahead
                new_block = self.starts_item(k) or self.boundary(k) or bool(following)
                if new_block and not self.text(k)[:1].islower():
                    break
                k += 1
        if not in_series:
            return None
        self.add("tip", i, self.text(i))
        self.last_ordered = value
        return i + 1

    def try_table_row(self, i: int) -> int | None:
        """Cells separated by tabs, or by wide runs of spaces in laid-out text."""
        raw = self.lines[i].text.strip()
        cells = [cell.strip() for cell in re.split(r"\t+", raw) if cell.strip()]
        if len(cells) < 2:
            cells = [cell.strip() for cell in re.split(r" {3,}", raw) if cell.strip()]
            if len(cells) < 3:
                return None
        self.close()
        self.builder.passage("table_row", " | ".join(cells), self.page(self.lines[i]))
        return i + 1

    def try_bullet(self, i: int) -> int | None:
        text = self.text(i)
        match = BULLET.match(text)
        if not match:
            return None
        symbol = match.group(1)
        if symbol not in STRONG_BULLETS and not (
            self.boundary(i)
            or self.after_sentence(i)
            or (self.open is not None and self.open.kind == "tip")
        ):
            return None
        self.add("tip", i, match.group(2))
        return i + 1

    def try_footnote(self, i: int) -> int | None:
        raw = self.lines[i].text.strip(" ")
        text = self.text(i)
        match = (
            FOOTNOTE_TAB.match(raw) or FOOTNOTE_BRACKET.match(text) or FOOTNOTE_SUPER.match(text)
        )
        if not match and self.paged.ordinal_pages > 1:
            # "1) ..." only counts at the foot of a page, after the body text
            paren = FOOTNOTE_PAREN.match(text)
            if paren and self._in_page_foot(i):
                match = paren
        if not match and self.paged.real_pages:
            # "1 Text" at the foot of a PDF page whose body refers to note 1
            plain = FOOTNOTE_PLAIN.match(text)
            if plain and self._in_page_foot(i) and self._referenced(i, plain.group(1)):
                match = plain
        if not match:
            return None
        self.builder.passage("footnote", self.text(i), self.page(self.lines[i]))
        # keep it open for its wrapped lines without letting body text join it
        self.open = self.builder.current().passages[-1]
        self.open_line = self.lines[i]
        return i + 1

    def _in_page_foot(self, i: int) -> bool:
        page = self.lines[i].page
        rest = 0
        for line in self.lines[i:]:
            if line.page != page:
                break
            rest += 1
        if rest > 6:
            return False
        previous_done = i == 0 or ends_sentence(self.text(i - 1))
        following_note = self.open is not None and self.open.kind == "footnote"
        return (
            self.lines[i].blanks_before > 0
            or self.lines[i].page_top
            or previous_done
            or following_note
        )

    def _referenced(self, i: int, number: str) -> bool:
        """Does the body text on this page carry the note marker, glued to a word?"""
        page = self.lines[i].page
        marker = re.compile(rf"(?<=[^\W\d_]|[.,;:)”’\"']){number}\b")
        k = i - 1
        while k >= 0 and self.lines[k].page == page:
            if marker.search(self.text(k)):
                return True
            k -= 1
        return False

    def heading_block(self, i: int) -> tuple[list[int], int, str] | None:
        """A heading made of one line (plus wrapped continuation lines and an optional
        chapter number line). Returns (line indexes, level, label)."""
        line = self.lines[i]
        text = self.text(i)
        numbered = NUMBERED.match(text)
        label = ""
        if numbered and numbered.group(2)[:1].isupper() and not numbered.group(1).isdigit():
            pass
        first = text[:1]
        if not (first.isupper() or (numbered and first.isdigit())):
            return None
        if DATELINE.search(text) or text.endswith(("/", "-", "–", "&")):
            return None
        if numbered and not (numbered.group(2)[:1].isupper() or numbered.group(2)[:1] in "‘'“"):
            return None
        if len(text.split()) > 12 or len(text) > 90:
            return None
        title_line = i == 0 and i + 1 < len(self.lines) and self.text(i + 1)[:1].isupper()
        if not (numbered or self.is_short(text) or title_line):
            return None
        if text.rstrip(CLOSERS).endswith((".", ",", ";", ":")) or text.endswith(","):
            return None
        if text.endswith(("?", "!")) and not (line.page_top or i == 0 or numbered):
            return None
        if not (self.boundary(i) or self.after_sentence(i)):
            return None
        if self.starts_item(i) or FOOTNOTE_BRACKET.match(text):
            return None
        if numbered and numbered.group(1).isdigit() and not (line.page_top or self.boundary(i)):
            return None
        indexes = [i]
        j = i + 1
        while (
            j < len(self.lines)
            and len(indexes) < 4
            and self.lines[j].page == line.page
            and not self.lines[j].page_top
            and not self.boundary(j)
            and self.text(j)[:1].islower()
            and self.is_short(self.text(j))
            and not ends_sentence(self.text(j).rstrip("?!"))
        ):
            indexes.append(j)
            j += 1
        words = " ".join(self.text(k) for k in indexes).split()
        if len(words) > 12 or words[-1].lower().strip(",") in DANGLING_WORDS:
            return None
        if j < len(self.lines) and re.fullmatch(r"\d{1,2}", self.text(j)):
            label = self.text(j)  # "Chapter title" with its number printed below it
            indexes.append(j)
            j += 1
        if j >= len(self.lines):
            return None
        after = self.lines[j]
        after_text = self.text(j)
        if after_text[:1].islower() and after.page == line.page:
            return None  # the sentence runs on: this was the start of a paragraph
        if after.page != line.page:
            # alone on its page: a part title page
            if numbered:
                depth = numbered.group(1).count(".") + 1
                return indexes, depth + 1, numbered.group(1)
            if line.page_top or line.blanks_before >= 2:
                return indexes, 1, label
            return None
        if not self.starts_item(j) and not self._sentence_follows(j):
            return None
        if (
            self.is_short(after_text)
            and not ends_sentence(after_text)
            and not self.starts_item(j)
            and not after.page_top
            and not (self.boundary(j) and len(after_text) > 0.45 * self.width)
        ):
            return None  # a run of short lines: an address, signature or list, not a heading
        if numbered:
            depth = numbered.group(1).count(".") + 1
            return indexes, depth + 1, numbered.group(1)
        if label:
            return indexes, 2, label
        return indexes, (2 if line.page_top else 3), label

    def _sentence_follows(self, j: int) -> bool:
        """Body text under a heading has sentences: a signature or address block below a
        short line has none."""
        for k in range(j, min(j + 8, len(self.lines))):
            if k > j and (self.boundary(k) or self.lines[k].page != self.lines[j].page):
                break
            if ends_sentence(self.text(k)) or re.search(r"[.!?] ", self.text(k)):
                return True
        return False

    def parse(self) -> TreeBuilder:
        i = 0
        n = len(self.lines)
        while i < n:
            ordered_before = self.last_ordered
            for rule in (
                self.try_contents,
                self.try_theme,
                self.try_footnote,
                self.try_bullet,
                self.try_ordered_item,
                self.try_table_row,
            ):
                nxt = rule(i)
                if nxt is not None:
                    i = nxt
                    break
            else:
                i = self.running_text_or_heading(i)
            if self.last_ordered == ordered_before and not (
                self.open is not None and self.open.kind == "tip"
            ):
                self.last_ordered = None
        return self.builder.finish()

    def running_text_or_heading(self, i: int) -> int:
        line = self.lines[i]
        text = self.text(i)
        block = self.heading_block(i)
        if block is not None:
            indexes, level, label = block
            title = ""
            previous: Line | None = None
            for k in indexes:
                if label and self.text(k) == label and k == indexes[-1] and k != indexes[0]:
                    continue
                if previous is None:
                    title = self.text(k)
                else:
                    title = join_lines(
                        title,
                        self.lines[k],
                        previous_trailing_space=previous.trailing_space,
                        vocab=self.vocab,
                        trailing_space_convention=self.convention,
                    )
                previous = self.lines[k]
            numbered = NUMBERED.match(title)
            if numbered and label == numbered.group(1):
                title = numbered.group(2)
            named = PART.match(title) or CHAPTER.match(title)
            if named and not label:
                level = 1 if PART.match(title) else 2
                label = f"{named.group(1)} {named.group(2)}"
                title = named.group(3) or title
            # a foreword or afterword stands beside the parts, not inside the last one
            outside = level == 2 and title.lower() in FRONT_AND_BACK_MATTER
            self.close()
            self.builder.heading(
                title, level=level, page=self.page(line), label=label, top_level=outside
            )
            return indexes[-1] + 1
        continues = (
            self.open is not None
            and self.open.kind != "footnote"
            and not self.boundary(i)
            and not self._paragraph_ended(i)
        )
        lower_continuation = (
            self.open is not None
            and text[:1].islower()
            and not ends_sentence(self.open.text)
            and not self.starts_item(i)
        )
        footnote_continues = (
            self.open is not None
            and self.open.kind == "footnote"
            and not self.boundary(i)
            and not ends_sentence(self.open.text)
        )
        if continues or lower_continuation or footnote_continues:
            self.extend(i)
        elif (
            text[:1].islower()
            and self.builder.last_body is not None
            and not ends_sentence(self.builder.last_body.text)
        ):
            # continues a paragraph interrupted by footnotes or a page break
            self.open = self.builder.last_body
            self.open_line = line
            self.open.text = f"{self.open.text} {text}"
        else:
            self.add("paragraph", i, text)
        return i + 1

    def _paragraph_ended(self, i: int) -> bool:
        """The open paragraph's last line ends a sentence and looks like a paragraph's last
        line: shorter than the measure, or (where wrapped lines end in a space) without one.
        A short line without a full stop followed by a capital also ends an item or block:
        wrapped lines run to the measure."""
        if self.open_line is None or self.open is None:
            return True
        if not ends_sentence(self.open_line.text):
            last = " ".join(self.open_line.text.split())
            return (
                len(last) < 0.5 * self.width
                and self.text(i)[:1].isupper()
                and last.split()[-1].lower() not in DANGLING_WORDS
            )
        if self.convention:
            return not self.open_line.trailing_space
        return len(self.open_line.text.strip()) < 0.85 * self.width


def build_from_layout(paged: PagedText, vocab: set[str]) -> TreeBuilder:
    return LayoutParser(paged, vocab).parse()
