"""The data a draft version was built from: documents (with file hashes) and KPI months."""

from __future__ import annotations

from sqlalchemy import select

from assistant.db import get_engine
from assistant.db.schema import documents, feedback_notes, kpi_months
from assistant.review.models import Snapshot, SnapshotDocument


def take_snapshot(db_url: str, workspace: str, *, generation: int) -> Snapshot:
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
        months = conn.execute(
            select(kpi_months.c.month)
            .where(kpi_months.c.workspace == workspace)
            .distinct()
            .order_by(kpi_months.c.month)
        ).scalars()
        month_list = list(months)
        notes = conn.execute(
            select(feedback_notes.c.row).where(feedback_notes.c.workspace == workspace)
        ).all()
    return Snapshot(
        generation=generation,
        documents=[
            SnapshotDocument(
                source=d.source, kind=d.kind, file_hash=d.file_hash, ingested_at=str(d.ingested_at)
            )
            for d in docs
        ],
        kpi_months=month_list,
        feedback_notes=len(notes),
    )


def changes(before: Snapshot, after: Snapshot) -> dict[str, list[str]]:
    """What differs between two snapshots: documents added, removed or changed; new months."""
    old = {d.source: d.file_hash for d in before.documents}
    new = {d.source: d.file_hash for d in after.documents}
    return {
        "added": sorted(set(new) - set(old)),
        "removed": sorted(set(old) - set(new)),
        "changed": sorted(s for s in set(old) & set(new) if old[s] != new[s]),
        "new_months": sorted(set(after.kpi_months) - set(before.kpi_months)),
    }
