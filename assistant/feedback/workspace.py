"""The workspace's own material for feedback synthesis: its stored notes and its names.

    workspace_notes(settings, since=…, until=…) → FeedbackInput of every note ingested into
        the workspace (``axis ingest`` of feedback files), optionally within a period
    vocabulary(store) → (documents, names): the texts of the workspace's product, competitor
        and company documents and the names their front matter gives, so the synthesis keeps
        those names whole (``entities.py``)

A stored note keeps the file it came from and its row there, so every count can be traced
back (``NoteItem.source`` and ``row``).  A period keeps the notes dated inside it; notes
without a date cannot be placed in a period and are left out, with a warning saying how many.
"""

from __future__ import annotations

import datetime as dt

from assistant.config import Settings
from assistant.db.records import load_feedback_notes
from assistant.errors import FeedbackError
from assistant.feedback.inputs import FeedbackInput
from assistant.retrieval.store import KnowledgeStore

NAME_KINDS = ("product", "competitor", "company")
NAME_KEYS = ("competitor", "product", "products", "competitors", "name")


def workspace_notes(
    settings: Settings, *, since: dt.date | None = None, until: dt.date | None = None
) -> FeedbackInput:
    """Every stored note of the workspace (dated within ``since``…``until`` when given)."""
    if since and until and since > until:
        raise FeedbackError(
            f"--since {since.isoformat()} is after --until {until.isoformat()} — swap them"
        )
    settings.ensure_dirs()  # a new workspace: the SQLite file lives under AXIS_HOME
    stored = load_feedback_notes(settings.database_url, settings.workspace)
    period = since is not None or until is not None
    kept, sources, undated = [], [], 0
    for item in stored:
        date = item.note.date
        if period and date is None:
            undated += 1
            continue
        if (since and date and date < since) or (until and date and date > until):
            continue
        kept.append(item.note)
        sources.append(item.source)
    label = f"workspace {settings.workspace}"
    if period:
        label += f" {since.isoformat() if since else '…'}〜{until.isoformat() if until else '…'}"
    if not kept:
        where = " in that period" if period else ""
        raise FeedbackError(
            f"{label}: no stored feedback notes{where} — ingest a feedback file first "
            "(`axis ingest notes.csv`), or widen --since/--until"
        )
    warnings = []
    if undated:
        warnings.append(
            f"{undated} stored note(s) have no date and were left out of the period "
            "(add a 日付/date column to include them)"
        )
    return FeedbackInput(source=label, notes=kept, warnings=warnings, sources=sources)


def vocabulary(store: KnowledgeStore) -> tuple[list[str], list[str]]:
    """Texts of the workspace's product/competitor/company chunks, and the names they give."""
    chunks = [c for kind in NAME_KINDS for c in store.snapshot().chunks(kind=kind)]
    names: set[str] = set()
    for chunk in chunks:
        for key in NAME_KEYS:
            value = chunk.metadata.get(key)
            values = value if isinstance(value, list) else [value]
            names |= {str(v).strip() for v in values if v and str(v).strip()}
    return [c.text for c in chunks], sorted(names)
