"""A `spil ingest` killed (SIGKILL) inside the transaction that replaces a document leaves the
old version whole and findable; the next run stores the new version completely. For real: a
child process on its own SQLite database, killed after the old rows were deleted and the new
passages written, before the commit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

OLD = """# Handboek voor de griffie

## Deel 1 De raad

(1) Vergaderingen voorbereiden
• Stuur de stukken een week vooraf rond met een kraanwaterkaart.
• Vraag de voorzitter om een korte agenda.

(2) Na de vergadering
• Zet de besluitenlijst binnen twee dagen online.
"""

NEW = OLD.replace("kraanwaterkaart", "regenwaterplan").replace(
    "(2) Na de vergadering", "(2) Na afloop van de vergadering"
)

# Run in a child process: ingest `path`; with "kill", die by SIGKILL right after the new
# passages are written, inside the replacement's transaction.
INGEST = """
import os, signal, sys
import django
django.setup()
from pathlib import Path
from spil.kennis import services
if sys.argv[2] == "kill":
    insert = services._passages_insert
    def insert_then_die(rows):
        insert(rows)
        os.kill(os.getpid(), signal.SIGKILL)
    services._passages_insert = insert_then_die
print(services.document_ingest_path(path=Path(sys.argv[1])).message)
"""

# Run in a child process: what the library holds, as JSON.
STATE = """
import json
import django
django.setup()
from spil.kennis.models import Document, Passage, Section, Unit
from spil.kennis.search import unit_search
document = Document.objects.get()
print(json.dumps({
    "checksum": document.checksum,
    "ready": document.ready,
    "units": sorted(Unit.objects.values_list("id", "title")),
    "sections": Section.objects.count(),
    "passages": sorted(Passage.objects.values_list("unit_id", "text")),
    "old_found": [hit.unit.id for hit in unit_search(query="kraanwaterkaart")],
    "new_found": [hit.unit.id for hit in unit_search(query="regenwaterplan")],
}))
"""


def _run(env, code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True
    )


def _state(env) -> dict:
    done = _run(env, STATE)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_replacement_killed_before_its_commit_leaves_the_old_version_whole(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SPIL_", "DATABASE_URL"))}
    env.update(
        PYTHONPATH=str(SRC),
        DJANGO_SETTINGS_MODULE="spil.conf.local",
        SPIL_DATA_DIR=str(tmp_path / "data"),
        SPIL_TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        SPIL_SEARCH_VECTORS="false",
    )
    subprocess.run(
        [sys.executable, "-m", "spil.cli", "init", "--wachtwoord", "x" * 16],
        env=env,
        check=True,
        capture_output=True,
    )
    document = tmp_path / "handboek.md"
    document.write_text(OLD)
    assert _run(env, INGEST, str(document), "keep").returncode == 0
    before = _state(env)
    assert before["old_found"] and not before["new_found"]

    document.write_text(NEW)
    killed = _run(env, INGEST, str(document), "kill")

    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert _state(env) == before

    finished = _run(env, INGEST, str(document), "keep")

    assert "vervangen door de nieuwe versie" in finished.stdout, finished.stderr
    after = _state(env)
    assert after["checksum"] != before["checksum"] and after["ready"]
    assert not after["old_found"]
    assert after["new_found"] == before["old_found"]  # the theme kept its address
    assert "Na afloop van de vergadering" in {title for _id, title in after["units"]}
    assert len(after["passages"]) == len(before["passages"])
    assert after["sections"] == before["sections"]
