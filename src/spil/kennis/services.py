"""Writes of the kennisbank: ingesting, replacing and removing documents."""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import socket
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Literal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from spil.kennis.extraction import MAX_BYTES, SUPPORTED, Limits, extract_document_limited
from spil.kennis.extraction.parsed import (
    ExtractionError,
    ParsedDocument,
    ParsedPassage,
    ParsedSection,
)
from spil.kennis.models import Document, Passage, Section, Unit, UnitVisit, Upload
from spil.kennis.search.indexing import (
    document_index,
    document_index_store,
    document_unindex,
    index_counts,
    unit_fill,
)
from spil.kennis.search.unit_analysis import DocumentAnalysis, UnitText, document_analyse

SHARED_RESOURCE = "kennis.bibliotheek"

logger = logging.getLogger(__name__)


IngestStatus = Literal["added", "replaced", "unchanged", "error"]


@dataclass
class IngestResult:
    filename: str
    status: IngestStatus
    message: str
    document: Document | None = None

    @property
    def ok(self) -> bool:
        return self.status != "error"


def _error(filename: str, problem: str) -> IngestResult:
    return IngestResult(filename=filename, status="error", message=f"{filename}: {problem}")


def _too_large(filename: str) -> IngestResult:
    # Checked before reading or hashing, so a huge file is never loaded for nothing.
    return _error(filename, f"het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB.")


def document_ingest(
    *, data: bytes, filename: str, user=None, force: bool = False, owner=None
) -> IngestResult:
    """Add a file to the library, replace its older version, or leave an unchanged one alone.

    `owner` None puts the file in the shared library; a user makes it a private document of
    that user. A file replaces only a document of the same name in the same place, so a
    re-upload never moves a document to another owner, and the duplicate check looks only at
    what the uploader can see (the shared library and, for a private upload, their own).
    `user` is who hands the file in (None: the command line).
    `force` reads an unchanged file again (e.g. after an improvement of the extraction).
    Nothing is written unless the whole file was read and structured. A new document is
    written in short steps and stays hidden until complete (see _add); a new version replaces
    the old one in a single short transaction, its index analysed before (see _replace). Two
    runs with the same new file at once end with one stored copy and a friendly message for
    the other.
    """
    filename = Path(filename).name
    if len(data) > MAX_BYTES:
        return _too_large(filename)
    checksum = hashlib.sha256(data).hexdigest()
    existing = Document.objects.filter(source_name=filename, owner=owner).first()
    if existing and not existing.ready:
        if _writer_alive(existing):
            if existing.checksum == checksum:  # the same file, read in by another run
                return IngestResult(
                    filename=filename,
                    status="unchanged",
                    message=f"{filename}: wordt op dit moment al door een andere verwerking "
                    "ingelezen; er komt één exemplaar in de bibliotheek.",
                    document=existing,
                )
            return _error(
                filename,
                "een andere versie van dit bestand wordt op dit moment ingelezen; "
                "probeer het over een paar minuten opnieuw.",
            )
        _discard(document=existing)  # left half-written by a process that is gone
        existing = None
    if existing and existing.checksum == checksum and not force:
        return IngestResult(
            filename=filename,
            status="unchanged",
            message=f"{filename}: ongewijzigd, al in de bibliotheek.",
            document=existing,
        )
    in_view = Q(owner__isnull=True) | Q(owner=owner) if owner is not None else Q(owner__isnull=True)
    twins = Document.objects.filter(in_view, checksum=checksum, ready=True)
    if existing:
        twins = twins.exclude(pk=existing.pk)
    twin = twins.exclude(source_name=filename, owner=owner).first()
    if twin and not force:
        return IngestResult(
            filename=filename,
            status="unchanged",
            message=f"{filename}: staat al in de bibliotheek als '{twin.source_name}'.",
            document=twin,
        )

    try:
        parsed = _extract(data=data, filename=filename)
    except ExtractionError as exc:
        message = str(exc)
        if not message.startswith(filename):
            message = f"{filename}: {message}"
        return IngestResult(filename=filename, status="error", message=message)
    except Exception:  # a reader bug must not stop the rest of a batch
        logger.exception("Extraction failed for %s", filename)
        return _error(filename, "het bestand kon door een onverwachte fout niet worden gelezen.")
    if not any(section.passages or section.kind == "theme" for section in parsed.walk()):
        return _error(filename, "er is geen leesbare tekst in het bestand gevonden.")

    try:
        document, status, same_file = _write(
            parsed=parsed,
            existing=existing,
            filename=filename,
            checksum=checksum,
            size=len(data),
            user=user,
            owner=owner,
        )
    except IntegrityError:
        # Another process (a second `spil ingest`, a second tab) stored the same name at the
        # same moment: one copy stays, this run reports it and the batch goes on.
        return _raced(filename=filename, owner=owner, checksum=checksum)

    # The same counts, under the same names, as the library table shows for the document.
    themes = document.units.filter(theme_number__isnull=False).count()
    sections = document.sections.count()
    if status == "added":
        verb = "toegevoegd"
    elif same_file:  # forced re-read of the same file: there is no "new version"
        verb = "opnieuw ingelezen"
    else:
        verb = "vervangen door de nieuwe versie"
    parts = f"{sections} " + ("onderdeel" if sections == 1 else "onderdelen")
    detail = (
        f"{themes} " + ("thema" if themes == 1 else "thema's") + f", {parts}" if themes else parts
    )
    return IngestResult(
        filename=filename,
        status=status,
        message=f"{filename}: {verb} ({detail}).",
        document=document,
    )


def _extract(*, data: bytes, filename: str) -> ParsedDocument:
    """Read the file in a child process with the configured time and memory limits."""
    limits = Limits(
        seconds=float(settings.SPIL_EXTRACTIE_SECONDEN),
        memory_mb=int(settings.SPIL_EXTRACTIE_GEHEUGEN_MB),
    )
    return extract_document_limited(data=data, filename=filename, limits=limits)


def _raced(*, filename: str, owner, checksum: str) -> IngestResult:
    stored = Document.objects.filter(source_name=filename, owner=owner).first()
    if stored is not None and stored.checksum == checksum:
        return IngestResult(
            filename=filename,
            status="unchanged",
            message=f"{filename}: tegelijk al door een andere verwerking toegevoegd; "
            "er is één exemplaar bewaard.",
            document=stored,
        )
    return _error(
        filename,
        "tegelijk werd een ander bestand met deze naam toegevoegd; probeer het zo opnieuw.",
    )


# Passages are written in steps of this many rows, each its own short transaction.
PASSAGE_BATCH = 1_000


def _write(
    *, parsed: ParsedDocument, existing: Document | None, filename, checksum, size, user, owner
) -> tuple[Document, IngestStatus, bool]:
    if existing is not None:
        return _replace(
            parsed=parsed, document=existing, checksum=checksum, size=size, user=user, owner=owner
        )
    return _add(
        parsed=parsed, filename=filename, checksum=checksum, size=size, user=user, owner=owner
    )


def _fill(*, document: Document, parsed: ParsedDocument, checksum: str, size: int) -> None:
    document.title = parsed.title[:500] or Path(document.source_name).stem
    document.checksum = checksum
    document.file_type = parsed.file_type
    document.size_bytes = size
    document.pages = parsed.pages


def _replace(
    *, parsed: ParsedDocument, document: Document, checksum, size, user, owner
) -> tuple[Document, IngestStatus, bool]:
    """A new version in one transaction: until it commits, the old version stays whole and
    findable, and its sections and units keep their ids (see _addresses_of).

    On SQLite (one writer at a time for the whole database) that transaction holds the write
    lock, so everything that needs no lock is done before it: the index analysis of the new
    version (nearly all the time of indexing), its passage rows, and the statistics counts of
    both versions (see indexing.index_counts). Inside it the old rows go with a few plain
    deletes and the new passages with one prepared insert (see _structure_delete,
    _passages_insert): Django's cascade collector and bulk_create took most of the lock time."""
    analysis = document_analyse(_unit_texts(parsed))
    passages = _passage_rows(parsed, analysis)
    new_counts = index_counts(
        (result.index_title, result.index_tips(), result.index_body) for result in analysis.units
    )
    old_counts = index_counts(
        document.units.values_list("index_title", "index_tips", "index_body").iterator()
    )
    with _no_full_collection(), transaction.atomic():
        same_file = document.checksum == checksum
        visits = _visits_of(document=document)
        addresses = _addresses_of(document=document)
        document_unindex(document=document, counts=old_counts)
        _structure_delete(document=document)
        _fill(document=document, parsed=parsed, checksum=checksum, size=size)
        document.save()
        units = _store_structure(
            document=document, parsed=parsed, addresses=addresses, analysis=analysis
        )
        _passages_insert(
            (unit.pk, *row)
            for (unit, _parsed), rows in zip(units, passages, strict=True)
            for row in rows
        )
        _visits_restore(document=document, visits=visits)
        document_index_store(
            document=document,
            units=[unit for unit, _p in units],
            analysis=analysis,
            counts=new_counts,
        )
        if owner is None:
            _audit_publication(actor=user, document=document, verb="replaced")
    return document, "replaced", same_file


@contextmanager
def _no_full_collection() -> Iterator[None]:
    """Keep the objects alive now (the analysis of a large document: millions) out of the
    garbage collector's reach meanwhile: a full collection inside the write transaction would
    scan them all and make every waiting login wait ~0.1 s longer."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _table(model, *fields: str) -> tuple[str, list[str]]:
    meta = model._meta
    return meta.db_table, [meta.get_field(name).column for name in fields]


# What `_structure_delete` removes with the sections: every relation that cascades from them.
# UnitKeyword and SearchFeedback point at units without a constraint (DO_NOTHING) and outlive a
# version on purpose: the units they name keep their ids.
STRUCTURE_CASCADE = {
    (Section, "children"),
    (Section, "unit"),
    (Unit, "passages"),
    (Unit, "visits"),
}


def _structure_delete(*, document: Document) -> None:
    """Delete a document's sections, units, passages and visits with four statements in
    dependency order (inside the caller's transaction): what `document.sections.all().delete()`
    does, without loading the rows into Django's cascade collector first."""
    unit, (unit_id, unit_document) = _table(Unit, "id", "document")
    units = f"SELECT {unit_id} FROM {unit} WHERE {unit_document} = %s"
    with connection.cursor() as cursor:
        for model in (UnitVisit, Passage):
            table, (column,) = _table(model, "unit")
            cursor.execute(f"DELETE FROM {table} WHERE {column} IN ({units})", [document.pk])
        cursor.execute(f"DELETE FROM {unit} WHERE {unit_document} = %s", [document.pk])
        section, (section_document,) = _table(Section, "document")
        # Parents and children go in one statement (the constraint on parent is deferred).
        cursor.execute(f"DELETE FROM {section} WHERE {section_document} = %s", [document.pk])


# A passage row as `_passages_insert` writes it.
PassageRow = tuple[int, int, str, str, int | None, str]  # unit, position, kind, text, page, words


def _passages_insert(rows: Iterable[PassageRow]) -> None:
    """Write passages with one prepared statement (executemany): a fraction of bulk_create's
    time for thousands of rows, which on SQLite is time a login would wait."""
    table, columns = _table(Passage, "unit", "position", "kind", "text", "page", "index_words")
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", list(rows)
        )


def _add(
    *, parsed: ParsedDocument, filename, checksum, size, user, owner
) -> tuple[Document, IngestStatus, bool]:
    """A new document in short write transactions, so that a long ingestion never holds the
    database (SQLite has one writer at a time) for more than a moment:

    1. the document row, its sections and units, marked not ready: hidden from every page
       and from search;
    2. the passages, in steps of PASSAGE_BATCH rows;
    3. the search index and "ready", in one transaction that on SQLite takes the write lock
       only for the index's own writes: the analysis before them only reads.

    A failure removes what was written; a process killed half-way leaves a document that is
    not ready, which `document_recover_unready` removes when Spil starts."""
    document = Document(
        source_name=filename, added_by=user, owner=owner, ready=False, writer=_writer_id()
    )
    _fill(document=document, parsed=parsed, checksum=checksum, size=size)
    with transaction.atomic():
        document.save()
        units = _store_structure(document=document, parsed=parsed)
    passages = _passages(units)
    try:
        for start in range(0, len(passages), PASSAGE_BATCH):
            with transaction.atomic():
                Passage.objects.bulk_create(passages[start : start + PASSAGE_BATCH])
        _publish(document=document, user=user, owner=owner)
    except BaseException:
        _discard(document=document)
        raise
    return document, "added", False


def _discard(*, document: Document) -> None:
    """Remove a document that was not completed (and what of it reached the index)."""
    with transaction.atomic():
        if Document.objects.filter(pk=document.pk, ready=False).exists():
            document_unindex(document=document)
            Document.objects.filter(pk=document.pk).delete()


def _publish(*, document: Document, user, owner) -> None:
    """Index the document and make it visible.

    On SQLite (one writer at a time for the whole database) the index is built outside a
    transaction: its reads and its analysis, which take most of the time, hold no lock, and
    each of its writes is a short statement of its own, so a login waits for one statement,
    never for the whole analysis. The document is not ready (hidden) until the last step; a
    failure half-way is cleaned up by the caller. Elsewhere (PostgreSQL, row locks) it is one
    transaction."""
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        document_index(document=document)
        with transaction.atomic():
            _mark_ready(document=document, user=user, owner=owner)
        return
    with transaction.atomic():
        document_index(document=document)
        _mark_ready(document=document, user=user, owner=owner)


def _mark_ready(*, document: Document, user, owner) -> None:
    Document.objects.filter(pk=document.pk).update(ready=True)
    document.ready = True
    if owner is None:
        _audit_publication(actor=user, document=document, verb="added")


def _writer_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


# A document not ready for this long is taken as abandoned even when its writer cannot be
# checked (another host).
ABANDONED_AFTER = timedelta(hours=6)


def _writer_alive(document: Document) -> bool:
    host, _sep, pid = document.writer.rpartition(":")
    if host == socket.gethostname() and pid.isdigit():
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    return timezone.now() - document.updated_at < ABANDONED_AFTER


def document_recover_unready() -> int:
    """Remove documents that an ingestion killed half-way left not ready (at start-up); those
    still being written by a running process are left alone."""
    removed = 0
    for document in Document.objects.filter(ready=False):
        if _writer_alive(document):
            continue
        Upload.objects.filter(document=document).update(data=b"")
        _discard(document=document)
        removed += 1
    return removed


def document_ingest_path(*, path: Path, user=None) -> IngestResult:
    name = path.name
    if not path.exists():
        return _error(name, "bestand niet gevonden.")
    if not path.is_file():
        return _error(name, "dit is geen bestand.")
    if path.stat().st_size > MAX_BYTES:
        return _too_large(name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _error(name, f"het bestand kan niet worden gelezen ({exc.strerror}).")
    return document_ingest(data=data, filename=name, user=user)


def document_ingest_batch(*, paths: Iterable[Path], user=None) -> list[IngestResult]:
    """Ingest each file on its own: one bad file never stops or undoes the others."""
    return [document_ingest_path(path=path, user=user) for path in expand_paths(paths)]


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders become the supported files inside them, sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED))
        else:
            files.append(path)
    return files


def _audit_publication(*, actor, document: Document, verb: str) -> None:
    from spil.core.audit import audit_record
    from spil.core.models import AuditEntry

    words = {"added": "toegevoegd aan", "replaced": "vervangen in", "removed": "verwijderd uit"}
    audit_record(
        actor=actor,
        kind=AuditEntry.Kind.PUBLICATION,
        resource=SHARED_RESOURCE,
        label=f"'{document.title}' ({document.source_name}) "
        f"{words.get(verb, verb)} de gedeelde bibliotheek",
        object_id=document.pk,
    )


def document_may(*, actor, document: Document, action: str) -> bool:
    """Whether the actor may do `action` on the document (None: the command line may)."""
    if actor is None:
        return True
    return Document.objects.visible_to(actor, action).filter(pk=document.pk).exists()


@transaction.atomic
def document_delete(*, document: Document, actor=None) -> None:
    """Remove a document: a shared one by a bibliotheekbeheerder, a private one by its owner."""
    if not document_may(actor=actor, document=document, action="delete"):
        raise PermissionDenied("Geen toegang tot dit document.")
    if document.owner_id is None:
        _audit_publication(actor=actor, document=document, verb="removed")
    document_unindex(document=document)
    # The uploaded file goes with the document: no copy of its bytes stays behind.
    Upload.objects.filter(document=document).update(data=b"")
    document.delete()


def _visits_of(*, document: Document) -> list[tuple[int, str, int | None, object]]:
    return list(
        UnitVisit.objects.filter(unit__document=document).values_list(
            "owner_id", "unit__heading_path", "unit__theme_number", "visited_at"
        )
    )


def _visits_restore(*, document: Document, visits) -> None:
    """Keep what users read across a new version: same place in the document, else same theme."""
    if not visits:
        return
    by_path: dict[str, int] = {}
    by_theme: dict[int, int] = {}
    for unit_id, path, theme in document.units.values_list("id", "heading_path", "theme_number"):
        by_path.setdefault(path, unit_id)
        if theme is not None:
            by_theme.setdefault(theme, unit_id)
    restored = {}
    for owner_id, path, theme, visited_at in visits:
        target = by_path.get(path) or by_theme.get(theme)
        if target is not None:
            restored[(owner_id, target)] = UnitVisit(
                owner_id=owner_id, unit_id=target, visited_at=visited_at
            )
    UnitVisit.objects.bulk_create(restored.values())


# --- stable addresses ------------------------------------------------------------------------
# A new version (or "opnieuw inlezen") rewrites a document's sections and units. Pages and
# bookmarks address them by id, so a section or unit that is still there afterwards keeps its
# id: it is recognised by its theme number, else by its place (the titles above it and its own).


def _address_keys(nodes: list[tuple[int, str, int | None, int | None]]) -> list[str]:
    """One key per node, in order; nodes are (index, title, theme number, parent index)."""
    paths: dict[int, str] = {}
    keys: list[str] = []
    seen: dict[str, int] = {}
    themes = [number for _i, _t, number, _p in nodes if number is not None]
    unique_themes = {n for n in themes if themes.count(n) == 1}
    for index, title, number, parent in nodes:
        paths[index] = (paths[parent] + " > " if parent is not None else "") + title
        key = f"thema {number}" if number in unique_themes else paths[index]
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key} #{seen[key]}")
    return keys


def _addresses_of(*, document: Document) -> dict[str, tuple[int, int | None]]:
    """The ids of a document's sections (and their units) by address key."""
    rows = list(
        document.sections.order_by("position").values_list(
            "id", "parent_id", "title", "kind", "number"
        )
    )
    nodes = [
        (section_id, title, number if kind == Section.Kind.THEME else None, parent_id)
        for section_id, parent_id, title, kind, number in rows
    ]
    units = dict(document.units.values_list("section_id", "id"))
    return {
        key: (node[0], units.get(node[0]))
        for key, node in zip(_address_keys(nodes), nodes, strict=True)
    }


def _ordered(
    parsed: ParsedDocument,
) -> list[tuple[ParsedSection, ParsedSection | None, list[str]]]:
    """The sections in document order, each with its parent and the titles down to it."""
    ordered: list[tuple[ParsedSection, ParsedSection | None, list[str]]] = []

    def visit(node: ParsedSection, parent: ParsedSection | None, path: list[str]) -> None:
        node_path = [*path, node.title]
        ordered.append((node, parent, node_path))
        for child in node.children:
            visit(child, node, node_path)

    for top in parsed.sections:
        visit(top, None, [])
    return ordered


def _is_unit(node: ParsedSection) -> bool:
    """One unit per section with text of its own, and one per theme."""
    return bool(node.passages) or node.kind == "theme"


def _unit_texts(parsed: ParsedDocument) -> list[UnitText]:
    """What the index analysis reads of the units `_store_structure` will write, in its order."""
    return [
        UnitText(
            title=node.title[:500],
            heading_path=" > ".join(path),
            passages=[(passage.kind, passage.text) for passage in node.passages],
        )
        for node, _parent, path in _ordered(parsed)
        if _is_unit(node)
    ]


def _store_structure(
    *,
    document: Document,
    parsed: ParsedDocument,
    addresses: dict[str, tuple[int, int | None]] | None = None,
    analysis: DocumentAnalysis | None = None,
) -> list[tuple[Unit, list[ParsedPassage]]]:
    """Write the section tree, one unit per section with text of its own, and the passages.
    Sections and units found in `addresses` (see _addresses_of) get their old ids back.
    `analysis` (of `_unit_texts(parsed)`) fills the units' index columns as they are written.
    Returns each unit with its parsed passages: the caller writes them (see _passages)."""
    ordered = _ordered(parsed)

    rows: dict[int, Section] = {}
    by_depth: dict[int, list[tuple[int, ParsedSection, ParsedSection | None]]] = {}
    for position, (node, parent, path) in enumerate(ordered):
        by_depth.setdefault(len(path), []).append((position, node, parent))
    position_of = {id(node): position for position, (node, _p, _path) in enumerate(ordered)}
    keys = _address_keys(
        [
            (
                position,
                node.title[:500],
                node.number if node.kind == "theme" else None,
                position_of[id(parent)] if parent is not None else None,
            )
            for position, (node, parent, _path) in enumerate(ordered)
        ]
    )
    kept = [(addresses or {}).get(key, (None, None)) for key in keys]

    # Parents must have primary keys before their children are inserted.
    for depth in sorted(by_depth):
        batch = []
        for position, node, parent in by_depth[depth]:
            section = Section(
                pk=kept[position][0],
                document=document,
                parent=rows[position_of[id(parent)]] if parent is not None else None,
                kind=node.kind,
                label=node.label[:50],
                number=node.number,
                title=node.title[:500],
                level=node.level,
                position=position,
                page=node.page,
            )
            rows[position] = section
            batch.append(section)
        Section.objects.bulk_create(batch)

    units: list[Unit] = []
    unit_passages: list[list] = []
    for position, (node, _parent, path) in enumerate(ordered):
        if not _is_unit(node):
            continue
        first_page = node.page
        if first_page is None:
            first_page = next((p.page for p in node.passages if p.page is not None), None)
        pages = [p.page for p in node.passages if p.page is not None]
        last_page = max([*pages, first_page] if first_page is not None else pages, default=None)
        units.append(
            Unit(
                pk=kept[position][1],
                document=document,
                section=rows[position],
                position=position,
                theme_number=node.number if node.kind == "theme" else None,
                title=node.title[:500],
                heading_path=" > ".join(path),
                page=first_page,
                last_page=last_page,
            )
        )
        unit_passages.append(node.passages)
    if analysis is not None:
        for unit, result in zip(units, analysis.units, strict=True):
            unit_fill(unit, result)
    Unit.objects.bulk_create(units)

    return list(zip(units, unit_passages, strict=True))


def _passages(units: list[tuple[Unit, list[ParsedPassage]]]) -> list[Passage]:
    return [
        Passage(unit=unit, position=i, kind=p.kind, text=p.text, page=p.page)
        for unit, passages in units
        for i, p in enumerate(passages)
    ]


def _passage_rows(
    parsed: ParsedDocument, analysis: DocumentAnalysis
) -> list[list[tuple[int, str, str, int | None, str]]]:
    """The passages of each unit `_store_structure` will write (in its order), with their
    index words, made before the transaction: (position, kind, text, page, index words); only
    their unit is added inside it (see _passages_insert)."""
    nodes = [node for node, _parent, _path in _ordered(parsed) if _is_unit(node)]
    return [
        [
            (i, p.kind, p.text, p.page, words)
            for i, (p, words) in enumerate(zip(node.passages, result.passage_words, strict=True))
        ]
        for node, result in zip(nodes, analysis.units, strict=True)
    ]
