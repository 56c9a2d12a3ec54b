"""Markdown text as structured blocks."""

from __future__ import annotations

import re

from ..readers import Block

# ---------------------------------------------------------------------------------------
# Markdown

MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT_RULE = re.compile(r"^(?:=+|-+)$")
MD_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
MD_ITEM = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])\s+(.*)$")
MD_EMPTY_ITEM = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])\s*$")
MD_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
SUP_NOTE = re.compile(r"^<sup>\s*(\d{1,3})\s*</sup>\s*\S")
PLAIN_NOTE = re.compile(r"^(\d{1,3})\s+\S")


def clean_markdown_inline(text: str) -> str:
    text = re.sub(r"!\[([^\]]*)\]\(([^)]*)\)", r"\1", text)
    text = re.sub(
        r"\[([^\]]+)\]\(([^)\s]+)[^)]*\)",
        lambda m: m.group(1) if m.group(1) in m.group(2) else f"{m.group(1)} ({m.group(2)})",
        text,
    )
    text = re.sub(r"<((?:https?|mailto):[^>\s]+)>", r"\1", text)
    text = re.sub(r"<li[^>]*>", " ", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<![\w\\])\*(?=\S)|(?<=\S)(?<!\\)\*(?!\w)", "", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>])", r"\1", text)
    text = text.replace("`", "")
    return re.sub(r"\s+", " ", text).strip()


def markdown_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []
    footnote_zone = False
    item_open = False  # the last block is a list item that may continue on the next line

    def flush() -> None:
        nonlocal footnote_zone
        if not paragraph:
            return
        raw = " ".join(paragraph)
        paragraph.clear()
        is_note = bool(SUP_NOTE.match(raw)) or (footnote_zone and bool(PLAIN_NOTE.match(raw)))
        cleaned = clean_markdown_inline(raw)
        if not cleaned:
            return
        if is_note:
            blocks.append(Block("footnote", cleaned))
        else:
            footnote_zone = False
            blocks.append(Block("paragraph", cleaned))

    for raw_line in text.split("\n"):
        line = raw_line.strip()
        continues_item = item_open
        item_open = False
        if not line:
            flush()
            continue
        if SETEXT_RULE.match(line) and len(paragraph) == 1:
            # "Title" underlined with === or ---
            title = clean_markdown_inline(paragraph.pop())
            if title:
                blocks.append(Block("heading", title, level=1 if line[0] == "=" else 2))
            footnote_zone = False
            continue
        if MD_RULE.match(line):
            flush()
            footnote_zone = True
            continue
        heading = MD_HEADING.match(line)
        if heading:
            flush()
            footnote_zone = False
            title = clean_markdown_inline(heading.group(2))
            if title:
                blocks.append(Block("heading", title, level=len(heading.group(1))))
            continue
        if "\t" in line or (line.startswith("|") and line.endswith("|") and len(line) > 2):
            flush()
            if MD_TABLE_SEPARATOR.match(line):
                continue
            cells = re.split(r"\t|(?<!\\)\|", line.strip("|"))
            cells = [clean_markdown_inline(cell) for cell in cells]
            row = " | ".join(cell for cell in cells if cell)
            if row:
                blocks.append(Block("table_row", row))
            continue
        if MD_EMPTY_ITEM.match(line):
            # converters leave an empty bullet where a page's footnote block begins
            flush()
            footnote_zone = True
            continue
        item = MD_ITEM.match(line)
        if item:
            flush()
            body = item.group(1)
            cleaned = clean_markdown_inline(body)
            if not cleaned:
                continue
            if footnote_zone and (SUP_NOTE.match(body) or PLAIN_NOTE.match(body)):
                blocks.append(Block("footnote", cleaned))
            else:
                blocks.append(Block("tip", cleaned))
            item_open = True
            continue
        if continues_item and not paragraph and blocks:
            # a list item wrapped onto the next line
            blocks[-1].text = f"{blocks[-1].text} {clean_markdown_inline(line)}".strip()
            item_open = True
            continue
        if SUP_NOTE.match(line):
            flush()
        paragraph.append(line)
    flush()
    return blocks
