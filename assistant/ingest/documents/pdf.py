"""PDF documents: the text layer of each page (pypdfium2), one part per page.

A PDF made from Word or PowerPoint has a text layer; a scan does not, and Axis does not do
OCR — such a file is refused with what to do instead.  Password-protected and damaged files
are refused by name.  Lines a PDF broke for layout are kept as they are, so every quote a
citation takes is verbatim in the stored text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.errors import IngestError
from assistant.ingest.documents.blocks import Block, ParsedDocument, Part

MAX_PAGES = 2000
_MIN_CHARS_PER_PAGE = 8  # fewer on every page: a scan, not a document with a text layer
_ENDS = "。．！!？?：:」』）)"
_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$|^(?:p|page)\.?\s*\d+$", re.I
)
# Bullets, including the private-use glyphs Word's Symbol/Wingdings bullets extract as.
_ITEM = re.compile(r"^\s*(?:[•・●○■□◆◇▪▶►\-–*\uf000-\uf0ff]|\(?\d{1,2}[.)）])\s*")
_DIGITS = re.compile(r"\d+")


def _open(data: bytes, source: str):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise IngestError(
            "is not a PDF (it does not start with %PDF) — check that this is the right file",
            path=source,
        )
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise IngestError(
                "is password-protected — save a copy without a password (or export it again) "
                "and ingest that",
                path=source,
            ) from exc
        raise IngestError(
            f"cannot be read as a PDF ({exc}) — it may be damaged or cut short; export it "
            "again from the original",
            path=source,
        ) from exc


_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60"
# Word and LibreOffice set a thin gap between Japanese and Latin letters or digits, which
# text extraction turns into a space: 「8 万円」 for 「8万円」.  A space with Japanese on one
# side and a Latin letter or digit on the other is that gap, and goes.
_AUTOSPACE = re.compile(rf"(?<=[{_CJK}]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z%]) (?=[{_CJK}])")


@dataclass
class _Line:
    cells: list[tuple[float, float, str]]  # (left, right, text) of each run, left to right
    bottom: float
    height: float

    @property
    def left(self) -> float:
        return self.cells[0][0]

    @property
    def right(self) -> float:
        return self.cells[-1][1]

    @property
    def text_left(self) -> float:
        """Where the words start: after a bullet glyph set apart from them."""
        if len(self.cells) > 1 and _ITEM.fullmatch(self.cells[0][2] + " "):
            return self.cells[1][0]
        return self.left

    @property
    def text(self) -> str:
        return " ".join(t for _l, _r, t in self.cells)


def _lines(textpage) -> list[_Line]:  # type: ignore[no-untyped-def]
    """The page's text runs grouped into lines (same baseline), top to bottom."""
    runs = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = " ".join(textpage.get_text_bounded(left, bottom, right, top).split())
        if text:
            runs.append((left, bottom, right, top, text))
    runs.sort(key=lambda r: (-r[1], r[0]))
    lines: list[_Line] = []
    for left, bottom, right, top, text in runs:
        height = top - bottom
        line = lines[-1] if lines else None
        if line is not None and abs(line.bottom - bottom) <= max(line.height, height) * 0.35:
            line.cells.append((left, right, text))
            line.cells.sort()
            line.height = max(line.height, height)
        else:
            lines.append(_Line([(left, right, text)], bottom, height))
    return lines


def _cells(line: _Line) -> list[str]:
    """Runs far apart on one line are table cells; runs close together are one text."""
    cells: list[list[str]] = [[line.cells[0][2]]]
    for (_l, prev_right, _t), (left, _r, text) in zip(line.cells, line.cells[1:], strict=False):
        if left - prev_right > 2.5 * line.height:
            cells.append([text])
        else:
            cells[-1].append(text)
    return [" ".join(c) for c in cells]


def _joined(previous: str, line: str) -> str:
    """A line the layout wrapped, put back: no space between Japanese characters."""
    if previous and line and not (previous[-1].isascii() and line[0].isascii()):
        return previous + line
    return f"{previous} {line}"


def _page_blocks(lines: list[_Line], margins: set[str]) -> list[Block]:
    """Lines into headings, paragraphs, list items and tables.

    A line set in a larger type than the page's body is a heading; a line of runs far apart
    is a table row; a line that reaches the right edge of the text and does not end a
    sentence was wrapped by the layout, and the next line starting at the same indent
    continues it.  Page numbers and running headers/footers (``margins``) are left out.
    """
    lines = [
        ln
        for ln in lines
        if _DIGITS.sub("#", ln.text) not in margins and not _PAGE_NUMBER.match(ln.text)
    ]
    if not lines:
        return []
    body = sorted(ln.height for ln in lines)[len(lines) // 2]
    edge = max(ln.right for ln in lines)
    blocks: list[Block] = []
    previous: _Line | None = None
    for line in lines:
        cells = _cells(line)
        text = line.text
        continues = (
            previous is not None
            and blocks
            and blocks[-1].kind in ("paragraph", "item")
            and previous.right >= 0.9 * edge
            and previous.text[-1:] not in _ENDS
            and abs(line.height - previous.height) <= 0.2 * body
            and len(cells) == 1
            and not _ITEM.match(text)
            and line.left >= previous.text_left - 0.5 * body
        )
        if continues:
            blocks[-1].text = _joined(blocks[-1].text, text)
        elif len(cells) > 1 and not _ITEM.match(cells[0] + " "):
            if blocks and blocks[-1].kind == "table":
                blocks[-1].rows.append(cells)
            else:
                blocks.append(Block("table", rows=[cells]))
        elif line.height >= 1.3 * body and len(text) <= 80:
            blocks.append(Block("heading", text, level=2 if line.height >= 1.7 * body else 3))
        elif _ITEM.match(text) and len(_ITEM.sub("", text, count=1)) > 1:
            blocks.append(Block("item", _ITEM.sub("", text, count=1)))
        else:
            blocks.append(Block("paragraph", text))
        previous = line
    for block in blocks:
        block.text = _AUTOSPACE.sub("", block.text)
        block.rows = [[_AUTOSPACE.sub("", c) for c in row] for row in block.rows]
    return [b for b in blocks if b.kind != "table" or len(b.rows) > 1 or _as_paragraph(b)]


def _as_paragraph(block: Block) -> bool:
    """A lone 'table row' is a line with a wide gap (a label and its value): keep its text."""
    block.kind, block.text, block.rows = "paragraph", "  ".join(block.rows[0]), []
    return True


def _margins(pages: list[list[_Line]], height: float) -> set[str]:
    """Lines in the top or bottom band that repeat on most pages: running headers/footers."""
    if len(pages) < 3:
        return set()
    seen: dict[str, int] = {}
    for lines in pages:
        band = {  # page numbers differ from page to page: compare without digits
            _DIGITS.sub("#", ln.text)
            for ln in lines
            if ln.bottom < 0.08 * height or ln.bottom > 0.92 * height
        }
        for text in band:
            seen[text] = seen.get(text, 0) + 1
    return {text for text, n in seen.items() if n >= len(pages) / 2}


def read_pdf(data: bytes, *, source: str, title: str) -> ParsedDocument:
    pdf = _open(data, source)
    try:
        count = len(pdf)
        if count == 0:
            raise IngestError("has no pages — export it again from the original", path=source)
        if count > MAX_PAGES:
            raise IngestError(
                f"has {count:,} pages, over the {MAX_PAGES:,} a PDF may have — split it",
                path=source,
            )
        pages: list[list[_Line]] = []
        height = 842.0
        for index in range(count):
            page = pdf[index]
            try:
                height = page.get_size()[1]
                textpage = page.get_textpage()
                pages.append(_lines(textpage))
                textpage.close()
            finally:
                page.close()
        margins = _margins(pages, height)
        parts: list[Part] = []
        empty: list[int] = []
        for number, lines in enumerate(pages, start=1):
            if len("".join(ln.text for ln in lines).replace(" ", "")) < _MIN_CHARS_PER_PAGE:
                empty.append(number)
                continue
            blocks = _page_blocks(lines, margins)
            if blocks:
                parts.append(Part(blocks, page=number))
        meta_title = (pdf.get_metadata_dict().get("Title") or "").strip()
    finally:
        pdf.close()
    if not parts:
        raise IngestError(
            "has no text layer (it looks like a scan or an image-only PDF) — Axis does not read "
            "images; export it from the original document, or run OCR on it first (e.g. "
            "Acrobat's 'Recognize text') and ingest the result",
            path=source,
        )
    warnings = []
    if empty:
        pages = ", ".join(f"p.{n}" for n in empty[:10]) + (" …" if len(empty) > 10 else "")
        warnings.append(f"{len(empty)} page(s) have no text and were not read ({pages})")
    heading = next((b.text for b in parts[0].blocks if b.kind == "heading"), "")
    first_line = heading or (parts[0].blocks[0].text.split("\n")[0] if parts[0].blocks else "")
    return ParsedDocument(
        title=meta_title or (first_line if 0 < len(first_line) <= 60 else title),
        parts=parts,
        warnings=warnings,
    )
