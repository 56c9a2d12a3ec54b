"""One vocabulary per concept: the Django choices and the extraction's Literal types agree."""

from typing import get_args

from spil.kennis.constants import PassageKind, SectionKind, UploadStatus
from spil.kennis.extraction import parsed
from spil.kennis.models import Passage, Section, Upload


def test_section_and_passage_kinds_match_the_extraction():
    assert tuple(SectionKind.values) == get_args(parsed.SectionKind)
    assert tuple(PassageKind.values) == get_args(parsed.PassageKind)


def test_models_use_the_constants():
    assert Section.Kind is SectionKind
    assert Passage.Kind is PassageKind
    assert Upload.Status is UploadStatus
    assert Section._meta.get_field("kind").choices == SectionKind.choices
    assert Upload._meta.get_field("status").default == UploadStatus.QUEUED
