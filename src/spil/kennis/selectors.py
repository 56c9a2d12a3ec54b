"""Reads of the kennisbank for browsing: library, table of contents, themes, citations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from spil.kennis.models import Document, Passage, Section, Unit, UnitVisit, Upload

PENDING_UPLOAD_STATUSES = (Upload.Status.QUEUED, Upload.Status.RUNNING)


@dataclass
class LibraryOverview:
    documents: int
    themes: int
    units: int
    passages: int
    # "Onderdelen" everywhere in the UI are a document's sections (its table of contents).
    sections: int = 0


@dataclass
class TocNode:
    section: Section
    unit_id: int | None
    children: list[TocNode] = field(default_factory=list)


@dataclass
class Citation:
    document_title: str
    source_name: str
    theme_number: int | None
    title: str
    page: int | None
    last_page: int | None = None

    @property
    def pages(self) -> str:
        """ "p. 16" or "pp. 16–17" when the text runs on; empty without page numbers."""
        if not self.page:
            return ""
        if self.last_page and self.last_page > self.page:
            return f"pp. {self.page}–{self.last_page}"
        return f"p. {self.page}"

    @property
    def text(self) -> str:
        """One line a secretary can paste into a note or advice."""
        where = f"‘{self.title}’"
        if self.theme_number is not None:
            where = f"thema {self.theme_number}, {where}"
        pages = f", {self.pages}" if self.pages else ""
        return f"{self.document_title}, {where}{pages}."


@dataclass
class ReadingBlock:
    """One section inside a reading view: its heading level relative to the section read."""

    section: Section
    depth: int
    unit: Unit | None
    passages: list[Passage]

    @property
    def runs(self) -> list[tuple[str, list[Passage]]]:
        return passage_runs(passages=self.passages)


def passage_runs(*, passages: list[Passage]) -> list[tuple[str, list[Passage]]]:
    """Consecutive passages of one kind together, so tips render as one list."""
    runs: list[tuple[str, list[Passage]]] = []
    for passage in passages:
        if runs and runs[-1][0] == passage.kind:
            runs[-1][1].append(passage)
        else:
            runs.append((passage.kind, [passage]))
    return runs


def documents_visible(*, user, action: str = "view") -> QuerySet[Document]:
    """The documents the user may see (or act on): the shared library plus their own private
    uploads. Without a user (command line): the shared library."""
    if user is None:
        return Document.objects.filter(owner__isnull=True, ready=True)
    # A document still being written (not ready) is shown nowhere until it is complete.
    return Document.objects.visible_to(user, action).filter(ready=True)


def document_list(*, user=None) -> QuerySet[Document]:
    return (
        documents_visible(user=user)
        .annotate(
            theme_count=Count("units", filter=Q(units__theme_number__isnull=False), distinct=True),
            unit_count=Count("units", distinct=True),
            section_count=Count("sections", distinct=True),
        )
        .order_by("title", "id")
    )


def document_get(*, document_id: int, user=None, action: str = "view") -> Document | None:
    """The document if the user may see it (or do `action` on it); None otherwise (a 404)."""
    if action == "view":
        return document_list(user=user).filter(pk=document_id).first()
    allowed = documents_visible(user=user, action=action).filter(pk=document_id)
    return document_list(user=user).filter(pk__in=allowed.values("pk")).first()


def library_overview(*, user=None) -> LibraryOverview:
    documents = documents_visible(user=user)
    units = Unit.objects.filter(document__in=documents)
    return LibraryOverview(
        documents=documents.count(),
        themes=units.filter(theme_number__isnull=False).count(),
        units=units.count(),
        sections=Section.objects.filter(document__in=documents).count(),
        passages=Passage.objects.filter(unit__document__in=documents).count(),
    )


def section_tree(*, document: Document) -> list[TocNode]:
    """The document's sections as a nested tree, in reading order, from one query."""
    sections = list(
        Section.objects.filter(document=document)
        .select_related("unit")
        .order_by("position")
        .only("id", "parent_id", "kind", "label", "number", "title", "level", "page", "unit__id")
    )
    nodes: dict[int, TocNode] = {}
    roots: list[TocNode] = []
    for section in sections:
        unit = getattr(section, "unit", None)
        node = TocNode(section=section, unit_id=unit.id if unit else None)
        nodes[section.id] = node
        parent = nodes.get(section.parent_id) if section.parent_id else None
        (parent.children if parent else roots).append(node)
    return roots


def section_get(*, document: Document, section_id: int) -> Section | None:
    return Section.objects.filter(document=document, pk=section_id).first()


def section_ancestors(*, section: Section) -> list[Section]:
    """From the outermost part down to the direct parent."""
    by_id = {
        s.id: s
        for s in Section.objects.filter(document_id=section.document_id).only(
            "id", "parent_id", "kind", "label", "number", "title", "page", "level"
        )
    }
    chain: list[Section] = []
    parent_id = section.parent_id
    while parent_id is not None and parent_id in by_id:
        parent = by_id[parent_id]
        chain.append(parent)
        parent_id = parent.parent_id
    return list(reversed(chain))


def section_reading(*, section: Section) -> list[ReadingBlock]:
    """The section and everything below it, in reading order, with each unit's passages."""
    all_sections = list(
        Section.objects.filter(document_id=section.document_id)
        .select_related("unit")
        .prefetch_related(Prefetch("unit__passages", queryset=Passage.objects.order_by("position")))
        .order_by("position")
    )
    depth_of: dict[int, int] = {section.id: 0}
    blocks: list[ReadingBlock] = []
    for candidate in all_sections:
        if candidate.id == section.id:
            depth = 0
        elif candidate.parent_id in depth_of and candidate.position > section.position:
            depth = depth_of[candidate.parent_id] + 1
            depth_of[candidate.id] = depth
        else:
            continue
        unit = getattr(candidate, "unit", None)
        passages = list(unit.passages.all()) if unit else []
        blocks.append(ReadingBlock(section=candidate, depth=depth, unit=unit, passages=passages))
    return blocks


# A reading page shows at most about this many characters; longer text is split over pages
# ("deel 2 van 5"), so that a huge section never makes a page of megabytes.
READING_PAGE_CHARS = 60_000


def reading_pages(sizes: list[int], limit: int = READING_PAGE_CHARS) -> list[tuple[int, int]]:
    """(start, end) slices of consecutive items whose sizes add up to about `limit` at most;
    an item larger than `limit` gets a page of its own. Always at least one (empty) page."""
    pages: list[tuple[int, int]] = []
    start = 0
    total = 0
    for index, size in enumerate(sizes):
        if index > start and total + size > limit:
            pages.append((start, index))
            start, total = index, 0
        total += size
    pages.append((start, len(sizes)))
    return pages


def unit_get(*, unit_id: int, user=None) -> Unit | None:
    return (
        Unit.objects.filter(document__in=documents_visible(user=user))
        .select_related("document", "section")
        .prefetch_related(Prefetch("passages", queryset=Passage.objects.order_by("position")))
        .filter(pk=unit_id)
        .first()
    )


def unit_chapter(*, unit: Unit) -> Section | None:
    """The nearest chapter (or, failing that, part) the unit belongs to."""
    ancestors = section_ancestors(section=unit.section)
    for kind in (Section.Kind.CHAPTER, Section.Kind.PART):
        for ancestor in reversed(ancestors):
            if ancestor.kind == kind:
                return ancestor
    return ancestors[-1] if ancestors else None


def unit_neighbours(*, unit: Unit) -> tuple[Unit | None, Unit | None]:
    """Previous and next theme (for a theme) or unit (otherwise) in the same document."""
    siblings = Unit.objects.filter(document_id=unit.document_id).only(
        "id", "title", "theme_number", "position", "page"
    )
    if unit.theme_number is not None:
        siblings = siblings.filter(theme_number__isnull=False)
    previous = siblings.filter(position__lt=unit.position).order_by("-position").first()
    following = siblings.filter(position__gt=unit.position).order_by("position").first()
    return previous, following


def unit_citation(*, unit: Unit) -> Citation:
    return Citation(
        document_title=unit.document.title,
        source_name=unit.document.source_name,
        theme_number=unit.theme_number,
        title=unit.title,
        page=unit.page,
        last_page=unit.last_page,
    )


def unit_recent_for_user(*, user, limit: int = 5) -> list[UnitVisit]:
    return list(
        UnitVisit.objects.visible_to(user)
        .filter(owner=user, unit__document__in=documents_visible(user=user))
        .select_related("unit", "unit__document")
        .order_by("-visited_at")[:limit]
    )


def document_options(*, user=None) -> list[Document]:
    """Id and title of every visible document, for filters (no counts: cheap on every search)."""
    return list(documents_visible(user=user).only("id", "title").order_by("title", "id"))


def chapter_choices(
    *, user=None, document_ids: list[int] | None = None
) -> list[tuple[Document, list]]:
    """Chapters (or parts where a document has no chapters) to filter search by, per document."""
    sections = (
        Section.objects.filter(kind__in=[Section.Kind.CHAPTER, Section.Kind.PART])
        .filter(document__in=documents_visible(user=user))
        .select_related("document")
        .only("id", "kind", "label", "title", "position", "document__id", "document__title")
        .order_by("document__title", "document_id", "position")
    )
    if document_ids:
        sections = sections.filter(document_id__in=document_ids)
    by_document: dict[int, tuple[Document, list[Section], list[Section]]] = {}
    for section in sections:
        _document, chapters, parts = by_document.setdefault(
            section.document_id, (section.document, [], [])
        )
        (chapters if section.kind == Section.Kind.CHAPTER else parts).append(section)
    return [(document, chapters or parts) for document, chapters, parts in by_document.values()]


def section_descendant_ids(*, section_ids: list[int]) -> list[int]:
    """The given sections and all sections below them (search filters on whole chapters)."""
    wanted = set(section_ids)
    frontier = set(section_ids)
    while frontier:
        children = set(Section.objects.filter(parent_id__in=frontier).values_list("id", flat=True))
        frontier = children - wanted
        wanted |= children
    return sorted(wanted)


def upload_list_for_user(*, user, limit: int = 20, since_hours: int = 24) -> list[Upload]:
    """The user's recent uploads (their own only), newest first, without the file bytes.

    One row per file name: the latest attempt. After fixing a file and offering it again the
    user sees how that went, not the old error a few rows further down as well. The files of
    the latest batch (handed in together) are all listed, however many; older ones up to
    `limit` rows in all.
    """
    since = timezone.now() - timedelta(hours=since_hours)
    mine = Upload.objects.filter(owner=user).defer("data").select_related("document")
    newest = mine.order_by("-created_at", "-id").first()
    batch = list(
        mine.filter(batch=newest.batch).order_by("-created_at", "-id")
        if newest is not None and newest.batch
        else []
    )
    recent = (
        mine.filter(Q(created_at__gte=since) | Q(status__in=PENDING_UPLOAD_STATUSES))
        .exclude(pk__in=[upload.pk for upload in batch])
        .order_by("-created_at", "-id")[: limit * 5]
    )
    latest: dict[str, Upload] = {}
    for upload in [*batch, *recent]:
        latest.setdefault(upload.filename, upload)
    rows = list(latest.values())
    return rows[: max(limit, len(batch))]


def background_work_stopped() -> bool:
    """Whether uploads would wait forever: the background worker's heartbeat is missing or
    stale (see spil.core.worker). False when tasks run without a worker."""
    from spil.core.worker import worker_status

    return worker_status().stopped


def upload_pending_exists(*, user) -> bool:
    return Upload.objects.filter(owner=user, status__in=PENDING_UPLOAD_STATUSES).exists()


def upload_latest_with_data(*, document: Document) -> Upload | None:
    """The most recent upload of this document whose bytes are still kept (for re-ingest)."""
    return (
        Upload.objects.filter(document=document)
        .exclude(data=b"")
        .exclude(status=Upload.Status.ERROR)
        .exclude(reingest=True, status__in=PENDING_UPLOAD_STATUSES)
        .order_by("-created_at", "-id")
        .first()
    )


def theme_units(*, numbers: list[int]) -> dict[int, Unit]:
    """Numbered themes by number, from the library's handbook: the document with the most
    numbered themes (other apps refer to "theme 31" without knowing document ids)."""
    handbook = (
        documents_visible(user=None)  # the shared library: never someone's private upload
        .annotate(themes=Count("units", filter=Q(units__theme_number__isnull=False)))
        .filter(themes__gt=0)
        .order_by("-themes", "id")
        .first()
    )
    if handbook is None or not numbers:
        return {}
    units = (
        Unit.objects.select_related("document")
        .prefetch_related(Prefetch("passages", queryset=Passage.objects.order_by("position")))
        .filter(document=handbook, theme_number__in=numbers)
    )
    return {unit.theme_number: unit for unit in units if unit.theme_number is not None}


def search_vector_progress(*, user=None) -> tuple[int, int]:
    """(units whose passage vectors are made, all units) among the documents the user may
    see: "semantisch zoeken: 40 van 213 onderdelen klaar"."""
    units = Unit.objects.filter(document__in=documents_visible(user=user))
    return units.filter(vectors_ready=True).count(), units.count()
