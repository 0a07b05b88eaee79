"""Plain-text documents (.txt, and Markdown without front matter read the same way): the
structure people type without a word processor.

A line underlined with ``===``/``---`` or starting with ■□◆◇●【…】 is a heading, as are
Markdown ``#`` headings; ``・``/``-``/``*``/``1.`` lines are list items; the rest are
paragraphs.  Whether a plain-text file is sales feedback (one note a paragraph) or a document
is decided elsewhere (``looks_like_notes``).
"""

from __future__ import annotations

import re

from assistant.ingest.documents.blocks import Block, ParsedDocument, Part

_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,}|＝{3,}|ー{3,}|─{3,}|━{3,})\s*$")
_MARK_HEADING = re.compile(r"^\s*(?:[■□◆◇●◎▼▽]\s*|【(?P<bracket>[^】]{1,40})】\s*$)")
_MD_HEADING = re.compile(r"^\s*(#{1,6})\s+(.+?)\s*#*\s*$")
_ITEM = re.compile(r"^(?P<indent>\s*)(?:[・\-*+•●○◦]|(?P<num>\d{1,2}[.)）]|[①-⑳]))\s*")
_DATE_START = re.compile(
    r"^\s*(?:[-・*]\s*)?(?:\d{4}[/\-.年]\d{1,2}[/\-.月]\d{1,2}日?|\d{1,2}/\d{1,2}|\d{1,2}月\d{1,2}日)"
)


def read_plain(text: str, *, title: str) -> ParsedDocument:
    lines = text.split("\n")
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block("paragraph", "\n".join(paragraph)))
            paragraph.clear()

    for i, raw in enumerate(lines):
        line = raw.rstrip()
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not line.strip():
            flush()
            continue
        if _UNDERLINE.match(line):
            continue
        if _UNDERLINE.match(nxt) and len(line.strip()) <= 80:
            flush()
            blocks.append(Block("heading", line.strip(), level=1 if not blocks else 2))
            continue
        if match := _MD_HEADING.match(line):
            flush()
            blocks.append(Block("heading", match.group(2), level=len(match.group(1))))
            continue
        if match := _MARK_HEADING.match(line):
            flush()
            heading = match.group("bracket") or _MARK_HEADING.sub("", line, count=1)
            blocks.append(Block("heading", heading.strip(), level=3))
            continue
        if match := _ITEM.match(line):
            flush()
            depth = len(match.group("indent").expandtabs(2)) // 2
            blocks.append(
                Block("item", line[match.end() :].strip(), level=depth, ordered=bool(match["num"]))
            )
            continue
        paragraph.append(line.strip())
    flush()
    first = next((b.text for b in blocks if b.kind == "heading"), None)
    return ParsedDocument(title=first or title, parts=[Part(blocks)])


def looks_like_notes(text: str) -> bool:
    """Sales feedback typed as text, not a document: text without headings (one note a
    paragraph, as reps paste them), or text whose paragraphs mostly open with a date."""
    lines = [line for line in text.split("\n") if line.strip()]
    headed = any(
        _MARK_HEADING.match(line) or _MD_HEADING.match(line) or _UNDERLINE.match(line)
        for line in lines
    )
    if not headed:
        return True
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    dated = sum(1 for p in paragraphs if _DATE_START.match(p))
    return dated >= 3 and dated >= 0.6 * len(paragraphs)
