from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A person using Spil. Every personal record elsewhere points here as its owner."""

    display_name = models.CharField("weergavenaam", max_length=150, blank=True)

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    def __str__(self) -> str:
        return self.display_name or self.username


class OwnedQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(owner=user)

    def visible_to(self, user):
        """What this user may see. Personal records: only the owner's own; apps whose records
        are shared by role override this with their declared scope."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


class OwnedModel(models.Model):
    """Base for every personal record: it belongs to exactly one user."""

    owner = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="+", verbose_name="eigenaar"
    )

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True
