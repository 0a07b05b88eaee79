"""Sales feedback: one note a row (CSV/TSV/XLSX) or one note a paragraph/line (plain text).

Each note becomes its own ``TextUnit`` so it can be retrieved and cited by its row, and a
``FeedbackNote`` so the feedback synthesis can count themes.  The row is the note's 1-based
position in the input — the data row under the header, or the paragraph (or line) of the
text — so a user can find it again in the file they gave.
"""

from __future__ import annotations

import datetime as dt
import re

from assistant.domain import FeedbackNote, IngestWarning, MetaValue, TextUnit
from assistant.errors import IngestError
from assistant.ingest.columns import Columns
from assistant.ingest.tabular import Table, is_blank
from assistant.text.normalize import (
    nfkc,
    normalize_cell,
    normalize_text,
    parse_date,
    unify_newlines,
)

# Fields of a note besides its text; each is a column found by name.
NOTE_FIELDS: tuple[str, ...] = ("date", "rep", "account", "industry", "stage")

# Circled numbers must go before NFKC, which turns "①" into a plain "1".
_CIRCLED_RE = re.compile(
    r"^\s*[\u2460-\u2473\u24ea\u24f5-\u24fe\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]"
)
_BULLET_RE = re.compile(
    r"^\s*(?:[・•●○◦▪■□◆◇‣⁃▶►➤✓✔☐☑]|[-*+](?!\d)|\d{1,3}[.)](?!\d)|\(\d{1,3}\))\s*"
)


def note_unit(note: FeedbackNote) -> TextUnit:
    """The retrievable text of one note, with the fields a search can filter on."""
    metadata: dict[str, MetaValue] = {"row": note.row}
    if note.date is not None:
        metadata["date"] = note.date.isoformat()
    for name in ("rep", "account", "industry", "stage"):
        value = getattr(note, name)
        if value:
            metadata[name] = value
    return TextUnit(text=note.text, metadata=metadata)


def feedback_from_table(table: Table, columns: Columns, *, source: str) -> list[FeedbackNote]:
    """One ``FeedbackNote`` per data row; a row with an empty note is refused, not dropped."""
    note_at = columns.index("note", source=source)
    if note_at is None:  # pragma: no cover - the caller classified the table by this column
        raise IngestError("has no note column — pass --map COL=note", path=source)
    field_at = {name: columns.index(name, source=source) for name in NOTE_FIELDS}
    used = {note_at, *(i for i in field_at.values() if i is not None)}
    notes: list[FeedbackNote] = []
    for row in table.rows:
        note_header = table.header[note_at]
        text = normalize_text(str(row.cells[note_at])) if not is_blank(row.cells[note_at]) else ""
        if not text:
            raise IngestError(
                "is empty — fill it or remove the row",
                path=source,
                row=row.number,
                column=note_header,
            )
        values = {name: row.cells[i] if i is not None else None for name, i in field_at.items()}
        notes.append(
            FeedbackNote(
                row=row.number,
                text=text,
                date=_date(values["date"], row.number, field_at["date"], table, source),
                rep=normalize_cell(values["rep"]) or None,
                account=normalize_cell(values["account"]) or None,
                industry=normalize_cell(values["industry"]) or None,
                stage=normalize_cell(values["stage"]) or None,
                extra={
                    table.header[i]: normalize_cell(cell)
                    for i, cell in enumerate(row.cells)
                    if i not in used and not is_blank(cell)
                },
            )
        )
    return notes


def _date(value: object, row: int, index: int | None, table: Table, source: str) -> dt.date | None:
    try:
        return parse_date(value)
    except ValueError as exc:
        column = table.header[index] if index is not None else None
        raise IngestError(
            f"'{normalize_cell(value)}' {exc} — write the date like 2026-03-14 or clear the cell",
            path=source,
            row=row,
            column=column,
        ) from exc


def _strip_bullet(line: str) -> str:
    line = _CIRCLED_RE.sub("", line)
    return _BULLET_RE.sub("", nfkc(line), count=1)


def split_plain_notes(text: str) -> list[tuple[int, str]]:
    """Split pasted or plain-text feedback into ``(row, note)`` pairs.

    Blank lines separate notes when there are any; otherwise every line is a note.  Leading
    bullets (``・``, ``-``, ``1.``, ``①``) are removed.  ``row`` is the paragraph's (or
    line's) 1-based position, counted before empty notes are dropped, so it always points
    at the place in the input.
    """
    lines = unify_newlines(text).split("\n")
    blocks: list[list[str]] = [[]]
    for line in lines:
        if nfkc(line).strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [block for block in blocks if block]
    if len(blocks) == 1:
        blocks = [[line] for line in blocks[0]]
    notes = []
    for row, block in enumerate(blocks, start=1):
        note = normalize_text("\n".join(_strip_bullet(line) for line in block))
        if note:
            notes.append((row, note))
    return notes


def feedback_from_text(text: str, *, source: str) -> tuple[list[FeedbackNote], list[IngestWarning]]:
    """Notes from a plain-text file; a bullet with nothing after it is skipped with a warning."""
    pairs = split_plain_notes(text)
    if not pairs:
        raise IngestError("has no text — write one note per paragraph or line", path=source)
    warnings = []
    expected = 1
    for row, _note in pairs:
        warnings.extend(
            IngestWarning(path=source, row=n, message=f"note {n} has no text — skipped")
            for n in range(expected, row)
        )
        expected = row + 1
    return [FeedbackNote(row=row, text=note) for row, note in pairs], warnings
