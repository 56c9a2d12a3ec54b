"""Services of the leergang: CSV import, preferences, planning in the background, locking,
comparing, publishing (idempotent, audited)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from spil.core.models import AuditEntry
from spil.leergang import selectors, services
from spil.leergang.models import Deelnemer, Toewijzingsplan
from spil.leergang.planning.checker import plan_violations
from spil.leergang.planning.cohort import cohort_from_dict
from spil.leergang.tasks import plan_solve
from tests.accounts.factories import UserFactory
from tests.leergang.factories import cohort_example, programmaleider

pytestmark = pytest.mark.django_db

CSV = (
    b"naam;e-mail;werkgever;achtergrond\n"
    b"Ilse Veenstra;ilse@voorbeeld.nl;Gemeente Rietmeer;griffier\n"
    b"Joost Brink;joost@voorbeeld.nl;Gemeente Zandvoort-Oost;concerncontroller\n"
)


@pytest.fixture
def staff():
    return programmaleider()


@pytest.fixture
def cohort(staff):
    return cohort_example(staff=staff, deelnemers=10)


def test_csv_import_adds_participants_and_is_idempotent(staff, cohort):
    before = cohort.deelnemers.count()
    assert services.deelnemers_import(
        user=staff, cohort_id=cohort.pk, data=CSV, filename="deelnemers.csv"
    ) == (2, 0)
    assert services.deelnemers_import(
        user=staff, cohort_id=cohort.pk, data=CSV, filename="deelnemers.csv"
    ) == (0, 2)
    assert cohort.deelnemers.count() == before + 2
    ilse = Deelnemer.objects.get(email="ilse@voorbeeld.nl")
    assert ilse.user.email == "ilse@voorbeeld.nl" and not ilse.user.has_usable_password()


def test_csv_import_with_a_bad_row_names_it_and_stores_nothing(staff, cohort):
    bad = CSV + b"Zonder Adres;geen-adres;Gemeente X;\n"
    before = cohort.deelnemers.count()
    with pytest.raises(ValidationError) as error:
        services.deelnemers_import(user=staff, cohort_id=cohort.pk, data=bad, filename="d.csv")
    assert "d.csv, regel 4" in str(error.value) and "e-mailadres" in str(error.value)
    assert cohort.deelnemers.count() == before


def test_only_staff_of_the_cohort_can_import(cohort):
    stranger = UserFactory()
    with pytest.raises(Http404):
        services.deelnemers_import(user=stranger, cohort_id=cohort.pk, data=CSV, filename="d.csv")


def test_invite_sends_a_mail_with_a_link_to_choose_a_password(
    staff, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.deelnemer_invite(
            user=staff, cohort_id=cohort.pk, email="Nieuw@Voorbeeld.nl", naam="Nina Nieuw"
        )
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["nieuw@voorbeeld.nl"]
    assert "/leergang/uitnodiging/" in mailoutbox[0].body


def test_preferences_must_have_a_deepening_and_a_new_module(cohort):
    me = cohort.deelnemers.first()
    module = cohort.modules.first()
    with pytest.raises(ValidationError):
        services.voorkeuren_save(
            user=me.user, deelnemer_id=me.pk, modules={module.pk: (1, "verdiepen")}
        )
    other = cohort.deelnemers.exclude(pk=me.pk).first()
    with pytest.raises(Http404):
        services.voorkeuren_save(user=me.user, deelnemer_id=other.pk, modules={})


def _plan(staff, cohort, basis=None) -> Toewijzingsplan:
    plan = services.plan_start(user=staff, cohort_id=cohort.pk, basis_id=basis)
    assert plan_solve(plan_id=plan.pk, time_limit=10) == "concept"
    plan.refresh_from_db()
    return plan


def test_a_plan_from_the_database_keeps_every_hard_rule(staff, cohort):
    plan = _plan(staff, cohort)
    data = selectors.planning_input(cohort=cohort)
    view = selectors.plan_detail(user=staff, plan=plan)
    output = selectors.plan_output(user=staff, plan=plan)
    assert plan_violations(cohort_from_dict(data), output) == []
    assert all(r["modules"].reden for r in view.per_deelnemer)
    assert plan.kwaliteit["slechtste_rang"] >= 1


def test_locked_assignments_survive_re_solving(staff, cohort):
    first = _plan(staff, cohort)
    stage = first.stages.order_by("pk").first()
    module = first.modules.order_by("pk").first()
    group = first.groepen.order_by("nummer").first()
    for soort, pk in (("stage", stage.pk), ("module", module.pk), ("groep", group.pk)):
        services.toewijzing_lock(user=staff, plan_id=first.pk, soort=soort, pk=pk, vastgezet=True)
    second = _plan(staff, cohort, basis=first.pk)
    assert second.versie == first.versie + 1
    kept = second.stages.get(deelnemer=stage.deelnemer, ronde=stage.ronde)
    assert kept.gastgemeente_id == stage.gastgemeente_id and kept.vastgezet
    again = second.modules.get(deelnemer=module.deelnemer)
    assert (again.verdiepen_id, again.nieuw_id) == (module.verdiepen_id, module.nieuw_id)
    same = second.groepen.get(nummer=group.nummer)
    assert set(same.deelnemers.all()) == set(group.deelnemers.all())
    assert isinstance(selectors.plan_compare(user=staff, a=first, b=second), list)


def test_publishing_twice_changes_nothing_and_is_audited_once(staff, cohort):
    plan = _plan(staff, cohort)
    assert services.plan_publish(user=staff, plan_id=plan.pk) is True
    lines = AuditEntry.objects.filter(kind="publication").count()
    assert lines == cohort.deelnemers.count() + 1
    assert services.plan_publish(user=staff, plan_id=plan.pk) is False
    assert AuditEntry.objects.filter(kind="publication").count() == lines
    # A newer version replaces the published one.
    newer = _plan(staff, cohort)
    services.plan_publish(user=staff, plan_id=newer.pk)
    plan.refresh_from_db()
    assert plan.status == "vervangen"


def test_an_infeasible_cohort_gives_a_dutch_message(staff, cohort):
    cohort.coaches.update(intervisie=False)
    plan = services.plan_start(user=staff, cohort_id=cohort.pk)
    assert plan_solve(plan_id=plan.pk, time_limit=5) == "mislukt"
    plan.refresh_from_db()
    assert "Intervisiegroepen" in plan.melding


def test_timeline_and_hours_follow_from_the_programme_template(cohort):
    rows = cohort.tijdlijn()
    assert next(r["onderdeel"].soort for r in rows) == "seminar"
    # 4×24 + 5×4 + 2×(3×4) + 2×16 + 2×1,5
    assert cohort.uren_per_deelnemer() == 96 + 20 + 24 + 32 + 3


def test_a_cohort_with_plans_can_be_removed_as_a_whole(staff, cohort):
    _plan(staff, cohort)
    cohort.delete()
    assert not Toewijzingsplan.objects.exists() and not Deelnemer.objects.exists()


def test_coach_host_contact_and_committee_member_are_invited_by_e_mail(
    staff, cohort, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        coach = services.coach_create(
            user=staff,
            cohort_id=cohort.pk,
            naam="Wim Wegwijs",
            capaciteit=3,
            email="wim@voorbeeld.nl",
        )
        host = services.gastgemeente_create(
            user=staff,
            cohort_id=cohort.pk,
            naam="Kreekdorp",
            grootte="klein",
            regio="West",
            email="stages@kreekdorp.nl",
        )
        vacature = services.vacature_create(
            user=staff, leergang_id=cohort.leergang_id, gemeente="Heuvelstad", profiel={}
        )
        services.commissielid_add(user=staff, vacature_id=vacature.pk, email="hr@heuvelstad.nl")
    assert coach.user.email == "wim@voorbeeld.nl"
    assert sorted(m.to[0] for m in mailoutbox) == [
        "hr@heuvelstad.nl",
        "stages@kreekdorp.nl",
        "wim@voorbeeld.nl",
    ]
    assert all("/leergang/uitnodiging/" in m.body for m in mailoutbox)
    from spil.core.access import holds_role

    secretary = type(staff).objects.get(email="stages@kreekdorp.nl")
    member = type(staff).objects.get(email="hr@heuvelstad.nl")
    assert holds_role(secretary, "stagesecretaris", host)
    assert selectors.vacature_get(user=member, vacature_id=vacature.pk) is not None
    with pytest.raises(ValidationError):
        services.commissielid_add(user=staff, vacature_id=vacature.pk, email="geen-adres")
