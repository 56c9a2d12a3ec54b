"""Dutch rules for appointment titles and locations, and categories named after a domain."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    domain: str
    weight: float
    pattern: re.Pattern
    label: str  # what the reason shows, e.g. "wethouder"
    solo_only: bool = False  # only for appointments without other attendees
    personal: bool = False  # private life or leave: not working time


def _rule(domain, weight, regex, label, *, solo_only=False, personal=False, case=False):
    flags = 0 if case else re.IGNORECASE
    return Rule(domain, weight, re.compile(regex, flags), label, solo_only, personal)


# `(?<![a-zà-ÿ])` marks the start of a word; most patterns may continue into a compound
# ("college" also finds "collegevergadering"), because Dutch writes compounds as one word.
W = r"(?<![a-zà-ÿ])"
E = r"(?![a-zà-ÿ])"  # end of word
A = r"(?<![A-Za-z])"  # boundaries for case-sensitive abbreviations ("DT-overleg", "MT ...")
Z = r"(?![A-Za-z])"

RULES: tuple[Rule, ...] = (
    # --- college: bestuur, raad, griffie ---------------------------------------------------
    _rule("college", 2, W + r"college(?!gel)", "college"),
    _rule("college", 2, W + r"(b\s?&\s?w|b\s?en\s?w|benw|b\s?\+\s?w)" + E, "B&W"),
    _rule("college", 2, W + r"(loco-?)?burgemeester", "burgemeester"),
    _rule("college", 2, W + r"wethouder", "wethouder"),
    _rule("college", 2, W + r"portefeuille(houder|overleg)", "portefeuillehouder"),
    _rule("college", 2, A + r"(PHO|PFO)" + Z, "portefeuillehoudersoverleg", case=True),
    _rule("college", 2, W + r"gemeenteraad", "gemeenteraad"),
    _rule(
        "college",
        2,
        W + r"raad(?! van )(s(?!zaal)[a-zà-ÿ]*)?" + E + r"|" + W + r"raads(?!zaal)[a-zà-ÿ]+",
        "raad",
    ),
    _rule("college", 2, W + r"griffie", "griffie"),
    _rule("college", 2, W + r"presidium", "presidium"),
    _rule("college", 2, W + r"(seniorenconvent|fractievoorzitter|fractie)", "fractie"),
    _rule("college", 1, W + r"(coalitie|collegeakkoord|coalitieakkoord)", "coalitie"),
    _rule("college", 1, W + r"agendacommissie", "agendacommissie"),
    _rule(
        "college",
        1,
        W + r"(commissievergadering|commissie\s+(bestuur|ruimte|samenleving))",
        "raadscommissie",
    ),
    _rule(
        "college",
        1,
        W + r"(voorjaarsnota|kadernota|begrotingsbehandeling|algemene beschouwingen)",
        "begrotingsbehandeling raad",
    ),
    _rule(
        "college", 1, W + r"(bestuurlijk\s+advies|collegeadvies|collegevoorstel)", "collegeadvies"
    ),
    _rule("college", 1, W + r"(rekenkamer|enquête|enquete)", "rekenkamer/enquête"),
    # --- organisatie: the civil service ----------------------------------------------------
    _rule("organisatie", 2, A + r"(DT|MT|GMT|CMT|OMT|SMT|CT)" + Z, "DT/MT", case=True),
    _rule(
        "organisatie",
        2,
        W + r"(directieteam|directieoverleg|managementteam|concernteam|"
        r"concernstaf|directieraad|concerndirectie|managementoverleg)",
        "directie/MT",
    ),
    _rule("organisatie", 2, A + r"(OR|GO)" + Z, "OR/GO", case=True),
    _rule(
        "organisatie",
        2,
        W + r"(ondernemingsraad|georganiseerd overleg|medezeggenschap)",
        "ondernemingsraad",
    ),
    _rule(
        "organisatie",
        2,
        W + r"(functionerings|beoordelings|jaar|ontwikkel|loopbaan|"
        r"exit|verzuim|re-?integratie|sollicitatie|selectie|voortgangs)gesprek",
        "personeelsgesprek",
    ),
    _rule(
        "organisatie",
        2,
        W + r"(sollicitatie|sollicitant|vacature|werving|"
        r"sollicitatiecommissie|selectiecommissie|assessment)",
        "werving en selectie",
    ),
    _rule(
        "organisatie", 2, W + r"(medewerker|personeel|collega's|collega" + E + r")", "medewerkers"
    ),
    _rule(
        "organisatie",
        2,
        W + r"(werkoverleg|teamoverleg|afdelingsoverleg|teamdag|teamuitje|"
        r"afdelingsbijeenkomst|personeelsbijeenkomst|medewerkersbijeenkomst)",
        "werkoverleg",
    ),
    _rule("organisatie", 2, W + r"(p&o|p\s?en\s?o|hrm?|hr-|personeelszaken)" + E, "P&O"),
    _rule(
        "organisatie",
        2,
        W + r"(concerncontrol|controller|concernzorg|bedrijfsvoering|"
        r"planning\s?(&|en)\s?control|p&c)",
        "bedrijfsvoering/control",
    ),
    _rule(
        "organisatie",
        2,
        W + r"(afdelingshoofd|afdelingsmanager|teamleider|teammanager|"
        r"clustermanager|directeur bedrijfsvoering|concerndirecteur|"
        r"adjunct-?directeur|locosecretaris|loco-secretaris|bestuursadviseur|"
        r"managementassistent|directiesecretaresse|secretaresse)",
        "leidinggevende/staf",
    ),
    _rule(
        "organisatie",
        2,
        W + r"(reorganisatie|organisatieontwikkeling|organisatiecultuur|"
        r"ambtelijke organisatie|werkorganisatie|organisatievisie|formatieplan)",
        "organisatieontwikkeling",
    ),
    _rule(
        "organisatie",
        1,
        W + r"(bila|bilateraal|1-op-1|1 op 1|één-op-één|een-op-een|1:1|"
        r"one-on-one)" + E,
        "bila",
    ),
    _rule(
        "organisatie",
        1,
        W + r"(afdeling|team" + E + r"|interne?" + E + r"|intern overleg)",
        "afdeling/team",
    ),
    _rule(
        "organisatie",
        1,
        W + r"(burgerzaken|publiekszaken|dienstverlening|ict|i-?vizier|"
        r"informatiebeveiliging|privacy|avg|huisvesting|facilitair|communicatie|"
        r"juridische zaken|inkoop)" + E,
        "afdeling",
    ),
    _rule("organisatie", 1, W + r"(ambtelijk|ambtenar)", "ambtelijk"),
    _rule(
        "organisatie", 1, W + r"(directie" + E + r"|staf" + E + r"|stafoverleg)", "directie/staf"
    ),
    _rule(
        "organisatie",
        2,
        W + r"(leiderschap|leidinggevenden|managementdag|concernoverleg|sectoroverleg|"
        r"clusteroverleg|ambtelijk opdrachtgever)",
        "leidinggevenden",
    ),
    # --- omgeving: partners, region, other governments, inhabitants ------------------------
    _rule("omgeving", 2, W + r"regio", "regio"),
    _rule(
        "omgeving",
        2,
        W + r"(veiligheidsregio|omgevingsdienst|ggd|rud|odr|gemeenschappelijke"
        r" regeling|werkbedrijf|arbeidsmarktregio|metropoolregio|samenwerkingsverband)",
        "regionale samenwerking",
    ),
    _rule(
        "omgeving",
        2,
        A + r"(VR|GR|RUD|ODR|GGD|AB|DB|VNG|VGS|IPO|UWV|COA|ROC|MBO|HBO|MKB|"
        r"VNO|KvK|NS|RWS|BZK)" + Z,
        "partnerorganisatie",
        case=True,
    ),
    _rule(
        "omgeving",
        2,
        W + r"(algemeen bestuur|dagelijks bestuur|bestuurlijk overleg|"
        r"bestuurscommissie)",
        "bestuur van een samenwerking",
    ),
    _rule(
        "omgeving",
        2,
        W + r"(provincie|provinciaal|provinciale|gedeputeerde|"
        r"commissaris van de koning|cdk" + E + r"|waterschap|hoogheemraadschap|ministerie|"
        r"minister|staatssecretaris|rijksoverheid|tweede kamer|"
        r"rijkswaterstaat|prorail|buurgemeente|gemeenten" + E + r"|vng|gemeentesecretarissen|"
        r"secretarissen|secretarissenkring|kring" + E + r")",
        "andere overheid",
    ),
    _rule(
        "omgeving",
        2,
        W + r"(politie|openbaar ministerie|officier van justitie|brandweer|"
        r"justitie|lokale driehoek)",
        "politie/justitie",
    ),
    _rule("omgeving", 1, W + r"driehoek", "driehoek"),
    _rule(
        "omgeving",
        2,
        W + r"(woningcorporatie|corporatie|woningbouwvereniging|"
        r"woonstichting|huurdersvereniging|huurders)",
        "woningcorporatie",
    ),
    _rule(
        "omgeving",
        2,
        W + r"(zorgaanbieder|zorgverzekeraar|zorginstelling|zorggroep|"
        r"zorgpartner|zorgorganisatie|welzijnsorganisatie|welzijnsinstelling|jeugdzorg|"
        r"thuiszorg|ziekenhuis|huisartsen" + E + r"|verpleeghuis)",
        "zorg en welzijn",
    ),
    _rule(
        "omgeving",
        2,
        W + r"(onderwijs|school|scholen|schoolbestuur|hogeschool|universiteit|"
        r"kinderopvang|rector|college van bestuur)",
        "onderwijs",
    ),
    _rule(
        "omgeving",
        2,
        W + r"(ondernemer|bedrijfsleven|bedrijven|bedrijventerrein|werkgever|"
        r"winkelier|middenstand|kamer van koophandel|economic board|ondernemersvereniging|"
        r"investeerder|projectontwikkelaar|bouwer)",
        "ondernemers",
    ),
    _rule(
        "omgeving",
        2,
        W + r"(inwoner|bewoner|burgers" + E + r"|burgerpanel|burgerinitiatief|"
        r"dorpsraad|wijkraad|wijkbewoner|buurt|wijkavond|wijkschouw|wijkbezoek|"
        r"bewonersavond|inwonersavond|bewonerscommissie|dorpsbelang|inwonersinitiatief|"
        r"cliëntenraad|clientenraad|adviesraad|jongerenraad|seniorenraad|wmo-raad|"
        r"participatieraad|raad van (toezicht|bestuur|commissarissen|state))",
        "inwoners",
    ),
    _rule(
        "omgeving",
        2,
        W + r"(vereniging|stichting|sportclub|sportvereniging|museum|theater|"
        r"bibliotheek|kerk" + E + r"|moskee|maatschappelijke|maatschappelijk|netbeheerder|"
        r"energiecoöperatie|partners?" + E + r"|netwerk|stakeholder|ketenpartner)",
        "maatschappelijke partner",
    ),
    _rule(
        "omgeving",
        2,
        W + r"(werkbezoek|bedrijfsbezoek|netwerkbijeenkomst|netwerkborrel|"
        r"congres|symposium|jaarcongres|ledenvergadering|alv" + E + r"|opening|"
        r"lintje|externe?" + E + r"|extern overleg|pers" + E + r"|persgesprek|journalist|"
        r"social media)",
        "extern contact",
    ),
    _rule("omgeving", 1, W + r"(bezoek|ontbijtsessie|kennismaking met)", "bezoek"),
    # --- overig: own time, private, travel, leave --------------------------------------------
    _rule(
        "overig",
        3,
        W + r"(vakantie|verlof|vrije dag|vrij" + E + r"|snipperdag|afwezig|"
        r"ziek" + E + r"|ziekmelding|feestdag|koningsdag|bevrijdingsdag|"
        r"(eerste |tweede )?(kerst|paas|pinkster)dag|paasmaandag|pinkstermaandag|"
        r"hemelvaart|goede vrijdag|kerstvakantie|meivakantie|reces|out of office|"
        r"ooo" + E + r"|holiday|annual leave)",
        "verlof/afwezig",
        personal=True,
    ),
    _rule(
        "overig",
        3,
        W + r"(tandarts|huisarts" + E + r"|dokter|fysio|kapper|orthodontist|"
        r"dierenarts|oppas|(kinderen|kids) (ophalen|brengen)|ouderavond|verjaardag|jarig|"
        r"bruiloft|sportschool|hardlopen|yoga|boodschappen|privé|prive" + E + r"|garage|"
        r"apk" + E + r"|loodgieter|monteur)",
        "privé",
        personal=True,
    ),
    _rule("overig", 3, W + r"(reistijd|reizen|onderweg|rijden|trein|vlucht|travel)", "reistijd"),
    _rule(
        "overig",
        2,
        W + r"(focustijd|focus|denktijd|leestijd|schrijftijd|niet storen|"
        r"geblokt|geblokkeerd|blokker|blok" + E + r"|concentratie|deep work|"
        r"stukken lezen|mail|e-mail|inbox|administratie|opruimen|weekplanning|"
        r"agenda bijwerken)",
        "eigen werktijd",
        solo_only=True,
    ),
    _rule(
        "overig",
        2,
        W + r"(voorbereid|lezen" + E + r"|schrijven|uitwerken|nalezen|"
        r"studeren|studie)",
        "voorbereiding",
        solo_only=True,
    ),
    _rule("overig", 2, W + r"(lunch|pauze|wandeling|wandelen|break)", "pauze", solo_only=True),
    _rule(
        "overig",
        1,
        W + r"(placeholder|reserveren|reservering|optie|hold)" + E,
        "reservering",
        solo_only=True,
    ),
)

# Categories named after a domain need no mapping.
BUILTIN_CATEGORIES = {
    "college": "college",
    "bestuur": "college",
    "organisatie": "organisatie",
    "omgeving": "omgeving",
    "extern": "omgeving",
    "overig": "overig",
    "privé": "overig",
    "prive": "overig",
    "persoonlijk": "overig",
    "private": "overig",
    "personal": "overig",
}
