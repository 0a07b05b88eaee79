"""Word documents (.docx): headings, paragraphs, list items and tables, in document order.

Headings are recognised by style (``Heading 1``/``見出し 1``/``Title``) or by the outline level
a custom style carries; list items by their numbering (``w:numPr``) or a list style, with
their depth.  Tables keep every cell; a cell merged across columns is written once.
"""

from __future__ import annotations

import io
import re
import zipfile

from assistant.errors import IngestError
from assistant.ingest.documents.blocks import Block, ParsedDocument, Part

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|見出し)\s*(\d)", re.IGNORECASE)
_NUMBERED_STYLE = re.compile(r"number|番号", re.IGNORECASE)
_LIST_STYLE = re.compile(r"list|箇条書き|リスト", re.IGNORECASE)


def _open(data: bytes, source: str):  # type: ignore[no-untyped-def]
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise IngestError(
            "is not a Word document (not a ZIP file, or damaged) — open it in Word and save it "
            "again as .docx",
            path=source,
        ) from exc
    if "word/document.xml" not in names:
        raise IngestError(
            "is a ZIP file but not a Word document (it has no word/document.xml) — check that "
            "this is the right file, or save it from Word as .docx",
            path=source,
        )
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise IngestError(
            f"cannot be opened as a Word document ({type(exc).__name__}) — open it in Word and "
            "save it again as .docx",
            path=source,
        ) from exc


def _style_name(paragraph) -> str:  # type: ignore[no-untyped-def]
    try:
        return paragraph.style.name or ""
    except (AttributeError, KeyError):
        return ""


def _outline_level(paragraph) -> int | None:  # type: ignore[no-untyped-def]
    ppr = paragraph._p.pPr
    level = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
    if level is None:
        return None
    value = level.get(f"{_W}val")
    return int(value) + 1 if value is not None and value.isdigit() and int(value) < 9 else None


def _list_level(paragraph) -> int | None:  # type: ignore[no-untyped-def]
    ppr = paragraph._p.pPr
    numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
    if numpr is not None:
        ilvl = numpr.find(f"{_W}ilvl")
        value = ilvl.get(f"{_W}val") if ilvl is not None else "0"
        return int(value) if value and value.isdigit() else 0
    return 0 if _LIST_STYLE.search(_style_name(paragraph)) else None


def _paragraph(paragraph) -> Block | None:  # type: ignore[no-untyped-def]
    text = paragraph.text.strip()
    if not text:
        return None
    style = _style_name(paragraph)
    if style.lower() == "title" or style == "表題":
        return Block("heading", text, level=1)
    if match := _HEADING_STYLE.match(style):
        return Block("heading", text, level=int(match.group(1)) + 1)
    if (outline := _outline_level(paragraph)) is not None:
        return Block("heading", text, level=outline + 1)
    if (depth := _list_level(paragraph)) is not None:
        return Block("item", text, level=depth, ordered=bool(_NUMBERED_STYLE.search(style)))
    return Block("paragraph", text)


def _table(table) -> Block | None:  # type: ignore[no-untyped-def]
    rows: list[list[str]] = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged across columns: write it once
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append(cells)
    return Block("table", rows=rows) if rows else None


def read_docx(data: bytes, *, source: str, title: str) -> ParsedDocument:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = _open(data, source)
    blocks: list[Block] = []
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            block = _paragraph(Paragraph(child, document))
        elif child.tag == f"{_W}tbl":
            block = _table(Table(child, document))
        else:
            continue
        if block is not None:
            blocks.append(block)
    core_title = (document.core_properties.title or "").strip()
    first = next((b.text for b in blocks if b.kind == "heading"), None)
    return ParsedDocument(title=first or core_title or title, parts=[Part(blocks)])
