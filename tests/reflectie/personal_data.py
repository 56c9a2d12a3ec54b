"""Reflectie rows for a user: an entry (shared with the watcher when there is one) and an own
question, through the real services."""

from spil.reflectie import services
from spil.reflectie.ritme import WEEK


def fill(user, *, tag: str, watcher=None) -> None:
    moment = services.moment_start(user=user, ritme=WEEK)
    services.moment_save(user=user, moment=moment, antwoorden={}, afronden=False)
    services.eigenvraag_create(user=user, tekst=f"Wat leerde ik deze week ({tag})?")
    if watcher is not None:
        services.deling_create(user=user, moment=moment, ontvanger_naam=watcher.username)
