"""Which domain an appointment belongs to, and why.

Domains: college (bestuur: college, burgemeester, wethouders, raad, griffie), organisatie (the
civil service the secretary leads), omgeving (partners, region, other governments, inhabitants)
and overig (solo work, private, travel, leave, breaks; outside the three-way split).

Evidence, strongest first, and the first that decides wins:
1. the user's own correction: for this occurrence, for the whole series, for this title;
2. an Outlook category the user mapped to a domain (or a category named after a domain);
3. attendees: when at least half of them come from outside the user's own mail domains, the
   appointment is an external contact;
4. Dutch rules for titles (and, with less weight, locations) written for municipal calendars;
   a few rules only count for appointments without other attendees (lunch, preparing, focus);
5. a naive Bayes model trained on the titles the user corrected;
6. what is left: some external attendees -> omgeving; only colleagues -> organisatie; nobody
   else -> overig (own time).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .parsed import Occurrence

DOMAINS = ("college", "organisatie", "omgeving", "overig")
WORK_DOMAINS = ("college", "organisatie", "omgeving")
DOMAIN_LABELS = {
    "college": "College",
    "organisatie": "Organisatie",
    "omgeving": "Omgeving",
    "overig": "Overig",
}
# Ties between rules go to the first domain here: an appointment that names both a partner and
# a wethouder is still an external contact.
_TIE_ORDER = ("omgeving", "college", "organisatie", "overig")

SOURCE_LABELS = {
    "correctie": "eigen correctie",
    "categorie": "categorie",
    "deelnemers": "deelnemers",
    "regel": "onderwerp",
    "model": "geleerd",
    "standaard": "standaard",
}

# Mail providers whose addresses say nothing about an organisation.
PUBLIC_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.nl",
        "outlook.com",
        "outlook.nl",
        "live.nl",
        "live.com",
        "icloud.com",
        "me.com",
        "yahoo.com",
        "ziggo.nl",
        "kpnmail.nl",
        "planet.nl",
        "home.nl",
        "xs4all.nl",
        "telfort.nl",
        "proton.me",
        "protonmail.com",
    }
)


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


@dataclass(frozen=True)
class Classification:
    domain: str
    reason: str
    source: str
    personal: bool = False


@dataclass
class Corrections:
    """The user's corrections, by scope. Values are domains."""

    occurrence: dict[tuple[str, str], str] = field(default_factory=dict)
    series: dict[str, str] = field(default_factory=dict)
    title: dict[str, str] = field(default_factory=dict)


_SPACES = re.compile(r"\s+")
_WORD_TAIL = re.compile(r"[\wà-ÿ-]*")


def _whole_word(text: str, match: re.Match) -> str:
    """The matched text widened to the end of its word ("concerncontrol" -> "...controller")."""
    tail = _WORD_TAIL.match(text, match.end())
    return (match.group(0) + (tail.group(0) if tail else "")).strip(" -")


# Titles that say someone else is there, even when the invitation lists nobody.
_MEETING = re.compile(
    r"(?<![a-zà-ÿ])(met|overleg|gesprek|bespreking|vergadering|meeting|koffie|afspraak met|"
    r"kennismaking|bijeenkomst|sessie)(?![a-zà-ÿ])",
    re.IGNORECASE,
)


def normalise_title(title: str) -> str:
    return _SPACES.sub(" ", title.strip().lower()).strip(" .:-–")


def mail_domain(address: str) -> str:
    if "@" not in address:
        return ""
    return address.rsplit("@", 1)[1].strip().strip(">").lower()


def is_own_domain(domain: str, own_domains: Iterable[str]) -> bool:
    return any(domain == own or domain.endswith("." + own) for own in own_domains)


def infer_own_domains(occurrences: Iterable[Occurrence]) -> list[str]:
    """The user's own mail domain: the organiser's domain that occurs most, else the most
    frequent attendee domain. Public mail providers do not count."""
    organizers: Counter[str] = Counter()
    attendees: Counter[str] = Counter()
    for occurrence in occurrences:
        domain = mail_domain(occurrence.organizer)
        if domain and domain not in PUBLIC_MAIL_DOMAINS:
            organizers[domain] += 1
        for address in occurrence.attendees:
            domain = mail_domain(address)
            if domain and domain not in PUBLIC_MAIL_DOMAINS:
                attendees[domain] += 1
    counter = organizers or attendees
    if not counter:
        return []
    return [counter.most_common(1)[0][0]]


_TOKEN = re.compile(r"[a-zà-ÿ0-9&]+")


def title_tokens(title: str) -> list[str]:
    tokens = []
    for token in _TOKEN.findall(title.lower()):
        if len(token) < 2 or token.isdigit():
            continue
        tokens.append(token)
        # The head of a long compound carries most meaning ("raadsinformatie..." ~ "raadsin").
        if len(token) > 9:
            tokens.append(token[:6] + "~")
    return tokens


class TitleModel:
    """Multinomial naive Bayes over title tokens, trained on the user's corrected titles."""

    MIN_EXAMPLES = 3
    MIN_CONFIDENCE = 0.7

    def __init__(self, examples: Iterable[tuple[str, str]]):
        self.token_counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.class_counts: Counter[str] = Counter()
        self.vocabulary: set[str] = set()
        seen: set[tuple[str, str]] = set()
        for title, domain in examples:
            key = (normalise_title(title), domain)
            if key in seen or domain not in DOMAINS:
                continue
            seen.add(key)
            tokens = title_tokens(title)
            self.class_counts[domain] += 1
            self.token_counts[domain].update(tokens)
            self.vocabulary.update(tokens)
        self.totals = {domain: sum(counts.values()) for domain, counts in self.token_counts.items()}

    @property
    def size(self) -> int:
        return sum(self.class_counts.values())

    def predict(self, title: str) -> tuple[str, float] | None:
        if self.size < self.MIN_EXAMPLES or len(self.class_counts) < 2:
            return None
        tokens = [t for t in title_tokens(title) if t in self.vocabulary]
        if not tokens:
            return None
        vocabulary = len(self.vocabulary)
        scores = {}
        for domain, count in self.class_counts.items():
            score = math.log(count / self.size)
            counts, total = self.token_counts[domain], self.totals[domain]
            for token in tokens:
                score += math.log((counts[token] + 1) / (total + vocabulary))
            scores[domain] = score
        best = max(scores, key=scores.get)
        peak = scores[best]
        probability = 1 / sum(math.exp(score - peak) for score in scores.values())
        if probability < self.MIN_CONFIDENCE:
            return None
        return best, probability


class Classifier:
    def __init__(
        self,
        *,
        own_domains: Iterable[str] = (),
        category_map: dict[str, str] | None = None,
        corrections: Corrections | None = None,
        model: TitleModel | None = None,
    ):
        self.own_domains = tuple(d.lower().strip().lstrip("@") for d in own_domains if d.strip())
        self.category_map = {**BUILTIN_CATEGORIES}
        for name, domain in (category_map or {}).items():
            if domain in DOMAINS:
                self.category_map[name.strip().lower()] = domain
        self.corrections = corrections or Corrections()
        self.model = model
        self._cache: dict[tuple, Classification] = {}

    def classify(self, occurrence: Occurrence) -> Classification:
        corrected = self._by_correction(occurrence)
        if corrected is not None:
            return corrected
        signature = (
            occurrence.title,
            occurrence.location,
            occurrence.categories,
            occurrence.attendees,
            occurrence.organizer,
            occurrence.private,
            occurrence.all_day,
            occurrence.availability,
        )
        cached = self._cache.get(signature)
        if cached is None:
            cached = self._classify_uncorrected(occurrence)
            self._cache[signature] = cached
        return cached

    def _by_correction(self, occurrence: Occurrence) -> Classification | None:
        domain = self.corrections.occurrence.get(occurrence.key)
        if domain:
            return Classification(domain, "Jouw correctie voor deze afspraak.", "correctie")
        domain = self.corrections.series.get(occurrence.uid)
        if domain:
            return Classification(domain, "Jouw correctie voor de hele reeks.", "correctie")
        domain = self.corrections.title.get(normalise_title(occurrence.title))
        if domain:
            return Classification(
                domain, "Jouw correctie voor alle afspraken met dit onderwerp.", "correctie"
            )
        return None

    def _classify_uncorrected(self, occurrence: Occurrence) -> Classification:
        for category in occurrence.categories:
            domain = self.category_map.get(category.strip().lower())
            if domain:
                return Classification(
                    domain,
                    f"Categorie ‘{category}’ hoort bij {DOMAIN_LABELS[domain].lower()}.",
                    "categorie",
                    personal=domain == "overig" and occurrence.private,
                )

        external, internal, unknown = self._split_attendees(occurrence)
        others = len(external) + len(internal) + unknown
        if external and len(external) * 2 >= len(external) + len(internal):
            domains = sorted({mail_domain(a) for a in external})
            return Classification(
                "omgeving",
                f"{len(external)} van de {len(external) + len(internal)} deelnemers komen van "
                f"buiten de eigen organisatie ({', '.join(domains[:3])}).",
                "deelnemers",
            )

        by_rules = self._by_rules(occurrence, solo=others == 0)
        if by_rules is not None:
            return by_rules

        if self.model is not None:
            predicted = self.model.predict(occurrence.title)
            if predicted is not None:
                domain, probability = predicted
                return Classification(
                    domain,
                    f"Lijkt op onderwerpen die je zelf bij {DOMAIN_LABELS[domain].lower()} "
                    f"indeelde ({round(probability * 100)}% zeker).",
                    "model",
                )

        if external:
            return Classification(
                "omgeving",
                f"Er zijn deelnemers van buiten de eigen organisatie "
                f"({', '.join(sorted({mail_domain(a) for a in external})[:3])}).",
                "deelnemers",
            )
        if internal:
            return Classification(
                "organisatie",
                "Alleen deelnemers uit de eigen organisatie en geen herkenbaar onderwerp.",
                "deelnemers",
            )
        if unknown:
            return Classification(
                "organisatie",
                "Met anderen, maar zonder herkenbaar onderwerp of mailadres.",
                "standaard",
            )
        if _MEETING.search(occurrence.title):
            return Classification(
                "organisatie",
                "Een overleg zonder deelnemerslijst en zonder herkenbaar domein: meestal de "
                "eigen organisatie.",
                "standaard",
            )
        return Classification(
            "overig",
            "Geen andere deelnemers en geen herkenbaar onderwerp: eigen tijd.",
            "standaard",
            personal=occurrence.private,
        )

    def _split_attendees(self, occurrence: Occurrence) -> tuple[list[str], list[str], int]:
        external, internal, unknown = [], [], 0
        organizer = occurrence.organizer.lower()
        for address in occurrence.attendees:
            if address == organizer:
                continue
            domain = mail_domain(address)
            if not domain:
                unknown += 1
            elif self.own_domains and is_own_domain(domain, self.own_domains):
                internal.append(address)
            elif not self.own_domains:
                unknown += 1
            else:
                external.append(address)
        return external, internal, unknown

    def _by_rules(self, occurrence: Occurrence, *, solo: bool) -> Classification | None:
        scores: dict[str, float] = defaultdict(float)
        fired: dict[str, set[str]] = defaultdict(set)  # rule labels, to count each rule once
        words: dict[str, list[str]] = defaultdict(list)  # what the user sees: matched text
        marks: dict[str, list[str]] = defaultdict(list)  # calendar flags that counted
        personal = False
        for text, factor, where in (
            (occurrence.title, 1.0, words),
            (occurrence.location, 0.5, words),
        ):
            if not text:
                continue
            for rule in RULES:
                if rule.solo_only and not solo:
                    continue
                if rule.label in fired[rule.domain]:
                    continue
                match = rule.pattern.search(text)
                if match:
                    scores[rule.domain] += rule.weight * factor
                    fired[rule.domain].add(rule.label)
                    where[rule.domain].append(_whole_word(text, match))
                    personal = personal or (rule.personal and factor == 1.0)
        if occurrence.availability == "afwezig":
            scores["overig"] += 3.0 if occurrence.all_day else 1.5
            marks["overig"].append("als afwezig gemarkeerd")
            personal = True
        if occurrence.private and solo:
            scores["overig"] += 1.5
            marks["overig"].append("privé")
        if not scores:
            return None
        best = max(_TIE_ORDER, key=lambda d: (scores.get(d, 0.0), -_TIE_ORDER.index(d)))
        parts = []
        if words[best]:
            quoted = ", ".join(f"‘{w}’" for w in dict.fromkeys(words[best][:3]))
            parts.append(f"onderwerp of locatie noemt {quoted}")
        parts.extend(marks[best])
        return Classification(
            best,
            f"{DOMAIN_LABELS[best]}: {'; '.join(parts)}.",
            "regel",
            personal=best == "overig" and (personal or occurrence.private),
        )
