"""Kennisbank pages: library, document, section, theme and search. Thin: reads via selectors."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from spil.core.htmx import htmx_refresh, is_htmx
from spil.kennis import selectors
from spil.kennis.library_services import unit_visit_record, upload_create, upload_reingest
from spil.kennis.models import Unit, Upload
from spil.web.templatetags.spil_ui import query_terms

# A query of this many words, at least QUESTION_MIN_CONTENT_WORDS of them content words, or one
# ending in "?", is read as a situation, not a topic: "de wethouder houdt een advies tegen" has
# six words but only three content words.
QUESTION_MIN_WORDS = 5
QUESTION_MIN_CONTENT_WORDS = 3
# A question typed without "?" ("hoe pak ik een herindeling aan") is a situation too.
QUESTION_OPENERS = frozenset(
    {"hoe", "wat", "wanneer", "waarom", "welke", "wie", "waar", "moet", "mag", "kan", "kun"}
)
QUESTION_MIN_WORDS_WITH_OPENER = 4
TOPIC_RESULTS = 10
QUESTION_RESULTS = 5
QUESTION_TIPS = 3
TOPIC_PASSAGES = 2
MAX_QUERY_LENGTH = 500


# Passages longer than this show the search's excerpt around the matches instead of all text.
FULL_PASSAGE_CHARS = 400


@dataclass
class ResultPassage:
    text: str
    page: int | None
    html: str  # escaped, matched words in <mark>


@dataclass
class SearchResult:
    unit: Unit
    citation: selectors.Citation
    passages: list[ResultPassage]
    place: str


def _is_htmx(request) -> bool:
    """A request for a fragment. htmx restoring a page from history (back, forward) after its
    own cache missed asks for the whole page, so that it never shows a bare fragment."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def _progress(uploads, pending: bool) -> str:
    """One sentence on the uploads, announced to screen readers when it changes."""
    if not uploads:
        return ""
    busy = {Upload.Status.QUEUED, Upload.Status.RUNNING}
    done = sum(1 for upload in uploads if upload.status not in busy)
    errors = sum(1 for upload in uploads if upload.status == Upload.Status.ERROR)
    if pending:
        return f"Bezig met inlezen: {done} van {len(uploads)} bestanden klaar."
    files = "1 bestand" if done == 1 else f"{done} bestanden"
    return f"Klaar met inlezen: {files}" + (f", {errors} met een fout." if errors else ".")


def library(request):
    uploads = selectors.upload_list_for_user(user=request.user)
    pending = selectors.upload_pending_exists(user=request.user)
    vectors_ready, vectors_total = selectors.search_vector_progress(user=request.user)
    return render(
        request,
        "kennis/library.html",
        {
            "vectors_ready": vectors_ready,
            "vectors_total": vectors_total,
            "documents": selectors.document_list(user=request.user),
            "uploads": uploads,
            "pending": pending,
            "progress": _progress(uploads, pending),
            "may_share": request.user.has_perm("kennis.manage_library"),
        },
    )


@require_POST
def upload(request):
    files = request.FILES.getlist("bestanden")
    if not files:
        messages.error(request, "Kies eerst een of meer bestanden om toe te voegen.")
        return redirect("kennis:library")
    # A bibliotheekbeheerder chooses; everybody else adds to their own documents.
    shared = request.user.has_perm("kennis.manage_library") and (
        request.POST.get("plaats", "gedeeld") == "gedeeld"
    )
    uploads = upload_create(owner=request.user, files=files, shared=shared)
    count = len(uploads)
    noun = "bestand is" if count == 1 else "bestanden zijn"
    messages.info(request, f"{count} {noun} aangeboden; de voortgang staat hieronder per bestand.")
    return redirect("kennis:library")


def upload_status(request):
    """The per-file status list; htmx polls it while files are being read in."""
    pending = selectors.upload_pending_exists(user=request.user)
    uploads = selectors.upload_list_for_user(user=request.user)
    response = render(
        request,
        "kennis/_upload_status.html",
        {"uploads": uploads, "pending": pending, "progress": _progress(uploads, pending)},
    )
    if is_htmx(request) and not pending and request.GET.get("wachtend") == "1":
        # The last file just finished: reload so the document table shows it too.
        htmx_refresh(response)
    return response


@require_http_methods(["GET", "POST"])
def document_reingest(request, document_id: int):
    """Asks first (GET), then queues the kept file to be read in again (POST)."""
    document = selectors.document_get(document_id=document_id, user=request.user, action="change")
    if document is None:
        raise Http404
    if request.method == "GET":
        return render(request, "kennis/document_reingest.html", {"document": document})
    if upload_reingest(owner=request.user, document=document) is None:
        messages.error(
            request,
            f"{document.source_name}: er is geen kopie van dit bestand bewaard (het is buiten de "
            "browser toegevoegd). Voeg het bestand opnieuw toe om het opnieuw in te lezen.",
        )
    else:
        messages.info(request, f"{document.source_name} wordt opnieuw ingelezen.")
    return redirect("kennis:library")


@require_http_methods(["GET", "POST"])
def document_remove(request, document_id: int):
    document = selectors.document_get(document_id=document_id, user=request.user, action="delete")
    if document is None:
        raise Http404
    if request.method == "POST":
        from spil.kennis.services import document_delete

        title = document.title
        document_delete(document=document, actor=request.user)
        messages.success(request, f"‘{title}’ is uit de bibliotheek verwijderd.")
        return redirect("kennis:library")
    return render(request, "kennis/document_remove.html", {"document": document})


def document_detail(request, document_id: int):
    document = selectors.document_get(document_id=document_id, user=request.user)
    if document is None:
        raise Http404
    return render(
        request,
        "kennis/document_detail.html",
        {"document": document, "toc": selectors.section_tree(document=document)},
    )


def section_detail(request, document_id: int, section_id: int):
    document = selectors.document_get(document_id=document_id, user=request.user)
    section = selectors.section_get(document=document, section_id=section_id) if document else None
    if section is None:
        raise Http404
    return render(
        request,
        "kennis/section_detail.html",
        {
            "document": document,
            "section": section,
            "ancestors": selectors.section_ancestors(section=section),
            "blocks": selectors.section_reading(section=section),
        },
    )


def unit_detail(request, unit_id: int):
    unit = selectors.unit_get(unit_id=unit_id, user=request.user)
    if unit is None:
        raise Http404
    unit_visit_record(owner=request.user, unit=unit)
    previous, following = selectors.unit_neighbours(unit=unit)
    related = [
        _result(hit_unit, passages=[]) for hit_unit in _related_units(unit=unit, user=request.user)
    ]
    passages = list(unit.passages.all())
    return render(
        request,
        "kennis/unit_detail.html",
        {
            "unit": unit,
            "passages": passages,
            "runs": selectors.passage_runs(passages=passages),
            "chapter": selectors.unit_chapter(unit=unit),
            "ancestors": selectors.section_ancestors(section=unit.section),
            "citation": selectors.unit_citation(unit=unit),
            "previous": previous,
            "next": following,
            "related": related,
        },
    )


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    document_id = _int_or_none(request.GET.get("document"))
    chapter_id = _int_or_none(request.GET.get("hoofdstuk"))
    # Only the chosen document's chapters can be picked; a chapter of another document (left
    # over from an earlier choice) would otherwise filter everything away.
    chapter_groups = selectors.chapter_choices(
        user=request.user, document_ids=[document_id] if document_id else None
    )
    if chapter_id and chapter_id not in {c.id for _d, chapters in chapter_groups for c in chapters}:
        chapter_id = None
    terms = query_terms(query)
    words = query.lower().split()
    is_question = (
        query.endswith("?")
        or (len(words) >= QUESTION_MIN_WORDS and len(terms) >= QUESTION_MIN_CONTENT_WORDS)
        or (
            len(words) >= QUESTION_MIN_WORDS_WITH_OPENER
            and words[0] in QUESTION_OPENERS
            and bool(terms)
        )
    )
    results: list[SearchResult] = []
    no_theme = False
    if query:
        from spil.kennis.search import unit_search_answer

        section_ids = (
            selectors.section_descendant_ids(section_ids=[chapter_id]) if chapter_id else None
        )
        answer = unit_search_answer(
            query=query,
            top=QUESTION_RESULTS if is_question else TOPIC_RESULTS,
            document_ids=[document_id] if document_id else None,
            section_ids=section_ids,
            user=request.user,
        )
        per_hit = QUESTION_TIPS if is_question else TOPIC_PASSAGES
        results = [_result(hit.unit, passages=_best_passages(hit, per_hit)) for hit in answer.hits]
        # Below the calibrated similarity the library has no theme about this: say so, and
        # offer the nearest units as such, not as an answer.
        no_theme = bool(results) and not answer.confident
    context = {
        "query": query,
        "terms": terms,
        "is_question": is_question,
        "results": results,
        "no_theme": no_theme,
        "document_id": document_id,
        "chapter_id": chapter_id,
        "documents": selectors.document_options(user=request.user),
        "chapter_groups": chapter_groups,
    }
    fragment = _is_htmx(request)
    template = "kennis/_search_results.html" if fragment else "kennis/search.html"
    # Another document chosen: its chapters replace the chapter list (left alone otherwise, so
    # that a keyboard user changing the chapter keeps focus on it).
    chapters_oob = fragment and request.headers.get("Spil-Trigger") == "document"
    response = render(request, template, {**context, "chapters_oob": chapters_oob})
    # The fragment and the whole page share one URL: the browser's cache (back, reload) must
    # never hand out the fragment as the page.
    patch_vary_headers(response, ["HX-Request", "HX-History-Restore-Request"])
    if fragment and request.headers.get("Spil-Live") == "1":
        # Typing updates the address in place; only a deliberate search adds a history entry.
        response["HX-Replace-Url"] = request.get_full_path()
    return response


def _int_or_none(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _place(unit: Unit) -> str:
    """Where the unit sits in its document, without repeating its own title."""
    parts = [p for p in unit.heading_path.split(" > ") if p]
    if parts and parts[-1] == unit.title:
        parts = parts[:-1]
    return " › ".join(parts[-2:])


def _result(unit: Unit, *, passages: list[ResultPassage]) -> SearchResult:
    return SearchResult(
        unit=unit,
        citation=selectors.unit_citation(unit=unit),
        passages=passages,
        place=_place(unit),
    )


def _best_passages(hit, limit: int) -> list[ResultPassage]:
    from spil.kennis.search.highlight import render_html

    passages = []
    for passage in hit.passages[:limit]:
        if len(passage.text) <= FULL_PASSAGE_CHARS:
            html = render_html(passage.text, passage.spans)
        else:
            html = passage.excerpt_html
        passages.append(ResultPassage(text=passage.text, page=passage.page, html=mark_safe(html)))
    return passages


def _related_units(*, unit: Unit, user) -> list[Unit]:
    from spil.kennis.search import unit_related

    return [hit.unit for hit in unit_related(unit=unit, top=5, user=user)]
