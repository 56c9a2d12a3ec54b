"""Reusable UI pieces: navigation, citation, tip list, result card, file-status row."""

from __future__ import annotations

import itertools
import re

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from spil.kennis.analysis.normalise import fold
from spil.kennis.analysis.stemming import stem
from spil.kennis.analysis.stopwords import STOPWORDS
from spil.web.navigation import nav_current, nav_items

register = template.Library()

_ids = itertools.count(1)
_WORD = re.compile(r"\w+", re.UNICODE)


@register.filter
def aantal(count, words: str) -> str:
    """`{{ n|aantal:"onderdeel,onderdelen" }}` gives "1 onderdeel" or "5 onderdelen"."""
    one, _sep, many = words.partition(",")
    count = int(count or 0)
    return f"{count} {one if count == 1 else many}"


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    visible = nav_items(user=user)
    current = nav_current(path=request.path, items=visible) if request is not None else None
    items = []
    for item in visible:
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        items.append({"label": item.label, "url": url, "current": item == current})
    return {"items": items}


@register.inclusion_tag("components/citation.html")
def citation(citation, heading_level: int = 0):
    return {"citation": citation, "dom_id": f"bron-{next(_ids)}", "heading_level": heading_level}


@register.inclusion_tag("components/tip_list.html")
def tip_list(passages, terms=None, show_pages: bool = True):
    return {"passages": passages, "terms": terms or [], "show_pages": show_pages}


@register.inclusion_tag("components/result_card.html")
def result_card(result, terms=None, heading_level: int = 3):
    return {"result": result, "terms": terms or [], "heading_tag": f"h{heading_level}"}


@register.inclusion_tag("components/file_status_row.html")
def file_status_row(upload):
    # Messages name their file (they also go to the command line); the row shows the name
    # already, so it drops the repeat.
    message = upload.message or ""
    prefix = f"{upload.filename}: "
    if message.startswith(prefix):
        message = message[len(prefix) :]
        message = message[:1].upper() + message[1:]
    return {"upload": upload, "message": message}


def _key(word: str) -> str:
    return stem(fold(word.lower()))


def query_terms(query: str) -> frozenset[str]:
    """Stems of the query's content words: what a result marks as matching."""
    words = (fold(w.lower()) for w in _WORD.findall(query or ""))
    return frozenset(stem(w) for w in words if len(w) >= 3 and w not in STOPWORDS)


@register.filter
def highlight(text: str, terms) -> str:
    """Escape text and wrap the words that share a stem with a query term in <mark>."""
    if not terms:
        return escape(text)
    out: list[str] = []
    last = 0
    for match in _WORD.finditer(text):
        if _key(match.group(0)) not in terms:
            continue
        out.append(escape(text[last : match.start()]))
        out.append(f'<mark class="utrecht-mark">{escape(match.group(0))}</mark>')
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # every piece above is escaped
