"""Each role sees exactly what it should in the leergang (through the access matrix)."""

from __future__ import annotations

import pytest

from spil.accounts.services import role_grant
from spil.leergang import selectors, services
from spil.leergang.models import (
    Coachvoorkeur,
    Cohort,
    Deelnemer,
    Intervisiegroep,
    Leervraag,
    Meeloopstage,
    Moduletoewijzing,
    Modulevoorkeur,
    Toewijzingsplan,
)
from spil.leergang.tasks import plan_solve
from tests.accounts.factories import UserFactory
from tests.leergang.factories import cohort_example, programmaleider

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    staff = programmaleider()
    cohort = cohort_example(staff=staff, deelnemers=10, naam="Noord")
    other = cohort_example(staff=staff, deelnemers=10, naam="Zuid", seed=8)
    plan = services.plan_start(user=staff, cohort_id=cohort.pk)
    plan_solve(plan_id=plan.pk, time_limit=10)
    plan.refresh_from_db()
    assert plan.status == Toewijzingsplan.Status.CONCEPT, plan.melding
    return staff, cohort, other, plan


def _ids(qs):
    return set(qs.values_list("pk", flat=True))


def test_programme_leader_of_one_cohort_sees_all_of_it_and_nothing_of_another(world):
    _staff, cohort, other, plan = world
    leader = UserFactory(username="cohortleider")
    role_grant(actor=None, user=leader, role="programmaleider", scope_object=cohort)
    assert _ids(Cohort.objects.visible_to(leader)) == {cohort.pk}
    assert _ids(Deelnemer.objects.visible_to(leader)) == _ids(cohort.deelnemers)
    assert _ids(Modulevoorkeur.objects.visible_to(leader)) == _ids(
        Modulevoorkeur.objects.filter(deelnemer__cohort=cohort)
    )
    assert _ids(Toewijzingsplan.objects.visible_to(leader)) == {plan.pk}
    assert _ids(Moduletoewijzing.objects.visible_to(leader)) == _ids(plan.modules)
    assert not Deelnemer.objects.visible_to(leader).filter(cohort=other).exists()
    assert selectors.cohort_get(user=leader, cohort_id=other.pk) is None


def test_candidate_sees_own_preferences_and_their_plan_only_after_publication(world):
    staff, cohort, _other, plan = world
    me = cohort.deelnemers.first()
    them = cohort.deelnemers.exclude(pk=me.pk).first()
    user = me.user
    assert _ids(Modulevoorkeur.objects.visible_to(user)) == _ids(me.modulevoorkeuren)
    assert _ids(Coachvoorkeur.objects.visible_to(user)) == _ids(me.coachvoorkeuren)
    assert not Modulevoorkeur.objects.visible_to(user).filter(deelnemer=them).exists()
    assert _ids(Deelnemer.objects.visible_to(user)) == {me.pk}
    # A draft is invisible to the candidate.
    assert not Moduletoewijzing.objects.visible_to(user).exists()
    assert not Intervisiegroep.objects.visible_to(user).exists()
    assert selectors.mijn_indeling(user=user, deelnemer=me) is None
    assert services.plan_publish(user=staff, plan_id=plan.pk) is True
    mine = selectors.mijn_indeling(user=user, deelnemer=me)
    assert mine["modules"].deelnemer == me and mine["modules"].reden
    assert len(mine["stages"]) == 2 and mine["coach"] is not None
    assert me.naam in mine["groepsleden"]
    assert _ids(Moduletoewijzing.objects.visible_to(user)) == _ids(
        plan.modules.filter(deelnemer=me)
    )
    assert _ids(Meeloopstage.objects.visible_to(user)) == _ids(plan.stages.filter(deelnemer=me))
    # Never others' preferences, not even after publication.
    assert not Modulevoorkeur.objects.visible_to(user).filter(deelnemer=them).exists()
    assert not Leervraag.objects.visible_to(user).filter(deelnemer=them).exists()


def test_coach_sees_their_group_and_its_learning_questions_after_publication(world):
    staff, _cohort, _other, plan = world
    group = plan.groepen.first()
    coach_user = group.coach.user
    assert not Deelnemer.objects.visible_to(coach_user).exists()
    services.plan_publish(user=staff, plan_id=plan.pk)
    coach_user = type(coach_user).objects.get(pk=coach_user.pk)  # a new request: fresh roles
    members = _ids(group.deelnemers)
    seen = _ids(Deelnemer.objects.visible_to(coach_user))
    coached_groups = Intervisiegroep.objects.filter(plan=plan, coach=group.coach)
    expected = set()
    for g in coached_groups:
        expected |= _ids(g.deelnemers)
    assert members <= seen == expected
    assert _ids(Leervraag.objects.visible_to(coach_user)) == _ids(
        Leervraag.objects.filter(deelnemer__in=expected)
    )
    assert not Modulevoorkeur.objects.visible_to(coach_user).exists()
    rows = selectors.coach_groepen(user=coach_user)
    assert {r["groep"].pk for r in rows} == _ids(coached_groups)


def test_host_sees_names_and_learning_questions_of_their_candidates_only(world):
    staff, cohort, _other, plan = world
    host = cohort.gastgemeenten.first()
    secretary = UserFactory(username="gastsecretaris")
    role_grant(actor=None, user=secretary, role="stagesecretaris", scope_object=host)
    # Before publication: nobody.
    assert not Deelnemer.objects.visible_to(secretary).exists()
    services.plan_publish(user=staff, plan_id=plan.pk)
    theirs = set(plan.stages.filter(gastgemeente=host).values_list("deelnemer", flat=True))
    assert _ids(Deelnemer.objects.visible_to(secretary)) == theirs
    assert _ids(Leervraag.objects.visible_to(secretary)) == _ids(
        Leervraag.objects.filter(deelnemer__in=theirs)
    )
    assert not Modulevoorkeur.objects.visible_to(secretary).exists()
    rows = selectors.gast_kandidaten(user=secretary)
    assert [r["gastgemeente"] for r in rows] == [host]
    assert {k["naam"] for k in rows[0]["kandidaten"]} == set(
        Deelnemer.objects.filter(pk__in=theirs).values_list("naam", flat=True)
    )


def test_committee_member_sees_only_candidates_who_opted_in_for_their_vacancy(world):
    staff, cohort, _other, _plan = world
    vacature = services.vacature_create(
        user=staff, leergang_id=cohort.leergang_id, gemeente="Heuvelstad", profiel={}
    )
    elsewhere = services.vacature_create(
        user=staff, leergang_id=cohort.leergang_id, gemeente="Dijkdorp", profiel={}
    )
    member = UserFactory(username="commissielid")
    services.commissielid_add(user=staff, vacature_id=vacature.pk, lid=member)
    a, b, c = list(cohort.deelnemers.all()[:3])
    for d in (a, b, c):
        services.kandidaatprofiel_save(user=d.user, profiel={})
    services.profiel_vrijgeven(user=a.user, vacature_id=vacature.pk, vrijgeven=True)
    services.profiel_vrijgeven(user=b.user, vacature_id=elsewhere.pk, vrijgeven=True)
    names = [row["naam"] for row in selectors.vacature_kandidaten(user=member, vacature=vacature)]
    assert names == [a.naam]
    assert selectors.vacature_get(user=member, vacature_id=elsewhere.pk) is None
    assert not Deelnemer.objects.visible_to(member).exists()
    # Withdrawing the opt-in removes the candidate again.
    services.profiel_vrijgeven(user=a.user, vacature_id=vacature.pk, vrijgeven=False)
    assert selectors.vacature_kandidaten(user=member, vacature=vacature) == []


def test_teacher_sees_the_cohort_and_its_plan_but_no_preferences(world):
    _staff, cohort, other, plan = world
    teacher = UserFactory(username="docent")
    role_grant(actor=None, user=teacher, role="docent", scope_object=cohort)
    assert _ids(Deelnemer.objects.visible_to(teacher)) == _ids(cohort.deelnemers)
    assert _ids(Toewijzingsplan.objects.visible_to(teacher)) == {plan.pk}
    assert not Modulevoorkeur.objects.visible_to(teacher).exists()
    assert not Leervraag.objects.visible_to(teacher).exists()
    # A draft's assignments are for the programme leaders only.
    assert not Moduletoewijzing.objects.visible_to(teacher).exists()
    assert not Deelnemer.objects.visible_to(teacher).filter(cohort=other).exists()
    assert not Deelnemer.objects.visible_to(teacher, "change").exists()
