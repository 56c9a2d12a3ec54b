"""factory-boy factories for oefenen: a play of one of the scenarios Spil ships."""

import factory

from spil.oefenen.constants import Modus
from spil.oefenen.models import Oefensessie
from tests.accounts.factories import UserFactory


class OefensessieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Oefensessie

    owner = factory.SubFactory(UserFactory)
    scenario_id = "herindeling"
    profiel = "middelgroot"
    modus = Modus.OEFENEN
