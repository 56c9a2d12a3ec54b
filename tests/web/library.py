"""A small library written for Spil's web tests (own words; no text from the seed documents)."""

from __future__ import annotations

from spil.kennis.models import Document
from spil.kennis.services import document_ingest

WERKBOEK = """# Werkboek bestuurlijk samenspel

Een korte inleiding over waarvoor dit werkboek dient.

## Deel 1 Het college

### Hoofdstuk 1 Wekelijks overleg

(1) Afspraken maken met de burgemeester
• Plan elke week een vast overleg met de burgemeester in.
• Spreek af hoe jullie elkaar informeren over gevoelige dossiers.
• Houd een korte lijst bij van toezeggingen en loop die samen na.

(2) Een wethouder die een advies tegenhoudt
• Vraag de wethouder eerst naar zijn bezwaren voordat je het advies verdedigt.
• Zorg dat het college het advies in zijn geheel te zien krijgt.
• Leg vast welke informatie de wethouder had toen hij besloot.
• Bespreek het patroon met de burgemeester als het vaker voorkomt.

### Hoofdstuk 2 Spanning in het college

(3) Een conflict tussen twee wethouders
• Blijf neutraal en kies geen kant in het openbaar.
• Bied aan om samen met beide wethouders het gesprek te voeren.

## Deel 2 De organisatie

### Hoofdstuk 3 Leiding geven

(4) Het directieteam op koers houden
• Begin elk overleg van het directieteam met de bestuurlijke agenda.
• Vier successen van teams zichtbaar in de organisatie.

(5) Bezuinigen zonder het vertrouwen te verliezen
• Wees open over de financiële ruimte en de keuzes die nog moeten worden gemaakt.
• Betrek de ondernemingsraad vroeg bij de plannen.
• Geef medewerkers de gelegenheid om zelf besparingen voor te stellen.
"""

NOTITIE = """# Notitie over de raad

## Informatie aan de raad

De raad moet tijdig en volledig worden geïnformeerd; dat is de kern van goed samenspel.
Een secretaris let op de griffie als eerste aanspreekpunt van de raad.

## Rolvastheid

Iedereen houdt zich aan de eigen rol: de raad stelt kaders, het college voert uit.
"""


def ingest(text: str = WERKBOEK, name: str = "werkboek.md") -> Document:
    result = document_ingest(data=text.encode("utf-8"), filename=name)
    assert result.status in {"added", "replaced"}, result.message
    return result.document
