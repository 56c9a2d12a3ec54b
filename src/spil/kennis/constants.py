"""The knowledge library's vocabularies as Django choices, one per concept.

The extraction package (pure, no Django) spells the same section and passage kinds as Literal
types; tests/kennis/test_constants.py fails when the two drift apart.
"""

from django.db import models


class SectionKind(models.TextChoices):
    PREAMBLE = "preamble", "voorwerk"
    PART = "part", "deel"
    CHAPTER = "chapter", "hoofdstuk"
    SECTION = "section", "paragraaf"
    THEME = "theme", "thema"


class PassageKind(models.TextChoices):
    PARAGRAPH = "paragraph", "alinea"
    TIP = "tip", "tip"
    TABLE_ROW = "table_row", "tabelregel"
    FOOTNOTE = "footnote", "voetnoot"


class UploadStatus(models.TextChoices):
    QUEUED = "queued", "in de wachtrij"
    RUNNING = "running", "wordt ingelezen"
    ADDED = "added", "toegevoegd"
    REPLACED = "replaced", "vervangen"
    UNCHANGED = "unchanged", "ongewijzigd"
    ERROR = "error", "fout"


class UnitRole(models.TextChoices):
    """What a unit is for: content, or back matter that search ranks below content (the
    detection is `spil.kennis.extraction.back_matter`, whose Literal spells the same values)."""

    CONTENT = "content", "inhoud"
    CONTENTS = "contents", "inhoudsopgave"
    PUBLICATIONS = "publications", "publicatielijst"
    COLOPHON = "colophon", "colofon"
    REFERENCES = "references", "literatuurlijst"
