"""Spil's reflection questions, in Spil's own words (no Django).

The structure follows the essay on the secretary "buiten de deur" (three dimensions of four
aspects each) and the handbook's balanced personal qualities; every sentence here is written
for Spil. `tests/reflectie/test_vragen.py` fails when a question shares eight consecutive words
with a source document.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Aspect:
    key: str
    label: str
    dimensie: str
    betekenis: str


@dataclass(frozen=True)
class Vraag:
    id: str
    tekst: str
    dimensie: str = ""
    aspect: str = ""
    kwaliteit: str = ""
    polariteit: str = ""


@dataclass(frozen=True)
class Kwaliteit:
    key: str
    label: str
    te_weinig: str
    te_veel: str


@dataclass(frozen=True)
class Polariteit:
    key: str
    links: str
    rechts: str


@dataclass(frozen=True)
class Toonsoort:
    key: str
    label: str
    omschrijving: str


DIMENSIES = {"tijd": "Tijd", "taal": "Taal", "toneel": "Toneel"}

ASPECTEN: tuple[Aspect, ...] = (
    Aspect("tijdverdeling", "Tijdverdeling", "tijd", "Waar je uren en je energie heen gaan."),
    Aspect("tijdgeest", "Tijdgeest", "tijd", "Welke ontwikkelingen in de samenleving je opmerkt."),
    Aspect("timing", "Timing", "tijd", "Wanneer je iets inbrengt, en wanneer juist niet."),
    Aspect("tempo", "Tempo", "tijd", "Snelheid binnen het huis tegenover het trage netwerk."),
    Aspect("woorden", "Woorden", "taal", "Hoe de woorden die je kiest werkelijkheid maken."),
    Aspect("toon", "Toon", "taal", "De toon die je aan de top van de organisatie zet."),
    Aspect("verhalen", "Verhalen", "taal", "Welk beeld van buiten je binnen vertelt."),
    Aspect("stiltes", "Stiltes", "taal", "Wat onbesproken blijft, bij jou en om je heen."),
    Aspect("script", "Script", "toneel", "Vaste patronen, en ruimte om ervan af te wijken."),
    Aspect("actoren", "Actoren", "toneel", "Met wie je optrekt, en wie je mist."),
    Aspect("performance", "Performance", "toneel", "Wat je optreden teweegbrengt."),
    Aspect("podia", "Podia", "toneel", "Waar je zichtbaar bent: voor of achter de schermen."),
)
ASPECT_BY_KEY = {a.key: a for a in ASPECTEN}

_ASPECTVRAGEN: dict[str, tuple[str, ...]] = {
    "tijdverdeling": (
        "Als je terugkijkt op je agenda: welk deel van je week gaf je energie en welk deel kostte die vooral?",
        "Welke afspraak zou je schrappen als je morgen een uur extra voor partners buiten wilt vrijmaken?",
        "Klopt de verdeling over college, organisatie en omgeving met wat je jezelf had voorgenomen?",
        "Wie bepaalt eigenlijk hoe jouw weken gevuld raken: jijzelf, je secretariaat of de gewoonte?",
    ),
    "tijdgeest": (
        "Welke verschuiving in jouw gemeente merkte je deze periode op die nog niet op de agenda van het college staat?",
        "Van welke maatschappelijke beweging denk je dat jullie organisatie haar te laat gaat zien?",
        "Wat hoorde je buiten het gemeentehuis dat binnen nog niemand hardop zegt?",
        "Welke gewoonte in jullie werkwijze past niet meer bij wat inwoners nu verwachten?",
    ),
    "timing": (
        "Bij welk onderwerp had je eerder moeten aanschuiven, en wat hield je tegen?",
        "Waar wacht je bewust mee, en hoe weet je wanneer het goede moment daar is?",
        "Welk voorstel bracht je op een moment dat het bestuur er nog niet aan toe was?",
        "Welke kans liet je liggen omdat de agenda van het huis voorging?",
    ),
    "tempo": (
        "Waar zou vertragen je deze maand uiteindelijk sneller vooruit hebben geholpen?",
        "Welke urgentie van binnen drong zich op terwijl het traag lopende gesprek buiten meer aandacht verdiende?",
        "Hoeveel lucht zat er tussen je afspraken, en wat deed je met die vrije momenten?",
        "Welk traject met partners vraagt meer geduld dan je organisatie nu opbrengt?",
    ),
    "woorden": (
        "Welk woord gebruikte je vaak deze periode, en welk beeld roept dat op bij je medewerkers?",
        "Spreek je over de organisatie als 'wij' of als 'zij', en wanneer wisselt dat?",
        "Hoe noem je jezelf als iemand vraagt wat je doet: secretaris, directeur of iets anders?",
        "Welke term uit het huis begrijpen partners buiten waarschijnlijk niet?",
    ),
    "toon": (
        "Welke toon zette je in het laatste overleg met je directieteam, en was dat een bewuste keuze?",
        "Wanneer gaf je deze periode anderen het woord in plaats van zelf te spreken?",
        "Welke toon wil je dat medewerkers van je overnemen, en zien ze die ook bij jou?",
        "Waar klonk je strenger of zachter dan je eigenlijk bedoelde?",
    ),
    "verhalen": (
        "Welk verhaal over de buitenwereld vertel je binnen het huis het vaakst?",
        "Welk voorbeeld van een partner heb je recent gebruikt om iets in de organisatie in beweging te krijgen?",
        "Welk verhaal over jullie gemeente vertellen anderen, en herken je je daarin?",
        "Welke ervaring van inwoners zou je vaker willen doorvertellen aan het college?",
    ),
    "stiltes": (
        "Wat liet je deze periode onuitgesproken, en wat kostte of bracht dat?",
        "Over welk onderwerp zwijgt het directieteam opvallend vaak?",
        "Wie in je omgeving zegt weinig, terwijl je diegene juist zou willen horen?",
        "Welke twijfel houd je voor je, en bij wie zou je die kunnen neerleggen?",
    ),
    "script": (
        "Hoeveel van je contacten buiten vonden plaats in vaste, terugkerende overleggen?",
        "Wanneer week je voor het laatst af van het gebruikelijke verloop van een overleg, en wat leverde dat op?",
        "Welke vaste afspraak bestaat vooral uit gewoonte en mag je afbouwen?",
        "Waar zou je een onverwachte ontmoeting kunnen organiseren in de komende weken?",
    ),
    "actoren": (
        "Met wie sprak je deze maand buiten de vertrouwde kring van overheden?",
        "Welke groep in jouw gemeente ontbreekt in je netwerk, en hoe zou je die kunnen bereiken?",
        "Zijn het steeds dezelfde gezichten aan tafel, en vind je dat een probleem?",
        "Wie zou je met elkaar in contact willen brengen die elkaar nu niet vinden?",
    ),
    "performance": (
        "Wat veranderde er doordat jij ergens aanwezig was?",
        "Welke reactie op je optreden verraste je, positief of negatief?",
        "Wat heb je van anderen nodig om buiten meer effect te hebben?",
        "Waar ben je zichtbaar zonder dat het iets toevoegt, en waar mis je juist?",
    ),
    "podia": (
        "Op welk podium liet je je deze periode zien, en was dat bewust gekozen?",
        "Wanneer werkte je liever achter de schermen, en waarom was dat daar beter?",
        "Welke digitale plek gebruik je om partners te bereiken, of laat je die liggen?",
        "Wie zet je bewust in het licht, zodat jij zelf op de achtergrond kunt blijven?",
    ),
}

KWALITEITEN: tuple[Kwaliteit, ...] = (
    Kwaliteit(
        "gezag",
        "Gezag dragen en anderen laten stralen",
        "je laat de leiding liggen en niemand weet waar je staat",
        "je neemt alle ruimte en anderen komen niet aan bod",
    ),
    Kwaliteit(
        "dienen_leiden",
        "Dienen en leiden tegelijk",
        "je volgt het bestuur zonder eigen koers",
        "je stuurt zo stevig dat het bestuur zich gepasseerd voelt",
    ),
    Kwaliteit(
        "moed",
        "Durf zonder overmoed",
        "je vermijdt elk risico en lastige gesprekken",
        "je neemt sprongen waarvan de gevolgen onoverzien zijn",
    ),
    Kwaliteit(
        "vasthoudendheid",
        "Volhouden zonder te verstarren",
        "je laat een koers los bij de eerste tegenwind",
        "je houdt vast aan een plan dat niet meer past",
    ),
    Kwaliteit(
        "geduld",
        "Kalm en toch gedreven",
        "je laat zaken op hun beloop en niets gaat vooruit",
        "je jaagt anderen op en onrust slaat over",
    ),
    Kwaliteit(
        "macht",
        "Omgaan met invloed en macht",
        "je gebruikt je positie niet, ook als dat wel nodig is",
        "je zet je positie in waar overtuigen had gekund",
    ),
    Kwaliteit(
        "repertoire",
        "Een breed repertoire van ingrepen",
        "je grijpt steeds naar dezelfde aanpak",
        "je wisselt zo vaak van aanpak dat niemand je nog kan volgen",
    ),
)
KWALITEIT_BY_KEY = {k.key: k for k in KWALITEITEN}

_KWALITEITVRAGEN: dict[str, str] = {
    "gezag": "Wanneer liet je deze maand een medewerker of wethouder de eer, terwijl jij had kunnen schitteren?",
    "dienen_leiden": "Waar diende je het bestuur, en waar ging je juist zelf voorop?",
    "moed": "Welk risico nam je bewust, en welk risico vermeed je liever?",
    "vasthoudendheid": "Aan welk voornemen hield je vast, en wanneer had loslaten verstandiger geweest?",
    "geduld": "Waar was je ongeduldig, en hielp dat de zaak of juist niet?",
    "macht": "Wanneer zette je je formele positie in, en hoe voelde dat achteraf?",
    "repertoire": "Welke manier van ingrijpen gebruikte je het meest, en welke liet je onbenut?",
}

POLARITEITEN: tuple[Polariteit, ...] = (
    Polariteit("boegbeeld", "Boegbeeld", "Op de achtergrond"),
    Polariteit("proactief", "Proactief", "Reactief"),
    Polariteit("padvinder", "Padvinder", "Vangnet"),
    Polariteit("afstand", "Afstand", "Nabijheid"),
    Polariteit("gesprek", "Gesprek", "Onderhandeling"),
    Polariteit("belangen", "Eigen belangen", "Gedeelde belangen"),
    Polariteit("persoon", "Als persoon", "Vanuit het ambt"),
)
POLARITEIT_BY_KEY = {p.key: p for p in POLARITEITEN}

_POLARITEITVRAGEN: dict[str, str] = {
    "boegbeeld": "Stond je dit kwartaal vaker vooraan als gezicht van de gemeente, of hield je je bewust op de achtergrond?",
    "proactief": "Bij welke kwestie nam je zelf het initiatief, en waar wachtte je af tot iemand je vroeg?",
    "padvinder": "Zocht je nieuwe wegen voor de organisatie, of ving je vooral op wat misging?",
    "afstand": "Bij wie bleef je op afstand, en bij wie kwam je juist dichtbij?",
    "gesprek": "Ging je met partners in gesprek om te verkennen, of onderhandelde je vooral over posities?",
    "belangen": "Kwam je op voor het belang van de gemeente, of zocht je wat jullie samen delen?",
    "persoon": "Wanneer sprak je als jezelf, en wanneer vooral vanuit je functie?",
}

TOONSOORTEN: tuple[Toonsoort, ...] = (
    Toonsoort("maat_houden", "Maat houden", "Je bewaakt de kaders en het ritme van het huis."),
    Toonsoort("toon_zetten", "Zelf de toon zetten", "Je gaat voorop en laat horen wat je wilt."),
    Toonsoort(
        "op_stem_brengen",
        "Anderen op stem brengen",
        "Je helpt medewerkers en partners hun eigen geluid te vinden.",
    ),
    Toonsoort("spel_verdelen", "Spel verdelen", "Je geeft ieder een eigen rol in het geheel."),
    Toonsoort(
        "samen_oefenen",
        "Meedoen en samen oefenen",
        "Je speelt zelf mee en probeert met anderen uit.",
    ),
)
TOONSOORT_KEYS = tuple(t.key for t in TOONSOORTEN)

# Positions on a balance, from "te weinig" through "in balans" to "te veel".
BALANS_POSITIES = (
    (-2, "duidelijk te weinig"),
    (-1, "wat te weinig"),
    (0, "in balans"),
    (1, "wat te veel"),
    (2, "duidelijk te veel"),
)

# The weekly check-in opens with one of these (a different one each week for nine weeks).
WEEKVRAGEN: tuple[Vraag, ...] = (
    Vraag("week-1", "Wat was het belangrijkste moment van je week, en waarom juist dat?"),
    Vraag("week-2", "Wat neem je mee naar volgende week, en wat laat je bewust los?"),
    Vraag("week-3", "Welk gesprek van deze week blijft door je hoofd spelen?"),
    Vraag("week-4", "Waar was je deze week het meest op je plek?"),
    Vraag("week-5", "Wat kostte je deze week meer energie dan je had verwacht?"),
    Vraag("week-6", "Wie heeft je deze week geholpen, en weet diegene dat?"),
    Vraag("week-7", "Welke beslissing schoof je deze week voor je uit?"),
    Vraag("week-8", "Waar ben je deze week trots op, hoe klein ook?"),
    Vraag("week-9", "Wat zou je deze week anders doen als je hem over mocht doen?"),
)


def _build() -> tuple[Vraag, ...]:
    vragen: list[Vraag] = []
    for aspect in ASPECTEN:
        for number, tekst in enumerate(_ASPECTVRAGEN[aspect.key], start=1):
            vragen.append(
                Vraag(f"{aspect.key}-{number}", tekst, dimensie=aspect.dimensie, aspect=aspect.key)
            )
    for key, tekst in _KWALITEITVRAGEN.items():
        vragen.append(Vraag(f"kwaliteit-{key}", tekst, kwaliteit=key))
    for key, tekst in _POLARITEITVRAGEN.items():
        vragen.append(Vraag(f"rol-{key}", tekst, polariteit=key))
    return tuple(vragen)


VRAGEN: tuple[Vraag, ...] = _build()
# Asked after a rehearsal in oefenen: about the choices made there, not about the calendar.
OEFENVRAGEN: tuple[Vraag, ...] = (
    Vraag(
        "oefening-1", "Welke keuze in deze oefening vond je het lastigst, en wat woog toen zwaar?"
    ),
    Vraag("oefening-2", "Welk advies liet je liggen? Zou je dat in je eigen gemeente ook doen?"),
    Vraag("oefening-3", "Wat herken je uit je eigen werk, en wat neem je mee naar maandag?"),
)

VRAAG_BY_ID = {v.id: v for v in (*VRAGEN, *WEEKVRAGEN, *OEFENVRAGEN)}


def aspect_vragen(aspect: str) -> list[Vraag]:
    return [v for v in VRAGEN if v.aspect == aspect]


def dimensie_vragen(dimensie: str) -> list[Vraag]:
    return [v for v in VRAGEN if v.dimensie == dimensie]


def vragen_per_aspect() -> dict[str, int]:
    return {a.key: len(aspect_vragen(a.key)) for a in ASPECTEN}
