"""Words secretaries use interchangeably. Compiled for Spil; one group per line.

Each group is a set of single words (abbreviations included) that can stand in for each
other in a question. Expansion happens at query time with a lower weight than the words
the user typed, so an exact match still ranks first.
"""

from __future__ import annotations

from functools import lru_cache

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = tuple(
    tuple(line.split())
    for line in """
    wethouder wethouders bestuurder bestuurders collegelid collegeleden portefeuillehouder
    burgemeester burgervader burgemoeder
    college benw dagelijks
    raad gemeenteraad raadsleden raadslid volksvertegenwoordiging
    griffier griffie
    secretaris gemeentesecretaris
    ambtenaar ambtenaren medewerker medewerkers personeel ambtelijk
    directieteam dt mt managementteam concernteam directie
    directeur directeuren afdelingshoofd
    teamleider teamleiders leidinggevende leidinggevenden manager managers
    fusie herindeling samenvoeging samengaan
    crisis ramp calamiteit noodsituatie rampenbestrijding crisisbeheersing
    oefenen oefening training trainen
    conflict ruzie onenigheid botsing
    kritiek tegenspraak feedback
    bezuiniging bezuinigingen besparing ombuiging taakstelling
    begroting budget financien
    inwerken inwerkprogramma introductie introductieprogramma
    cultuur cultuuromslag cultuurverandering
    fout fouten vergissing missers
    emotie emoties gevoelens spanning spanningen
    verhouding werkrelatie relatie
    gemeentehuis stadhuis raadhuis
    inwoners burgers bewoners samenleving
    omgeving buitenwereld partners netwerk
    sociale social
    media twitter facebook linkedin
    pers journalist journalisten
    verkiezingen verkiezing campagne
    coalitie coalitieakkoord collegeprogramma
    samenwerking samenwerken
    regionaal regio gemeenschappelijke
    ict digitalisering informatievoorziening automatisering
    integriteit integer
    benoeming aanstelling werving selectie
    loopbaan carriere
    werkdruk stress
    organisatie apparaat
    vertrouwen vertrouwensband
    """.strip().splitlines()
)


@lru_cache(maxsize=1)
def synonym_index() -> dict[str, frozenset[str]]:
    """Surface word -> the other words of its group(s)."""
    index: dict[str, set[str]] = {}
    for group in SYNONYM_GROUPS:
        for word in group:
            index.setdefault(word, set()).update(w for w in group if w != word)
    return {word: frozenset(others) for word, others in index.items()}
