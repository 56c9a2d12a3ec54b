from pathlib import Path

import pytest

from spil.cli import main
from spil.kennis.models import Document

pytestmark = pytest.mark.django_db


def test_ingest_reports_each_file_and_fails_when_one_is_bad(tmp_path: Path, capsys):
    good = tmp_path / "notitie.md"
    good.write_text("# Notitie\n\nDe raad vergadert op dinsdag over de begroting.\n", "utf-8")
    bad = tmp_path / "leeg.txt"
    bad.write_bytes(b"")

    code = main(["ingest", str(good), str(bad)])

    out, err = capsys.readouterr()
    assert code == 1
    assert "notitie.md: toegevoegd" in out
    assert "leeg.txt" in err
    assert "2 bestand(en) verwerkt" in out
    assert Document.objects.count() == 1

    assert main(["ingest", str(good)]) == 0
    assert "ongewijzigd" in capsys.readouterr().out
