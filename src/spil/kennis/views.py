"""Kennisbank pages: library, document, section, theme and search. Thin: reads via selectors."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from spil.core.forms import IdField, QueryForm
from spil.core.htmx import htmx_refresh, is_htmx
from spil.kennis import selectors
from spil.kennis.curation_selectors import (
    may_manage_search,
    search_feedback_for,
    unit_keyword_list,
)
from spil.kennis.curation_services import search_miss_record
from spil.kennis.library_services import unit_visit_record, upload_create, upload_reingest
from spil.kennis.models import Document, Unit, Upload
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
# "Meer resultaten" adds a page of results at a time, up to this many pages.
MAX_PAGES = 10


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
    rank: int = 0  # place in the whole result list, from 1
    useful: bool | None = None  # the user's own earlier answer to "Was dit nuttig?"


@dataclass
class ResultGroup:
    """The results of one document, when a topic search finds several documents."""

    document: Document
    results: list[SearchResult]
    only_here_url: str


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
            "worker_stopped": selectors.background_work_stopped(),
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
        {
            "uploads": uploads,
            "pending": pending,
            "progress": _progress(uploads, pending),
            "worker_stopped": selectors.background_work_stopped(),
        },
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
    blocks = selectors.section_reading(section=section)
    sizes = [
        sum(len(p.text) for p in block.passages) + len(block.section.title) for block in blocks
    ]
    paging = _paging(request, selectors.reading_pages(sizes))
    return render(
        request,
        "kennis/section_detail.html",
        {
            "document": document,
            "section": section,
            "ancestors": selectors.section_ancestors(section=section),
            "blocks": blocks[paging.start : paging.end],
            "paging": paging,
        },
    )


@dataclass
class Paging:
    """Which part of a long reading page is shown (`?deel=N`, 1-based)."""

    number: int
    count: int
    start: int
    end: int

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.count else None


def _paging(request, pages: list[tuple[int, int]]) -> Paging:
    """The requested part; a missing, malformed or out-of-range `deel` shows the nearest one."""
    number = min(ReadingParams(request.GET).value("deel", 1), len(pages))
    start, end = pages[number - 1]
    return Paging(number=number, count=len(pages), start=start, end=end)


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
    paging = _paging(request, selectors.reading_pages([len(p.text) for p in passages]))
    passages = passages[paging.start : paging.end]
    return render(
        request,
        "kennis/unit_detail.html",
        {
            "unit": unit,
            "passages": passages,
            "paging": paging,
            "runs": selectors.passage_runs(passages=passages),
            "chapter": selectors.unit_chapter(unit=unit),
            "ancestors": selectors.section_ancestors(section=unit.section),
            "citation": selectors.unit_citation(unit=unit),
            "previous": previous,
            "next": following,
            "related": related,
            **_curation_context(unit=unit, user=request.user),
        },
    )


def _curation_context(*, unit: Unit, user) -> dict:
    """For a beheerder of the search: the unit's keywords and where to change them."""
    if unit.document.owner_id is not None or not may_manage_search(user=user):
        return {}
    return {"may_manage_search": True, "keywords": unit_keyword_list(unit=unit)}


def search(request):
    params = SearchParams(request.GET)
    query = " ".join(params.value("q", "").split())[:MAX_QUERY_LENGTH]
    document_id = params.value("document")
    chapter_id = params.value("hoofdstuk")
    if params.problems() and not _is_htmx(request):
        messages.warning(
            request, "Niet alles in het adres was bruikbaar. " + " ".join(params.problems())
        )
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
    page = min(params.value("pagina", 1), MAX_PAGES)
    literal = bool(params.value("letterlijk", False))
    per_page = QUESTION_RESULTS if is_question else TOPIC_RESULTS
    live = request.headers.get("Spil-Live") == "1"
    results: list[SearchResult] = []
    correction = None
    has_more = False
    no_theme = False
    if query:
        from spil.kennis.search import unit_search_answer

        section_ids = (
            selectors.section_descendant_ids(section_ids=[chapter_id]) if chapter_id else None
        )
        answer = unit_search_answer(
            query=query,
            top=page * per_page + 1,  # one more than shown: are there more?
            document_ids=[document_id] if document_id else None,
            section_ids=section_ids,
            user=request.user,
            correct_spelling=not literal,
        )
        hits = answer.hits
        correction = hits.correction
        # Below the calibrated similarity the library has no theme about this: say so, and
        # offer the nearest units as such, not as an answer (and no "more" of them).
        no_theme = bool(hits) and not answer.confident
        has_more = not no_theme and len(hits) > page * per_page and page < MAX_PAGES
        per_hit = QUESTION_TIPS if is_question else TOPIC_PASSAGES
        shown = hits[:per_page] if no_theme else hits[: page * per_page]
        results = [
            _result(hit.unit, passages=_best_passages(hit, per_hit), rank=rank)
            for rank, hit in enumerate(shown, start=1)
        ]
        answers = search_feedback_for(
            user=request.user, query=query, unit_ids=[r.unit.id for r in results]
        )
        for result in results:
            result.useful = answers.get(result.unit.id)
        # What the library could not answer is what its beheerders want to see.
        if (not results or no_theme) and not live and page == 1 and not (document_id or chapter_id):
            search_miss_record(user=request.user, query=query)
    address = _search_params(query, document_id, chapter_id, literal)
    context = {
        "query": query,
        "searched": correction.query if correction else query,
        "correction": correction,
        "literal_url": _search_url({**address, "letterlijk": "1"}),
        "terms": query_terms(correction.query) if correction else terms,
        "is_question": is_question,
        "results": results,
        "groups": _groups(results, address) if not is_question and not document_id else [],
        "has_more": has_more,
        "more_url": _search_url({**address, "pagina": str(page + 1)}),
        "next_rank": page * per_page + 1,
        "page": page,
        "no_theme": no_theme,
        "document_id": document_id,
        "chapter_id": chapter_id,
        "documents": selectors.document_options(user=request.user),
        "chapter_groups": chapter_groups,
        "may_manage_search": may_manage_search(user=request.user),
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
    if fragment and live:
        # Typing updates the address in place; only a deliberate search adds a history entry.
        response["HX-Replace-Url"] = request.get_full_path()
    return response


class ReadingParams(QueryForm):
    """A long reading page's address: which part to show."""

    deel = IdField(label="Deel")


class SearchParams(QueryForm):
    """The search page's address: the question, the optional document and chapter, the page
    of results and whether to search the words exactly as typed."""

    q = forms.CharField(label="Zoekvraag", required=False)
    document = IdField(label="Document")
    hoofdstuk = IdField(label="Hoofdstuk")
    pagina = IdField(label="Pagina")
    letterlijk = forms.BooleanField(label="Letterlijk zoeken", required=False)


def _search_params(
    query: str, document_id: int | None, chapter_id: int | None, literal: bool
) -> dict[str, str]:
    params = {"q": query}
    if document_id:
        params["document"] = str(document_id)
    if chapter_id:
        params["hoofdstuk"] = str(chapter_id)
    if literal:
        params["letterlijk"] = "1"
    return params


def _search_url(params: dict[str, str]) -> str:
    return f"{reverse('kennis:search')}?{urlencode(params)}"


def _groups(results: list[SearchResult], params: dict[str, str]) -> list[ResultGroup]:
    """Results per document in order of each document's best result; [] for one document."""
    by_document: dict[int, ResultGroup] = {}
    for result in results:
        document = result.unit.document
        if document.id not in by_document:
            url = _search_url({**params, "document": str(document.id)})
            by_document[document.id] = ResultGroup(document, [], url)
        by_document[document.id].results.append(result)
    return list(by_document.values()) if len(by_document) > 1 else []


def _place(unit: Unit) -> str:
    """Where the unit sits in its document, without repeating its own title."""
    parts = [p for p in unit.heading_path.split(" > ") if p]
    if parts and parts[-1] == unit.title:
        parts = parts[:-1]
    return " › ".join(parts[-2:])


def _result(unit: Unit, *, passages: list[ResultPassage], rank: int = 0) -> SearchResult:
    return SearchResult(
        unit=unit,
        citation=selectors.unit_citation(unit=unit),
        passages=passages,
        place=_place(unit),
        rank=rank,
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
