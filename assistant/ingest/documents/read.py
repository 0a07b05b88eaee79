"""Which reader a document's suffix takes, with the decoding HTML needs."""

from __future__ import annotations

from pathlib import PurePath

from assistant.ingest.documents.blocks import ParsedDocument
from assistant.ingest.documents.docx import read_docx
from assistant.ingest.documents.html import read_html
from assistant.ingest.documents.pdf import read_pdf
from assistant.ingest.documents.pptx import read_pptx
from assistant.ingest.encoding import decode_bytes

DOCUMENT_SUFFIXES = frozenset({".docx", ".pptx", ".pdf", ".html", ".htm"})


def read_document(data: bytes, *, suffix: str, source: str) -> ParsedDocument:
    title = PurePath(source).stem
    if suffix == ".docx":
        return read_docx(data, source=source, title=title)
    if suffix == ".pptx":
        return read_pptx(data, source=source, title=title)
    if suffix == ".pdf":
        return read_pdf(data, source=source, title=title)
    text, _encoding = decode_bytes(data, source=source)
    return read_html(text, source=source, title=title)
