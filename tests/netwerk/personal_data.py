"""Netwerk rows for a user, made through the real agenda import and netwerk sync."""

from datetime import date

from spil.agenda.services import agenda_import

from .calendars import NETWERK_Q2


def fill(user, *, tag: str, watcher=None) -> None:
    agenda_import(
        owner=user,
        filename=f"Netwerk-{tag}.ics",
        data=NETWERK_Q2,
        today=date(2025, 6, 30),
        van=date(2025, 4, 1),
        tot=date(2025, 6, 30),
    )
