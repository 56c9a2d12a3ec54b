from django.conf import settings
from django.db import models
from django.db.models import Q

from spil.core.models import AccessQuerySet

from .constants import PassageKind, SectionKind, UnitRole, UploadStatus


class Document(models.Model):
    """One ingested file: in the shared library (no owner) or a private upload of its owner.

    Shared documents are added, replaced and removed by a bibliotheekbeheerder; a private one
    is seen by its owner only (see `spil.core.access`).
    """

    title = models.CharField("titel", max_length=500)
    source_name = models.CharField("bestandsnaam", max_length=255)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="eigenaar (leeg: gedeelde bibliotheek)",
    )
    checksum = models.CharField("controlegetal (SHA-256)", max_length=64)
    file_type = models.CharField("bestandstype", max_length=10)
    size_bytes = models.PositiveBigIntegerField("grootte in bytes")
    pages = models.PositiveIntegerField("pagina's", null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="toegevoegd door",
    )
    created_at = models.DateTimeField("toegevoegd op", auto_now_add=True)
    updated_at = models.DateTimeField("bijgewerkt op", auto_now=True)
    # False while ingestion writes the document in short steps (see services.document_ingest):
    # hidden from pages and search until the final step; left False only by a process that
    # was killed half-way, and then removed when Spil starts.
    ready = models.BooleanField("klaar", default=True)
    # Which process writes a document that is not ready ("host:pid"): one that is gone left it
    # half-written, and the next ingestion of the same file (or Spil's start) removes it.
    writer = models.CharField("wordt geschreven door", max_length=100, blank=True, default="")

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_name"],
                condition=Q(owner__isnull=True),
                name="kennis_document_unique_shared_name",
            ),
            models.UniqueConstraint(
                fields=["owner", "source_name"],
                condition=Q(owner__isnull=False),
                name="kennis_document_unique_private_name",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Section(models.Model):
    """A node of a document's table of contents: part, chapter, section or theme."""

    Kind = SectionKind

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField("soort", max_length=10, choices=Kind.choices)
    label = models.CharField("nummering", max_length=50, blank=True)
    number = models.PositiveIntegerField("themanummer", null=True, blank=True)
    title = models.CharField("titel", max_length=500)
    level = models.PositiveSmallIntegerField("niveau")
    position = models.PositiveIntegerField("volgorde")
    page = models.PositiveIntegerField("pagina", null=True, blank=True)

    class Meta:
        verbose_name = "onderdeel"
        verbose_name_plural = "onderdelen"
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "position"], name="section_unique_position"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Unit(models.Model):
    """What search returns: a theme, or a section with text of its own that is no theme."""

    Role = UnitRole

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="units")
    section = models.OneToOneField(Section, on_delete=models.CASCADE, related_name="unit")
    position = models.PositiveIntegerField("volgorde")
    theme_number = models.PositiveIntegerField("themanummer", null=True, blank=True)
    title = models.CharField("titel", max_length=500)
    heading_path = models.TextField("plaats in het document")  # titles joined with " > "
    page = models.PositiveIntegerField("eerste pagina", null=True, blank=True)
    last_page = models.PositiveIntegerField("laatste pagina", null=True, blank=True)
    # Analysed shadow text the search index is built on (see kennis.analysis).
    index_title = models.TextField(blank=True)
    index_tips = models.TextField(blank=True)
    index_body = models.TextField(blank=True)
    # Content, or back matter (contents, publication list, colophon, references) that search
    # ranks below content; set when the unit is indexed.
    role = models.CharField(
        "soort inhoud", max_length=12, choices=UnitRole.choices, default=UnitRole.CONTENT
    )
    # Whether the vectors of all its passages are made (semantic search uses only documents
    # whose units are all ready; until then a document is searched lexically).
    vectors_ready = models.BooleanField("semantisch doorzoekbaar", default=False)

    class Meta:
        verbose_name = "eenheid"
        verbose_name_plural = "eenheden"
        ordering = ["document", "position"]
        indexes = [models.Index(fields=["document", "theme_number"])]

    def __str__(self) -> str:
        return self.title


class Passage(models.Model):
    """A tip, paragraph, table row or footnote of a unit: what snippets and citations point at."""

    Kind = PassageKind

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="passages")
    position = models.PositiveIntegerField("volgorde")
    kind = models.CharField("soort", max_length=10, choices=Kind.choices)
    text = models.TextField("tekst")
    page = models.PositiveIntegerField("pagina", null=True, blank=True)
    # The passage's meaning as a float16 vector (spil.kennis.search.vectors), made by the
    # background worker after ingestion; empty until then.
    vector = models.BinaryField("betekenisvector", null=True, blank=True, editable=False)
    # Its analysed words with their offsets (search.highlight.word_index), for snippets.
    index_words = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = "passage"
        verbose_name_plural = "passages"
        ordering = ["unit", "position"]

    def __str__(self) -> str:
        return self.text[:60]


class Upload(models.Model):
    """A file a user handed in through the browser, waiting for or done with ingestion.

    The bytes stay in the database so the background worker (another process) can read them
    and so "opnieuw inlezen" can run the same file again without asking for it.
    """

    Status = UploadStatus

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="eigenaar",
    )
    filename = models.CharField("bestandsnaam", max_length=255)
    data = models.BinaryField("inhoud", editable=False)
    size_bytes = models.PositiveBigIntegerField("grootte in bytes")
    reingest = models.BooleanField("opnieuw inlezen", default=False)
    # Into the shared library (only a bibliotheekbeheerder) or the owner's private documents.
    shared = models.BooleanField("gedeelde bibliotheek", default=False)
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    message = models.TextField("melding", blank=True)
    document = models.ForeignKey(
        Document,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="uploads",
        verbose_name="document",
    )
    task_id = models.CharField("taak", max_length=64, blank=True)
    # The files handed in together share a batch: the status list shows the whole latest batch.
    batch = models.CharField("reeks", max_length=32, blank=True, default="")
    created_at = models.DateTimeField("aangeboden op", auto_now_add=True)
    finished_at = models.DateTimeField("klaar op", null=True, blank=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "upload"
        verbose_name_plural = "uploads"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.filename


class UnitVisit(models.Model):
    """That a user read a theme or section, and when; feeds "recent gelezen" on the start page."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="eigenaar",
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="visits", verbose_name="eenheid"
    )
    visited_at = models.DateTimeField("gelezen op")

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "gelezen eenheid"
        verbose_name_plural = "gelezen eenheden"
        constraints = [
            models.UniqueConstraint(fields=["owner", "unit"], name="unitvisit_unique_owner_unit"),
        ]
        indexes = [models.Index(fields=["owner", "-visited_at"])]

    def __str__(self) -> str:
        return f"{self.owner} – {self.unit}"


# What people add to the search (keywords, synonyms, reactions): see curation_models.
from spil.kennis.curation_models import (  # noqa: E402
    SearchFeedback,
    SearchMiss,
    SynonymGroup,
    UnitKeyword,
)

__all__ = [
    "Document",
    "Passage",
    "SearchFeedback",
    "SearchMiss",
    "Section",
    "SynonymGroup",
    "Unit",
    "UnitKeyword",
    "UnitVisit",
    "Upload",
]
