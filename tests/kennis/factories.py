"""factory-boy factories for the knowledge library: a document with its table of contents,
units and passages, uploads and visits."""

import hashlib

import factory
from django.utils import timezone

from spil.kennis.constants import PassageKind, SectionKind, UploadStatus
from spil.kennis.models import Document, Passage, Section, Unit, UnitVisit, Upload
from tests.accounts.factories import UserFactory


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Handboek {n}")
    source_name = factory.Sequence(lambda n: f"handboek-{n}.txt")
    checksum = factory.LazyAttribute(lambda o: hashlib.sha256(o.source_name.encode()).hexdigest())
    file_type = "txt"
    size_bytes = 1000


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    document = factory.SubFactory(DocumentFactory)
    kind = SectionKind.THEME
    number = factory.Sequence(lambda n: n + 1)
    label = factory.LazyAttribute(lambda o: f"({o.number})")
    title = factory.Sequence(lambda n: f"Thema {n}")
    level = 1
    position = factory.Sequence(lambda n: n)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    section = factory.SubFactory(SectionFactory)
    document = factory.SelfAttribute("section.document")
    position = factory.SelfAttribute("section.position")
    theme_number = factory.SelfAttribute("section.number")
    title = factory.SelfAttribute("section.title")
    heading_path = factory.SelfAttribute("section.title")


class PassageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Passage

    unit = factory.SubFactory(UnitFactory)
    position = factory.Sequence(lambda n: n)
    kind = PassageKind.TIP
    text = factory.Sequence(lambda n: f"Een eigen tip nummer {n} voor de test.")


class UploadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Upload

    owner = factory.SubFactory(UserFactory)
    filename = factory.Sequence(lambda n: f"notitie-{n}.txt")
    data = b"Een korte notitie."
    size_bytes = factory.LazyAttribute(lambda o: len(o.data))
    status = UploadStatus.QUEUED


class UnitVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitVisit

    owner = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
    visited_at = factory.LazyFunction(timezone.now)
