"""Scoped roles and the audit trail: what every app's access checks and logging build on."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from spil.core.access import Role


class AccessQuerySet(models.QuerySet):
    """A queryset that answers "what may this user see (or do)" from the access matrix."""

    def visible_to(self, user, action: str = "view"):
        from spil.core.access import visible_q

        q = visible_q(user, self.model._meta.label_lower, action)
        return self.none() if q is None else self.filter(q)


class RoleAssignment(models.Model):
    """A user holds a role (a Group named after the role), for everything or for one object.

    Without `content_type`/`object_id` the role holds everywhere (e.g. bibliotheekbeheerder);
    with them it holds for that object only (coach of this intervisie group, member of the
    selection committee of this vacancy, gedelegeerde of this secretaris).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name="gebruiker",
    )
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="+", verbose_name="rol")
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, verbose_name="soort object"
    )
    object_id = models.PositiveBigIntegerField("object", null=True, blank=True)
    scope_object = GenericForeignKey("content_type", "object_id")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="toegekend door",
    )
    granted_at = models.DateTimeField("toegekend op", auto_now_add=True)
    valid_until = models.DateTimeField("geldig tot", null=True, blank=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "roltoewijzing"
        verbose_name_plural = "roltoewijzingen"
        ordering = ["user_id", "group__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "group"],
                condition=Q(content_type__isnull=True),
                name="core_role_unique_global",
            ),
            models.UniqueConstraint(
                fields=["user", "group", "content_type", "object_id"],
                condition=Q(content_type__isnull=False),
                name="core_role_unique_scoped",
            ),
            models.CheckConstraint(
                condition=Q(content_type__isnull=True, object_id__isnull=True)
                | Q(content_type__isnull=False, object_id__isnull=False),
                name="core_role_scope_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.role_label}"

    @property
    def role_label(self) -> str:
        try:
            return Role(self.group.name).label
        except ValueError:
            return self.group.name


class AuditEntry(models.Model):
    """One line of the append-only audit trail. Rows are added, never changed or removed
    (except together with the account whose data they describe, on that person's request)."""

    class Kind(models.TextChoices):
        READ = "read", "ingezien"
        CHANGE = "change", "gewijzigd"
        ROLE = "role", "rol gewijzigd"
        PUBLICATION = "publication", "gepubliceerd"
        ACCOUNT = "account", "account gewijzigd"

    at = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="door",
    )
    # Kept when the actor's account is removed, so the line still says who it was.
    actor_name = models.CharField("door (naam)", max_length=150)
    # Whose data it was; empty for publications to everyone.
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="van wie",
    )
    kind = models.CharField("soort", max_length=12, choices=Kind.choices)
    resource = models.CharField("onderdeel", max_length=60)
    object_label = models.CharField("wat", max_length=300)
    object_id = models.CharField("id", max_length=64, blank=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = "logboekregel"
        verbose_name_plural = "logboek"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["subject", "-at"], name="core_audit_subject_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("Het logboek kan alleen worden aangevuld, niet gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Een logboekregel kan niet los worden verwijderd.")
