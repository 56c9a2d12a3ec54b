"""Mirror throughput (issue 14, point 6): rendered charts and the mirror's sections come from
Django's cache per owner, period and data version; altair and vl-convert stay out of start-up.
The speed itself is measured by benchmarks/load_web.py, not here."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse

from spil.agenda import views
from spil.agenda.models import Afspraak, Agendabron, Correctie
from spil.agenda.services import (
    agenda_import,
    agendabron_delete,
    agendagegevens_delete,
    correctie_create,
    correctie_delete,
    correcties_create,
    importbatch_import_whole_period,
    instellingen_update,
)
from spil.core import chart_cache
from spil.core.chart_cache import cached_chart, chart_version, chart_version_bump
from tests.agenda.calendars import BEEKDAL_Q1, VTIMEZONE_WEST_EUROPE, event, ics

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


# The mirror's sections (analysis, tables, charts) are cached per owner, period and data
# version; these tests say that every change of the data shows on the next request and that
# no owner is ever shown another owner's sections.

EXTERN = ics(
    event(
        "provincie@beekdal",
        "Gesprek met de gedeputeerde",
        "20250212T100000",
        "20250212T130000",
        "ATTENDEE:mailto:gedeputeerde@provincie.nl",
        "ORGANIZER:mailto:secretaris@beekdal.nl",
        tzid="W. Europe Standard Time",
    ),
    header=VTIMEZONE_WEST_EUROPE,
)

FULL_QUARTER = {"van": "2025-01-01", "tot": "2025-03-31"}


def _sections(user, period=FULL_QUARTER) -> tuple[str, str]:
    """The cached part of the mirror: its lead sentence and its sections."""
    client = Client()
    client.force_login(user)
    response = client.get(reverse("agenda:spiegel"), period)
    assert response.status_code == 200
    return response.context["conclusion"], str(response.context["inhoud"])


def _fresh_sections(user, period=FULL_QUARTER) -> tuple[str, str]:
    """The same, rendered from the database with nothing cached."""
    cache.clear()
    chart_cache._local.clear()
    return _sections(user, period)


def _series(user) -> Afspraak:
    return Afspraak.objects.filter(owner=user, uid="bw@beekdal").first()


def _woonstede(user) -> Afspraak:
    return Afspraak.objects.get(owner=user, uid="corp@beekdal")


def _nothing(user) -> None:
    pass


def _correct_series(user) -> None:
    correctie_create(owner=user, afspraak_id=_series(user).pk, bereik="reeks", domein="omgeving")


CHANGES = {
    "nog een agenda ingelezen": (
        _nothing,
        lambda user: agenda_import(
            owner=user, filename="Extern.ics", data=EXTERN, today=date(2025, 3, 1)
        ),
    ),
    "correctie van een reeks": (_nothing, _correct_series),
    "meerdere afspraken ingedeeld": (
        _nothing,
        lambda user: correcties_create(
            owner=user, afspraak_ids=[_woonstede(user).pk], bereik="afspraak", domein="college"
        ),
    ),
    "correctie verwijderd": (
        _correct_series,
        lambda user: correctie_delete(
            owner=user, correctie_id=Correctie.objects.get(owner=user).pk
        ),
    ),
    "ander doel": (
        _nothing,
        lambda user: instellingen_update(
            owner=user, doel={"college": 20, "organisatie": 30, "omgeving": 50}
        ),
    ),
    "andere drempels": (
        _nothing,
        lambda user: instellingen_update(
            owner=user, drempels={"werkdag_begin": "07:00", "pauze_minuten": 45}
        ),
    ),
    "eigen maildomein": (
        _nothing,
        lambda user: instellingen_update(owner=user, eigen_domeinen=["woonstede.nl"]),
    ),
    "agenda verwijderd": (
        _nothing,
        lambda user: agendabron_delete(owner=user, bron_id=Agendabron.objects.get(owner=user).pk),
    ),
    "alle agendagegevens verwijderd": (
        _nothing,
        lambda user: agendagegevens_delete(owner=user, instellingen=True),
    ),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_every_change_of_agenda_data_shows_on_the_next_request(user, change):
    prepare, write = CHANGES[change]
    _import(user)
    prepare(user)
    before = _sections(user)
    assert _sections(user) == before  # from the cache now
    write(user)
    after = _sections(user)
    assert after != before, "this change should change the mirror"
    assert after == _fresh_sections(user)


def test_importing_the_rest_of_a_file_shows_on_the_next_request(user):
    january = agenda_import(
        owner=user,
        filename="beekdal.ics",
        data=BEEKDAL_Q1,
        today=date(2025, 3, 1),
        van=date(2025, 1, 1),
        tot=date(2025, 1, 31),
    )
    assert january.buiten_periode
    before = _sections(user)
    importbatch_import_whole_period(owner=user, batch_id=january.pk)
    after = _sections(user)
    assert after != before
    assert after == _fresh_sections(user)


def test_two_owners_asking_for_the_same_period_each_see_their_own(user, other_user):
    _import(user)
    agenda_import(owner=other_user, filename="Extern.ics", data=EXTERN, today=date(2025, 3, 1))
    shown = {owner.pk: [] for owner in (user, other_user)}
    for _ in range(2):  # the second round comes from the cache
        for owner in (user, other_user):
            shown[owner.pk].append(_sections(owner))
    assert shown[user.pk][0] != shown[other_user.pk][0]
    for owner in (user, other_user):
        first, cached = shown[owner.pk]
        assert cached == first == _fresh_sections(owner)
    assert "Prestatieafspraken" not in "".join(shown[other_user.pk][0])
    assert "3,0" in shown[other_user.pk][0][1]  # three hours with the province, nothing else


def test_a_change_committed_after_a_request_read_the_new_version_still_shows(
    user, django_capture_on_commit_callbacks
):
    """A request between the bump and the commit caches the old data under the new version;
    the bump at commit makes that entry unreachable."""
    _import(user)
    before = _sections(user)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        _correct_series(user)
        racing = chart_version(scope="agenda", owner_id=user.pk)
    assert chart_version(scope="agenda", owner_id=user.pk) != racing
    assert _sections(user) != before


def test_a_period_with_errors_is_shown_with_its_errors_from_a_warm_cache(user):
    _import(user)
    client = Client()
    client.force_login(user)
    default = client.get(reverse("agenda:spiegel")).context
    wrong = client.get(reverse("agenda:spiegel"), {"van": "2025-03-01", "tot": "2025-02-01"})
    assert wrong.status_code == 200
    assert "De einddatum ligt voor de begindatum." in wrong.content.decode()
    # The default period is shown below the form, with the form keeping what was typed.
    assert str(wrong.context["inhoud"]) == str(default["inhoud"])
    assert 'value="2025-03-01"' in wrong.content.decode()


def test_the_empty_state_follows_removal_of_everything(user):
    _import(user)
    client = Client()
    client.force_login(user)
    assert "Totaal van" in client.get(reverse("agenda:spiegel")).content.decode()
    agendagegevens_delete(owner=user)
    html = client.get(reverse("agenda:spiegel")).content.decode()
    assert "nog geen agenda" in html and "Totaal van" not in html
