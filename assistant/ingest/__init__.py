"""Ingest: read knowledge files into validated, normalised ``LoadedFile``s.

    load_file(path, *, source, kind=None, mapping=None, max_bytes=..., max_setting=...)
    load_bytes(data, *, filename, source, ...)        same rules, for browser uploads
    SUPPORTED_SUFFIXES                                .md .markdown .txt .csv .tsv .xlsx ...

Formats: Markdown with front matter (``markdown``), feedback tables and text
(``feedback``), KPI tables (``kpi``), persona JSON/YAML (``personas``).  Shared pieces:
``encoding`` (UTF-8 / BOM / cp932 detection), ``normalize`` (NFKC text, 円/万円 amounts,
2026年9月 periods), ``tabular`` (CSV/TSV/XLSX rows), ``columns`` (header synonyms).
Chunking and storing are in ``chunking`` and ``pipeline``.
"""

from __future__ import annotations

from assistant.ingest.encoding import decode_bytes
from assistant.ingest.feedback import split_plain_notes
from assistant.ingest.loaders import SUPPORTED_SUFFIXES, load_bytes, load_file
from assistant.text.normalize import (
    normalize_text,
    parse_date,
    parse_int,
    parse_period,
    parse_yen,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "decode_bytes",
    "load_bytes",
    "load_file",
    "normalize_text",
    "parse_date",
    "parse_int",
    "parse_period",
    "parse_yen",
    "split_plain_notes",
]
