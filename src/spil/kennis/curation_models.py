"""What people add to the search: keywords of units, synonym groups, and reactions to results.

Keywords and synonyms are library data (no owner; a beheerder keeps them, they are exported
with the library). Reactions ("Was dit nuttig?") and searches that found nothing are personal:
each row belongs to the user who searched; a beheerder sees them only counted together.
Imported from `kennis.models`, so Django finds them there.

Keywords and reactions point at a unit without a database constraint and are not deleted
with it: reading a document in again deletes and rewrites its units, and the units that are
still there get their old ids back (`kennis.services`, stable addresses), so what people added
stays with them. Rows of a unit that is gone for good no longer join and are left out of
every list, the index and the export.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from spil.core.models import AccessQuerySet


class UnitKeyword(models.Model):
    """A keyword or short situation description a beheerder added to a theme or section; it is
    indexed as extra text of the unit."""

    unit = models.ForeignKey(
        "kennis.Unit",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="keywords",
        verbose_name="eenheid",
    )
    text = models.CharField("trefwoord of situatie", max_length=200)
    created_at = models.DateTimeField("toegevoegd op", auto_now_add=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "trefwoord"
        verbose_name_plural = "trefwoorden"
        ordering = ["unit", "text", "id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "text"], name="unitkeyword_unique_text"),
        ]

    def __str__(self) -> str:
        return self.text


class SynonymGroup(models.Model):
    """Words that stand in for each other in a question, next to Spil's built-in list."""

    words = models.CharField("woorden (gescheiden door spaties)", max_length=500, unique=True)
    created_at = models.DateTimeField("toegevoegd op", auto_now_add=True)
    updated_at = models.DateTimeField("bijgewerkt op", auto_now=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "synoniemengroep"
        verbose_name_plural = "synoniemengroepen"
        ordering = ["words"]

    def __str__(self) -> str:
        return self.words


class SearchFeedback(models.Model):
    """A user's answer to "Was dit nuttig?" under one result of one search."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="eigenaar",
    )
    query = models.CharField("zoekvraag", max_length=500)
    unit = models.ForeignKey(
        "kennis.Unit",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name="eenheid",
    )
    useful = models.BooleanField("nuttig")
    created_at = models.DateTimeField("gegeven op", auto_now_add=True)
    updated_at = models.DateTimeField("bijgewerkt op", auto_now=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "reactie op een zoekresultaat"
        verbose_name_plural = "reacties op zoekresultaten"
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "unit", "query"], name="searchfeedback_unique_answer"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.query} – {self.unit_id}"


class SearchMiss(models.Model):
    """A search of a user that found nothing (how often, and when last)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="eigenaar",
    )
    query = models.CharField("zoekvraag", max_length=500)
    times = models.PositiveIntegerField("aantal keer", default=1)
    last_at = models.DateTimeField("laatst gezocht op")

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "zoekvraag zonder resultaat"
        verbose_name_plural = "zoekvragen zonder resultaat"
        ordering = ["-last_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "query"], name="searchmiss_unique_query"),
        ]

    def __str__(self) -> str:
        return self.query
