from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models

from spil.core.models import AccessQuerySet


class UserQuerySet(AccessQuerySet):
    pass


class SpilUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    """A person using Spil. Every personal record elsewhere points here as its owner."""

    display_name = models.CharField("weergavenaam", max_length=150, blank=True)

    objects = SpilUserManager()

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    def __str__(self) -> str:
        return self.display_name or self.username


class OwnedQuerySet(AccessQuerySet):
    def owned_by(self, user):
        return self.filter(owner=user)

    def visible_to(self, user, action: str = "view"):
        """What this user may see (or do, with `action`): from the access matrix in
        `spil.core.access`. A personal model without a resource there is owner-only."""
        from spil.core.access import resources_for_model

        if not resources_for_model(self.model._meta.label_lower):
            if user is None or not user.is_authenticated or not user.is_active:
                return self.none()
            return self.filter(owner=user)
        return super().visible_to(user, action)


class OwnedModel(models.Model):
    """Base for every personal record: it belongs to exactly one user."""

    owner = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="+", verbose_name="eigenaar"
    )

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True
