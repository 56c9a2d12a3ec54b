import json
from pathlib import Path

import pytest

from spil.cli import main
from tests.kennis.search.factories import build_essay, build_handbook

pytestmark = pytest.mark.django_db

KEYS = {"source", "document", "theme", "section", "title", "page", "score", "snippet"}


@pytest.fixture
def library():
    return build_handbook(), build_essay()


def test_zoek_json_has_exactly_the_agreed_keys(library, capsys):
    assert main(["zoek", "wethouder houdt advies tegen", "--json", "--top", "2"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert 1 <= len(results) <= 2
    assert all(set(result) == KEYS for result in results)
    first = results[0]
    assert first["source"] == "handboek.txt"
    assert first["document"] == "Handboek voor de praktijk"
    assert first["theme"] == 2
    assert first["section"] == "Deel 1 Bestuur > Een wethouder die advies tegenhoudt"
    assert first["page"] == 12
    assert "**advies**" in first["snippet"]


def test_zoek_json_section_without_theme_or_page(library, capsys):
    main(["zoek", "partners buiten het stadhuis", "--json", "--top", "1"])
    (result,) = json.loads(capsys.readouterr().out)
    assert result["theme"] is None and result["page"] is None
    assert result["title"] == "Tijdverdeling"


def test_zoek_human_output_is_dutch(library, capsys):
    assert main(["zoek", "fusie"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. thema 5: Herindeling van twee gemeenten")
    # Piped (as here): the match is plain text, without Markdown-like marks.
    assert "p. 15" in out and "Een fusie vraagt" in out and "**" not in out


def test_zoek_without_results(library, capsys):
    assert main(["zoek", "zeilboot"]) == 0
    assert "Geen resultaten voor: zeilboot" in capsys.readouterr().out


def test_zoek_batch_one_json_line_per_question(library, tmp_path: Path, capsys):
    questions = tmp_path / "vragen.txt"
    questions.write_text('fusie\n\nzeilboot\n{"q": "sociale media"}\n', "utf-8")
    assert main(["zoek", "--batch", str(questions), "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4
    parsed = [json.loads(line) for line in lines]
    assert parsed[0][0]["title"] == "Herindeling van twee gemeenten"
    assert parsed[1] == [] and parsed[2] == []
    assert parsed[3][0]["title"] == "Sociale media"


def test_zoek_requires_a_question(library, capsys):
    assert main(["zoek"]) == 2
    assert "Geef een vraag" in capsys.readouterr().err


def test_zoek_batch_missing_file(library, tmp_path, capsys):
    assert main(["zoek", "--batch", str(tmp_path / "nee.txt"), "--json"]) == 2
    assert "nee.txt: kan het bestand niet lezen" in capsys.readouterr().err


def test_eval_prints_table_with_baseline(library, tmp_path: Path, capsys):
    # Relevance keys point at the handbook by file stem, so use d:STEM keys here.
    questions = tmp_path / "vragen.jsonl"
    questions.write_text(
        '{"q": "samenvoeging van gemeenten", "rel": {"d:handboek#herindeling": 2}}\n'
        '{"q": "tijd voor partners buiten", "rel": {"d:essay#tijdverdeling": 2}}\n',
        "utf-8",
    )
    assert main(["eval", str(questions), "--baseline"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "vragen.jsonl: 2 vragen, 8 eenheden"
    assert lines[1].split() == ["recall@5", "MRR@10", "nDCG@10"]
    assert lines[2].split() == ["Spil", "1,000", "1,000", "1,000"]
    assert lines[3].startswith("BM25 (bm25s)")


def test_eval_several_files_per_kind_and_all_modes(library, tmp_path: Path, capsys):
    first = tmp_path / "een.jsonl"
    first.write_text(
        '{"q": "samenvoeging van gemeenten", "rel": {"d:handboek#herindeling": 2},'
        ' "kind": "vraag"}\n'
        '{"q": "herindeling", "rel": {"d:handboek#herindeling": 2}, "kind": "trefwoord"}\n',
        "utf-8",
    )
    second = tmp_path / "twee.jsonl"
    second.write_text(
        '{"q": "tijd voor partners buiten", "rel": {"d:essay#tijdverdeling": 2}}\n', "utf-8"
    )
    assert main(["eval", str(first), str(second), "--modus", "alle"]) == 0
    out = capsys.readouterr().out
    assert "een.jsonl: 2 vragen" in out and "twee.jsonl: 1 vragen" in out
    assert "soort 'vraag' (1 vragen)" in out and "soort 'trefwoord' (1 vragen)" in out
    for label in ("Spil (woorden)", "Spil (betekenis)", "Spil (hybride)"):
        assert label in out


def test_eval_bad_file(library, tmp_path: Path, capsys):
    questions = tmp_path / "vragen.jsonl"
    questions.write_text("geen json\n", "utf-8")
    assert main(["eval", str(questions)]) == 2
    assert "regel 1" in capsys.readouterr().err


def test_eval_empty_library(tmp_path: Path, capsys):
    questions = tmp_path / "vragen.jsonl"
    questions.write_text('{"q": "x", "rel": {}}\n', "utf-8")
    assert main(["eval", str(questions)]) == 1
    assert "kennisbank is leeg" in capsys.readouterr().err


def test_herindexeer_rebuilds_the_index(library, capsys):
    from spil.kennis.models import Unit

    assert main(["herindexeer", "--zonder-vectoren"]) == 0
    out = capsys.readouterr().out
    assert "Zoekindex opnieuw opgebouwd: 8 eenheden." in out
    assert "op de achtergrond" in out
    assert not Unit.objects.filter(vectors_ready=True).exists()
    assert main(["zoek", "fusie", "--json", "--top", "1"]) == 0
    assert "Herindeling" in capsys.readouterr().out


def test_herindexeer_makes_the_vectors_too(library, capsys):
    from spil.kennis.models import Unit
    from spil.kennis.search import embedding, vectors
    from tests.kennis.search.conftest import WordHashModel

    embedding.reset_for_tests(WordHashModel())
    try:
        assert main(["herindexeer"]) == 0
        assert "Betekenisvectoren: 8 van 8 eenheden klaar." in capsys.readouterr().out
        assert Unit.objects.filter(vectors_ready=True).count() == 8
    finally:
        embedding.reset_for_tests(loaded=False)
        vectors.cache_clear()


def test_eval_details_list_rank_of_first_relevant_unit(library, tmp_path: Path, capsys):
    questions = tmp_path / "vragen.jsonl"
    questions.write_text(
        '{"q": "samenvoeging van gemeenten", "rel": {"d:handboek#herindeling": 2}}\n'
        '{"q": "zeilboot", "rel": {"d:essay": 2}}\n',
        "utf-8",
    )
    assert main(["eval", str(questions), "--baseline", "--details"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-3].split()[:3] == ["1", "(bm25", "1)"]
    assert lines[-3].endswith("->  Herindeling van twee gemeenten")
    assert lines[-2].split()[:3] == ["-", "(bm25", "-)"]
