"""A small library written for these tests (own words), built directly as rows."""

from __future__ import annotations

from spil.kennis.models import Document, Passage, Section, Unit
from spil.kennis.search.indexing import document_index

# (theme number, title, tips)
THEMES = [
    (
        1,
        "Samenwerken met de burgemeester",
        [
            "Plan in de eerste week een lang gesprek met de nieuwe burgemeester.",
            "Spreek af hoe jullie elkaar informeren over gevoelige dossiers.",
        ],
    ),
    (
        2,
        "Een wethouder die advies tegenhoudt",
        [
            "Als een portefeuillehouder een ambtelijk advies niet doorstuurt, bespreek dat eerst"
            " onder vier ogen.",
            "Het college heeft recht op ongekleurde advisering.",
        ],
    ),
    (
        3,
        "De raadsvergadering voorbereiden",
        [
            "Loop de agenda van de vergadering met de griffier door.",
            "Zorg dat ambtenaren weten wanneer zij in de raad het woord krijgen.",
        ],
    ),
    (
        4,
        "Crisis en rampenbestrijding",
        [
            "Oefen jaarlijks met het beleidsteam van de veiligheidsregio.",
            "Na een calamiteit volgt altijd een evaluatie.",
        ],
    ),
    (
        5,
        "Herindeling van twee gemeenten",
        [
            "Een fusie vraagt om een zorgvuldig plan voor het personeel.",
            "Betrek de ondernemingsraad vanaf het begin.",
        ],
    ),
    (
        6,
        "Organisatiecultuur veranderen",
        [
            "Cultuur verander je niet met een reorganisatie alleen.",
            "Medewerkers volgen wat leidinggevenden doen, niet wat zij zeggen.",
        ],
    ),
]

ESSAY_SECTIONS = [
    (
        "Tijdverdeling",
        [
            "Veel secretarissen besteden het grootste deel van hun week aan het college en de"
            " eigen organisatie; voor partners buiten het stadhuis blijft weinig over.",
        ],
    ),
    (
        "Sociale media",
        [
            "Op sociale media is elke uitspraak van een bestuurder direct openbaar.",
        ],
    ),
]


def build_handbook(title: str = "Handboek voor de praktijk", name: str = "handboek.txt"):
    document = Document.objects.create(
        title=title, source_name=name, checksum=name * 2, file_type="txt", size_bytes=100
    )
    part = Section.objects.create(
        document=document, kind="part", title="Deel 1 Bestuur", level=1, position=0, page=3
    )
    for position, (number, theme_title, tips) in enumerate(THEMES, start=1):
        section = Section.objects.create(
            document=document,
            parent=part,
            kind="theme",
            number=number,
            title=theme_title,
            level=2,
            position=position,
            page=10 + number,
        )
        unit = Unit.objects.create(
            document=document,
            section=section,
            position=position,
            theme_number=number,
            title=theme_title,
            heading_path=f"{part.title} > {theme_title}",
            page=10 + number,
        )
        for index, tip in enumerate(tips):
            Passage.objects.create(
                unit=unit, position=index, kind="tip", text=tip, page=10 + number
            )
    document_index(document=document)
    return document


def build_essay(name: str = "essay.md"):
    document = Document.objects.create(
        title="Essay over de buitenwereld",
        source_name=name,
        checksum=name * 2,
        file_type="md",
        size_bytes=100,
    )
    chapter = Section.objects.create(
        document=document, kind="chapter", title="1 Tijd", level=1, position=0
    )
    for position, (title, paragraphs) in enumerate(ESSAY_SECTIONS, start=1):
        section = Section.objects.create(
            document=document,
            parent=chapter,
            kind="section",
            title=title,
            level=2,
            position=position,
        )
        unit = Unit.objects.create(
            document=document,
            section=section,
            position=position,
            title=title,
            heading_path=f"{chapter.title} > {title}",
        )
        for index, text in enumerate(paragraphs):
            Passage.objects.create(unit=unit, position=index, kind="paragraph", text=text)
    document_index(document=document)
    return document
