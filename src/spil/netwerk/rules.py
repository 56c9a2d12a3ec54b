"""The built-in rule list: from a mail domain to a proposed organisation and sector, and from
an appointment to its meeting form. Pure: no Django.

Every proposal carries a reason the user sees. The user corrects a domain once; the correction
then holds for every contact with that domain (see services). Matching works on the domain's
name without its top-level domain ("zorggroepwest" for zorggroepwest.nl), so that a rule like
"zorg*" does not depend on .nl or .com.

Rule list (first match wins, in this order):

1. the user's own mail domains (and their subdomains): intern. A domain that merely contains
   the town's name (ondernemersdijkveen.nl next to dijkveen.nl) is *not* intern.
2. common webmail providers (gmail.com, hotmail.com, ziggo.nl, ...): "particulier", sector
   maatschappelijke organisaties en inwoners.
3. known names and prefixes per sector: rijk en uitvoeringsorganisaties (rijksoverheid, min*,
   uwv, kadaster, rdw, svb, belastingdienst, duo, rvo); provincie en waterschap (provincie*,
   waterschap*, hoogheemraadschap*, wetterskip*); veiligheid (veiligheidsregio*, vr*, politie,
   brandweer*, om.nl); regio (regio*, gemeente*, vng, omgevingsdienst*); wonen (woon*, *wonen*,
   *woning*, known corporation names); onderwijs en kennis (roc*, hogeschool*, universiteit*,
   mbo*, known university domains); zorg en welzijn (zorg*, ggd*, ggz*, ziekenhuis*, welzijn*,
   umc*, insurers); bedrijfsleven (ondernemer*, kvk, mkb*, banks, *bedrijven*); cultuur en sport
   (theater, museum, bibliotheek, sport, cultuur, muziek); maatschappelijke organisaties
   (stichting*, vereniging*, wijkraad, dorpsraad, bewoners*, voedselbank, vluchtelingenwerk).
4. anything else: no sector; the user chooses one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (key, label, medeoverheid?) — the seeded, editable list.
SECTOREN: tuple[tuple[str, str], ...] = (
    ("regio", "Medeoverheden: gemeenten en regio"),
    ("provincie_waterschap", "Medeoverheden: provincie en waterschap"),
    ("rijk", "Medeoverheden: rijk en uitvoeringsorganisaties"),
    ("veiligheid", "Medeoverheden: veiligheid"),
    ("onderwijs", "Onderwijs en kennis"),
    ("zorg", "Zorg en welzijn"),
    ("wonen", "Wonen"),
    ("bedrijfsleven", "Bedrijfsleven"),
    ("cultuur_sport", "Cultuur en sport"),
    ("maatschappelijk", "Maatschappelijke organisaties en inwoners"),
)
SECTOR_LABELS = dict(SECTOREN)
MEDEOVERHEDEN = ("regio", "provincie_waterschap", "rijk", "veiligheid")
NIET_TOEGEWEZEN = "Niet toegewezen"

# How the survey ranks the kinds of partners secretaries meet most, in Spil's own words.
SURVEY_RANKING = (
    ("Medeoverheden", MEDEOVERHEDEN),
    ("Maatschappelijke organisaties", ("zorg", "wonen", "onderwijs", "cultuur_sport")),
    ("Inwoners en ondernemers", ("maatschappelijk", "bedrijfsleven")),
)
SURVEY_RANKING_CITATION = (
    "Van Twist, Huiting en Schulz (NSOB), essay over de gemeentesecretaris buiten de deur, "
    "§ 4.2: enquête onder 74 gemeentesecretarissen. Het meeste contact is met andere "
    "overheden, daarna met maatschappelijke organisaties en het minst met inwoners; bijna de "
    "helft noemt de eigen bubbel een punt van zorg."
)

WEBMAIL = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.nl",
        "outlook.com",
        "outlook.nl",
        "live.com",
        "live.nl",
        "msn.com",
        "icloud.com",
        "me.com",
        "yahoo.com",
        "yahoo.nl",
        "ziggo.nl",
        "kpnmail.nl",
        "kpnplanet.nl",
        "planet.nl",
        "hetnet.nl",
        "home.nl",
        "xs4all.nl",
        "casema.nl",
        "upcmail.nl",
        "chello.nl",
        "telfort.nl",
        "tele2.nl",
        "online.nl",
        "proton.me",
        "protonmail.com",
    }
)


@dataclass(frozen=True)
class DomainRule:
    sector: str
    pattern: re.Pattern[str]
    label: str  # what the reason shows, e.g. "zorg*"


def _r(sector: str, regex: str, label: str) -> DomainRule:
    return DomainRule(sector, re.compile(regex), label)


# Matched against the domain name without its top-level domain, e.g. "provincie-utrecht".
DOMAIN_RULES: tuple[DomainRule, ...] = (
    _r(
        "rijk",
        r"^(rijksoverheid|min[a-z]{2,6}|uwv|kadaster|rdw|svb|belastingdienst|duo|rvo|cbs|"
        r"rijkswaterstaat|rws|cak|coa|ind|logius|dienstterugbetaling)$",
        "rijksoverheid, ministeries en uitvoeringsorganisaties (uwv, kadaster, rdw, svb, …)",
    ),
    _r("provincie_waterschap", r"^(provincie|prov-)", "provincie*"),
    _r("provincie_waterschap", r"(waterschap|hoogheemraadschap|wetterskip)", "waterschap*"),
    _r(
        "veiligheid",
        r"^veiligheidsregio|^vr(?!ij|ien|ouw|ee)[a-z]{1,12}$",
        "veiligheidsregio* / vr*",
    ),
    _r("veiligheid", r"^(politie|om|brandweer[a-z-]*|nctv)$", "politie, brandweer, OM"),
    _r("regio", r"^(vng|vngrealisatie|gemeentesecretaris|vgs)$", "VNG en VGS"),
    _r(
        "regio",
        r"^(regio|gemeente|omgevingsdienst|od[a-z]{2,4}$)",
        "regio*, gemeente*, omgevingsdienst*",
    ),
    _r(
        "wonen",
        r"^woon|wonen|woning|^(portaal|ymere|vestia|staedion|eigenhaard|mitros|havensteder|"
        r"trivire|vidomes|wonion|woonstad|stadgenoot|rochdale|destaat|lefier|elkien|accolade|"
        r"talis|zayaz|domijn|brabantwonen|woonbedrijf|areal|vivare|dewoonplaats|woonstede)$",
        "woon*, *wonen*, *woning* en namen van woningcorporaties",
    ),
    _r(
        "onderwijs",
        r"^roc|roc$|^(mbo|hogeschool|universiteit|scholengroep|onderwijs)|university|"
        r"^(han|hva|hu|fontys|avans|saxion|windesheim|inholland|hanze|hhs|uu|uva|vu|ru|rug|"
        r"tudelft|tue|utwente|wur|eur|leidenuniv|ou)$",
        "roc*, hogeschool*, universiteit* en bekende onderwijsinstellingen",
    ),
    _r(
        "zorg",
        r"zorg|^(ggd|ggz|umc|ziekenhuis|welzijn|jeugd|cjg|wijkteam)|welzijn|ziekenhuis|"
        r"^(vgz|cz|menzis|zilverenkruis|dsw)$",
        "zorg*, ggd*, ggz*, ziekenhuis*, welzijn* en zorgverzekeraars",
    ),
    _r(
        "bedrijfsleven",
        r"ondernemer|^(kvk|vno-ncw|vnoncw|mkb|ing|rabobank|abnamro|bedrijven)|bedrijvenkring|"
        r"^bkb",
        "ondernemer*, kvk, mkb*, banken, *bedrijvenkring",
    ),
    _r(
        "cultuur_sport",
        r"theater|museum|bibliotheek|bieb|sport|cultuur|muziek|schouwburg|poppodium|voetbal|knvb",
        "theater, museum, bibliotheek, sport, cultuur, muziek",
    ),
    _r(
        "maatschappelijk",
        r"^(stichting|vereniging)|dorpsraad|wijkraad|bewoners|buurt|voedselbank|"
        r"vluchtelingenwerk|initiatief|kerk",
        "stichting*, vereniging*, wijkraad, dorpsraad, bewoners*, voedselbank",
    ),
)


@dataclass(frozen=True)
class DomainProposal:
    domain: str
    name: str
    sector: str | None  # a key of SECTOR_LABELS, or None: the user chooses
    reason: str
    intern: bool = False


def mail_domain(address: str) -> str:
    """The domain of a mail address in lower case; "" when the text is no address."""
    address = address.strip().strip("<>").lower()
    if address.startswith("mailto:"):
        address = address[7:]
    if address.count("@") != 1:
        return ""
    local, domain = address.split("@")
    domain = domain.strip().rstrip(".")
    if not local or not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", domain):
        return ""
    return domain


def is_own(domain: str, own_domains: tuple[str, ...] | list[str]) -> bool:
    return any(domain == own or domain.endswith("." + own) for own in own_domains)


def domain_core(domain: str) -> str:
    """The part rules match on: the name before the top-level domain ("mail.ggdwest.nl" →
    "ggdwest")."""
    parts = domain.split(".")
    return parts[-2] if len(parts) >= 2 else domain


def organisation_name(domain: str) -> str:
    core = domain_core(domain)
    return " ".join(part.capitalize() for part in re.split(r"[-_]", core) if part) or domain


def propose(domain: str, own_domains: tuple[str, ...] | list[str] = ()) -> DomainProposal:
    """Organisation and sector for a mail domain, with the reason."""
    domain = domain.lower()
    if is_own(domain, own_domains):
        return DomainProposal(
            domain, "Eigen organisatie", None, f"{domain} is je eigen maildomein: intern.", True
        )
    if domain in WEBMAIL:
        return DomainProposal(
            domain,
            "Particulier",
            "maatschappelijk",
            f"{domain} is een bekende maildienst voor privégebruik: waarschijnlijk een "
            "inwoner of een privéadres.",
        )
    core = domain_core(domain)
    contains_own = [own for own in own_domains if domain_core(own) in core]
    for rule in DOMAIN_RULES:
        if rule.pattern.search(core):
            reason = f"{domain} past bij de regel {rule.label} → {SECTOR_LABELS[rule.sector]}."
            if contains_own:
                reason += f" Het bevat de naam van {contains_own[0]}, maar is een ander domein."
            return DomainProposal(domain, organisation_name(domain), rule.sector, reason)
    reason = f"Geen regel herkent {domain}; kies zelf de sector."
    if contains_own:
        reason += f" Het bevat de naam van {contains_own[0]}, maar is een ander domein: extern."
    return DomainProposal(domain, organisation_name(domain), None, reason)


# Meeting forms.
PERIODIEK = "periodiek overleg"
EENMALIG = "eenmalig"
WERKBEZOEK = "werkbezoek bij de partner"
DIGITAAL = "digitaal"
INFORMEEL = "informeel"
VORMEN = (PERIODIEK, EENMALIG, WERKBEZOEK, DIGITAAL, INFORMEEL)

_ONLINE = re.compile(
    r"https?://|teams|zoom|webex|meet\.google|whereby|online|digitaal|videobel|jitsi", re.I
)
_INFORMAL = re.compile(
    r"borrel|lunch|diner|ontbijt|koffie|receptie|nieuwjaars|wandel|etentje|informeel|bbq|"
    r"barbecue|afscheid|feest",
    re.I,
)
_VISIT = re.compile(r"werkbezoek|op bezoek|bezoek aan|rondleiding|locatiebezoek|\bbij\b", re.I)
_OWN_PLACE = re.compile(
    r"gemeentehuis|stadhuis|raadhuis|stadskantoor|raadzaal|collegekamer|kamer\b|zaal\b|"
    r"eigen kantoor",
    re.I,
)


def meeting_form(
    *, title: str, location: str, recurring: bool, own_places: tuple[str, ...] = ()
) -> tuple[str, str]:
    """The form of a contact and the reason. Order: a recurring series is periodiek overleg;
    a meeting link or online location is digitaal; title words like lunch, borrel or ontbijt
    make it informeel; a visit in the title, or a location that is not the own town hall,
    makes it werkbezoek bij de partner; everything else is eenmalig."""
    if recurring:
        return PERIODIEK, "Deel van een terugkerende reeks."
    if location and _ONLINE.search(location):
        return DIGITAAL, "De locatie is een online vergadering."
    found = _INFORMAL.search(title)
    if found:
        return INFORMEEL, f"Het onderwerp noemt ‘{found.group(0).lower()}’."
    found = _VISIT.search(title)
    if found:
        return WERKBEZOEK, f"Het onderwerp noemt ‘{found.group(0).lower()}’."
    place = location.strip()
    if place and not _OWN_PLACE.search(place) and place.lower() not in own_places:
        return WERKBEZOEK, f"De locatie ‘{place[:60]}’ is niet het eigen gemeentehuis."
    return EENMALIG, "Een losse afspraak, geen reeks."
