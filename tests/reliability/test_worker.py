"""Issue 14 point 2a (and the fairness of point 2): the background worker survives a failed
job and a locked database, `spil serve` restarts it when it exits, the library page says when
background work is not running, and one user's batch does not hold up another user's file."""

from __future__ import annotations

import sys
import time

import pytest
from django.db import OperationalError
from django.urls import reverse

from spil.core.worker import (
    STALE_AFTER_SECONDS,
    WorkerSupervisor,
    heartbeat_write,
    retry_while_locked,
    run_worker,
    worker_status,
)
from spil.kennis.library_services import _fair_priority
from spil.kennis.models import Document, Upload

DB_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
GOOD = b"# Werkboek\n\n## Deel 1\n\n(1) Een thema\n\xe2\x80\xa2 Een tip die telt.\n"


def test_writing_an_outcome_is_tried_again_while_the_database_is_locked(monkeypatch):
    monkeypatch.setattr("spil.core.worker.time.sleep", lambda _s: None)
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("database is locked")
        return "opgeslagen"

    assert retry_while_locked(flaky)() == "opgeslagen"
    assert len(calls) == 3


def test_other_database_errors_are_not_retried():
    def broken():
        raise OperationalError("no such table: x")

    with pytest.raises(OperationalError):
        retry_while_locked(broken)()


@pytest.mark.django_db(transaction=True)
def test_the_worker_survives_a_failing_job_and_a_lock_and_finishes_the_queue(
    settings, user, monkeypatch
):
    settings.TASKS = DB_BACKEND
    from django_tasks_db.models import DBTaskResult

    from spil.kennis.tasks import upload_ingest_task

    broken = Upload.objects.create(owner=user, filename="kapot.md", data=b"x", size_bytes=1)
    good = Upload.objects.create(owner=user, filename="werkboek.md", data=GOOD, size_bytes=10)
    upload_ingest_task.enqueue(upload_id=broken.pk)
    upload_ingest_task.enqueue(upload_id=good.pk)

    from spil.kennis import services

    real_ingest = services.document_ingest

    def ingest(**kwargs):
        if kwargs["filename"] == "kapot.md":
            raise RuntimeError("een fout in een lezer")
        return real_ingest(**kwargs)

    monkeypatch.setattr(services, "document_ingest", ingest)
    # The first attempt to record a task's outcome meets a locked database.
    real_set = DBTaskResult.set_successful
    locked = []

    def set_successful(self, value):
        if not locked:
            locked.append(1)
            raise OperationalError("database is locked")
        return real_set(self, value)

    monkeypatch.setattr(DBTaskResult, "set_successful", set_successful)
    monkeypatch.setattr("spil.core.worker.time.sleep", lambda _s: None)

    assert run_worker(batch=True, interval=0) == 0

    broken.refresh_from_db()
    good.refresh_from_db()
    assert broken.status == Upload.Status.ERROR
    assert "onverwachte fout" in broken.message
    assert good.status == Upload.Status.ADDED
    assert Document.objects.filter(source_name="werkboek.md").exists()
    assert locked  # the lock happened and was survived


def test_the_supervisor_starts_a_worker_again_when_it_exits():
    restarted = []
    supervisor = WorkerSupervisor(
        command=[sys.executable, "-c", "import sys; sys.exit(3)"],
        on_restart=lambda: restarted.append(1),
        poll_seconds=0.05,
    ).start()
    try:
        deadline = time.monotonic() + 10
        while supervisor.restarts < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        supervisor.stop(timeout=5)
    assert supervisor.restarts >= 1
    assert restarted


def test_worker_status_reads_the_heartbeat(settings, tmp_path):
    settings.TASKS = DB_BACKEND
    settings.DATA_DIR = tmp_path
    assert worker_status().stopped  # never seen
    heartbeat_write()
    assert worker_status().running
    heartbeat_write(now=time.time() - STALE_AFTER_SECONDS - 5)
    assert worker_status().stopped


def test_no_worker_needed_with_the_immediate_backend(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    assert not worker_status().stopped


@pytest.mark.django_db
def test_library_page_says_when_background_work_is_not_running(client, user, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    client.force_login(user)
    url = reverse("kennis:library")
    assert "achtergrondverwerking draait niet" not in client.get(url).content.decode()
    settings.TASKS = DB_BACKEND
    assert "De achtergrondverwerking draait niet" in client.get(url).content.decode()
    heartbeat_write()
    assert "achtergrondverwerking draait niet" not in client.get(url).content.decode()
    status = client.get(reverse("kennis:upload_status"))
    assert "achtergrondverwerking draait niet" not in status.content.decode()


@pytest.mark.django_db
def test_queue_priority_alternates_between_users(user, other_user):
    mine = [
        Upload.objects.create(owner=user, filename=f"{n}.md", data=GOOD, size_bytes=10)
        for n in range(3)
    ]
    theirs = Upload.objects.create(owner=other_user, filename="a.md", data=GOOD, size_bytes=10)
    assert [_fair_priority(upload) for upload in mine] == [0, -1, -2]
    # Another user's first file goes ahead of my second and third.
    assert _fair_priority(theirs) == 0
