"""Peer figures the mirror compares a user's time split against.

Source: M. van Twist, M. Huiting en M. Schulz, essay over de gemeentesecretaris "buiten de
deur" (Nederlandse School voor Openbaar Bestuur), paragraaf 2.1 over tijdverdeling; the
essay is in ../shared/seeds/004_7aeb29d9ba291087.txt. It reports a survey among 77
secretaries. The essay's figure itself is an image that is not in the text; the text describes
the average in words: nearly half of the time goes to leading the organisation, a little over a
third to advising the college, and the remainder to partners outside. The percentages below are
our reading of those words, rounded, and are shown as approximations.
"""

from __future__ import annotations

SURVEY_RESPONDENTS = 77

# Approximate average shares (percent of the three-way split).
SURVEY_SHARES = {"college": 35, "organisatie": 48, "omgeving": 17}

SURVEY_CITATION = (
    "Van Twist, Huiting en Schulz (NSOB), essay over de gemeentesecretaris buiten de deur, "
    "§ 2.1: enquête onder 77 gemeentesecretarissen."
)

# Short facts from the same paragraph, in Spil's own words.
SURVEY_FACTS = (
    "Gemiddeld besteden secretarissen naar eigen schatting zo'n 45 à 50 procent aan de "
    "organisatie, iets meer dan een derde aan het college en de resterende 15 à 20 procent aan "
    "partners buiten het gemeentehuis.",
    "Geen van de 77 ondervraagde secretarissen besteedt meer dan een derde van de tijd aan "
    "partners buiten.",
    "Ruim de helft is tevreden met de eigen verdeling; ongeveer 40 procent wil meer ruimte "
    "voor contact met partners.",
)

# A known rule of thumb: one third each.
DEFAULT_TARGET = {"college": 100 / 3, "organisatie": 100 / 3, "omgeving": 100 / 3}
