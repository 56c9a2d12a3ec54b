import re
from pathlib import Path

import pytest

from spil.reflectie import vragen
from spil.reflectie.vragen import (
    ASPECTEN,
    KWALITEITEN,
    POLARITEITEN,
    TOONSOORTEN,
    VRAGEN,
    WEEKVRAGEN,
    vragen_per_aspect,
)

RUN = 8


def words(text: str) -> list[str]:
    return re.findall(r"[0-9a-zà-ÿ]+", text.lower())


def runs(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def spil_texts() -> list[str]:
    texts = [v.tekst for v in (*VRAGEN, *WEEKVRAGEN)]
    texts += [a.betekenis for a in ASPECTEN]
    texts += [f"{k.label} {k.te_weinig} {k.te_veel}" for k in KWALITEITEN]
    texts += [t.omschrijving for t in TOONSOORTEN]
    return texts


def test_at_least_three_questions_per_aspect_and_every_quality_and_polarity():
    counts = vragen_per_aspect()
    assert len(counts) == 12
    assert all(n >= 3 for n in counts.values()), counts
    assert sum(counts.values()) >= 36
    assert {v.kwaliteit for v in VRAGEN if v.kwaliteit} == {k.key for k in KWALITEITEN}
    assert {v.polariteit for v in VRAGEN if v.polariteit} == {p.key for p in POLARITEITEN}
    assert len(KWALITEITEN) == 7 and len(POLARITEITEN) == 7 and len(TOONSOORTEN) == 5


def test_every_question_is_tagged_and_unique():
    ids = [v.id for v in VRAGEN]
    assert len(ids) == len(set(ids))
    for v in VRAGEN:
        assert v.aspect or v.kwaliteit or v.polariteit
        if v.aspect:
            assert v.dimensie == vragen.ASPECT_BY_KEY[v.aspect].dimensie
        assert v.tekst.endswith("?")


def test_the_overlap_check_finds_a_copied_run():
    source = "een twee drie vier vijf zes zeven acht negen tien"
    assert runs("iets anders: twee drie vier vijf zes zeven acht negen") & runs(source)
    assert not runs("twee drie vier vijf zes zeven acht") & runs(source)


@pytest.mark.seeds
def test_no_text_shares_eight_consecutive_words_with_a_source_document(seeds_dir: Path):
    seed_runs: dict[str, set] = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        seed_runs[path.name] = runs(path.read_text(encoding="utf-8", errors="replace"))
    problems = []
    for text in spil_texts():
        own = runs(text)
        for name, theirs in seed_runs.items():
            if shared := own & theirs:
                problems.append((text, name, " ".join(sorted(shared)[0])))
    assert not problems, problems
