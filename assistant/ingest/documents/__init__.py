"""Office, PDF and HTML documents read into structure: headings, paragraphs, list items and
tables, per page or slide, rendered as Markdown so every later step (chunking, citations,
field extraction) treats them like any other document.

    blocks   the shared structure (Block, Part, ParsedDocument) and its Markdown
    docx     Word: heading styles, lists, tables, in document order
    pptx     PowerPoint: one part per slide (title, text, tables, speaker notes)
    pdf      PDF: one part per page (pypdfium2); scans and passwords refused by name
    html     saved web pages: the main content, without navigation and scripts
"""

from __future__ import annotations

from assistant.ingest.documents.blocks import Block, ParsedDocument, Part
from assistant.ingest.documents.read import DOCUMENT_SUFFIXES, read_document

__all__ = ["DOCUMENT_SUFFIXES", "Block", "ParsedDocument", "Part", "read_document"]
