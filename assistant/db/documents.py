"""Questions about stored documents the ingest pipeline asks: which source already holds
these bytes, which sheets a workbook left behind, and the kind a user chose for a document."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, insert, select, update

from assistant.db.catalog import Catalog
from assistant.db.engine import get_engine
from assistant.db.schema import chunks, document_overrides, documents


def sources_with_hash(db_url: str, workspace: str, file_hash: str) -> list[str]:
    """Stored documents made from a file with exactly these bytes."""
    with get_engine(db_url).connect() as conn:
        rows = conn.execute(
            select(documents.c.source).where(
                documents.c.workspace == workspace, documents.c.file_hash == file_hash
            )
        ).scalars()
        return sorted(rows)


def parts_of(db_url: str, workspace: str, source: str) -> list[str]:
    """The documents a multi-part file was stored as (``book.xlsx#Sheet``)."""
    with get_engine(db_url).connect() as conn:
        rows = conn.execute(
            select(documents.c.source).where(
                documents.c.workspace == workspace, documents.c.source.like(f"{source}#%")
            )
        ).scalars()
        return sorted(rows)


def kind_overrides(db_url: str, workspace: str) -> dict[str, str]:
    """Every document whose kind a user set, and the kind."""
    with get_engine(db_url).connect() as conn:
        rows = conn.execute(
            select(document_overrides.c.source, document_overrides.c.kind).where(
                document_overrides.c.workspace == workspace,
                document_overrides.c.kind.is_not(None),
            )
        ).all()
    return {source: kind for source, kind in rows}


def set_kind_override(
    db_url: str, workspace: str, source: str, kind: str | None, *, actor: str | None = None
) -> None:
    """Keep ``kind`` for ``source`` across re-ingests (``None`` lets Axis infer it again)."""
    with get_engine(db_url).begin() as conn:
        conn.execute(
            delete(document_overrides).where(
                document_overrides.c.workspace == workspace,
                document_overrides.c.source == source,
            )
        )
        if kind is not None:
            conn.execute(
                insert(document_overrides).values(
                    workspace=workspace,
                    source=source,
                    kind=kind,
                    updated_by=actor,
                    updated_at=dt.datetime.now(dt.UTC),
                )
            )


def relabel(db_url: str, workspace: str, source: str, kind: str) -> list[str]:
    """Set the kind of a stored document and its chunks (one transaction, a new generation so
    every reader reloads); the ids of its chunks (empty when there is no such document)."""
    with get_engine(db_url).begin() as conn:
        ids = list(
            conn.execute(
                select(chunks.c.chunk_id).where(
                    chunks.c.workspace == workspace, chunks.c.source == source
                )
            ).scalars()
        )
        if not ids:
            return []
        conn.execute(
            update(documents)
            .where(documents.c.workspace == workspace, documents.c.source == source)
            .values(kind=kind)
        )
        conn.execute(
            update(chunks)
            .where(chunks.c.workspace == workspace, chunks.c.source == source)
            .values(kind=kind)
        )
        Catalog(db_url, workspace)._bump(conn)
    return ids
