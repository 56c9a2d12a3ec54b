"""Every app's test factories make valid, saved records with an owner where the model has one."""

import pytest

from tests.accounts.factories import PASSWORD, GroupFactory, UserFactory
from tests.agenda import factories as agenda
from tests.kennis import factories as kennis

pytestmark = pytest.mark.django_db

FACTORIES = [
    GroupFactory,
    UserFactory,
    agenda.AgendabronFactory,
    agenda.ImportbatchFactory,
    agenda.AfspraakFactory,
    agenda.CorrectieFactory,
    agenda.AgendaInstellingenFactory,
    kennis.DocumentFactory,
    kennis.SectionFactory,
    kennis.UnitFactory,
    kennis.PassageFactory,
    kennis.UploadFactory,
    kennis.UnitVisitFactory,
]


@pytest.mark.parametrize("factory", FACTORIES, ids=lambda f: f.__name__)
def test_factory_makes_a_valid_saved_record(factory):
    first, second = factory(), factory()
    assert first.pk and second.pk and first.pk != second.pk
    first.full_clean()
    if hasattr(first, "owner"):
        assert first.owner_id is not None


def test_user_factory_gives_a_usable_password_and_roles():
    user = UserFactory(roles=["coach", "docent"])
    assert user.check_password(PASSWORD)
    assert sorted(user.groups.values_list("name", flat=True)) == ["coach", "docent"]


def test_related_records_share_their_owner():
    afspraak = agenda.AfspraakFactory()
    assert afspraak.owner == afspraak.bron.owner
    unit = kennis.UnitFactory()
    assert unit.document == unit.section.document
