"""factory-boy factories for the agenda's models, each owned by a user."""

import datetime as dt
import hashlib

import factory
from django.utils import timezone

from spil.agenda.constants import Bereik, Bestandssoort, Domein, Indelingsgrond
from spil.agenda.models import Afspraak, Agendabron, AgendaInstellingen, Correctie, Importbatch
from tests.accounts.factories import UserFactory


class AgendabronFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agendabron

    owner = factory.SubFactory(UserFactory)
    naam = factory.Sequence(lambda n: f"Agenda {n}")


class ImportbatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Importbatch

    bron = factory.SubFactory(AgendabronFactory)
    owner = factory.SelfAttribute("bron.owner")
    bestandsnaam = "agenda.ics"
    soort = Bestandssoort.ICS
    venster_van = dt.date(2026, 1, 1)
    venster_tot = dt.date(2026, 12, 31)


class AfspraakFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Afspraak

    bron = factory.SubFactory(AgendabronFactory)
    owner = factory.SelfAttribute("bron.owner")
    uid = factory.Sequence(lambda n: f"afspraak-{n}@spil.test")
    begin = factory.Sequence(
        lambda n: timezone.make_aware(dt.datetime(2026, 3, 2, 9, 0)) + dt.timedelta(days=n)
    )
    # Like the importers: every occurrence is keyed by its start.
    herhaling = factory.LazyAttribute(lambda o: o.begin.strftime("%Y%m%dT%H%M%S"))
    eind = factory.LazyAttribute(lambda o: o.begin + dt.timedelta(hours=1))
    onderwerp = factory.Sequence(lambda n: f"Overleg {n}")
    vingerafdruk = factory.LazyAttribute(
        lambda o: hashlib.sha1(f"{o.uid}{o.begin}".encode()).hexdigest()
    )
    domein = Domein.ORGANISATIE
    reden = "testafspraak"
    bron_indeling = Indelingsgrond.REGEL


class CorrectieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Correctie

    owner = factory.SubFactory(UserFactory)
    bereik = Bereik.ONDERWERP
    sleutel = factory.Sequence(lambda n: f"overleg {n}")
    onderwerp = factory.Sequence(lambda n: f"Overleg {n}")
    domein = Domein.COLLEGE


class AgendaInstellingenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaInstellingen
        django_get_or_create = ("owner",)

    owner = factory.SubFactory(UserFactory)
