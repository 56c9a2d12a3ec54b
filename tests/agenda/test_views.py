import base64
import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from spil.agenda import services
from spil.agenda.models import Afspraak, Agendabron, AgendaInstellingen, Correctie

from .calendars import BEEKDAL_Q1, GEZIN

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_in(client: Client, user) -> Client:
    client.force_login(user)
    return client


@pytest.fixture
def imported(user):
    return services.agenda_import(
        owner=user, filename="Agenda.ics", data=BEEKDAL_Q1, today=date(2025, 3, 1)
    )


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/calendar")


def test_pages_need_login(client):
    for name in ("spiegel", "importeren", "afspraken", "instellingen"):
        response = client.get(reverse(f"agenda:{name}"))
        assert response.status_code == 302
        assert "/account/" in response["Location"]


def test_empty_mirror_points_to_import(client_in):
    html = client_in.get(reverse("agenda:spiegel")).content.decode()
    assert "nog geen agenda" in html
    assert reverse("agenda:importeren") in html


def test_import_then_mirror(client_in, user):
    response = client_in.post(
        reverse("agenda:importeren"),
        {"bestand": upload("Agenda.ics", BEEKDAL_Q1), "van": "2025-01-01", "tot": "2025-03-31"},
    )
    assert response.status_code == 302
    assert Afspraak.objects.filter(owner=user).exists()
    response = client_in.get(reverse("agenda:spiegel"), {"van": "2025-01-06", "tot": "2025-02-28"})
    html = response.content.decode()
    assert response.status_code == 200
    # Charts are server-rendered SVG with a text alternative, next to tables of the numbers.
    assert html.count('src="data:image/svg+xml;base64,') == 2
    assert "Uren per domein per week" in html
    # Weeks read as people say them, with their dates, not as ISO keys.
    assert "2025-W02" not in html
    assert "week 2<" in html and "6 jan–12 jan 2025" in html
    # A week across New Year names both years.
    new_year = client_in.get(reverse("agenda:spiegel"), {"van": "2025-01-01", "tot": "2025-01-31"})
    assert "30 dec 2024–5 jan 2025" in new_year.content.decode()
    assert "15,0" in html  # 5 x 3 hours of B&W
    assert "Enquête" in html and "77" in html
    assert "Signalen" in html


def test_import_error_is_shown_and_changes_nothing(client_in, user, imported):
    before = Afspraak.objects.count()
    response = client_in.post(
        reverse("agenda:importeren"), {"bestand": upload("notities.ics", b"geen agenda")}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "notities.ics: dit is geen agendabestand" in html
    assert Afspraak.objects.count() == before


def test_empty_file_error_names_the_file(client_in):
    response = client_in.post(reverse("agenda:importeren"), {"bestand": upload("leeg.ics", b"")})
    assert response.status_code == 400
    assert "leeg.ics: het bestand is leeg." in response.content.decode()


def test_import_states_the_period_it_used(client_in):
    response = client_in.post(
        reverse("agenda:importeren"),
        {"bestand": upload("Agenda.ics", BEEKDAL_Q1), "van": "2025-01-01", "tot": "2025-03-31"},
        follow=True,
    )
    html = response.content.decode()
    assert "(periode 01-01-2025 tot en met 31-03-2025)" in html


def test_import_with_nothing_in_the_period_says_so_instead_of_success(client_in, user):
    response = client_in.post(
        reverse("agenda:importeren"),
        {"bestand": upload("Agenda.ics", BEEKDAL_Q1), "van": "2024-01-01", "tot": "2024-03-31"},
    )
    assert response.status_code == 200  # no redirect to an empty mirror
    html = response.content.decode()
    assert "Gelukt" not in html
    assert "Agenda.ics bevat geen afspraken tussen 1 januari 2024 en 31 maart 2024" in html
    assert not Afspraak.objects.filter(owner=user).exists()


def test_import_with_htmx_returns_the_result_fragment(client_in):
    response = client_in.post(
        reverse("agenda:importeren"),
        {"bestand": upload("Agenda.ics", BEEKDAL_Q1), "van": "2025-01-01", "tot": "2025-03-31"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<div id="import-resultaat"')
    assert "9 nieuw" in html
    assert "Ingelezen periode: 1 januari 2025 tot en met 31 maart 2025" in html
    # The list of earlier imports below the form is swapped in as well.
    earlier = html.split('id="eerder-ingelezen"')[1]
    assert earlier.startswith(' aria-labelledby="eerder-kop" class="spil-section" hx-swap-oob')
    assert "Agenda.ics" in earlier


def test_appointment_list_filters_and_inline_correction(client_in, user, imported):
    url = reverse("agenda:afspraken")
    html = client_in.get(url, {"domein": "omgeving"}).content.decode()
    assert "Prestatieafspraken met Woonstede" in html
    assert "B&amp;W-overleg" not in html
    html = client_in.get(url, {"zoek": "B&W"}).content.decode()
    assert html.count('name="afspraken"') == 5  # one checkbox per appointment
    # The reason does not repeat the domain shown right above it.
    assert "Onderwerp of locatie noemt" in html
    assert "Organisatie: " not in html and "College: " not in html
    # Dutch month abbreviations are lower case ("jan", not "Jan").
    assert " jan 2025</time>" in html and " Jan 2025" not in html

    afspraak = Afspraak.objects.filter(owner=user, onderwerp="B&W-overleg").first()
    response = client_in.post(
        reverse("agenda:indelen", args=[afspraak.pk]),
        {"domein": "organisatie", "bereik": "reeks", "volgende": f"{url}?zoek=B%26W"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{url}?zoek=B%26W"
    assert set(
        Afspraak.objects.filter(owner=user, uid=afspraak.uid).values_list("domein", flat=True)
    ) == {"organisatie"}
    # A foreign redirect target is ignored.
    response = client_in.post(
        reverse("agenda:indelen", args=[afspraak.pk]),
        {"domein": "college", "bereik": "afspraak", "volgende": "https://example.org/"},
    )
    assert response["Location"] == url


def test_other_users_appointments_are_404(client, other_user, user, imported):
    client.force_login(other_user)
    afspraak = Afspraak.objects.filter(owner=user).first()
    response = client.post(
        reverse("agenda:indelen", args=[afspraak.pk]), {"domein": "overig", "bereik": "afspraak"}
    )
    assert response.status_code == 404
    assert not Correctie.objects.exists()
    html = client.get(reverse("agenda:afspraken")).content.decode()
    assert "Woonstede" not in html
    assert "nog geen agenda" in client.get(reverse("agenda:spiegel")).content.decode()
    services.correctie_create(
        owner=user, afspraak_id=afspraak.pk, bereik="afspraak", domein="overig"
    )
    correctie = Correctie.objects.get()
    response = client.post(reverse("agenda:correctie_verwijderen", args=[correctie.pk]))
    assert response.status_code == 404
    assert Correctie.objects.exists()


def test_settings_round_trip(client_in, user, imported):
    url = reverse("agenda:instellingen")
    html = client_in.get(url).content.decode()
    assert 'value="08:30"' in html
    data = {
        "eigen_domeinen": "beekdal.nl, woonstede.nl",
        "doel_college": "30",
        "doel_organisatie": "40",
        "doel_omgeving": "30",
        "categorieen": "Bestuur = college",
        "werkdag_begin": "08:00",
        "werkdag_eind": "18:00",
        "overvolle_dag": "90",
        "overvolle_week": "80",
        "pauze_minuten": "10",
        "keten_lengte": "4",
        "externe_reeks": "3",
        "min_ongepland": "10",
    }
    response = client_in.post(url, data)
    assert response.status_code == 302
    corp = Afspraak.objects.get(owner=user, onderwerp__startswith="Prestatie")
    assert corp.domein == "organisatie"
    bad = {**data, "doel_omgeving": "50"}
    response = client_in.post(url, bad)
    assert response.status_code == 400
    assert "samen 100 procent" in response.content.decode()
    bad = {**data, "categorieen": "Bestuur is college"}
    assert "Categorie = domein" in client_in.post(url, bad).content.decode()


def test_mirror_defaults_to_the_last_quarter_with_appointments(client_in, imported):
    response = client_in.get(reverse("agenda:spiegel"))
    html = response.content.decode()
    assert response.status_code == 200
    # The last imported appointment is the leave ending Friday 21 February 2025.
    assert 'value="2025-02-21"' in html
    assert "15,0" in html


def test_agenda_pages_address_the_user_as_je_like_the_kennisbank(client_in, imported):
    # The kennisbank says "je"; a product that switches to "u" between pages reads as two.
    formal = re.compile(r"\b(u|uw|U|Uw)\b")
    for name in ("spiegel", "importeren", "afspraken", "instellingen"):
        html = client_in.get(reverse(f"agenda:{name}"), {"van": "2025-01-06", "tot": "2025-03-31"})
        text = re.sub(r"<[^>]+>", " ", html.content.decode())
        assert not formal.findall(text), (name, formal.findall(text))


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()


def test_mirror_lead_and_share_caption_are_different_sentences(client_in, imported):
    html = client_in.get(
        reverse("agenda:spiegel"), {"van": "2025-01-06", "tot": "2025-02-28"}
    ).content.decode()
    lead = _text(re.search(r'<p class="[^"]*spil-lead">(.*?)</p>', html, re.S).group(1))
    captions = [_text(c) for c in re.findall(r"<figcaption[^>]*>(.*?)</figcaption>", html, re.S)]
    # 5 x 3 hours of B&W and 1,5 hours with the housing corporation; the skiing week apart.
    assert lead == (
        "Van je 16,5 uur aan college, organisatie en omgeving (naast 5 verlofdagen) ging het "
        "meeste naar college (91%); er zijn geen signalen met jouw drempels."
    )
    assert lead not in captions
    assert captions[0].startswith("College ligt met 91% het verst van je doel: 58 procentpunt")
    assert len(set(captions)) == len(captions)


def test_leave_week_shows_days_of_leave_and_the_chart_draws_the_table(client_in, imported):
    html = client_in.get(
        reverse("agenda:spiegel"), {"van": "2025-01-06", "tot": "2025-02-28"}
    ).content.decode()
    table = re.search(r'<table[^>]*>\s*<caption id="weken-tabel-kop">.*?</table>', html, re.S)
    header = [_text(h) for h in re.findall(r"<th[^>]*scope=\"col\">(.*?)</th>", table.group(0))]
    assert header[1:6] == [
        "College",
        "Organisatie",
        "Omgeving",
        "Overige afspraken",
        "Verlof (dagen)",
    ]
    rows = {}
    for row in re.findall(r"<tr class=\"utrecht-table__row\">(.*?)</tr>", table.group(0), re.S):
        week = re.search(r"week (\d+)", row)
        if week:
            rows[int(week.group(1))] = [
                _text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            ]
    # The skiing week (17-21 February): five days of leave, no 45 hours of overig.
    assert rows[8][3:5] == ["0,0", "5"]
    assert rows[8][5] == "0,0"  # no working time left that week
    # The chart draws exactly the table's hours.
    chart = re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)[1]
    svg = base64.b64decode(chart).decode()
    bars = re.findall(r'aria-label="Week: \d{4}-W(\d+); Uren: ([\d.]+); Domein: ([^;]+);', svg)
    labels = header[1:5]
    assert len(bars) == len(rows) * 4
    for number, hours, domain in bars:
        expected = rows[int(number)][labels.index(domain)]
        assert float(expected.replace(",", ".")) == float(hours), (number, domain)
    assert "verlof (5 dagen) telt in de grafiek niet als uren" in html
    # The totals give leave in days too.
    assert "<dt>Verlof</dt><dd>5 dagen</dd>" in html


def import_two(owner):
    services.agenda_import(
        owner=owner, filename="Agenda.ics", data=BEEKDAL_Q1, today=date(2025, 3, 1)
    )
    services.agenda_import(owner=owner, filename="gezin.ics", data=GEZIN, today=date(2025, 3, 1))
    return Agendabron.objects.get(owner=owner, naam="Gezin")


def test_import_page_lists_calendars_with_remove_links(client_in, user):
    gezin = import_two(user)
    html = client_in.get(reverse("agenda:importeren")).content.decode()
    assert "Je agenda" in html
    assert reverse("agenda:bron_verwijderen", args=[gezin.pk]) in html
    assert reverse("agenda:alles_verwijderen") in html
    assert "Agenda verwijderen<span" in html


def test_confirm_page_for_one_calendar_counts_and_changes_nothing(client_in, user):
    gezin = import_two(user)
    response = client_in.get(reverse("agenda:bron_verwijderen", args=[gezin.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Agenda ‘Gezin’ verwijderen" in html
    assert "1 afspraak<" in html and "1 ingelezen bestand<" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert Agendabron.objects.filter(pk=gezin.pk).exists()


def test_post_removes_one_calendar_with_a_dutch_message(client_in, user):
    gezin = import_two(user)
    response = client_in.post(reverse("agenda:bron_verwijderen", args=[gezin.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("agenda:importeren")
    html = response.content.decode()
    assert "Agenda ‘Gezin’ is verwijderd. Verwijderd: 1 afspraak, 1 ingelezen bestand en 0" in html
    assert not Agendabron.objects.filter(pk=gezin.pk).exists()
    assert Afspraak.objects.filter(owner=user).count() == 9


def test_another_users_calendar_is_404(client, user, other_user):
    gezin = import_two(user)
    client.force_login(other_user)
    url = reverse("agenda:bron_verwijderen", args=[gezin.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Afspraak.objects.filter(owner=user).count() == 10


def test_remove_all_confirm_then_post(client_in, user, other_user):
    import_two(user)
    import_two(other_user)
    services.instellingen_update(
        owner=user, doel={"college": 40, "organisatie": 40, "omgeving": 20}
    )
    url = reverse("agenda:alles_verwijderen")
    html = client_in.get(url).content.decode()
    assert "2 agenda&#x27;s (Agenda, Gezin)" in html
    assert "10 afspraken<" in html
    assert "Ook mijn instellingen verwijderen" in html
    assert Afspraak.objects.filter(owner=user).count() == 10

    response = client_in.post(url, follow=True)
    html = response.content.decode()
    assert "Al je agendagegevens zijn verwijderd." in html
    assert "10 afspraken, 2 ingelezen bestanden en 0 correcties" in html
    assert not Afspraak.objects.filter(owner=user).exists()
    assert AgendaInstellingen.objects.filter(owner=user).exists()
    assert Afspraak.objects.filter(owner=other_user).count() == 10

    response = client_in.post(url, {"instellingen": "ja"}, follow=True)
    assert "je instellingen" in response.content.decode()
    assert not AgendaInstellingen.objects.filter(owner=user).exists()
    assert "niets om te verwijderen" in client_in.get(url).content.decode()


def test_removal_needs_csrf(user):
    gezin = import_two(user)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(reverse("agenda:bron_verwijderen", args=[gezin.pk])).status_code == 403
    assert client.post(reverse("agenda:alles_verwijderen")).status_code == 403
    assert Afspraak.objects.filter(owner=user).count() == 10


def test_removal_pages_need_login(client, user):
    gezin = import_two(user)
    for url in (
        reverse("agenda:bron_verwijderen", args=[gezin.pk]),
        reverse("agenda:alles_verwijderen"),
    ):
        response = client.post(url)
        assert response.status_code == 302 and "/account/" in response["Location"]
    assert Afspraak.objects.filter(owner=user).count() == 10


def test_mirror_uses_words_a_secretary_uses(client, user):
    from spil.agenda.services import agenda_import
    from tests.agenda.calendars import BEEKDAL_Q1

    agenda_import(owner=user, filename="Agenda.ics", data=BEEKDAL_Q1)
    client.force_login(user)
    html = client.get(reverse("agenda:spiegel"), {"van": "2025-01-06", "tot": "2025-02-28"})
    text = html.content.decode()
    for jargon in ["Vastgelegd", "vastgelegd", "Overig (zonder verlof)"]:
        assert jargon not in text
    assert "Gepland" in text and "verlof telt apart, in dagen" in text
    settings = client.get(reverse("agenda:instellingen")).content.decode()
    assert "vastgelegd" not in settings.lower()


def test_mirror_steps_through_periods_and_offers_presets(client, user):
    from spil.agenda.services import agenda_import
    from tests.agenda.calendars import BEEKDAL_Q1

    agenda_import(owner=user, filename="Agenda.ics", data=BEEKDAL_Q1)
    client.force_login(user)
    html = client.get(reverse("agenda:spiegel"), {"van": "2025-01-01", "tot": "2025-03-31"})
    text = html.content.decode()
    assert 'href="/agenda/?van=2024-10-01&amp;tot=2024-12-31"' in text
    assert "Vorig kwartaal" in text and "Volgend kwartaal" in text
    assert "/agenda/?van=2025-04-01&amp;tot=2025-06-30" in text
    assert "dit kwartaal" in text and "afgelopen 12 maanden" in text
    # A month shows month steps; the whole month is marked as current.
    month = client.get(reverse("agenda:spiegel"), {"van": "2025-02-01", "tot": "2025-02-28"})
    month_html = month.content.decode()
    assert (
        "Vorige maand" in month_html and "/agenda/?van=2025-01-01&amp;tot=2025-01-31" in month_html
    )
    assert 'aria-current="page" href="/agenda/?van=2025-02-01&amp;tot=2025-02-28"' in month_html


def test_several_appointments_are_corrected_at_once_and_we_stay_in_place(
    client_in, user, other_user, imported
):
    url = reverse("agenda:afspraken")
    here = f"{url}?zoek=B%26W"
    rows = list(Afspraak.objects.filter(owner=user, onderwerp__startswith="B&W"))
    response = client_in.post(
        reverse("agenda:indelen_meerdere"),
        {
            "afspraken": [rows[0].pk, rows[1].pk],
            "domein": "omgeving",
            "bereik": "afspraak",
            "volgende": here,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == here + "#indelen"  # back at the same place in the list
    assert set(
        Afspraak.objects.filter(pk__in=[rows[0].pk, rows[1].pk]).values_list("domein", flat=True)
    ) == {"omgeving"}
    assert Afspraak.objects.get(pk=rows[2].pk).domein != "omgeving"
    html = client_in.get(here).content.decode()
    assert "2 afspraken ingedeeld bij omgeving." in html

    # Another user's appointment in the selection: 404, nothing changed.
    foreign = Afspraak.objects.create(
        owner=other_user,
        bron=rows[0].bron,
        uid="x",
        herhaling="y",
        begin=rows[0].begin,
        eind=rows[0].eind,
        onderwerp="Vreemd",
        vingerafdruk="z",
    )
    denied = client_in.post(
        reverse("agenda:indelen_meerdere"),
        {"afspraken": [rows[2].pk, foreign.pk], "domein": "overig", "bereik": "afspraak"},
    )
    assert denied.status_code == 404
    assert Afspraak.objects.get(pk=rows[2].pk).domein != "overig"
    assert Afspraak.objects.get(pk=foreign.pk).domein != "overig"


def test_appointments_default_to_the_current_period_newest_first(client_in, imported):
    html = client_in.get(reverse("agenda:afspraken")).content.decode()
    dates = re.findall(r'<time datetime="([^"]+)"', html)
    assert dates and dates == sorted(dates, reverse=True)
    assert 'name="van" value="' in html  # the period is filled in


def test_mirror_tables_download_as_csv_for_their_owner_only(client, user, other_user):
    from spil.agenda.services import agenda_import
    from tests.agenda.calendars import BEEKDAL_Q1

    agenda_import(owner=user, filename="Agenda.ics", data=BEEKDAL_Q1)
    client.force_login(user)
    period = {"van": "2025-01-06", "tot": "2025-02-28"}
    page = client.get(reverse("agenda:spiegel"), period).content.decode()
    assert page.count("Download als CSV") == 3

    weeks = client.get(reverse("agenda:spiegel_csv"), {**period, "tabel": "weken"})
    assert weeks["Content-Type"].startswith("text/csv")
    assert "attachment" in weeks["Content-Disposition"]
    text = weeks.content.decode("utf-8")
    assert text.startswith("\ufeffWeek;Van;Tot en met;College;Organisatie;Omgeving")
    lines = text.strip().splitlines()
    assert lines[1].startswith("week 02 2025;06-01-2025;12-01-2025;")
    assert "," in lines[1] and "." not in lines[1].split(";", 3)[3]  # decimal commas
    shares = client.get(reverse("agenda:spiegel_csv"), {**period, "tabel": "verdeling"})
    assert shares.content.decode().splitlines()[1].startswith("College;")
    assert client.get(reverse("agenda:spiegel_csv"), {**period, "tabel": "x"}).status_code == 404

    # Another user gets a table without these appointments.
    client.force_login(other_user)
    theirs = client.get(reverse("agenda:spiegel_csv"), {**period, "tabel": "weken"})
    for line in theirs.content.decode().strip().splitlines()[1:]:
        assert line.split(";")[3:7] == ["0,0", "0,0", "0,0", "0,0"]
