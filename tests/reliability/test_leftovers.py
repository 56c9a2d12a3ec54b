"""Issue 14 points 9 and 10: concurrent ingestion of the same file keeps one copy; deleting a
document removes its uploaded bytes; flash messages stay out of cookies; the status list shows
the whole latest batch; a half-written document is removed when Spil starts."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from spil.kennis import services
from spil.kennis.library_services import upload_create
from spil.kennis.models import Document, Passage, Unit, Upload
from spil.kennis.selectors import document_list, upload_list_for_user
from spil.kennis.services import (
    document_delete,
    document_ingest,
    document_ingest_batch,
    document_recover_unready,
)
from spil.kennis.tasks import upload_ingest

pytestmark = pytest.mark.django_db

TEXT = b"# Werkboek\n\n## Deel 1\n\n(1) Een thema\n\xe2\x80\xa2 Een tip die telt.\n"


def test_a_second_ingest_of_the_same_new_file_gets_a_friendly_message_and_the_batch_goes_on(
    tmp_path, monkeypatch
):
    first = tmp_path / "werkboek.md"
    first.write_bytes(TEXT)
    other = tmp_path / "notitie.md"
    other.write_bytes(TEXT.replace(b"Werkboek", b"Notitie") + b"\nAnders.\n")
    real_extract = services._extract

    def extract_while_another_run_stores_it(*, data, filename):
        parsed = real_extract(data=data, filename=filename)
        if filename == "werkboek.md" and not Document.objects.filter(source_name=filename):
            # The other `spil ingest` finishes the same file first.
            monkeypatch.setattr(services, "_extract", real_extract)
            assert document_ingest(data=data, filename=filename).status == "added"
        return parsed

    monkeypatch.setattr(services, "_extract", extract_while_another_run_stores_it)
    results = document_ingest_batch(paths=[first, other])

    assert [r.status for r in results] == ["unchanged", "added"], [r.message for r in results]
    assert "tegelijk" in results[0].message
    assert Document.objects.filter(source_name="werkboek.md").count() == 1


def test_deleting_a_document_removes_its_uploaded_bytes(user):
    upload = Upload.objects.create(owner=user, filename="werkboek.md", data=TEXT, size_bytes=10)
    upload_ingest(upload_id=upload.pk)
    upload.refresh_from_db()
    assert bytes(upload.data) == TEXT

    document_delete(document=upload.document, actor=user)

    upload.refresh_from_db()
    assert bytes(upload.data) == b""
    assert not Document.objects.exists()


def test_flash_messages_travel_in_the_session_not_in_a_cookie(client, user, settings):
    assert settings.MESSAGE_STORAGE.endswith("SessionStorage")
    client.force_login(user)
    response = client.post(reverse("kennis:upload"), {})
    assert "messages" not in response.cookies


def test_the_status_list_shows_the_whole_latest_batch(user):
    files = [
        SimpleUploadedFile(f"bestand-{n:02}.md", TEXT + f"\nNummer {n}.\n".encode())
        for n in range(45)
    ]
    upload_create(owner=user, files=files)

    listed = upload_list_for_user(user=user)

    assert len(listed) == 45
    assert {u.filename for u in listed} == {f"bestand-{n:02}.md" for n in range(45)}


def _dead_writer() -> str:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return f"{socket.gethostname()}:{gone.stdout.strip()}"


def test_a_document_left_half_written_is_hidden_and_removed_at_start_up():
    result = document_ingest(data=TEXT, filename="werkboek.md")
    # As after kill -9 half-way: not ready, its writer gone.
    Document.objects.filter(pk=result.document.pk).update(ready=False, writer=_dead_writer())

    assert not document_list(user=None).exists()
    assert document_recover_unready() == 1
    assert not Document.objects.exists()
    assert not Unit.objects.exists() and not Passage.objects.exists()
    assert document_ingest(data=TEXT, filename="werkboek.md").status == "added"


def test_a_document_being_written_by_a_live_process_is_left_alone():
    result = document_ingest(data=TEXT, filename="werkboek.md")
    Document.objects.filter(pk=result.document.pk).update(ready=False)  # this process writes

    assert document_recover_unready() == 0
    again = document_ingest(data=TEXT, filename="werkboek.md")
    assert again.status == "unchanged"
    assert "wordt op dit moment al door een andere verwerking ingelezen" in again.message
    other = document_ingest(data=TEXT + b"\nAnders.\n", filename="werkboek.md")
    assert other.status == "error"
    assert "probeer het over een paar minuten opnieuw" in other.message
    assert Document.objects.count() == 1


def test_the_next_ingestion_replaces_what_a_dead_process_left_half_written():
    result = document_ingest(data=TEXT, filename="werkboek.md")
    Document.objects.filter(pk=result.document.pk).update(ready=False, writer=_dead_writer())

    again = document_ingest(data=TEXT, filename="werkboek.md")

    assert again.status == "added", again.message
    assert Document.objects.get().ready


def test_a_failure_while_indexing_a_new_document_leaves_nothing(monkeypatch):
    def broken_index(*, document):
        raise RuntimeError("kapot")

    monkeypatch.setattr(services, "document_index", broken_index)
    with pytest.raises(RuntimeError):
        document_ingest(data=TEXT, filename="werkboek.md")
    assert not Document.objects.exists()
    assert not Passage.objects.exists()


def test_two_command_line_runs_with_the_same_new_file_store_one_copy(tmp_path):
    """For real: two `spil ingest` processes at once on one SQLite database."""
    import os
    import sqlite3
    from pathlib import Path

    src = Path(__file__).resolve().parents[2] / "src"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SPIL_", "DATABASE_URL"))}
    env.update(
        PYTHONPATH=str(src),
        DJANGO_SETTINGS_MODULE="spil.conf.local",
        SPIL_DATA_DIR=str(tmp_path / "data"),
    )
    command = [sys.executable, "-m", "spil.cli"]
    subprocess.run([*command, "init", "--wachtwoord", "x" * 16], env=env, check=True)
    document = tmp_path / "werkboek.md"
    document.write_bytes(TEXT + b"".join(b"\nAlinea %d over de raad.\n" % n for n in range(3000)))
    other = tmp_path / "notitie.md"
    other.write_bytes(b"# Notitie\n\nEen korte notitie over het college.\n")

    runs = [
        subprocess.Popen(
            [*command, "ingest", str(document), str(other)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120)[0] for run in runs]

    assert [run.returncode for run in runs] == [0, 0], outputs
    with sqlite3.connect(tmp_path / "data" / "spil.sqlite3") as database:
        names = sorted(
            row[0] for row in database.execute("SELECT source_name FROM kennis_document")
        )
    assert names == ["notitie.md", "werkboek.md"]
    assert sum(output.count("werkboek.md: toegevoegd") for output in outputs) == 1
