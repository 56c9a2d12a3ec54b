from datetime import date

import pytest

from spil.agenda import services as agenda_services
from tests.agenda.calendars import BEEKDAL_Q1

# Wednesday of week 6 of 2025: its mirror covers the four weeks of 6 January to 2 February.
TODAY = date(2025, 2, 5)


@pytest.fixture
def beheerder(django_user_model):
    return django_user_model.objects.create_user(
        username="beheerder", password="geheim-wachtwoord-3", is_staff=True
    )


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="root", password="geheim-wachtwoord-4", email="root@example.org"
    )


@pytest.fixture
def with_agenda(user):
    agenda_services.agenda_import(
        owner=user, filename="Agenda.ics", data=BEEKDAL_Q1, today=date(2025, 3, 1)
    )
    return user
