"""Group play: an intervisie group plays a scenario with its coach. Roles by lot (seeded, each
at most once), private briefings, choices per player, the distribution only with three or more
choices and never per person; the coach moves the group on and sees the group's debrief."""

from __future__ import annotations

import pytest
from django.urls import reverse

from spil.accounts.services import role_grant
from spil.leergang import services as leergang
from spil.leergang.tasks import plan_solve
from spil.oefenen import selectors, services
from spil.oefenen.library import scenario_get
from spil.oefenen.models import Groepsdeelname
from spil.oefenen.scenario.engine import PlayError
from spil.oefenen.scenario.groep import distribution, roles_by_lot, suggestion
from tests.accounts.factories import UserFactory
from tests.leergang.factories import cohort_example, programmaleider

SCENARIO = "herindeling"


def test_roles_by_lot_are_seeded_and_each_role_is_drawn_at_most_once():
    roles = ["a", "b", "c"]
    first = roles_by_lot(roles, [11, 12, 13, 14, 15], seed=4)
    assert first == roles_by_lot(roles, [15, 14, 13, 12, 11], seed=4)
    drawn = [r for r in first.values() if r]
    assert sorted(drawn) == roles and list(first.values()).count("") == 2
    assert any(roles_by_lot(roles, [1, 2, 3], seed=s) != first for s in range(5))


def test_the_distribution_needs_three_choices():
    assert distribution(["x", "y"], ["x", "y"]) is None
    shares = distribution(["x", "y", "x"], ["x", "y", "z"])
    assert shares == [("x", 2), ("y", 1), ("z", 0)]
    assert suggestion(shares) == "x"


@pytest.fixture
def group(db):
    staff = programmaleider()
    cohort = cohort_example(staff=staff, deelnemers=10)
    plan = leergang.plan_start(user=staff, cohort_id=cohort.pk)
    plan_solve(plan_id=plan.pk, time_limit=10)
    leergang.plan_publish(user=staff, plan_id=plan.pk)
    plan.refresh_from_db()
    groep = plan.groepen.order_by("nummer").first()
    coach = type(staff).objects.get(pk=groep.coach.user_id)
    return groep, coach


def _start(group):
    groep, coach = group
    return services.groepssessie_start(
        user=coach, groep_id=groep.pk, scenario_id=SCENARIO, profiel="klein"
    )


def test_the_coach_starts_a_session_and_every_member_gets_a_role_by_lot(group):
    groep, _coach = group
    sessie = _start(group)
    members = {d.user_id for d in groep.deelnemers.all()}
    deelnames = list(sessie.deelnames.all())
    assert {d.owner_id for d in deelnames} == members
    roles = [d.rol for d in deelnames if d.rol]
    cast = {r.id for r in scenario_get(SCENARIO).rollen}
    assert len(roles) == len(set(roles)) == min(len(members), len(cast))


def test_only_the_groups_coach_can_start_a_session(group):
    groep, _coach = group
    with pytest.raises(PlayError):
        services.groepssessie_start(
            user=UserFactory(), groep_id=groep.pk, scenario_id=SCENARIO, profiel="klein"
        )


def test_distribution_only_with_three_choices_and_never_per_person(client, group):
    _groep, coach = group
    sessie = _start(group)
    players = [d.owner for d in sessie.deelnames.order_by("pk")]
    scenario = scenario_get(SCENARIO)
    situatie = scenario.situaties[scenario.start]
    keuzes = [k.id for k in situatie.choices_for("klein")]
    for player in players[:2]:
        services.groepssessie_stem(
            user=player, sessie=sessie, situatie=situatie.id, keuze=keuzes[0]
        )
    client.force_login(coach)
    url = reverse("oefenen:groepsspel", args=[sessie.pk])
    html = client.get(url).content.decode()
    assert "2 van de 5 spelers kozen al" in html and "blijft verborgen" in html
    services.groepssessie_stem(
        user=players[2], sessie=sessie, situatie=situatie.id, keuze=keuzes[1]
    )
    html = client.get(url).content.decode()
    assert "Hoe de groep koos" in html
    for player in players:
        assert player.get_username() not in html and str(player) not in html
    # A player sees their own role's briefing, not another's.
    mine = Groepsdeelname.objects.get(sessie=sessie, owner=players[0])
    theirs = Groepsdeelname.objects.get(sessie=sessie, owner=players[1])
    briefing = {r.id: r.briefing for r in scenario.rollen}
    client.force_login(players[0])
    html = client.get(url).content.decode()
    if mine.rol:
        assert briefing[mine.rol] in html
    if theirs.rol:
        assert briefing[theirs.rol] not in html


def test_the_coach_moves_the_group_to_the_end_and_sees_the_debrief(client, group):
    _groep, coach = group
    sessie = _start(group)
    players = [d.owner for d in sessie.deelnames.all()]
    scenario = scenario_get(SCENARIO)
    client.force_login(coach)
    for _ in range(20):
        view = selectors.groepssessie_view(user=coach, sessie=sessie)
        situatie = view["position"].situatie
        if situatie is None:
            break
        choice = situatie.choices_for("klein")[0].id
        for player in players[:3]:
            services.groepssessie_stem(
                user=player, sessie=sessie, situatie=situatie.id, keuze=choice
            )
        answer = client.post(
            reverse("oefenen:groepsspel_kiezen", args=[sessie.pk]),
            {"situatie": situatie.id, "keuze": choice, "groep": "1"},
        )
        assert answer.status_code == 302
        sessie.refresh_from_db()
    assert sessie.afgerond is not None
    html = client.get(reverse("oefenen:groepsspel_nabespreking", args=[sessie.pk])).content.decode()
    assert "De keuzes van de groep" in html and "Hoe de groep koos" in html
    assert scenario.titel in html


def test_a_player_cannot_move_the_group_on(client, group):
    sessie = _start(group)
    player = sessie.deelnames.first().owner
    scenario = scenario_get(SCENARIO)
    situatie = scenario.situaties[scenario.start]
    client.force_login(player)
    client.post(
        reverse("oefenen:groepsspel_kiezen", args=[sessie.pk]),
        {"situatie": situatie.id, "keuze": situatie.choices_for("klein")[0].id, "groep": "1"},
    )
    sessie.refresh_from_db()
    assert sessie.keuzes == []


def test_outsiders_and_committee_members_get_404(client, group):
    sessie = _start(group)
    member = UserFactory()
    role_grant(actor=None, user=member, role="selectiecommissielid")
    client.force_login(member)
    for name in ("oefenen:groepsspel", "oefenen:groepsspel_nabespreking"):
        assert client.get(reverse(name, args=[sessie.pk])).status_code == 404
