import pytest
from django.test import Client
from django.urls import reverse

from spil.kennis.library_services import unit_visit_record
from tests.web.library import ingest

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_in(client: Client, user) -> Client:
    client.force_login(user)
    return client


def test_every_page_but_login_requires_a_login(client):
    for url in ["/", "/bibliotheek/", "/zoeken/?q=raad", "/themas/1/", "/documenten/1/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login"))
    assert client.get(reverse("accounts:login")).status_code == 200


def test_login_page_and_logging_in_and_out(client, user):
    page = client.get(reverse("accounts:login"))
    html = page.content.decode()
    assert 'lang="nl"' in html
    assert "csrfmiddlewaretoken" in html
    assert 'autocomplete="current-password"' in html

    wrong = client.post(
        reverse("accounts:login"), {"username": "secretaris", "password": "fout-wachtwoord"}
    )
    assert wrong.status_code == 200
    assert 'role="alert"' in wrong.content.decode()
    # Django's own text already says "Let op dat …"; the alert does not open with "Let op:" too.
    assert "<strong>Inloggen mislukt:</strong>" in wrong.content.decode()

    ok = client.post(
        reverse("accounts:login"), {"username": "secretaris", "password": "geheim-wachtwoord-1"}
    )
    assert ok.status_code == 302
    assert client.get("/").status_code == 200

    out = client.post(reverse("accounts:logout"))
    assert out.status_code == 302
    assert "Je bent uitgelogd." in client.get(out["Location"]).content.decode()
    assert client.get("/").status_code == 302


def test_logout_requires_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 403
    assert "Dit formulier is verlopen" in response.content.decode()  # Spil's page, in Dutch


def test_start_page_has_search_box_library_and_recent_themes(client_in, user, other_user):
    document = ingest()
    theme = document.units.get(theme_number=2)
    unit_visit_record(owner=user, unit=theme)
    unit_visit_record(owner=other_user, unit=document.units.get(theme_number=5))

    html = client_in.get("/").content.decode()

    assert "Beschrijf je situatie of zoek een onderwerp" in html
    assert f'action="{reverse("kennis:search")}"' in html
    assert "1 document met samen 5 genummerde thema" in html
    assert f'href="{reverse("kennis:unit", args=[theme.id])}"' in html
    other = document.units.get(theme_number=5)
    assert f'href="{reverse("kennis:unit", args=[other.id])}"' not in html


def test_start_page_with_empty_library_points_to_bibliotheek(client_in):
    html = client_in.get("/").content.decode()
    assert "De bibliotheek is nog leeg" in html
    assert f'href="{reverse("kennis:library")}"' in html


def test_base_layout_has_skip_link_nav_and_nl_design_system_css(client_in):
    html = client_in.get("/").content.decode()
    assert 'href="#inhoud"' in html
    assert 'id="inhoud"' in html
    assert 'aria-label="Hoofdmenu"' in html
    assert 'aria-current="page">Start<' in html
    assert "utrecht/component-library-css/dist/index.css" in html
    assert "voorbeeld-design-tokens/dist/theme.css" in html
    assert "/static/spil/spil.css" in html
    assert "/static/npm/htmx.org/dist/htmx.min.js" in html


def test_nav_marks_the_section_you_are_in(client_in):
    html = client_in.get(reverse("kennis:library")).content.decode()
    assert 'aria-current="page">Bibliotheek<' in html
    assert 'aria-current="page">Start<' not in html


def test_404_page_in_spil_style(client_in):
    response = client_in.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Deze pagina bestaat niet" in html
    assert "utrecht-heading-1" in html


def test_500_page_renders_without_a_request_context():
    from django.template import loader

    html = loader.get_template("500.html").render({})
    assert "Er ging iets mis" in html
    assert 'lang="nl"' in html


def test_an_empty_spil_starts_with_first_steps_not_a_search_box(client_in):
    html = client_in.get("/").content.decode()
    assert "Eerste stappen" in html
    assert 'id="q"' not in html  # no search over an empty library
    assert "PDF, Word (DOCX), tekst (TXT), Markdown of HTML" in html
    assert f'href="{reverse("kennis:library")}"' in html
    assert f'href="{reverse("agenda:importeren")}"' in html
    assert "agenda-spiegel" in html and "kennisbank" in html


def test_first_steps_notice_an_imported_agenda(client_in, user):
    from spil.agenda.services import agenda_import
    from tests.agenda.calendars import BEEKDAL_Q1

    agenda_import(owner=user, filename="Agenda.ics", data=BEEKDAL_Q1)
    html = client_in.get("/").content.decode()
    assert "(gedaan)" in html and "bekijk de spiegel" in html


def test_with_documents_the_start_page_searches(client_in):
    ingest()
    html = client_in.get("/").content.decode()
    assert 'id="q"' in html and "Eerste stappen" not in html


def test_login_page_does_not_send_users_to_a_command(client):
    html = client.get(reverse("accounts:login")).content.decode()
    assert "spil init" not in html and "<code" not in html
