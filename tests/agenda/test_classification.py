from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from spil.agenda.classification import (
    Classifier,
    Corrections,
    TitleModel,
    infer_own_domains,
    normalise_title,
)
from spil.agenda.parsed import Occurrence

AMS = ZoneInfo("Europe/Amsterdam")


def occ(title, *attendees, uid="u1", key="k1", **kwargs):
    return Occurrence(
        uid=uid,
        recurrence_key=key,
        start=datetime(2025, 3, 3, 10, tzinfo=AMS),
        end=datetime(2025, 3, 3, 11, tzinfo=AMS),
        title=title,
        attendees=tuple(attendees),
        organizer=kwargs.pop("organizer", "secretaris@beekdal.nl"),
        **kwargs,
    )


INTERNAL = ("a.jansen@beekdal.nl", "p.pietersen@beekdal.nl")


# Titles as other municipalities write them: none of these occur in the example calendars.
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("BenW", "college"),
        ("Collegeoverleg + lunch", "college"),
        ("PFO loco-burgemeester", "college"),
        ("Voorbespreking commissievergadering", "college"),
        ("Fractievoorzittersoverleg", "college"),
        ("Overleg met de griffier over de raadsagenda", "college"),
        ("Portefeuillehoudersoverleg Wonen", "college"),
        ("GMT", "organisatie"),
        ("Directieoverleg", "organisatie"),
        ("OR-vergadering", "organisatie"),
        ("1-op-1 afdelingshoofd Publiekszaken", "organisatie"),
        ("Jaargesprek teamleider", "organisatie"),
        ("Sollicitatiegesprekken concerncontroller", "organisatie"),
        ("Werkoverleg bestuurssecretariaat", "organisatie"),
        ("Kennismaking gedeputeerde Ruimte", "omgeving"),
        ("Regionaal Economisch Overleg", "omgeving"),
        ("AB GGD", "omgeving"),
        ("Bezoek minister van BZK", "omgeving"),
        ("Lokale driehoek politie en OM", "omgeving"),
        ("Bewonersavond windpark", "omgeving"),
        ("Gesprek met schoolbestuur", "omgeving"),
        ("Nieuwjaarsreceptie ondernemersvereniging", "omgeving"),
        ("Overleg kring gemeentesecretarissen", "omgeving"),
        ("Huisarts", "overig"),
        ("Focustijd", "overig"),
        ("Reistijd Den Haag", "overig"),
        ("Stukken lezen voor dinsdag", "overig"),
        ("Lunch", "overig"),
        ("Verlof", "overig"),
        ("Tweede Paasdag", "overig"),
        # Words that look like private life or partners but are not.
        ("Kerstborrel personeel", "organisatie"),
        ("Persoonlijk gesprek met medewerker", "organisatie"),
        ("Bila Rijk", "organisatie"),
        ("Stafoverleg", "organisatie"),
        ("Leiderschapsdag leidinggevenden", "organisatie"),
        ("Raadhuis: rondleiding nieuwe medewerkers", "organisatie"),
        ("Raad van Toezicht zorginstelling", "omgeving"),
        ("Werkbezoek wethouder aan bedrijventerrein", "omgeving"),
        ("Gesprek college van bestuur hogeschool", "omgeving"),
    ],
)
def test_title_rules_generalise(title, expected):
    classifier = Classifier(own_domains=["beekdal.nl"])
    assert classifier.classify(occ(title)).domain == expected


def test_solo_only_rules_need_an_empty_room():
    classifier = Classifier(own_domains=["beekdal.nl"])
    # With colleagues, a lunch is a meeting of the organisation.
    verdict = classifier.classify(occ("Lunch", *INTERNAL))
    assert verdict.domain == "organisatie"
    assert verdict.source == "deelnemers"


def test_external_majority_makes_it_an_external_contact():
    classifier = Classifier(own_domains=["beekdal.nl"])
    verdict = classifier.classify(
        occ("Overleg", "x@woonstede.nl", "y@woonstede.nl", "a.jansen@beekdal.nl")
    )
    assert verdict.domain == "omgeving"
    assert verdict.source == "deelnemers"
    assert "woonstede.nl" in verdict.reason
    # A subdomain of the own domain is internal, a look-alike domain is not.
    assert (
        classifier.classify(occ("Overleg", "x@raad.beekdal.nl", "y@beekdal.nl")).domain
        == "organisatie"
    )
    assert classifier.classify(occ("Overleg", "x@ondernemersbeekdal.nl")).domain == "omgeving"


def test_minority_external_leaves_the_title_in_charge():
    classifier = Classifier(own_domains=["beekdal.nl"])
    verdict = classifier.classify(occ("DT", "interim@bureau.nl", *INTERNAL, "c@beekdal.nl"))
    assert verdict.domain == "organisatie"


def test_categories_mapped_by_user_beat_attendees():
    classifier = Classifier(own_domains=["beekdal.nl"], category_map={"Blauw": "college"})
    verdict = classifier.classify(occ("Overleg", "x@extern.nl", categories=("Blauw",)))
    assert verdict.domain == "college"
    assert verdict.source == "categorie"
    assert "Blauw" in verdict.reason
    # A category named after a domain needs no mapping.
    assert classifier.classify(occ("Iets", categories=("Omgeving",))).domain == "omgeving"


def test_corrections_beat_everything_in_order():
    corrections = Corrections(
        occurrence={("u1", "k1"): "overig"},
        series={"u1": "omgeving", "u2": "omgeving"},
        title={"bila": "college"},
    )
    classifier = Classifier(own_domains=["beekdal.nl"], corrections=corrections)
    assert classifier.classify(occ("Bila", uid="u1", key="k1")).domain == "overig"
    assert classifier.classify(occ("Bila", uid="u1", key="k2")).domain == "omgeving"
    verdict = classifier.classify(occ("  BILA ", uid="u3"))
    assert verdict.domain == "college"
    assert verdict.source == "correctie"


def test_no_signal_at_all_is_own_time():
    classifier = Classifier(own_domains=["beekdal.nl"])
    verdict = classifier.classify(occ("Xyz"))
    assert verdict.domain == "overig"
    assert verdict.reason


def test_a_meeting_without_invitees_is_not_own_time():
    classifier = Classifier(own_domains=["beekdal.nl"])
    verdict = classifier.classify(occ("Koffie met Anouk"))
    assert verdict.domain == "organisatie"
    assert verdict.source == "standaard"


def test_private_absence_is_personal():
    classifier = Classifier(own_domains=["beekdal.nl"])
    verdict = classifier.classify(occ("Afspraak", private=True))
    assert verdict.domain == "overig"
    assert verdict.personal


def test_model_learns_from_corrected_titles():
    model = TitleModel(
        [
            ("Koffie wijkteam Noord", "omgeving"),
            ("Koffie wijkteam Zuid", "omgeving"),
            ("Ronde langs de balies", "organisatie"),
            ("Rondgang stadskantoor", "organisatie"),
        ]
    )
    classifier = Classifier(own_domains=["beekdal.nl"], model=model)
    verdict = classifier.classify(occ("Koffie wijkteam Oost", *INTERNAL))
    assert verdict.domain == "omgeving"
    assert verdict.source == "model"
    # Unknown words: no prediction; the attendee fallback decides.
    assert classifier.classify(occ("Iets anders", *INTERNAL)).source == "deelnemers"


def test_model_stays_silent_with_too_little_to_learn_from():
    assert TitleModel([("Koffie", "omgeving")]).predict("Koffie") is None


def test_own_domain_inferred_from_organiser():
    occurrences = [
        occ("a", "x@partner.nl", organizer="me@beekdal.nl"),
        occ("b", "y@partner.nl", "z@partner.nl", organizer="me@beekdal.nl"),
        occ("c", organizer="me@gmail.com"),
    ]
    assert infer_own_domains(occurrences) == ["beekdal.nl"]
    assert infer_own_domains([occ("d", "x@gemeente.nl", organizer="")]) == ["gemeente.nl"]


def test_normalise_title():
    assert normalise_title("  Bila   Wethouder: ") == "bila wethouder"
