"""The agenda's vocabularies as Django choices, one per concept.

The pure modules (classification, parsed) keep the same values as plain strings, because they
import no Django; tests/agenda/test_constants.py fails when the two drift apart.
"""

from django.db import models


class Domein(models.TextChoices):
    """Where an appointment's time goes."""

    COLLEGE = "college", "College"
    ORGANISATIE = "organisatie", "Organisatie"
    OMGEVING = "omgeving", "Omgeving"
    OVERIG = "overig", "Overig"


class Bereik(models.TextChoices):
    """What a user's correction applies to."""

    AFSPRAAK = "afspraak", "Alleen deze afspraak"
    REEKS = "reeks", "De hele reeks"
    ONDERWERP = "onderwerp", "Alle afspraken met dit onderwerp"


class Indelingsgrond(models.TextChoices):
    """Why an appointment is in its domain."""

    CORRECTIE = "correctie", "eigen correctie"
    CATEGORIE = "categorie", "categorie"
    DEELNEMERS = "deelnemers", "deelnemers"
    REGEL = "regel", "onderwerp"
    MODEL = "model", "geleerd"
    STANDAARD = "standaard", "standaard"


class Beschikbaarheid(models.TextChoices):
    """How the calendar marked the time (Outlook's busy status)."""

    BEZET = "bezet", "bezet"
    VOORLOPIG = "voorlopig", "voorlopig"
    VRIJ = "vrij", "vrij"
    AFWEZIG = "afwezig", "afwezig"
    ELDERS = "elders", "elders aan het werk"


class Bestandssoort(models.TextChoices):
    """The kind of calendar file an import read."""

    ICS = "ics", "ICS (iCalendar)"
    CSV = "csv", "CSV (Outlook)"
