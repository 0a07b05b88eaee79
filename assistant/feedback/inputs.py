"""Notes in: a pasted block, stdin, or a file, into ``FeedbackNote``s with their rows.

Pasted text follows the plain-text rule of ``axis ingest`` (``split_plain_notes``): blank
lines separate notes when there are any, otherwise each line is a note; bullets, numbers
and ①②③ are stripped.  Two additions make real pastes work:

* a bulleted or numbered list inside paragraph-separated text is one note per item (a rep
  pasting "・価格が高い\\n・連携がない" under a paragraph means two notes, not one);
* a block copied from Excel (tab-separated, with a header that names a note column such as
  メモ or note) is read as a table, so date, rep, account, industry and stage come along.

A note that starts with a date (``2026/10/01 森田 …``) gets that date, for the monthly
trend.  Files go through the same loaders as ``axis ingest`` (CSV/TSV/XLSX/TXT, UTF-8,
BOM or cp932); a file that is not sales feedback is refused with what to pass instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from assistant.domain import FeedbackNote
from assistant.errors import FeedbackError
from assistant.ingest import decode_bytes, load_bytes, load_file, parse_date, split_plain_notes
from assistant.ingest.columns import fields_in
from assistant.text.normalize import nfkc, unify_newlines

_LIST_ITEM = re.compile(
    r"^\s*(?:[・•●○◦▪■□◆◇‣⁃▶►➤✓✔☐☑]|[-*+](?!\d)|\d{1,3}[.)．）](?!\d)|\(\d{1,3}\)|"
    r"[\u2460-\u2473\u24ea\u24f5-\u24fe\u2776-\u2793])"
)
_LEADING_DATE = re.compile(r"^(\d{4}[/\-.年]\d{1,2}[/\-.月]\d{1,2}日?)(?=[\s:：、,]|$)")
_EMPTY_MESSAGE = (
    "Nothing to analyse: {what} has no notes — paste one note per line or paragraph "
    "(bullets and numbers are fine), or upload a CSV/TSV/XLSX/TXT file with a note column "
    "(メモ, 内容, コメント, note, …)"
)


@dataclass
class FeedbackInput:
    """Notes read from one input, with what the user should know about how it was read."""

    source: str
    notes: list[FeedbackNote]
    warnings: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    """Per note, the file it came from, when notes come from several (workspace notes)."""


def _split_lists(text: str) -> str:
    """Put a blank line between list items when the paste is paragraph-separated."""
    lines = unify_newlines(text).split("\n")
    if not any(not nfkc(line).strip() for line in lines):
        return text  # line mode: every line is a note already
    out: list[str] = []
    for line in lines:
        if _LIST_ITEM.match(nfkc(line)) and out and nfkc(out[-1]).strip():
            out.append("")
        out.append(line)
    return "\n".join(out)


def _leading_date(text: str) -> dt.date | None:
    match = _LEADING_DATE.match(text)
    if not match:
        return None
    try:
        return parse_date(match.group(1))
    except ValueError:
        return None


def _looks_tabular(text: str) -> bool:
    first = next((line for line in unify_newlines(text).split("\n") if line.strip()), "")
    return "\t" in first and "note" in fields_in(first.split("\t"), None)


def notes_from_text(text: str, *, source: str = "paste") -> FeedbackInput:
    """Split pasted text (or stdin) into notes; raises ``FeedbackError`` when there are none."""
    if _looks_tabular(text):
        return notes_from_bytes(text.encode("utf-8"), filename=f"{source}.tsv", source=source)
    pairs = split_plain_notes(_split_lists(text))
    if not pairs:
        raise FeedbackError(_EMPTY_MESSAGE.format(what=f"the {source}"))
    notes = [FeedbackNote(row=row, text=note, date=_leading_date(note)) for row, note in pairs]
    return FeedbackInput(source=source, notes=notes)


def _check_kind(loaded_kind: str, source: str) -> None:
    if loaded_kind == "feedback":
        return
    if loaded_kind == "kpi":
        raise FeedbackError(
            f"{source}: this is a KPI table (months and funnel counts), not sales notes — "
            "pass a file with one note a row and a note column (メモ, 内容, コメント, note, …), "
            "or load it with `axis ingest`"
        )
    raise FeedbackError(
        f"{source}: this is a {loaded_kind} document, not sales notes — paste its notes one "
        "per line, or pass a CSV/TSV/XLSX/TXT file with one note a row"
    )


def notes_from_bytes(
    data: bytes,
    *,
    filename: str,
    source: str | None = None,
    mapping: dict[str, str] | None = None,
    max_bytes: int | None = None,
) -> FeedbackInput:
    """Notes from an uploaded file (same loaders and messages as ``axis ingest``).

    An unreadable file raises the loaders' ``IngestError`` (file, row, column, what to do).
    """
    source = source or PurePath(filename).name
    options = {"max_bytes": max_bytes} if max_bytes else {}
    if PurePath(filename).suffix.lower() == ".txt":
        if not data.strip():
            raise FeedbackError(_EMPTY_MESSAGE.format(what=source))
        if max_bytes and len(data) > max_bytes:
            load_bytes(data, filename=filename, source=source, **options)  # raises: too big
        text, _encoding = decode_bytes(data, source=source)
        return notes_from_text(text, source=source)
    loaded = load_bytes(
        data, filename=filename, source=source, kind=None, mapping=mapping, **options
    )
    _check_kind(loaded.kind, source)
    return FeedbackInput(
        source=source,
        notes=list(loaded.feedback_notes),
        warnings=[f"row {w.row}: {w.message}" if w.row else w.message for w in loaded.warnings],
    )


def notes_from_file(
    path: Path, *, mapping: dict[str, str] | None = None, max_bytes: int | None = None
) -> FeedbackInput:
    """Notes from a file on disk; ``.txt`` is split like a paste (bullets, dates)."""
    source = path.name
    options = {"max_bytes": max_bytes} if max_bytes else {}
    if path.suffix.lower() == ".txt" and path.is_file():
        if path.stat().st_size == 0 or (max_bytes and path.stat().st_size > max_bytes):
            load_file(path, source=source, **options)  # raises: empty or too big
        return notes_from_bytes(path.read_bytes(), filename=path.name, source=source)
    loaded = load_file(path, source=source, kind=None, mapping=mapping, **options)
    _check_kind(loaded.kind, source)
    return FeedbackInput(
        source=source,
        notes=list(loaded.feedback_notes),
        warnings=[f"row {w.row}: {w.message}" if w.row else w.message for w in loaded.warnings],
    )
