"""Readers: bytes of one file type -> raw text pages, Markdown text or structured blocks.

Each reader raises ExtractionError with a Dutch message naming the file."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from .cleaning import normalise_text
from .parsed import ExtractionError

MAX_BYTES = 50 * 1024 * 1024
# Bounds on what one file may unfold into, checked before the expensive parsing starts, so
# that a small file that expands enormously (a zip bomb, a PDF of blank pages) fails at once.
MAX_ZIP_ENTRIES = 5_000  # parts inside a DOCX (a long real report has a few hundred)
MAX_UNPACKED_BYTES = 250 * 1024 * 1024  # all parts of a DOCX together, uncompressed
MAX_PAGES = 1_500  # pages of a PDF
MAX_CHARACTERS = 60_000_000  # text of one document after reading
MAX_HTML_DEPTH = 250  # elements inside each other in an HTML file

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt"}
MARKDOWN_SUFFIXES = {".md": "md", ".markdown": "md"}
SUPPORTED = {
    **TEXT_SUFFIXES,
    **MARKDOWN_SUFFIXES,
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
}


@dataclass
class Block:
    """A piece of text whose role the source format already tells (DOCX, HTML, Markdown)."""

    kind: str  # "heading" | "paragraph" | "tip" | "table_row" | "footnote" | "break"
    text: str
    level: int = 0  # heading level in the markup (1 = top)
    page: int | None = None


@dataclass
class RawDocument:
    file_type: str
    meta_title: str = ""
    # exactly one of the three carries the content
    page_texts: list[str] | None = None  # layout text (txt, pdf): one string per page
    markdown: str | None = None
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None


def file_type_for(filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUPPORTED:
        shown = suffix or "zonder extensie"
        raise ExtractionError(
            f"{filename}: dit bestandstype ({shown}) wordt niet ondersteund. "
            "Gebruik PDF, DOCX, TXT, Markdown of HTML."
        )
    return SUPPORTED[suffix]


def read(*, data: bytes, filename: str) -> RawDocument:
    file_type = file_type_for(filename)
    if len(data) > MAX_BYTES:
        raise ExtractionError(
            f"{filename}: het bestand is te groot ({len(data) / 1024 / 1024:.0f} MB); "
            f"de grens is {MAX_BYTES // 1024 // 1024} MB."
        )
    if not data:
        raise ExtractionError(f"{filename}: het bestand is leeg (0 bytes).")
    reader = {
        "txt": read_text,
        "md": read_markdown,
        "pdf": read_pdf,
        "docx": read_docx,
        "html": read_html,
    }[file_type]
    raw = reader(data=data, filename=filename)
    characters = raw_characters(raw)
    if characters > MAX_CHARACTERS:
        raise ExtractionError(
            f"{filename}: het bestand bevat te veel tekst ({_millions(characters)} tekens); "
            f"de grens is {_millions(MAX_CHARACTERS)} tekens per document. "
            "Splits het in delen en voeg die apart toe."
        )
    return raw


def raw_characters(raw: RawDocument) -> int:
    if raw.page_texts is not None:
        return sum(len(text) for text in raw.page_texts)
    if raw.markdown is not None:
        return len(raw.markdown)
    return sum(len(block.text) for block in raw.blocks)


def _millions(count: int) -> str:
    return f"{count / 1_000_000:.1f}".replace(".", ",") + " miljoen"


def check_zip(*, data: bytes, filename: str, kind: str) -> None:
    """Refuse a zip container (DOCX) whose parts are too many or unpack too large, from its
    table of contents, before anything is unpacked. zipfile stops each part at its declared
    size, so a part cannot unpack to more than the table says."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ExtractionError(
            f"{filename}: dit is geen geldig {kind}; het bestand is beschadigd "
            "of heeft de verkeerde extensie."
        ) from exc
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ExtractionError(
            f"{filename}: het {kind} bestaat uit {len(entries)} onderdelen; de grens is "
            f"{MAX_ZIP_ENTRIES}. Het bestand is niet ingelezen."
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ExtractionError(
            f"{filename}: het {kind} pakt uit tot {unpacked // (1024 * 1024)} MB; de grens is "
            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB uitgepakt. Het bestand is niet ingelezen "
            "(mogelijk een 'zip-bom')."
        )


# ---------------------------------------------------------------------------------------
# Plain text and Markdown

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")


def decode_text(data: bytes, filename: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, otherwise Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = None
        if text is not None:
            return _check_text(text, filename)
    if b"\x00" in data[:65536]:
        raise ExtractionError(
            f"{filename}: dit is geen tekstbestand; het bevat binaire gegevens "
            "(bijvoorbeeld een programma of afbeelding met de verkeerde extensie)."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        # Text in a Western single-byte encoding is mostly ASCII; binary data read that
        # way is mostly accented letters and symbols.
        sample = text[:200_000]
        if len(_NON_ASCII.findall(sample)) > 0.3 * max(1, len(sample)):
            raise _unreadable(filename)
    return _check_text(text, filename)


def _unreadable(filename: str) -> ExtractionError:
    return ExtractionError(
        f"{filename}: dit lijkt geen leesbare tekst te zijn; het bestand bevat "
        "vooral onleesbare tekens (binaire gegevens of een onbekende tekencodering)."
    )


def _check_text(text: str, filename: str) -> str:
    sample = text[:200_000]
    if not sample.strip():
        raise ExtractionError(f"{filename}: het bestand bevat geen tekst.")
    if sample:
        odd = len(_CONTROL.findall(sample))
        letters = sum(map(str.isalpha, sample))
        if odd > 0.02 * len(sample) or letters < 0.2 * len(sample.strip()):
            raise _unreadable(filename)
    return normalise_text(text)


MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+\S", re.MULTILINE)


def looks_like_markdown(text: str) -> bool:
    return len(MARKDOWN_HEADING.findall(text)) >= 2


def read_text(*, data: bytes, filename: str) -> RawDocument:
    text = decode_text(data, filename)
    if looks_like_markdown(text):
        return RawDocument(file_type="txt", markdown=text)
    pages = text.split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages = pages[:-1]  # a final form feed closes the last page
    return RawDocument(
        file_type="txt", page_texts=pages, pages=len(pages) if len(pages) > 1 else None
    )


def read_markdown(*, data: bytes, filename: str) -> RawDocument:
    return RawDocument(file_type="md", markdown=decode_text(data, filename))


# ---------------------------------------------------------------------------------------
# PDF


def read_pdf(*, data: bytes, filename: str) -> RawDocument:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    broken = f"{filename}: het PDF-bestand is beschadigd en kan niet worden gelezen."
    locked = (
        f"{filename}: het PDF-bestand is beveiligd met een wachtwoord en kan niet worden "
        "gelezen. Sla het zonder beveiliging op en probeer het opnieuw."
    )
    if not data.lstrip()[:1024].find(b"%PDF") >= 0:
        raise ExtractionError(f"{filename}: dit is geen PDF-bestand (de PDF-kop ontbreekt).")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ExtractionError(locked)
            except (DependencyError, NotImplementedError, FileNotDecryptedError) as exc:
                raise ExtractionError(locked) from exc
        if len(reader.pages) > MAX_PAGES:
            raise ExtractionError(
                f"{filename}: het PDF-bestand heeft {len(reader.pages)} pagina's; de grens is "
                f"{MAX_PAGES} pagina's per document. Splits het in delen en voeg die apart toe."
            )
        page_texts = []
        for page in reader.pages:
            page_texts.append(normalise_text(page.extract_text() or ""))
        meta_title = ""
        try:
            if reader.metadata and reader.metadata.title:
                meta_title = normalise_text(str(reader.metadata.title)).strip()
        except Exception:  # metadata is optional; a broken info dictionary is not fatal
            meta_title = ""
    except ExtractionError:
        raise
    except (FileNotDecryptedError, DependencyError) as exc:
        raise ExtractionError(locked) from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise ExtractionError(broken) from exc
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        raise ExtractionError(broken) from exc
    if not page_texts:
        raise ExtractionError(broken)
    if not any(text.strip() for text in page_texts):
        raise ExtractionError(
            f"{filename}: het PDF-bestand bevat geen leesbare tekst. Het is waarschijnlijk een "
            "scan (afbeeldingen van pagina's); laat er eerst tekstherkenning (OCR) op los."
        )
    return RawDocument(
        file_type="pdf", meta_title=meta_title, page_texts=page_texts, pages=len(page_texts)
    )


# ---------------------------------------------------------------------------------------
# DOCX

HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
TITLE_STYLES = {"title", "titel"}
LIST_STYLE = re.compile(r"list|lijst|opsomming|bullet", re.IGNORECASE)


def read_docx(*, data: bytes, filename: str) -> RawDocument:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ExtractionError(
            f"{filename}: dit is geen geldig Word-bestand (DOCX); het bestand is beschadigd "
            "of heeft de verkeerde extensie."
        )
    check_zip(data=data, filename=filename, kind="Word-bestand (DOCX)")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError/ValueError/... on broken packages
        raise ExtractionError(
            f"{filename}: het Word-bestand (DOCX) is beschadigd en kan niet worden gelezen."
        ) from exc

    blocks: list[Block] = []
    meta_title = normalise_text(document.core_properties.title or "").strip()
    for child in _body_blocks(document.element.body):
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = _clean_inline(paragraph.text)
            if not text:
                continue
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            heading = HEADING_STYLE.match(style.strip())
            p_pr = child.pPr
            numbered = p_pr is not None and p_pr.numPr is not None
            if style.strip().lower() in TITLE_STYLES:
                if not meta_title:
                    meta_title = text
                blocks.append(Block("heading", text, level=1))
            elif heading:
                blocks.append(Block("heading", text, level=int(heading.group(1))))
            elif numbered or LIST_STYLE.search(style):
                blocks.append(Block("tip", text))
            else:
                blocks.append(Block("paragraph", text))
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = _clean_inline(cell.text)
                    # merged cells come back once per grid column
                    if text and (not cells or cells[-1] != text):
                        cells.append(text)
                if cells:
                    blocks.append(Block("table_row", " | ".join(cells)))
    if not any(block.text.strip() for block in blocks):
        raise ExtractionError(f"{filename}: het Word-bestand bevat geen tekst.")
    return RawDocument(file_type="docx", meta_title=meta_title, blocks=blocks)


def _body_blocks(element):
    """Paragraphs and tables in document order, also those inside content controls (a
    table of contents, a cover page) which python-docx does not list."""
    for child in element.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag in ("p", "tbl"):
            yield child
        elif tag in ("sdt", "sdtContent", "customXml"):
            yield from _body_blocks(child)


def _clean_inline(text: str) -> str:
    return re.sub(r"\s+", " ", normalise_text(text)).strip()


# ---------------------------------------------------------------------------------------
# HTML

DROP_TAGS = ("script", "style", "nav", "noscript", "template", "svg", "head", "form")
HTML_HEADINGS = {f"h{n}": n for n in range(1, 7)}
HTML_BLOCKS = {"p", "blockquote", "pre", "dd", "dt", "figcaption", "caption", "address"}
HTML_CONTAINERS = {
    "html",
    "body",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "figure",
    "ul",
    "ol",
    "dl",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "details",
    "center",
}


def _html_depth(soup) -> int:
    """How deeply the elements nest, counted without recursion (the walk below recurses)."""
    deepest = 0
    depth_of: dict[int, int] = {id(soup): 0}
    for node in soup.descendants:
        if getattr(node, "name", None) is None:
            continue
        depth = depth_of.get(id(node.parent), 0) + 1
        depth_of[id(node)] = depth
        deepest = max(deepest, depth)
    return deepest


def read_html(*, data: bytes, filename: str) -> RawDocument:
    from bs4 import (
        BeautifulSoup,
        Comment,
        Declaration,
        Doctype,
        NavigableString,
        ProcessingInstruction,
    )

    text = decode_text(data, filename)
    try:
        soup = BeautifulSoup(text, "html.parser")
    except Exception as exc:  # html.parser is lenient; this is for truly broken input
        raise ExtractionError(f"{filename}: het HTML-bestand kan niet worden gelezen.") from exc
    depth = _html_depth(soup)
    if depth > MAX_HTML_DEPTH:
        raise ExtractionError(
            f"{filename}: de HTML is te diep genest ({depth} elementen in elkaar); de grens is "
            f"{MAX_HTML_DEPTH}. Sla de pagina op als PDF of tekst en probeer het opnieuw."
        )
    meta_title = _clean_inline(soup.title.get_text(" ")) if soup.title else ""
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()

    blocks: list[Block] = []
    inline: list[str] = []

    def flush() -> None:
        joined = _clean_inline(" ".join(inline))
        inline.clear()
        if joined:
            blocks.append(Block("paragraph", joined))

    def own_text(node) -> str:
        """Text of a list item without its nested lists, which become items of their own."""
        parts = []
        for child in node.children:
            if getattr(child, "name", None) in ("ul", "ol"):
                continue
            if isinstance(child, Comment):
                continue
            parts.append(child.get_text(" ") if hasattr(child, "get_text") else str(child))
        return _clean_inline(" ".join(parts))

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, Comment | Doctype | Declaration | ProcessingInstruction):
                continue
            if isinstance(child, NavigableString):
                inline.append(str(child))
                continue
            name = child.name
            if name in HTML_HEADINGS:
                flush()
                heading = _clean_inline(child.get_text(" "))
                if heading:
                    blocks.append(Block("heading", heading, level=HTML_HEADINGS[name]))
            elif name == "li":
                flush()
                item = own_text(child)
                if item:
                    blocks.append(Block("tip", item))
                for nested in child.find_all(["ul", "ol"], recursive=False):
                    walk(nested)
            elif name == "tr":
                flush()
                cells = [_clean_inline(cell.get_text(" ")) for cell in child.find_all(["th", "td"])]
                cells = [cell for cell in cells if cell]
                if cells:
                    blocks.append(Block("table_row", " | ".join(cells)))
            elif name in HTML_BLOCKS:
                flush()
                inline.append(child.get_text(" "))
                flush()
            elif name in HTML_CONTAINERS:
                flush()
                walk(child)
                flush()
            elif name == "br":
                inline.append(" ")
            else:
                inline.append(child.get_text(" "))
        return None

    walk(soup)
    flush()
    if not any(block.text for block in blocks):
        raise ExtractionError(f"{filename}: het HTML-bestand bevat geen leesbare tekst.")
    return RawDocument(file_type="html", meta_title=meta_title, blocks=blocks)
