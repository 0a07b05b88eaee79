"""PowerPoint decks (.pptx): one part per slide — its title, text, tables and speaker notes.

Speaker notes often carry what the presenter says and the slide does not (a customer count,
a price condition), so they are kept, marked as notes, in the slide's part.
"""

from __future__ import annotations

import io
import zipfile

from assistant.errors import IngestError
from assistant.ingest.documents.blocks import Block, ParsedDocument, Part

MAX_SLIDES = 2000


def _open(data: bytes, source: str):  # type: ignore[no-untyped-def]
    from pptx import Presentation
    from pptx.exc import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise IngestError(
            "is not a PowerPoint deck (not a ZIP file, or damaged) — save it again as .pptx",
            path=source,
        ) from exc
    if "ppt/presentation.xml" not in names:
        raise IngestError(
            "is a ZIP file but not a PowerPoint deck (it has no ppt/presentation.xml) — check "
            "that this is the right file, or save it from PowerPoint as .pptx",
            path=source,
        )
    try:
        return Presentation(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise IngestError(
            f"cannot be opened as a PowerPoint deck ({type(exc).__name__}) — save it again as "
            ".pptx",
            path=source,
        ) from exc


def _shape_blocks(shape, title_id: int | None) -> list[Block]:  # type: ignore[no-untyped-def]
    if shape.shape_id == title_id:
        return []
    if getattr(shape, "has_table", False) and shape.has_table:
        rows = [[" ".join(c.text.split()) for c in row.cells] for row in shape.table.rows]
        rows = [r for r in rows if any(r)]
        return [Block("table", rows=rows)] if rows else []
    if shape.shape_type is not None and int(shape.shape_type) == 6:  # a group: its members
        return [b for inner in shape.shapes for b in _shape_blocks(inner, title_id)]
    if not getattr(shape, "has_text_frame", False) or not shape.has_text_frame:
        return []
    blocks = []
    paragraphs = [p for p in shape.text_frame.paragraphs if p.text.strip()]
    for p in paragraphs:
        text = " ".join(p.text.split())
        if len(paragraphs) == 1 and p.level == 0:
            blocks.append(Block("paragraph", text))
        else:
            blocks.append(Block("item", text, level=p.level))
    return blocks


def read_pptx(data: bytes, *, source: str, title: str) -> ParsedDocument:
    deck = _open(data, source)
    count = len(deck.slides)
    if count > MAX_SLIDES:
        raise IngestError(
            f"has {count:,} slides, over the {MAX_SLIDES:,} a deck may have — split it",
            path=source,
        )
    parts: list[Part] = []
    for number, slide in enumerate(deck.slides, start=1):
        heading = slide.shapes.title
        slide_title = " ".join(heading.text.split()) if heading is not None else ""
        blocks = [Block("heading", slide_title or f"スライド {number}", level=2)]
        # Reading order: top to bottom, then left to right.
        shapes = sorted(slide.shapes, key=lambda s: ((s.top or 0), (s.left or 0)))
        title_id = heading.shape_id if heading is not None else None
        for shape in shapes:
            blocks.extend(_shape_blocks(shape, title_id))
        if slide.has_notes_slide:
            notes = " ".join(slide.notes_slide.notes_text_frame.text.split())
            if notes:
                blocks.append(Block("notes", f"ノート: {notes}"))
        parts.append(Part(blocks, slide=number, title=slide_title or None))
    first = next((p.title for p in parts if p.title), None)
    return ParsedDocument(title=first or title, parts=parts)
