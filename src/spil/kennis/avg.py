"""The kennisbank part of the AVG export and account removal: uploads (with the original
files), reading history, private documents, reactions to search results ("Was dit nuttig?")
and searches that found nothing."""

from __future__ import annotations

from collections.abc import Iterator

from spil.core.avg import rows
from spil.core.registry import AvgProvider
from spil.kennis.models import Document, SearchFeedback, SearchMiss, UnitVisit, Upload


def export(*, user) -> dict:
    return {
        "kennis.document": rows(Document.objects.filter(owner=user)),
        "kennis.upload": rows(Upload.objects.filter(owner=user), exclude=("data",)),
        "kennis.unitvisit": rows(UnitVisit.objects.filter(owner=user)),
        "kennis.searchfeedback": rows(SearchFeedback.objects.filter(owner=user)),
        "kennis.searchmiss": rows(SearchMiss.objects.filter(owner=user)),
    }


def files(*, user) -> Iterator[tuple[str, bytes]]:
    for upload in Upload.objects.filter(owner=user).exclude(data=b"").order_by("pk").iterator():
        yield upload.filename, bytes(upload.data)


def delete(*, user) -> None:
    from spil.kennis.search.indexing import document_unindex

    for document in Document.objects.filter(owner=user):
        document_unindex(document=document)
        document.delete()
    Upload.objects.filter(owner=user).delete()
    UnitVisit.objects.filter(owner=user).delete()
    SearchFeedback.objects.filter(owner=user).delete()
    SearchMiss.objects.filter(owner=user).delete()


PROVIDER = AvgProvider(
    label="Kennisbank: eigen documenten, aangeboden bestanden, leesgeschiedenis en zoekreacties",
    models=(
        "kennis.document",
        "kennis.upload",
        "kennis.unitvisit",
        "kennis.searchfeedback",
        "kennis.searchmiss",
    ),
    export=export,
    delete=delete,
    files=files,
)
