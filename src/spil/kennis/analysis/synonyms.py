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
    college benw
    raad gemeenteraad raadsleden raadslid volksvertegenwoordiging
    griffier griffie
    secretaris gemeentesecretaris
    ambtenaar ambtenaren medewerker medewerkers personeel ambtelijk
    directieteam dt mt managementteam concernteam directie
    directeur directeuren afdelingshoofd
    teamleider teamleiders leidinggevende leidinggevenden manager managers
    leiderschap leidinggeven leiding
    fusie herindeling samenvoeging samengaan
    ssc servicecentrum dienstencentrum
    crisis ramp calamiteit noodsituatie incident overstroming rampenbestrijding crisisbeheersing
    oefenen oefening training trainen
    conflict ruzie onenigheid botsing botsen meningsverschil
    kritiek tegenspraak feedback
    bezuiniging bezuinigingen besparing ombuiging taakstelling
    begroting budget financien
    controller concerncontroller cfo
    inwerken inwerkprogramma introductie introductieprogramma
    cultuur cultuuromslag cultuurverandering
    reorganisatie reorganiseren herstructurering
    fout fouten misser missers vergissing blunder
    emotie emoties gevoelens spanning spanningen
    verhouding werkrelatie relatie
    gemeentehuis stadhuis raadhuis
    inwoners burgers bewoners samenleving
    participatie inspraak burgerparticipatie
    omgeving buitenwereld partners netwerk
    sociale social
    media twitter facebook linkedin
    pers journalist journalisten
    verkiezingen verkiezing campagne
    collegeonderhandelingen formatie collegevorming coalitievorming
    coalitie coalitieakkoord collegeprogramma
    afscheid vertrek ontslag
    samenwerking samenwerken samenwerkingsverband
    regionaal regio
    ict digitalisering informatievoorziening automatisering
    integriteit integer
    ondernemingsraad or medezeggenschap
    verzuim ziekteverzuim uitval
    benoeming benoemen aanstelling aanstellen werving selectie
    loopbaan carriere
    twijfel twijfelen overwegen overweging
    werkdruk stress
    organisatie apparaat
    vertrouwen vertrouwensband
    tegenhouden blokkeren tegenwerken doorlaten dwarsliggen
    """.strip().splitlines()
)


# Groups people maintain in Spil (data, not code): set by the search before each question
# through `set_curated_groups`, used next to the built-in list.
_curated: tuple[tuple[str, ...], ...] = ()
# Caches built on synonym_index elsewhere in the analysis, cleared when the groups change.
synonym_caches: list = []


def curated_groups() -> tuple[tuple[str, ...], ...]:
    return _curated


def set_curated_groups(groups: tuple[tuple[str, ...], ...]) -> bool:
    """Use these groups next to SYNONYM_GROUPS from now on; True when that changed anything."""
    global _curated
    groups = tuple(tuple(group) for group in groups)
    if groups == _curated:
        return False
    _curated = groups
    synonym_index.cache_clear()
    for clear in synonym_caches:
        clear()
    return True


@lru_cache(maxsize=1)
def synonym_index() -> dict[str, frozenset[str]]:
    """Surface word -> the other words of its group(s), built-in and curated."""
    index: dict[str, set[str]] = {}
    for group in SYNONYM_GROUPS + _curated:
        for word in group:
            index.setdefault(word, set()).update(w for w in group if w != word)
    return {word: frozenset(others) for word, others in index.items()}
