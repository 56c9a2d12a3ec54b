import pytest

from spil.netwerk.rules import (
    DIGITAAL,
    EENMALIG,
    INFORMEEL,
    PERIODIEK,
    WERKBEZOEK,
    mail_domain,
    meeting_form,
    propose,
)

OWN = ("beekdal.nl",)


@pytest.mark.parametrize(
    ("domain", "sector"),
    [
        ("waterschapaaenmaas.nl", "provincie_waterschap"),
        ("provincie-utrecht.nl", "provincie_waterschap"),
        ("hhnk-hoogheemraadschap.nl", "provincie_waterschap"),
        ("ggdhollandsnoorden.nl", "zorg"),
        ("veiligheidsregio-utrecht.nl", "veiligheid"),
        ("vrbn.nl", "veiligheid"),
        ("politie.nl", "veiligheid"),
        ("uwv.nl", "rijk"),
        ("minbzk.nl", "rijk"),
        ("woonstede.nl", "wonen"),
        ("portaal.nl", "wonen"),
        ("rocmondriaan.nl", "onderwijs"),
        ("hogeschoolutrecht.nl", "onderwijs"),
        ("uu.nl", "onderwijs"),
        ("zorgbeekdal.nl", "zorg"),
        ("ondernemersbeekdal.nl", "bedrijfsleven"),
        ("kvk.nl", "bedrijfsleven"),
        ("bibliotheekbeekdal.nl", "cultuur_sport"),
        ("dorpsraadoosterend.nl", "maatschappelijk"),
        ("regiobeekdal.nl", "regio"),
        ("vng.nl", "regio"),
    ],
)
def test_rule_list_proposes_sectors(domain, sector):
    proposal = propose(domain, OWN)
    assert proposal.sector == sector
    assert not proposal.intern
    assert domain in proposal.reason


def test_own_domain_and_subdomains_are_intern():
    assert propose("beekdal.nl", OWN).intern
    assert propose("mail.beekdal.nl", OWN).intern


def test_domain_containing_the_town_name_is_external():
    proposal = propose("ondernemersbeekdal.nl", OWN)
    assert not proposal.intern
    assert "beekdal.nl" in proposal.reason and "ander domein" in proposal.reason


def test_webmail_is_particulier_and_unknown_has_no_sector():
    assert propose("gmail.com", OWN).name == "Particulier"
    assert propose("gmail.com", OWN).sector == "maatschappelijk"
    unknown = propose("acmeconsult.nl", OWN)
    assert unknown.sector is None
    assert "kies zelf" in unknown.reason
    # "vrij", "vrouw": not a veiligheidsregio
    assert propose("vrijwilligerscentrale.nl", OWN).sector != "veiligheid"


@pytest.mark.parametrize(
    ("address", "domain"),
    [
        ("a.b@Woongoed.NL", "woongoed.nl"),
        ("mailto:x@y.nl", "y.nl"),
        ("<x@y.nl>", "y.nl"),
        ("Jan de Vries", ""),
        ("x@@y.nl", ""),
        ("x@nodot", ""),
        ("@y.nl", ""),
    ],
)
def test_mail_domain(address, domain):
    assert mail_domain(address) == domain


@pytest.mark.parametrize(
    ("title", "location", "recurring", "form"),
    [
        ("Regio-overleg", "", True, PERIODIEK),
        ("Afstemming", "https://teams.microsoft.com/l/abc", False, DIGITAAL),
        ("Ondernemersontbijt", "", False, INFORMEEL),
        ("Werkbezoek corporatie", "", False, WERKBEZOEK),
        ("Gesprek directeur", "Kantoor Woongoed, Stationsplein 4", False, WERKBEZOEK),
        ("Gesprek directeur", "Gemeentehuis, kamer 2.14", False, EENMALIG),
        ("Gesprek directeur", "", False, EENMALIG),
    ],
)
def test_meeting_form(title, location, recurring, form):
    found, reason = meeting_form(title=title, location=location, recurring=recurring)
    assert found == form
    assert reason
