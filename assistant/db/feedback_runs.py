"""Persistence of feedback runs: the notes first, the result after.

Nothing a user pastes may be lost, so ``create_run`` commits every note with its metadata
before any processing starts; a synthesis that fails later marks the run ``failed`` with the
error and the notes stay.  The PII placeholder map is stored with the run (local database
only) so redacted quotes can be restored on this machine.  Finished syntheses are kept with
their theme centroids; the ones saved to the knowledge store are what the next run is
compared against.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import desc, insert, select, update

from assistant.config import Settings
from assistant.db.engine import get_engine
from assistant.db.records import feedback_note_from_row
from assistant.db.schema import feedback_run_notes, feedback_runs, feedback_syntheses
from assistant.domain import FeedbackNote


@dataclass(frozen=True)
class StoredRun:
    id: int
    source: str
    created_at: dt.datetime
    status: str
    notes: int
    error: str | None


def _engine(settings: Settings):  # type: ignore[no-untyped-def]
    settings.ensure_dirs()  # the SQLite file lives under AXIS_HOME
    return get_engine(settings.database_url)


def create_run(settings: Settings, *, source: str, notes: Sequence[FeedbackNote]) -> int:
    """Commit the run and all its notes in one transaction; return the run id."""
    now = dt.datetime.now(dt.UTC)
    with _engine(settings).begin() as conn:
        run_id = conn.execute(
            insert(feedback_runs).values(
                workspace=settings.workspace,
                source=source[:512],
                created_at=now,
                status="received",
                notes=len(notes),
                redactions=[],
            )
        ).inserted_primary_key[0]
        if notes:
            conn.execute(
                insert(feedback_run_notes),
                [
                    {
                        "run_id": run_id,
                        "seq": seq,
                        "row": note.row,
                        "text": note.text,
                        "date": note.date,
                        "rep": note.rep,
                        "account": note.account,
                        "industry": note.industry,
                        "stage": note.stage,
                        "extra": note.extra,
                    }
                    for seq, note in enumerate(notes, start=1)
                ],
            )
    return int(run_id)


def finish_run(
    settings: Settings,
    run_id: int,
    *,
    status: str,
    error: str | None = None,
    redactions: Sequence[dict] = (),
) -> None:
    with _engine(settings).begin() as conn:
        conn.execute(
            update(feedback_runs)
            .where(feedback_runs.c.id == run_id)
            .values(
                status=status,
                error=error,
                redactions=list(redactions),
            )
        )


def load_run_notes(settings: Settings, run_id: int) -> list[FeedbackNote]:
    """The notes of a run as they were received (raw text, with PII: local use only)."""
    with _engine(settings).connect() as conn:
        rows = conn.execute(
            select(feedback_run_notes)
            .where(feedback_run_notes.c.run_id == run_id)
            .order_by(feedback_run_notes.c.seq)
        ).mappings()
        return [feedback_note_from_row(r) for r in rows]


def load_redactions(settings: Settings, run_id: int) -> list[dict]:
    with _engine(settings).connect() as conn:
        value = conn.execute(
            select(feedback_runs.c.redactions).where(feedback_runs.c.id == run_id)
        ).scalar_one_or_none()
    return list(value or [])


def list_runs(settings: Settings, *, limit: int = 50) -> list[StoredRun]:
    with _engine(settings).connect() as conn:
        rows = conn.execute(
            select(feedback_runs)
            .where(feedback_runs.c.workspace == settings.workspace)
            .order_by(desc(feedback_runs.c.id))
            .limit(limit)
        ).mappings()
        return [
            StoredRun(
                id=r["id"],
                source=r["source"],
                created_at=r["created_at"],
                status=r["status"],
                notes=r["notes"],
                error=r["error"],
            )
            for r in rows
        ]


def store_synthesis(
    settings: Settings,
    *,
    run_id: int,
    created: dt.datetime,
    payload: dict,
    centroids: dict[str, list[float]],
) -> int:
    """Keep a finished synthesis (its JSON, and the theme centroids kept out of it)."""
    with _engine(settings).begin() as conn:
        synthesis_id = conn.execute(
            insert(feedback_syntheses).values(
                workspace=settings.workspace,
                run_id=run_id,
                created_at=created,
                payload=payload,
                centroids=centroids,
            )
        ).inserted_primary_key[0]
    return int(synthesis_id)


def mark_saved(settings: Settings, run_id: int, *, source: str) -> None:
    with _engine(settings).begin() as conn:
        conn.execute(
            update(feedback_syntheses)
            .where(feedback_syntheses.c.run_id == run_id)
            .values(saved_source=source, saved_at=dt.datetime.now(dt.UTC))
        )


def last_saved(
    settings: Settings, *, before_run: int | None = None
) -> tuple[dict, dict[str, list[float]]] | None:
    """(payload, centroids) of the workspace's most recently saved synthesis (other than
    ``before_run``'s)."""
    query = (
        select(feedback_syntheses.c.payload, feedback_syntheses.c.centroids)
        .where(feedback_syntheses.c.workspace == settings.workspace)
        .where(feedback_syntheses.c.saved_at.is_not(None))
    )
    if before_run is not None:
        query = query.where(feedback_syntheses.c.run_id != before_run)
    query = query.order_by(desc(feedback_syntheses.c.saved_at), desc(feedback_syntheses.c.id))
    with _engine(settings).connect() as conn:
        row = conn.execute(query.limit(1)).first()
    if row is None:
        return None
    return dict(row.payload), dict(row.centroids or {})
