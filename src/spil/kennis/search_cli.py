"""`spil zoek` and `spil eval`: thin commands over kennis.search and kennis.evaluation."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path

from spil.core.cli_support import terminal_marks


def register(subparsers) -> None:
    zoek = subparsers.add_parser(
        "zoek",
        help="zoeken in de kennisbank",
        description="Zoek in de kennisbank. Geef een vraag, of --batch met één vraag per regel.",
    )
    zoek.add_argument("vraag", nargs="?", metavar="VRAAG", help="de vraag, tussen aanhalingstekens")
    zoek.add_argument("--top", type=int, default=10, metavar="N", help="aantal resultaten (10)")
    zoek.add_argument("--json", action="store_true", help="resultaten als JSON")
    zoek.add_argument(
        "--batch",
        metavar="BESTAND",
        help="bestand met één vraag per regel ('-' = standaardinvoer); per regel één JSON-lijst",
    )
    zoek.set_defaults(handler=handle_zoek)

    rebuild = subparsers.add_parser(
        "herindexeer",
        help="de zoekindex opnieuw opbouwen",
        description="Bouw de zoekindex opnieuw op uit de opgeslagen documenten "
        "(nodig na een update van Spil die de tekstanalyse verandert).",
    )
    rebuild.add_argument(
        "--zonder-vectoren",
        action="store_true",
        help="de betekenisvectoren niet nu maken maar door de achtergrondtaak laten maken",
    )
    rebuild.set_defaults(handler=handle_herindexeer)

    evaluate = subparsers.add_parser(
        "eval",
        help="zoekkwaliteit meten op een vragenbestand",
        description="Meet recall@5, MRR@10 en nDCG@10 op een JSONL-bestand met vragen.",
    )
    evaluate.add_argument(
        "questions",
        metavar="VRAGEN.jsonl",
        nargs="+",
        help="een of meer vragenbestanden, één JSON-object per regel",
    )
    evaluate.add_argument(
        "--modus",
        choices=["lexicaal", "dense", "hybride", "alle"],
        default="hybride",
        help="hoe Spil zoekt: op woorden, op betekenis, beide (standaard), of alle drie naast"
        " elkaar",
    )
    evaluate.add_argument(
        "--baseline", action="store_true", help="ook BM25 (bm25s) ernaast ter vergelijking"
    )
    evaluate.add_argument("--details", action="store_true", help="per vraag de eerste treffer")
    evaluate.set_defaults(handler=handle_eval)


def hit_json(hit) -> dict:
    """The JSON form of a search hit: exactly these keys."""
    unit = hit.unit
    page = unit.page
    if page is None and hit.passages:
        page = hit.passages[0].page
    return {
        "source": unit.document.source_name,
        "document": unit.document.title,
        "theme": unit.theme_number,
        "section": unit.heading_path,
        "title": unit.title,
        "page": page,
        "score": round(hit.score, 4),
        "snippet": hit.snippet,
    }


def _print_human(query: str, hits, out) -> None:
    if correction := getattr(hits, "correction", None):  # "Bedoelde je …?"
        print(f"Gezocht naar: {correction.query} (in plaats van: {query})", file=out)
    if not hits:
        print(f"Geen resultaten voor: {query}", file=out)
        return
    for rank, hit in enumerate(hits, start=1):
        unit = hit.unit
        label = f"thema {unit.theme_number}: " if unit.theme_number is not None else ""
        print(f"{rank}. {label}{unit.title}", file=out)
        where = unit.document.title
        if unit.page is not None:
            where += f", p. {unit.page}"
        print(f"   {where} · {unit.heading_path}", file=out)
        for passage in hit.passages:
            page = f" (p. {passage.page})" if passage.page is not None else ""
            print(f"   - {terminal_marks(passage.excerpt, out)}{page}", file=out)
        print(file=out)


def _batch_questions(path: str) -> list[str]:
    text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    questions = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("{"):
            with contextlib.suppress(ValueError, AttributeError):
                stripped = str(json.loads(stripped).get("q", ""))
        questions.append(stripped)
    return questions


def handle_zoek(args: argparse.Namespace) -> int:
    from spil.kennis.search import unit_search

    out = sys.stdout
    if args.top < 1:
        print("--top moet 1 of meer zijn.", file=sys.stderr)
        return 2
    if args.batch:
        if args.vraag:
            print("Geef een vraag óf --batch, niet allebei.", file=sys.stderr)
            return 2
        try:
            questions = _batch_questions(args.batch)
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{args.batch}: kan het bestand niet lezen ({exc}).", file=sys.stderr)
            return 2
        for question in questions:
            hits = unit_search(query=question, top=args.top) if question else []
            if args.json:
                print(json.dumps([hit_json(h) for h in hits], ensure_ascii=False), file=out)
            else:
                print(f"== {question}", file=out)
                _print_human(question, hits, out)
        return 0
    if not args.vraag or not args.vraag.strip():
        print('Geef een vraag, bijvoorbeeld: spil zoek "nieuwe burgemeester"', file=sys.stderr)
        return 2
    hits = unit_search(query=args.vraag, top=args.top)
    if args.json:
        print(json.dumps([hit_json(h) for h in hits], ensure_ascii=False, indent=2), file=out)
    else:
        _print_human(args.vraag, hits, out)
    return 0


def handle_herindexeer(args: argparse.Namespace) -> int:
    from spil.kennis.models import Document
    from spil.kennis.search import embedding
    from spil.kennis.search.indexing import index_rebuild
    from spil.kennis.search.vectors import document_vectors_build

    count = index_rebuild()
    print(f"Zoekindex opnieuw opgebouwd: {count} eenheden.")
    if args.zonder_vectoren:
        print("De betekenisvectoren worden op de achtergrond gemaakt.")
        return 0
    if not embedding.available():
        print("Geen taalmodel beschikbaar: Spil zoekt alleen op woorden.", file=sys.stderr)
        return 0
    ready = 0
    for document in Document.objects.order_by("id"):
        ready += document_vectors_build(document_id=document.id)
        print(f"Betekenisvectoren: {ready} van {count} eenheden klaar.", end="\r", flush=True)
    print(f"Betekenisvectoren: {ready} van {count} eenheden klaar.")
    return 0


def _unit_refs_and_texts():
    from spil.kennis.evaluation import UnitRef
    from spil.kennis.models import Passage, Unit

    refs, texts = [], {}
    for unit in Unit.objects.select_related("document").order_by("id"):
        refs.append(
            UnitRef(
                id=unit.id,
                source_name=unit.document.source_name,
                theme_number=unit.theme_number,
                heading_path=unit.heading_path,
                title=unit.title,
            )
        )
        texts[unit.id] = [unit.title]
    for unit_id, text in Passage.objects.order_by("unit_id", "position").values_list(
        "unit_id", "text"
    ):
        texts[unit_id].append(text)
    return refs, {unit_id: "\n".join(parts) for unit_id, parts in texts.items()}


def _eval_file(path: str):
    from spil.kennis import evaluation

    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        return evaluation.questions_parse(lines), None
    except (OSError, UnicodeDecodeError) as exc:
        return None, f"{path}: kan het bestand niet lezen ({exc})."
    except evaluation.QuestionFileError as exc:
        return None, f"{path}: {exc}"


def handle_eval(args: argparse.Namespace) -> int:
    from spil.kennis import evaluation
    from spil.kennis.search import unit_search

    files = []
    for path in args.questions:
        questions, problem = _eval_file(path)
        if problem:
            print(problem, file=sys.stderr)
            return 2
        files.append((path, questions))
    refs, texts = _unit_refs_and_texts()
    if not refs:
        print(
            "De kennisbank is leeg: voeg eerst documenten toe met 'spil ingest'.", file=sys.stderr
        )
        return 1
    modes = ["lexicaal", "dense", "hybride"] if args.modus == "alle" else [args.modus]
    if modes != ["lexicaal"]:
        from spil.kennis.search.vectors import vectors_present

        if not vectors_present():
            print(
                "Let op: er zijn nog geen betekenisvectoren klaar (zie 'spil herindexeer');"
                " elke modus zoekt nu alleen op woorden.",
                file=sys.stderr,
            )
    labels = {"hybride": "Spil", "lexicaal": "Spil (woorden)", "dense": "Spil (betekenis)"}
    if args.modus == "alle":
        labels["hybride"] = "Spil (hybride)"
    for path, questions in files:
        qrels = evaluation.qrels_build(questions, refs)
        systems: dict[str, dict[str, list[int]]] = {}
        for mode in modes:
            systems[labels[mode]] = {
                q.id: [h.unit.id for h in unit_search(query=q.text, top=10, mode=mode)]
                for q in questions
            }
        if args.baseline:
            with contextlib.redirect_stdout(sys.stderr):  # bm25s reports progress on stdout
                systems["BM25 (bm25s)"] = evaluation.baseline_runs(texts, questions)
        print(f"{Path(path).name}: {len(questions)} vragen, {len(refs)} eenheden")
        groups = evaluation.questions_by_kind(questions)
        for kind, members in groups.items():
            rows = {}
            for label, runs in systems.items():
                rows[label], _ = evaluation.measures_compute(
                    members, {q.id: qrels[q.id] for q in members}, runs
                )
            if kind:
                print(f"  soort '{kind}' ({len(members)} vragen)")
            print(evaluation.table_format(rows))
        if args.details:
            main_runs = next(iter(systems.values()))
            baseline = systems.get("BM25 (bm25s)")
            titles = {ref.id: ref.title for ref in refs}
            print()
            for question in questions:
                rank = evaluation.first_relevant_rank(main_runs[question.id], qrels[question.id])
                line = f"{rank if rank else '-':>3} "
                if baseline is not None:
                    base = evaluation.first_relevant_rank(baseline[question.id], qrels[question.id])
                    line += f"(bm25 {base if base else '-':>2}) "
                ranked = main_runs[question.id]
                top = titles.get(ranked[0], "") if ranked else ""
                print(f"{line}{question.text}  ->  {top}")
        print()
    return 0
