"""Mirror throughput (issue 14, point 6): rendered charts come from Django's cache per owner,
period and data version; altair and vl-convert stay out of start-up. The speed itself is
measured by benchmarks/load_web.py, not here."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from spil.agenda import views
from spil.agenda.models import Afspraak
from spil.agenda.services import agenda_import, correctie_create, instellingen_update
from spil.core.chart_cache import cached_chart, chart_version, chart_version_bump
from tests.agenda.calendars import BEEKDAL_Q1

pytestmark = pytest.mark.django_db

PERIOD = {"van": "2025-01-06", "tot": "2025-03-30"}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def renders(monkeypatch):
    """How often each mirror chart is really drawn."""
    counts = {"weken": 0, "verdeling": 0}
    weekly, shares = views.weekly_bars_svg, views.shares_svg

    def counted_weekly(*args, **kwargs):
        counts["weken"] += 1
        return weekly(*args, **kwargs)

    def counted_shares(*args, **kwargs):
        counts["verdeling"] += 1
        return shares(*args, **kwargs)

    monkeypatch.setattr(views, "weekly_bars_svg", counted_weekly)
    monkeypatch.setattr(views, "shares_svg", counted_shares)
    return counts


def _mirror(user, period=PERIOD) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("agenda:spiegel"), period)
    assert response.status_code == 200
    return response.content.decode()


def _charts(html: str) -> list[str]:
    return re.findall(r'src="(data:image/svg\+xml;base64,[^"]+)"', html)


def _import(user):
    return agenda_import(
        owner=user, filename="beekdal.ics", data=BEEKDAL_Q1, today=date(2025, 3, 1)
    )


def test_charts_are_drawn_once_per_period_and_version(user, renders):
    _import(user)
    first = _mirror(user)
    assert renders == {"weken": 1, "verdeling": 1}
    again = _mirror(user)
    assert renders == {"weken": 1, "verdeling": 1}
    assert _charts(again) == _charts(first) and len(_charts(first)) == 2
    _mirror(user, {"van": "2025-01-01", "tot": "2025-01-31"})
    assert renders == {"weken": 2, "verdeling": 2}


def test_a_correction_or_new_settings_draw_the_charts_again(user, renders):
    _import(user)
    _mirror(user)
    afspraak = Afspraak.objects.filter(owner=user, reeks=True).first()
    correctie_create(owner=user, afspraak_id=afspraak.pk, bereik="reeks", domein="omgeving")
    _mirror(user)
    assert renders["verdeling"] == 2
    instellingen_update(owner=user, doel={"college": 20, "organisatie": 40, "omgeving": 40})
    _mirror(user)
    assert renders["verdeling"] == 3


def test_an_import_makes_a_new_version(user):
    before = chart_version(scope="agenda", owner_id=user.pk)
    assert chart_version(scope="agenda", owner_id=user.pk) == before
    _import(user)
    assert chart_version(scope="agenda", owner_id=user.pk) != before


def test_owners_never_share_a_chart(user, other_user):
    drawn = []
    for owner in (user, other_user, user):
        cached_chart(
            scope="agenda",
            kind="weken",
            owner_id=owner.pk,
            parts=("zelfde cijfers",),
            render=lambda owner=owner: drawn.append(owner.pk) or f"svg-{owner.pk}",
        )
    assert drawn == [user.pk, other_user.pk]
    chart_version_bump(scope="agenda", owner_id=user.pk)
    value = cached_chart(
        scope="agenda",
        kind="weken",
        owner_id=user.pk,
        parts=("zelfde cijfers",),
        render=lambda: "nieuw",
    )
    assert value == "nieuw"


def test_altair_and_vl_convert_are_not_imported_at_start_up():
    code = (
        "import sys, django; django.setup();"
        "from django.urls import get_resolver; get_resolver().url_patterns;"
        "import spil.agenda.views, spil.netwerk.views, spil.reflectie.views;"
        "print(sorted(m for m in ('altair', 'vl_convert') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={
            **__import__("os").environ,
            "DJANGO_SETTINGS_MODULE": "spil.conf.test",
            "PYTHONPATH": str(__import__("pathlib").Path(views.__file__).parents[2]),
        },
    )
    assert result.stdout.strip() == "[]", result.stderr
