"""The example calendars in ../shared/agenda: organisations, sectors and the mirror's sums."""

from datetime import date
from pathlib import Path

import pytest

from spil.agenda import selectors as agenda_selectors
from spil.agenda import services as agenda_services
from spil.netwerk import selectors
from spil.netwerk.models import Contactmoment, Organisatie, Relatie
from spil.netwerk.rules import NIET_TOEGEWEZEN

pytestmark = pytest.mark.django_db

AGENDA_DIR = Path(__file__).resolve().parents[3] / "shared" / "agenda"
EXTERNAL = {
    "regiozuid.nl": "regio",
    "woongoed.nl": "wonen",
    "vrzuid.nl": "veiligheid",
    "rocwest.nl": "onderwijs",
    "zorggroepwest.nl": "zorg",
    "ondernemersdijkveen.nl": "bedrijfsleven",
}


@pytest.fixture(params=["voorbeeld-outlook.ics", "voorbeeld-google.ics"])
def example(request) -> bytes:
    path = AGENDA_DIR / request.param
    if not path.is_file():
        pytest.skip(
            f"voorbeeldagenda ontbreekt: {path} niet gevonden (zet ../shared naast de repo)"
        )
    return path.read_bytes()


def _import(user, data):
    return agenda_services.agenda_import(
        owner=user,
        filename="voorbeeld.ics",
        data=data,
        today=date(2025, 12, 31),
        van=date(2025, 1, 1),
        tot=date(2025, 12, 31),
    )


def test_external_domains_become_organisations_with_sectors(user, example):
    _import(user, example)
    external = {
        org.domeinen[0]: org for org in Organisatie.objects.visible_to(user).filter(intern=False)
    }
    assert set(external) == set(EXTERNAL)
    for domain, key in EXTERNAL.items():
        assert external[domain].sector is not None, domain
        assert external[domain].sector.sleutel == key, domain
        assert domain in external[domain].reden
    own = Organisatie.objects.visible_to(user).get(intern=True)
    assert own.domeinen == ["dijkveen.nl"]
    assert "ander domein" in external["ondernemersdijkveen.nl"].reden
    assert not Relatie.objects.visible_to(user).filter(email__endswith="@dijkveen.nl").exists()


def test_sector_minutes_equal_the_mirrors_omgeving_minutes(user, example):
    _import(user, example)
    for van, tot in [(date(2025, 1, 1), date(2025, 12, 31)), (date(2025, 3, 1), date(2025, 5, 31))]:
        mirror = agenda_selectors.spiegel_analyse(owner=user, van=van, tot=tot)
        figures = selectors.netwerk_kerncijfers(user=user, van=van, tot=tot)
        assert figures is not None
        assert figures["minuten_extern"] == mirror.totals["omgeving"]
        assert sum(figures["sectoren"].values()) == mirror.totals["omgeving"]
        assert sum(figures["vormen"].values()) == mirror.totals["omgeving"]
        assert 0 <= figures["top5_aandeel"] <= 1
        assert 0 <= figures["periodiek_aandeel"] <= 1
    figures = selectors.netwerk_kerncijfers(user=user, van=date(2025, 1, 1), tot=date(2025, 12, 31))
    assert figures["organisaties"] == 6
    assert len([s for s in figures["sectoren"] if s != NIET_TOEGEWEZEN]) >= 5


def test_reimport_changes_nothing(user, example):
    _import(user, example)
    before = list(
        Contactmoment.objects.visible_to(user).order_by("pk").values_list("pk", "vingerafdruk")
    )
    orgs = list(Organisatie.objects.visible_to(user).order_by("pk").values_list("pk", "sector"))
    _import(user, example)
    assert before == list(
        Contactmoment.objects.visible_to(user).order_by("pk").values_list("pk", "vingerafdruk")
    )
    assert orgs == list(
        Organisatie.objects.visible_to(user).order_by("pk").values_list("pk", "sector")
    )
    assert len(before) >= 17
