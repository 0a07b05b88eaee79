"""The data a draft version was built from: documents (with file hashes) and KPI months."""

from __future__ import annotations

from assistant.db.records import workspace_contents
from assistant.review.models import Snapshot, SnapshotDocument


def take_snapshot(db_url: str, workspace: str, *, generation: int) -> Snapshot:
    held = workspace_contents(db_url, workspace)
    return Snapshot(
        generation=generation,
        documents=[
            SnapshotDocument(source=source, kind=kind, file_hash=file_hash, ingested_at=at)
            for source, kind, file_hash, at in held.documents
        ],
        kpi_months=held.kpi_months,
        feedback_notes=held.feedback_notes,
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
