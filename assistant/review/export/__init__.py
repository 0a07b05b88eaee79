"""A reviewed draft as a document someone outside Axis can read: Markdown or Word (DOCX).

files      the approval gate, output paths, atomic writes (``export``, ``to_markdown``)
content    the wording both formats share (labels, metadata, banner, history)
markdown   the Markdown layout
docx       the Word layout (python-docx), with ``blocks`` splitting section bodies
"""

from __future__ import annotations

from assistant.review.export.files import FORMATS, export, output_path, to_docx, to_markdown

__all__ = ["FORMATS", "export", "output_path", "to_docx", "to_markdown"]
