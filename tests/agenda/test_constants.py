"""One vocabulary per concept: the Django choices and the pure modules' plain values agree."""

from typing import get_args, get_type_hints

from spil.agenda import classification, parsed
from spil.agenda.constants import Bereik, Beschikbaarheid, Bestandssoort, Domein, Indelingsgrond
from spil.agenda.models import Afspraak, Correctie


def test_domains_are_the_classifiers_domains_with_its_labels():
    assert tuple(Domein.values) == classification.DOMAINS
    assert dict(Domein.choices) == classification.DOMAIN_LABELS
    assert Afspraak._meta.get_field("domein").choices == Domein.choices


def test_grounds_of_classification_are_the_classifiers_sources():
    assert dict(Indelingsgrond.choices) == classification.SOURCE_LABELS


def test_availability_and_file_kinds_match_the_parsed_types():
    assert tuple(Beschikbaarheid.values) == get_args(parsed.Availability)
    kind = get_type_hints(parsed.ParsedCalendar)["kind"]
    assert set(Bestandssoort.values) == set(get_args(kind))


def test_correction_scope():
    assert Correctie._meta.get_field("bereik").choices == Bereik.choices
    assert Correctie.BEREIK_REEKS == Bereik.REEKS
