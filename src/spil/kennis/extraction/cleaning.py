"""Text clean-up for extracted documents: character normalisation, running headers and
footers, page numbering and the re-joining of words split across line breaks."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u0132": "IJ",
    "\u0133": "ij",
}
# Characters that carry no text: soft hyphen, zero-width spaces/joiners, BOM, word joiner.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# Every kind of space except tab and newline becomes a plain space; tabs are kept because
# they separate theme numbers, bullets and table cells in PDF text.
SPACES = dict.fromkeys(
    map(
        ord,
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
        "\u202f\u205f\u3000\u000b",
    ),
    " ",
)
_REPLACEMENTS = {
    **{chr(k): v for k, v in str.maketrans(LIGATURES).items()},
    **{chr(k): "" for k in INVISIBLE},
    **{chr(k): v for k, v in SPACES.items()},
}
# str.translate walks every character; a regex only stops at the few that need work.
_SPECIAL = re.compile("[" + re.escape("".join(_REPLACEMENTS)) + "]")


def normalise_text(text: str) -> str:
    """Unicode NFC, ligatures unfolded, odd spaces made plain, invisible characters dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPECIAL.sub(lambda match: _REPLACEMENTS[match.group()], text)
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------------------------------
# Lines and pages


@dataclass
class Line:
    """One physical line of extracted text, with what its position tells about layout."""

    text: str  # without trailing whitespace
    page: int  # ordinal page (1-based) as far as the layout shows it
    page_top: bool = False  # first line of a page
    trailing_space: bool = False  # the raw line ended in whitespace
    blanks_before: int = 0  # blank lines directly above it


@dataclass
class PagedText:
    lines: list[Line]
    removed: list[str] = field(default_factory=list)  # header/footer lines taken out
    # ordinal page -> printed page number, where a header or footer printed one
    printed: dict[int, int] = field(default_factory=dict)
    header_titles: list[str] = field(default_factory=list)
    ordinal_pages: int = 1
    real_pages: bool = False  # page breaks came from the file (PDF pages, form feeds)

    def page_number(self, ordinal: int) -> int:
        """Printed page number for an ordinal page: from the nearest page that printed one,
        counting pages in between; the ordinal itself when nothing was printed."""
        if not self.printed:
            return ordinal
        before = [p for p in self.printed if p <= ordinal]
        after = [p for p in self.printed if p >= ordinal]
        if before and after and max(before) != min(after):
            # Between two printed numbers: spread the pages evenly, since a text stream
            # does not show every page break.
            low, high = max(before), min(after)
            share = (ordinal - low) / (high - low)
            printed_low, printed_high = self.printed[low], self.printed[high]
            if printed_high > printed_low:
                return round(printed_low + share * (printed_high - printed_low))
        anchor = max(before) if before else min(self.printed)
        return max(1, self.printed[anchor] + (ordinal - anchor))


LONE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:pagina\s+|blz\.?\s+|p\.\s*)?(\d{1,4})"
    r"(?:\s*(?:/|van)\s*\d{1,4})?(?:\s*[-–—])?\s*$",
    re.IGNORECASE,
)
EXPLICIT_PAGE = re.compile(
    r"^\s*(?:pagina|blz\.?|page)\s+(\d{1,4})"
    r"(?:\s*(?:/|van|of)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
# "20 BOOK TITLE", "45CHAPTER TITLE", "BOOK TITLE 21", "BOOK TITLE | 21": a page number
# glued to a line in capitals is a running header in practically every PDF book.
CAPS_HEADER = re.compile(
    r"^\s*(?:(?P<num1>\d{1,4})\s*(?:\|\s*)?(?P<text1>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9 .,:;&'’/-]{4,})"
    r"|(?P<text2>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9 .,:;&'’/-]{4,}?)\s*(?:\|\s*)?(?P<num2>\d{1,4}))\s*$"
)
FRONT_MATTER_WORDS = re.compile(r"[A-Za-zÀ-ÿ]{3,}")


def _caps_header(text: str) -> tuple[int, str] | None:
    match = CAPS_HEADER.match(text)
    if not match:
        return None
    body = (match.group("text1") or match.group("text2") or "").strip()
    # at least two capitalised words, so that a numbered all-caps heading such as
    # "3 INLEIDING" is not mistaken for a running header
    if len(FRONT_MATTER_WORDS.findall(body)) < 2:
        return None
    return int(match.group("num1") or match.group("num2")), body


def _shape(text: str) -> str:
    """A line with its digits abstracted, to see that "Handboek - 3" repeats "Handboek - 4"."""
    return re.sub(r"\d+", "#", text.strip().lower())


def split_lines(pages: list[str]) -> tuple[list[list[str]], bool]:
    """Raw text per page -> raw lines per page. With a single page of text (a .txt file
    without form feeds) page breaks are inferred later from the layout."""
    return [page.split("\n") for page in pages], len(pages) > 1


def _leading_space_breaks(raw_lines: list[str]) -> bool:
    """Some PDF-to-text converters start every new page (or text frame) with one space,
    while ordinary lines start flush left. Only trust that when it is clearly a convention."""
    nonblank = [line for line in raw_lines if line.strip()]
    marked = [line for line in nonblank if re.match(r"^ \S", line)]
    flush = [line for line in nonblank if not line[:1].isspace()]
    return (
        len(marked) >= 2 and len(marked) <= 0.2 * len(nonblank) and len(flush) > 0.6 * len(nonblank)
    )


def paginate(pages: list[str]) -> PagedText:
    """Turn raw page texts into Lines, removing running headers and footers and recording
    the page numbers they print."""
    raw_pages = [page.split("\n") for page in pages]
    real_pages = len(raw_pages) > 1
    all_raw = [line for page in raw_pages for line in page]
    space_breaks = not real_pages and _leading_space_breaks(all_raw)

    remove: set[tuple[int, int]] = set()
    printed_at: dict[tuple[int, int], int] = {}
    header_titles: list[str] = []

    # 1. capitals-plus-number headers, wherever they are
    for p, page in enumerate(raw_pages):
        for i, raw in enumerate(page):
            found = _caps_header(raw)
            if found:
                remove.add((p, i))
                printed_at[(p, i)] = found[0]
                header_titles.append(found[1])

    # 2. lines repeating at the top or bottom of many pages, and lone page numbers there
    if real_pages:
        edge_shapes: Counter[str] = Counter()
        edges: list[list[int]] = []
        for page in raw_pages:
            idx = [i for i, line in enumerate(page) if line.strip()]
            edge = sorted(set(idx[:2] + idx[-2:]))
            edges.append(edge)
            for shape in {_shape(page[i]) for i in edge}:
                edge_shapes[shape] += 1
        threshold = max(2, int(0.4 * len(raw_pages)))
        for p, page in enumerate(raw_pages):
            for i in edges[p]:
                text = page[i]
                number = LONE_NUMBER.match(text)
                if number or edge_shapes[_shape(text)] >= threshold:
                    remove.add((p, i))
                    digits = re.findall(r"\d{1,4}", text)
                    if number:
                        printed_at[(p, i)] = int(number.group(1))
                    elif len(digits) == 1:
                        printed_at[(p, i)] = int(digits[0])
                    if not number:
                        header_titles.append(text.strip())
    else:
        for i, raw in enumerate(raw_pages[0]):
            if EXPLICIT_PAGE.match(raw):
                remove.add((0, i))
                printed_at[(0, i)] = int(EXPLICIT_PAGE.match(raw).group(1))
        # a single text stream: lone numbers count as page numbers only when there are
        # several of them, increasing, each standing apart between blank lines
        candidates = []
        for i, raw in enumerate(raw_pages[0]):
            number = LONE_NUMBER.match(raw)
            if number and raw.strip():
                prev_blank = i == 0 or not raw_pages[0][i - 1].strip()
                next_blank = i + 1 >= len(raw_pages[0]) or not raw_pages[0][i + 1].strip()
                if prev_blank and next_blank:
                    candidates.append((i, int(number.group(1))))
        values = [v for _, v in candidates]
        if len(candidates) >= 3 and values == sorted(values) and len(set(values)) == len(values):
            for i, value in candidates:
                remove.add((0, i))
                printed_at[(0, i)] = value

    # 3. build Lines with ordinal pages; in a single stream a removed header starts a page
    lines: list[Line] = []
    removed: list[str] = []
    printed: dict[int, int] = {}
    ordinal = 1
    blanks = 0
    pending_top = True
    for p, page in enumerate(raw_pages):
        if p > 0:
            ordinal += 1
            pending_top = True
            blanks = 0
        for i, raw in enumerate(page):
            if (p, i) in remove:
                removed.append(raw)
                is_header = _caps_header(raw) is not None
                if not real_pages and is_header and lines:
                    # a running header opens a page: what follows is on the next page
                    ordinal += 1
                if (p, i) in printed_at:
                    printed.setdefault(ordinal, printed_at[(p, i)])
                if not real_pages:
                    if not is_header:
                        # a lone page number closes its page
                        ordinal += 1
                    pending_top = True
                continue
            if not raw.strip():
                blanks += 1
                continue
            top = pending_top
            if space_breaks and re.match(r"^ \S", raw) and not top and lines:
                ordinal += 1
                top = True
            line = Line(
                text=raw.rstrip(),
                page=ordinal,
                page_top=top,
                trailing_space=raw != raw.rstrip(),
                blanks_before=blanks,
            )
            lines.append(line)
            blanks = 0
            pending_top = False
    # a page number printed at the bottom of a page belongs to that page; for headers
    # removed at the top this is the same page as recorded above
    return PagedText(
        lines=lines,
        removed=removed,
        printed=printed,
        header_titles=header_titles,
        ordinal_pages=ordinal,
        real_pages=real_pages,
    )


# ---------------------------------------------------------------------------------------
# Words split over lines

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
CONJUNCTIONS = {"en", "of", "tot", "noch", "als", "t/m", "and", "or"}
# Pieces of a word cut at a line end are no words of their own.
LINE_BREAK_SPLIT = re.compile(r"[^\W\d_]+-[ \t]*\n[ \t]*[^\W\d_]+", re.UNICODE)
# First parts Dutch spelling joins to a word with a hyphen ("oud-wethouder",
# "vice-voorzitter", "kandidaat-notaris", "loco-burgemeester").
HYPHEN_PREFIXES = {
    "ex",
    "oud",
    "vice",
    "kandidaat",
    "adjunct",
    "loco",
    "aspirant",
    "interim",
    "assistent",
    "niet",
    "non",
}


def vocabulary(text: str) -> set[str]:
    """Lower-cased words of a document, hyphenated compounds kept whole as well as split.
    A first part the document writes with a hyphen ("kandidaat-secretaris") is also kept
    with its hyphen ("kandidaat-"), so that a break after it can keep the hyphen too."""
    vocab: set[str] = set()
    for match in WORD.finditer(LINE_BREAK_SPLIT.sub(" ", text)):
        word = match.group(0).lower()
        vocab.add(word)
        if "-" in word:
            parts = word.split("-")
            vocab.update(parts)
            vocab.add(f"{parts[0]}-")
    return vocab


def _first_word(text: str) -> str:
    match = re.match(r"\s*([^\W\d_]+)", text)
    return match.group(1) if match else ""


def _last_word(text: str) -> str:
    match = re.search(r"([^\W\d_]+)-?\s*$", text)
    return match.group(1) if match else ""


def join_lines(
    previous: str,
    line: Line,
    *,
    previous_trailing_space: bool,
    vocab: set[str],
    trailing_space_convention: bool,
) -> str:
    """Append a wrapped line to the text before it, repairing a word split at the break."""
    current = line.text.strip()
    if not previous:
        return current
    if not current:
        return previous
    prev = previous.rstrip()
    next_word = _first_word(current)
    starts_lower = current[:1].islower()
    if prev.endswith("-") and not prev.endswith("--") and len(prev) > 1 and prev[-2].isalpha():
        head = _last_word(prev)
        joined = (head + next_word).lower()
        hyphenated = f"{head}-{next_word}".lower()
        if not starts_lower:
            # "Noord-" + "Holland": a real hyphen before a capital
            return prev + current if not previous_trailing_space else f"{prev} {current}"
        if next_word.lower() in CONJUNCTIONS or current.startswith(("t/m", "of ", "en ")):
            # "zorg- en welzijn": the hyphen stands for a shared word part
            return f"{prev} {current}"
        if head.isupper() or any(ch.isdigit() for ch in head):
            return prev + current  # "ICT-" + "beleid"
        if hyphenated in vocab and joined not in vocab:
            return prev + current
        tail = next_word.lower()
        if (
            joined not in vocab
            and len(tail) >= 3
            and tail in vocab
            and (head.lower() in HYPHEN_PREFIXES or (len(head) > 1 and f"{head.lower()}-" in vocab))
        ):
            # "kandidaat-" + "gemeentesecretaris": a first part that takes a hyphen before a
            # word the document uses on its own, while the glued form never occurs
            return prev + current
        if previous_trailing_space and joined not in vocab:
            # "in meerdere opzichten- veilig": a dash with a space after it
            return f"{prev} {current}"
        return prev[:-1] + current
    if (
        trailing_space_convention
        and not previous_trailing_space
        and starts_lower
        and re.search(r"(?<![\w@./:])[^\W\d_]+$", prev)
    ):
        # The converter dropped the hyphen and, unlike every other wrapped line, left no
        # space: "Gemeente" + "secretarissen".
        return prev + current
    return f"{prev} {current}"


def trailing_space_convention(lines: list[Line]) -> bool:
    """True when wrapped lines in this text normally end with a space, so that a line
    ending without one before a lower-case continuation marks a word cut in two."""
    if len(lines) < 10:
        return False
    with_space = sum(1 for line in lines if line.trailing_space)
    return with_space >= 0.6 * len(lines)
