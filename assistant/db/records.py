"""Structured rows kept beside the vector store: KPI months and feedback notes.

Analytics and feedback synthesis read these tables, never the vector store: the vector store
is for finding text, not for arithmetic.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from assistant.db.engine import get_engine
from assistant.db.schema import feedback_notes, kpi_months
from assistant.domain import FeedbackNote, KpiMonth


@dataclass(frozen=True)
class StoredKpiMonth:
    """A KPI month and the file it came from (so reports can cite it)."""

    source: str
    month: KpiMonth


@dataclass(frozen=True)
class StoredFeedbackNote:
    source: str
    note: FeedbackNote


def load_kpi_months(db_url: str, workspace: str) -> list[StoredKpiMonth]:
    """Every stored KPI month of a workspace, ordered by month, segment, source, row."""
    with get_engine(db_url).connect() as conn:
        rows = conn.execute(
            select(kpi_months)
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
                    won=r["won"],
                    spend=r["spend"],
                    revenue=r["revenue"],
                    targets=r["targets"] or {},
                    segment=r["segment"],
                    extra=r["extra"] or {},
                ),
            )
            for r in rows
        ]


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
