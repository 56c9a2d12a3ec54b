"""Reflectie's mirror with the real netwerk app behind its one adapter (no fake provider):
an imported agenda gives network figures that reflectie freezes and shows for actoren/script."""

from datetime import date

import pytest

from spil.agenda import services as agenda_services
from spil.netwerk import selectors as netwerk_selectors
from spil.reflectie import spiegel
from tests.netwerk.calendars import NETWERK_Q2

pytestmark = pytest.mark.django_db

VAN, TOT = date(2025, 4, 1), date(2025, 6, 30)


def test_reflectie_uses_the_netwerk_apps_figures(user, other_user):
    agenda_services.agenda_import(
        owner=user, filename="Agenda.ics", data=NETWERK_Q2, today=TOT, van=VAN, tot=TOT
    )
    figures = spiegel.spiegel_cijfers(user=user, van=VAN, tot=TOT)
    direct = netwerk_selectors.netwerk_kerncijfers(user=user, van=VAN, tot=TOT)
    assert figures["netwerk"] is not None
    assert figures["netwerk"]["minuten_extern"] == direct["minuten_extern"]
    assert figures["netwerk"]["sectoren"] == {k: int(v) for k, v in direct["sectoren"].items()}
    assert figures["netwerk"]["organisaties"] == 5
    # Another user's mirror has no network figures from this agenda.
    assert spiegel.spiegel_cijfers(user=other_user, van=VAN, tot=TOT)["netwerk"] is None
    lines = spiegel.aspect_regels(figures, "actoren")
    assert lines and spiegel.GEEN_NETWERK not in " ".join(lines)
