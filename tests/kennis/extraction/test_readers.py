"""Every reader on a file generated in the test, and every kind of bad input."""

import io

import pytest
from docx import Document as DocxDocument
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from spil.kennis.extraction import ExtractionError, extract_document
from spil.kennis.extraction.readers import MAX_BYTES, decode_text


class HandbookPdf(FPDF):
    """Pages with a running header and a printed page number that starts at 7."""

    def header(self):
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, "Praktijkgids voor het raadhuis", align="C")
        self.ln(12)

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, str(self.page_no() + 6), align="C")


def _para(pdf: FPDF, text: str) -> None:
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def make_pdf(*, title: str | None = "Praktijkgids voor het raadhuis") -> bytes:
    pdf = HandbookPdf()
    if title:
        pdf.set_title(title)
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    _para(pdf, "Deel 1 Het werk")
    _para(
        pdf,
        "Een inleidende alinea over het werk in een kleine gemeente met veel\n"
        "bestuurders. Het woord gemeente-\nsecretaris staat hier afgebroken.",
    )
    _para(pdf, "(1)\tEen stevige basis voor het werk met\nhet college")
    _para(
        pdf,
        "- Spreek vooraf af wie welke rol heeft in het overleg met de wethouders en de\n"
        "burgemeester, ook als het spannend wordt.",
    )
    _para(pdf, "- Houd het ICT-beleid en de zorg- en welzijnstaken uit elkaar.")
    pdf.add_page()
    _para(pdf, "   (2) Tweede onderwerp")
    _para(pdf, "- Een tip op de tweede pagina.")
    return bytes(pdf.output())


def test_pdf_headers_removed_pages_assigned_hyphen_rejoined():
    parsed = extract_document(data=make_pdf(), filename="gids.pdf")
    assert parsed.file_type == "pdf"
    assert parsed.pages == 2
    assert parsed.title == "Praktijkgids voor het raadhuis"
    sections = list(parsed.walk())
    assert [(s.kind, s.label, s.title) for s in sections] == [
        ("part", "Deel 1", "Het werk"),
        ("theme", "(1)", "Een stevige basis voor het werk met het college"),
        ("theme", "(2)", "Tweede onderwerp"),
    ]
    part, first, second = sections
    assert part.passages[0].text.endswith("Het woord gemeentesecretaris staat hier afgebroken.")
    assert [p.kind for p in first.passages] == ["tip", "tip"]
    assert first.passages[0].text.endswith(
        "met de wethouders en de burgemeester, ook als het spannend wordt."
    )
    assert first.passages[1].text == "Houd het ICT-beleid en de zorg- en welzijnstaken uit elkaar."
    assert (first.page, second.page) == (7, 8)
    assert second.passages[0].page == 8
    everything = " ".join(
        [s.title for s in sections] + [p.text for s in sections for p in s.passages]
    )
    assert "Praktijkgids" not in everything
    assert parsed.removed_lines.count("Praktijkgids voor het raadhuis") == 2


def test_pdf_title_falls_back_to_cleaned_file_name():
    parsed = extract_document(data=make_pdf(title=None), filename="Gids_voor-de_praktijk.pdf")
    # the running header repeats on every page, so it names the document
    assert parsed.title == "Praktijkgids voor het raadhuis"


def test_corrupt_pdf_is_reported():
    data = make_pdf()[:400]
    with pytest.raises(ExtractionError, match=r"^kapot\.pdf: het PDF-bestand is beschadigd"):
        extract_document(data=data, filename="kapot.pdf")


def test_not_a_pdf_at_all():
    with pytest.raises(ExtractionError, match=r"^nep\.pdf: dit is geen PDF-bestand"):
        extract_document(data=b"dit is gewoon tekst", filename="nep.pdf")


def test_encrypted_pdf_is_reported():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf())))
    writer.encrypt(user_password="geheim", owner_password="nog-geheimer")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ExtractionError, match=r"^slot\.pdf: .*beveiligd met een wachtwoord"):
        extract_document(data=out.getvalue(), filename="slot.pdf")


def test_pdf_encrypted_with_an_empty_user_password_opens():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf())))
    writer.encrypt(user_password="", owner_password="eigenaar")
    out = io.BytesIO()
    writer.write(out)
    parsed = extract_document(data=out.getvalue(), filename="open.pdf")
    assert [s.number for s in parsed.walk() if s.kind == "theme"] == [1, 2]


def test_pdf_without_text_is_reported_as_a_scan():
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100)
    with pytest.raises(ExtractionError, match=r"^scan\.pdf: .*geen leesbare tekst.*scan"):
        extract_document(data=bytes(pdf.output()), filename="scan.pdf")


def make_docx() -> bytes:
    document = DocxDocument()
    document.core_properties.title = "Werkboek voor secretarissen"
    document.add_heading("Samenwerken", level=1)
    document.add_paragraph("Een korte inleiding op het hoofdstuk.")
    document.add_heading("2.1 Afspraken", level=2)
    document.add_paragraph("Leg afspraken vast.", style="List Bullet")
    document.add_paragraph("Evalueer ze jaarlijks.", style="List Number")
    document.add_paragraph("(1) Een thema in gewone tekst")
    document.add_paragraph("Gewone alinea onder het thema.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Rol"
    table.cell(0, 1).text = "Taak"
    table.cell(1, 0).text = "Secretaris"
    table.cell(1, 1).text = "Verbinden"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_styles_lists_and_tables():
    parsed = extract_document(data=make_docx(), filename="werkboek.docx")
    assert parsed.title == "Werkboek voor secretarissen"
    assert parsed.file_type == "docx"
    outline = [(s.kind, s.label, s.title) for s in parsed.walk()]
    assert outline == [
        ("chapter", "", "Samenwerken"),
        ("section", "2.1", "Afspraken"),
        ("theme", "(1)", "Een thema in gewone tekst"),
    ]
    chapter, section, theme = parsed.walk()
    assert [p.kind for p in chapter.passages] == ["paragraph"]
    assert [(p.kind, p.text) for p in section.passages] == [
        ("tip", "Leg afspraken vast."),
        ("tip", "Evalueer ze jaarlijks."),
    ]
    assert [(p.kind, p.text) for p in theme.passages] == [
        ("paragraph", "Gewone alinea onder het thema."),
        ("table_row", "Rol | Taak"),
        ("table_row", "Secretaris | Verbinden"),
    ]


def test_docx_that_is_not_a_zip():
    with pytest.raises(ExtractionError, match=r"^oud\.docx: dit is geen geldig Word-bestand"):
        extract_document(data=b"\xd0\xcf\x11\xe0 oud formaat", filename="oud.docx")


def test_docx_zip_without_a_document():
    out = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("iets.txt", "geen word")
    with pytest.raises(ExtractionError, match=r"^leeg\.docx: het Word-bestand .*beschadigd"):
        extract_document(data=out.getvalue(), filename="leeg.docx")


HTML = """<!doctype html>
<html><head><title>Notities over het ambt</title><style>p { color: red }</style></head>
<body>
<nav><a href="/">Home</a> menu</nav>
<script>var verborgen = 1;</script>
<h1>Het ambt</h1>
<p>Een alinea met <b>vette</b> tekst.</p>
<h2>1.2 Kleine gemeenten</h2>
<ul><li>Eerste punt<ul><li>Genest punt</li></ul></li><li>Tweede punt</li></ul>
<table><tr><th>Aspect</th><th>Vraag</th></tr>
<tr><td>Tijd</td><td>Hoe verdeel ik die?</td></tr></table>
<div>Losse tekst in een div</div>
</body></html>"""


def test_html_headings_lists_tables_and_dropped_chrome():
    parsed = extract_document(data=HTML.encode(), filename="ambt.html")
    assert parsed.title == "Notities over het ambt"
    outline = [(s.kind, s.label, s.title) for s in parsed.walk()]
    assert outline == [("chapter", "", "Het ambt"), ("section", "1.2", "Kleine gemeenten")]
    chapter, section = parsed.walk()
    assert [p.text for p in chapter.passages] == ["Een alinea met vette tekst."]
    assert [(p.kind, p.text) for p in section.passages] == [
        ("tip", "Eerste punt"),
        ("tip", "Genest punt"),
        ("tip", "Tweede punt"),
        ("table_row", "Aspect | Vraag"),
        ("table_row", "Tijd | Hoe verdeel ik die?"),
        ("paragraph", "Losse tekst in een div"),
    ]
    text = " ".join(p.text for s in parsed.walk() for p in s.passages)
    assert "verborgen" not in text and "menu" not in text and "color" not in text


def test_markdown_file():
    text = (
        "# Handreiking\n\nIntro.\n\n## 3. Crisis\n\n- Oefen.\n- Evalueer.\n\n"
        "### 3.1 Nazorg\n\nTekst.\n"
    )
    parsed = extract_document(data=text.encode(), filename="notitie.md")
    assert parsed.title == "Handreiking"
    assert [(s.level, s.label, s.title) for s in parsed.walk()] == [
        (2, "", "Handreiking"),
        (2, "3", "Crisis"),
        (3, "3.1", "Nazorg"),
    ]


def test_text_encodings_utf8_bom_and_cp1252():
    utf8 = "\ufeffCoördinatie en café\n".encode()
    cp1252 = "Coördinatie en café – “goed”\n".encode("cp1252")
    assert decode_text(utf8, "a.txt") == "Coördinatie en café\n"
    assert decode_text(cp1252, "b.txt") == "Coördinatie en café – “goed”\n"
    parsed = extract_document(data=cp1252, filename="oud.txt")
    assert parsed.sections[0].passages[0].text == "Coördinatie en café – “goed”"


def test_plain_text_without_headings_gets_a_preamble_and_the_file_name_as_title():
    data = b"de tekst begint klein en heeft geen kop. Nog een zin.\n"
    parsed = extract_document(data=data, filename="losse_notitie-2024.txt")
    assert parsed.title == "losse notitie-2024"
    assert parsed.sections[0].kind == "preamble"


def test_text_that_opens_with_a_paragraph_takes_its_first_chapter_heading_as_title():
    text = (
        "Met deze uitgave wil het bestuur de leden laten zien wat er het afgelopen jaar is\n"
        "gedaan en welke plannen er liggen voor de komende periode in de regio.\n"
        "Voorwoord\n"
        "\f"
        "1 Een jaar van opbouw\n"
        "Het eerste jaar stond in het teken van het vinden van leden en het opzetten van een\n"
        "werkgroep die de bijeenkomsten voorbereidt. Dat is goed gelukt.\n"
        "\f"
        "2 Plannen voor later\n"
        "Voor de komende jaren wil de vereniging vooral investeren in scholing van nieuwe\n"
        "leden en in een betere website. Daarover volgt later meer.\n"
    )
    parsed = extract_document(data=text.encode(), filename="jaarbericht_2024_def.txt")
    assert parsed.title == "Een jaar van opbouw"
    assert [(s.kind, s.label) for s in parsed.sections] == [
        ("preamble", ""),
        ("chapter", "1"),
        ("chapter", "2"),
    ]


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"iets", "plaatje.png", r"^plaatje\.png: dit bestandstype \(\.png\) wordt niet"),
        (b"iets", "zonder_extensie", r"^zonder_extensie: dit bestandstype \(zonder extensie\)"),
        (b"", "leeg.txt", r"^leeg\.txt: het bestand is leeg \(0 bytes\)\."),
        (b"", "leeg.pdf", r"^leeg\.pdf: het bestand is leeg"),
        (b"ab\x00\x01\x02cd" * 50, "binair.txt", r"^binair\.txt: dit is geen tekstbestand"),
        (bytes(range(128, 256)) * 20, "ruis.txt", r"^ruis\.txt: dit lijkt geen leesbare tekst"),
        (b"   \n\n  \t \n", "wit.txt", r"^wit\.txt: .*geen tekst"),
    ],
)
def test_bad_input_gets_a_dutch_message_naming_the_file(data, filename, message):
    with pytest.raises(ExtractionError, match=message):
        extract_document(data=data, filename=filename)


def test_size_limit_is_checked_before_anything_else():
    data = b"\x00" * (MAX_BYTES + 1)
    with pytest.raises(ExtractionError, match=r"^groot\.pdf: het bestand is te groot \(50 MB\)"):
        extract_document(data=data, filename="groot.pdf")


def test_pdf_footnote_at_the_foot_of_the_page_is_kept_apart():
    pdf = HandbookPdf()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    _para(pdf, "Samenwerking in de regio")
    _para(
        pdf,
        "De gemeenten in de regio werken samen aan jeugdzorg en vervoer.1 Dat vraagt om\n"
        "heldere afspraken tussen de colleges en de ambtelijke organisaties.",
    )
    pdf.set_y(-35)
    pdf.set_font("Helvetica", size=8)
    _para(pdf, "1 Zie de notitie over gemeenschappelijke regelingen uit het vorige jaar.")
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    _para(pdf, "Op de tweede pagina gaat de tekst verder met een nieuwe alinea.")
    parsed = extract_document(data=bytes(pdf.output()), filename="regio.pdf")
    passages = [p for s in parsed.walk() for p in s.passages]
    assert [(p.kind, p.page) for p in passages] == [
        ("paragraph", 7),
        ("footnote", 7),
        ("paragraph", 8),
    ]
    assert passages[1].text.startswith("1 Zie de notitie")
    assert passages[0].text.endswith("de ambtelijke organisaties.")


def test_docx_text_inside_a_content_control_is_read():
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = DocxDocument()
    document.add_paragraph("Gewone alinea.")
    control = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>Tekst in een inhoudsblok.</w:t>"
        "</w:r></w:p></w:sdtContent></w:sdt>"
    )
    document.element.body.insert(0, control)
    out = io.BytesIO()
    document.save(out)
    parsed = extract_document(data=out.getvalue(), filename="blok.docx")
    assert [p.text for p in parsed.sections[0].passages] == [
        "Tekst in een inhoudsblok.",
        "Gewone alinea.",
    ]
