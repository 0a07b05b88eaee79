"""Structured rows kept beside the vector store: KPI months and feedback notes.

Analytics and feedback synthesis read these tables, never the vector store: the vector store
is for finding text, not for arithmetic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from assistant.db.engine import get_engine
from assistant.db.schema import documents, feedback_notes, kpi_months
from assistant.domain import FeedbackNote, KpiMonth


@dataclass(frozen=True)
class StoredKpiMonth:
    """A KPI month and the file it came from (so reports can cite it).

    ``tool`` is the CRM/MA tool a CRM import counted the month from (``hubspot``), ``None``
    for a KPI sheet; ``ingested_at`` is when its file was last ingested.  Consolidation
    decides between a sheet and an import, or between two sheets, by these — never by the
    file's name.
    """

    source: str
    month: KpiMonth
    tool: str | None = None
    ingested_at: dt.datetime | None = None


@dataclass(frozen=True)
class StoredFeedbackNote:
    source: str
    note: FeedbackNote


def load_kpi_months(db_url: str, workspace: str) -> list[StoredKpiMonth]:
    """Every stored KPI month of a workspace, ordered by month, segment, source, row."""
    joined = kpi_months.outerjoin(
        documents,
        (documents.c.workspace == kpi_months.c.workspace)
        & (documents.c.source == kpi_months.c.source),
    )
    with get_engine(db_url).connect() as conn:
        rows = conn.execute(
            select(kpi_months, documents.c.meta, documents.c.ingested_at)
            .select_from(joined)
            .where(kpi_months.c.workspace == workspace)
            .order_by(
                kpi_months.c.month, kpi_months.c.segment, kpi_months.c.source, kpi_months.c.row
            )
        ).mappings()
        return [
            StoredKpiMonth(
                source=r["source"],
                month=KpiMonth(
                    month=r["month"],
                    row=r["row"],
                    leads=r["leads"],
                    mql=r["mql"],
                    sql=r["sql"],
                    opportunities=r.get("opportunities"),
                    won=r["won"],
                    spend=r["spend"],
                    revenue=r["revenue"],
                    targets=r["targets"] or {},
                    segment=r["segment"],
                    extra=r["extra"] or {},
                ),
                tool=_tool(r["meta"]),
                ingested_at=_aware(r["ingested_at"]),
            )
            for r in rows
        ]


def _tool(meta: object) -> str | None:
    tool = meta.get("tool") if isinstance(meta, Mapping) else None
    return tool if isinstance(tool, str) and tool else None


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes for UTC columns; PostgreSQL aware ones."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def feedback_note_from_row(r: Mapping[str, Any]) -> FeedbackNote:
    """A ``FeedbackNote`` from any table row that has the note columns."""
    return FeedbackNote(
        row=r["row"],
        text=r["text"],
        date=r["date"],
        rep=r["rep"],
        account=r["account"],
        industry=r["industry"],
        stage=r["stage"],
        extra=r["extra"] or {},
    )


def load_feedback_notes(db_url: str, workspace: str) -> list[StoredFeedbackNote]:
    """Every stored feedback note of a workspace, in file and row order."""
    with get_engine(db_url).connect() as conn:
        rows = conn.execute(
            select(feedback_notes)
            .where(feedback_notes.c.workspace == workspace)
            .order_by(feedback_notes.c.source, feedback_notes.c.row)
        ).mappings()
        return [
            StoredFeedbackNote(
                source=r["source"],
                note=feedback_note_from_row(r),
            )
            for r in rows
        ]


@dataclass(frozen=True)
class WorkspaceContents:
    """What a workspace holds at one moment: its documents, KPI months and note count."""

    documents: list[tuple[str, str, str, str]]  # (source, kind, file hash, ingested at)
    kpi_months: list[str]
    feedback_notes: int


def workspace_contents(db_url: str, workspace: str) -> WorkspaceContents:
    with get_engine(db_url).connect() as conn:
        docs = conn.execute(
            select(
                documents.c.source,
                documents.c.kind,
                documents.c.file_hash,
                documents.c.ingested_at,
            )
            .where(documents.c.workspace == workspace)
            .order_by(documents.c.source)
        ).all()
        months = list(
            conn.execute(
                select(kpi_months.c.month)
                .where(kpi_months.c.workspace == workspace)
                .distinct()
                .order_by(kpi_months.c.month)
            ).scalars()
        )
        notes = conn.execute(
            select(func.count())
            .select_from(feedback_notes)
            .where(feedback_notes.c.workspace == workspace)
        ).scalar_one()
    return WorkspaceContents(
        documents=[(d.source, d.kind, d.file_hash, str(d.ingested_at)) for d in docs],
        kpi_months=months,
        feedback_notes=int(notes),
    )
