"""Pages of the leergang: staff cohort page, background planning with progress, review, lock,
compare, publish; the candidate's page; matching; the report."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from spil.accounts.services import role_grant
from spil.leergang import selectors, services
from spil.leergang.models import Toewijzingsplan
from spil.leergang.tasks import plan_solve
from tests.accounts.factories import UserFactory
from tests.leergang.factories import cohort_example, programmaleider

pytestmark = pytest.mark.django_db


def test_importing_the_web_layer_does_not_load_the_solver():
    code = (
        "import os, sys, django;"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'spil.conf.test');"
        "django.setup();"
        "import spil.urls, spil.leergang.views, spil.leergang.tasks;"
        "from django.urls import reverse; reverse('leergang:start');"
        "print('ortools' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


@pytest.fixture
def staff():
    return programmaleider()


@pytest.fixture
def cohort(staff):
    return cohort_example(staff=staff, deelnemers=10)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_staff_cohort_page_shows_timeline_participants_and_forms(staff_client, cohort):
    page = staff_client.get(reverse("leergang:cohort", args=[cohort.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Tijdlijn en uren per deelnemer" in html and "175 uur per deelnemer" in html
    assert cohort.deelnemers.first().naam in html
    assert "Deelnemers inlezen uit een CSV-bestand" in html


def test_someone_without_a_role_for_the_cohort_gets_404(client, cohort):
    client.force_login(UserFactory())
    assert client.get(reverse("leergang:cohort", args=[cohort.pk])).status_code == 404
    assert client.post(reverse("leergang:plan_maken", args=[cohort.pk])).status_code == 404


def test_csv_import_with_a_bad_row_shows_the_row(staff_client, cohort):
    upload = SimpleUploadedFile(
        "lijst.csv", b"naam,e-mail\nAnna,anna@voorbeeld.nl\nBen,ben-zonder-domein\n"
    )
    page = staff_client.post(reverse("leergang:importeren", args=[cohort.pk]), {"bestand": upload})
    assert page.status_code == 400
    assert "lijst.csv, regel 3" in page.content.decode()
    assert not cohort.deelnemers.filter(email="anna@voorbeeld.nl").exists()


def test_planning_runs_in_the_background_with_progress_then_review(
    staff_client, cohort, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        answer = staff_client.post(reverse("leergang:plan_maken", args=[cohort.pk]))
    plan = Toewijzingsplan.objects.get(cohort=cohort)
    assert answer["Location"] == reverse("leergang:plan", args=[plan.pk])
    waiting = staff_client.get(answer["Location"])
    html = waiting.content.decode()
    assert 'hx-trigger="every 2s"' in html and "<noscript>" in html
    fragment = staff_client.get(answer["Location"], headers={"HX-Request": "true"})
    assert "Wacht op de planner" in fragment.content.decode()
    assert len(callbacks) == 1
    plan_solve(plan_id=plan.pk, time_limit=10)
    done = staff_client.get(answer["Location"], headers={"HX-Request": "true"})
    assert done["HX-Refresh"] == "true"
    review = staff_client.get(answer["Location"]).content.decode()
    assert "Waarom:" in review and "Publiceren" in review and "Vastzetten" in review


def _solved(staff, cohort) -> Toewijzingsplan:
    plan = services.plan_start(user=staff, cohort_id=cohort.pk)
    plan_solve(plan_id=plan.pk, time_limit=10)
    plan.refresh_from_db()
    return plan


def test_lock_re_solve_compare_and_publish_twice(staff_client, staff, cohort):
    first = _solved(staff, cohort)
    stage = first.stages.first()
    staff_client.post(
        reverse("leergang:vastzetten", args=[first.pk]),
        {"soort": "stage", "pk": stage.pk, "vastgezet": "1"},
    )
    stage.refresh_from_db()
    assert stage.vastgezet
    second = services.plan_start(user=staff, cohort_id=cohort.pk, basis_id=first.pk)
    plan_solve(plan_id=second.pk, time_limit=10)
    assert second.stages.get(deelnemer=stage.deelnemer, ronde=stage.ronde).gastgemeente_id == (
        stage.gastgemeente_id
    )
    compare = staff_client.get(reverse("leergang:vergelijken", args=[second.pk]), {"met": first.pk})
    assert compare.status_code == 200
    assert "Verschillen tussen versie 1 en 2" in compare.content.decode()
    url = reverse("leergang:publiceren", args=[second.pk])
    staff_client.post(url)
    again = staff_client.post(url, follow=True)
    assert "al gepubliceerd; er is niets veranderd" in again.content.decode()


def test_candidate_enters_preferences_and_sees_the_plan_only_after_publication(
    client, staff, cohort
):
    me = cohort.deelnemers.first()
    client.force_login(me.user)
    url = reverse("leergang:deelname", args=[me.pk])
    page = client.get(url).content.decode()
    assert "nog niet gepubliceerd" in page
    modules = list(cohort.modules.all())
    data = {f"rang_{modules[0].pk}": "1", f"doel_{modules[0].pk}": "verdiepen"}
    data |= {f"rang_{modules[1].pk}": "1", f"doel_{modules[1].pk}": "nieuw"}
    assert client.post(url, data).status_code == 302
    assert me.modulevoorkeuren.count() == 2
    bad = client.post(url, {f"rang_{modules[0].pk}": "1", f"doel_{modules[0].pk}": "verdiepen"})
    assert bad.status_code == 400 and "één module om te verdiepen" in bad.content.decode()
    other = cohort.deelnemers.exclude(pk=me.pk).first()
    assert client.get(reverse("leergang:deelname", args=[other.pk])).status_code == 404
    plan = _solved(staff, cohort)
    services.plan_publish(user=staff, plan_id=plan.pk)
    page = client.get(url).content.decode()
    assert "Mijn indeling" in page and "Waarom:" in page
    assert other.naam not in page or other.naam in page.split("Intervisiegroep")[1]


def test_committee_sees_opted_in_candidates_with_explained_fit(client, staff, cohort):
    vacature = services.vacature_create(
        user=staff,
        leergang_id=cohort.leergang_id,
        gemeente="Heuvelstad",
        profiel={"ambitie": {"gewicht": 3, "niveau": 5}},
    )
    member = UserFactory()
    services.commissielid_add(user=staff, vacature_id=vacature.pk, lid=member)
    a, b = list(cohort.deelnemers.all()[:2])
    for d in (a, b):
        services.kandidaatprofiel_save(user=d.user, profiel={"ambitie": {"niveau": 3}})
    candidate = client
    candidate.force_login(a.user)
    assert (
        candidate.post(
            reverse("leergang:vrijgeven", args=[vacature.pk]), {"vrijgeven": "1"}
        ).status_code
        == 302
    )
    client.force_login(member)
    html = client.get(reverse("leergang:vacature", args=[vacature.pk])).content.decode()
    assert a.naam in html and b.naam not in html
    assert "2 stappen te kort" in html and "som van de punten" in html


def test_report_shows_aggregates_and_suppresses_small_cells(staff_client, staff, cohort):
    _solved(staff, cohort)
    html = staff_client.get(reverse("leergang:rapport", args=[cohort.pk])).content.decode()
    assert "Moduleplaatsen per keus" in html and "minder dan 5" in html
    for d in cohort.deelnemers.all():
        assert d.naam not in html


def test_suppress_small_hides_cells_under_five():
    assert selectors.suppress_small({"a": 4, "b": 5, "c": 0}) == {"a": None, "b": 5, "c": None}


def test_host_and_coach_see_their_candidates_on_the_start_page(client, staff, cohort):
    plan = _solved(staff, cohort)
    host = cohort.gastgemeenten.first()
    secretary = UserFactory()
    role_grant(actor=None, user=secretary, role="stagesecretaris", scope_object=host)
    services.plan_publish(user=staff, plan_id=plan.pk)
    client.force_login(secretary)
    html = client.get(reverse("leergang:start")).content.decode()
    names = plan.stages.filter(gastgemeente=host).values_list("deelnemer__naam", flat=True)
    assert names and all(n in html for n in names)
    assert "Leervraag van" in html
    group = plan.groepen.first()
    client.force_login(group.coach.user)
    html = client.get(reverse("leergang:start")).content.decode()
    assert all(d.naam in html for d in group.deelnemers.all())


def test_the_invitation_link_lets_the_participant_choose_a_password(
    client, staff, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    import re

    with django_capture_on_commit_callbacks(execute=True):
        deelnemer, _ = services.deelnemer_invite(
            user=staff,
            cohort_id=cohort.pk,
            email="vera@voorbeeld.nl",
            naam="Vera Veld",
            request_base="http://testserver",
        )
    link = re.search(r"http://\S+", mailoutbox[0].body).group(0)
    form = client.get(link, follow=True)
    assert form.status_code == 200 and "Wachtwoord kiezen" in form.content.decode()
    password = "een-lang-nieuw-wachtwoord-7"
    done = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"new_password1": password, "new_password2": password},
    )
    assert done.status_code == 302
    deelnemer.user.refresh_from_db()
    assert deelnemer.user.check_password(password)
    # The link works once.
    again = client.get(link, follow=True)
    assert "werkt niet (meer)" in again.content.decode()


def test_a_docent_reads_the_cohort_page_without_forms_or_preferences(client, cohort):
    teacher = UserFactory()
    role_grant(actor=None, user=teacher, role="docent", scope_object=cohort)
    client.force_login(teacher)
    assert str(cohort) in client.get(reverse("leergang:start")).content.decode()
    html = client.get(reverse("leergang:cohort", args=[cohort.pk])).content.decode()
    assert cohort.deelnemers.first().naam in html
    assert "Uitnodigen" not in html and "Modulevoorkeuren" not in html
    assert client.post(reverse("leergang:plan_maken", args=[cohort.pk])).status_code == 404
    # A candidate of the cohort does not get the staff page.
    client.force_login(cohort.deelnemers.first().user)
    assert client.get(reverse("leergang:cohort", args=[cohort.pk])).status_code == 404
