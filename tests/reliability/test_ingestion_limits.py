"""Issue 14 points 2 and 8 (documents): a file that unfolds enormously, is huge, is nested too
deeply or takes too long fails fast with a Dutch message naming the limit, and the next job
runs at once; oversized sections are split; AES-encrypted PDFs with an empty password open."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from pypdf import PdfWriter

from spil.kennis.extraction import Limits, extract_document
from spil.kennis.extraction.bounds import MAX_PASSAGE_CHARS, MAX_UNIT_CHARS, split_text
from spil.kennis.extraction.parsed import ExtractionError
from spil.kennis.extraction.readers import MAX_PAGES, MAX_UNPACKED_BYTES, MAX_ZIP_ENTRIES
from spil.kennis.extraction.sandbox import run_limited
from spil.kennis.models import Document, Passage, Unit, Upload
from spil.kennis.services import document_ingest
from spil.kennis.tasks import upload_ingest

GOOD = b"# Werkboek\n\n## Deel 1\n\n(1) Een thema\n\xe2\x80\xa2 Een tip die telt.\n"


def zip_bomb(megabytes: int = 300) -> bytes:
    """A small DOCX whose main part unpacks to `megabytes` MB of zeros (made at test time)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"\0" * (1024 * 1024)
            for _ in range(megabytes):
                part.write(block)
    return buffer.getvalue()


def many_parts(count: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(count):
            archive.writestr(f"word/part{number}.xml", "")
    return buffer.getvalue()


def blank_pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_from_its_table_of_contents():
    bomb = zip_bomb()
    assert len(bomb) < 2 * 1024 * 1024  # small on disk
    with pytest.raises(ExtractionError) as error:
        extract_document(data=bomb, filename="bom.docx")
    message = str(error.value)
    assert message.startswith("bom.docx: ")
    assert f"de grens is {MAX_UNPACKED_BYTES // (1024 * 1024)} MB uitgepakt" in message


def test_a_docx_of_too_many_parts_is_refused():
    with pytest.raises(ExtractionError) as error:
        extract_document(data=many_parts(MAX_ZIP_ENTRIES + 1), filename="delen.docx")
    assert f"de grens is {MAX_ZIP_ENTRIES}" in str(error.value)


def test_a_pdf_of_2000_pages_fails_fast_naming_the_page_limit():
    with pytest.raises(ExtractionError) as error:
        extract_document(data=blank_pdf(2000), filename="dik.pdf")
    assert "2000 pagina's" in str(error.value)
    assert f"de grens is {MAX_PAGES} pagina's" in str(error.value)


def test_deeply_nested_html_gets_a_dutch_message_not_an_unexpected_error():
    html = ("<div>" * 100_000 + "tekst" + "</div>" * 100_000).encode()
    with pytest.raises(ExtractionError) as error:
        extract_document(data=html, filename="diep.html")
    assert "te diep genest" in str(error.value)
    assert "de grens is" in str(error.value)


def _spin(seconds: float) -> str:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return "klaar"


def _allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def test_the_child_process_stops_at_the_time_limit_with_a_dutch_message():
    started = time.monotonic()
    with pytest.raises(ExtractionError) as error:
        run_limited(_spin, filename="traag.pdf", limits=Limits(seconds=1), kwargs={"seconds": 30})
    assert time.monotonic() - started < 20
    assert str(error.value).startswith("traag.pdf: het lezen duurde langer dan de grens van 1")


def test_the_child_process_stops_at_the_memory_limit_with_a_dutch_message():
    with pytest.raises(ExtractionError) as error:
        run_limited(
            _allocate,
            filename="groot.docx",
            limits=Limits(memory_mb=100),
            kwargs={"megabytes": 800},
        )
    assert "meer geheugen nodig dan de grens van 100 MB" in str(error.value)


def test_the_child_process_returns_what_the_function_returns():
    limits = Limits(seconds=10)
    assert run_limited(_spin, filename="x", limits=limits, kwargs={"seconds": 0}) == "klaar"


@pytest.mark.django_db
def test_a_bomb_fails_and_the_next_job_runs_at_once(user, other_user):
    bomb = Upload.objects.create(
        owner=user, filename="bom.docx", data=zip_bomb(), size_bytes=1, shared=False
    )
    good = Upload.objects.create(
        owner=other_user, filename="werkboek.md", data=GOOD, size_bytes=len(GOOD)
    )
    assert upload_ingest(upload_id=bomb.pk) == Upload.Status.ERROR
    assert upload_ingest(upload_id=good.pk) == "added"
    bomb.refresh_from_db()
    assert "grens" in bomb.message and "bom.docx" in bomb.message
    assert bytes(bomb.data) == b""  # a refused file is not kept
    assert list(Document.objects.values_list("source_name", flat=True)) == ["werkboek.md"]


@pytest.mark.django_db
def test_an_extraction_over_the_time_limit_fails_with_the_limit_in_the_message(
    settings, monkeypatch
):
    import spil.kennis.extraction as extraction

    real = extraction.extract_document

    def slow(**kwargs):  # runs in the forked child: slower than the limit, whatever the machine
        time.sleep(5)
        return real(**kwargs)

    monkeypatch.setattr(extraction, "extract_document", slow)
    settings.SPIL_EXTRACTIE_SECONDEN = 0.3
    result = document_ingest(data=GOOD, filename="werkboek.md")
    assert result.status == "error"
    assert "het lezen duurde langer dan de grens van" in result.message
    assert not Document.objects.exists()


def test_long_text_is_cut_into_bounded_pieces_without_losing_words():
    text = " ".join(f"Zin nummer {n} gaat over de raad." for n in range(5_000))
    pieces = split_text(text)
    assert all(len(piece) <= MAX_PASSAGE_CHARS for piece in pieces)
    assert " ".join(pieces).split() == text.split()
    assert all(piece.endswith(".") for piece in pieces[:-1])  # cut after a sentence


@pytest.mark.django_db
def test_a_single_huge_section_becomes_bounded_units_and_passages():
    body = " ".join(f"Alinea-zin {n} over de gemeenteraad en het college." for n in range(40_000))
    html = f"<html><body><h1>Een enorm stuk</h1><p>{body}</p></body></html>".encode()
    result = document_ingest(data=html, filename="enorm.html")
    assert result.status == "added", result.message
    units = list(Unit.objects.filter(document=result.document).order_by("position"))
    assert len(units) > 1
    for unit in units:
        size = sum(len(text) for text in unit.passages.values_list("text", flat=True))
        assert size <= MAX_UNIT_CHARS
    assert max(len(t) for t in Passage.objects.values_list("text", flat=True)) <= MAX_PASSAGE_CHARS
    assert units[1].title == "Een enorm stuk (deel 2)"
    stored = " ".join(
        Passage.objects.order_by("unit__position", "position").values_list("text", flat=True)
    )
    assert stored.split() == body.split()


@pytest.mark.django_db
def test_an_aes_encrypted_pdf_with_an_empty_password_is_read():
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 10, "Vergaderen met de raad. Een goede voorbereiding helpt het college.")
    plain = bytes(pdf.output())
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password="", owner_password="eigenaar", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)

    result = document_ingest(data=buffer.getvalue(), filename="versleuteld.pdf")
    assert result.status == "added", result.message
    assert Passage.objects.filter(text__contains="voorbereiding").exists()


@pytest.mark.django_db
def test_reading_pages_of_a_huge_section_stay_small_and_are_paged(client, user):
    from django.urls import reverse

    body = " ".join(f"Alinea-zin {n} over de gemeenteraad en het college." for n in range(40_000))
    html = f"<html><body><h1>Een enorm stuk</h1><p>{body}</p></body></html>".encode()
    document = document_ingest(data=html, filename="enorm.html").document
    client.force_login(user)
    top = document.sections.order_by("position").first()
    url = reverse("kennis:section", args=[document.id, top.id])

    first = client.get(url)
    assert first.status_code == 200
    assert len(first.content) < 300_000  # the whole text is about 2 MB
    assert "Volgend deel (2 van" in first.content.decode()
    second = client.get(url + "?deel=2")
    assert second.status_code == 200
    assert second.content.decode().count("<h1") == 1
    assert "Alinea-zin 39999 " not in first.content.decode()
    for odd in ("99999999999999999999", "abc", "-1", "0"):
        assert client.get(url, {"deel": odd}).status_code == 200


@pytest.mark.django_db
def test_a_long_unit_from_before_the_bounds_is_paged_on_its_page(client, user):
    from django.urls import reverse

    result = document_ingest(data=GOOD, filename="werkboek.md")
    unit = Unit.objects.filter(document=result.document, theme_number=1).get()
    Passage.objects.bulk_create(
        Passage(unit=unit, position=10 + n, kind="paragraph", text=f"Oude lange tekst {n}. " * 300)
        for n in range(40)
    )
    client.force_login(user)
    url = reverse("kennis:unit", args=[unit.id])

    first = client.get(url).content.decode()
    assert "Tips (deel 1 van" in first
    assert "Oude lange tekst 39." not in first
    last = client.get(url, {"deel": "999"}).content.decode()
    assert "Oude lange tekst 39." in last
    assert last.count("<h1") == 1
