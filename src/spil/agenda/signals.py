"""Signals other apps can listen to. `agenda_gewijzigd` is sent (inside the writing
transaction) after an import, after removing one calendar and after removing all agenda data,
with `owner=` the user whose appointments changed."""

from django.dispatch import Signal

agenda_gewijzigd = Signal()
