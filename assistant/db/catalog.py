"""The committed record of what the knowledge store holds, kept in SQL.

Search only returns chunks whose rows are here, and rows are written in one transaction after
the vector store accepted the embeddings.  That makes the SQL commit the moment a document
appears (or disappears) for readers in every process, and makes "all or nothing" per file
true even when the vector store is a separate server.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, delete, func, insert, select, update

from assistant.db import get_engine
from assistant.db.schema import chunks, documents, feedback_notes, generations, kpi_months
from assistant.domain import Chunk, LoadedFile


@dataclass(frozen=True)
class DocumentInfo:
    source: str
    kind: str
    title: str
    chunks: int
    ingested_at: dt.datetime


@dataclass(frozen=True)
class CatalogRows:
    """Every committed chunk of a workspace, column-wise, for building the search index."""

    generation: int
    tokenizer: str | None
    chunk_ids: list[str]
    sources: list[str]
    kinds: list[str]
    texts: list[str]
    metas: list[dict]
    tokens: list[list[str]]


class Catalog:
    def __init__(self, db_url: str, workspace: str) -> None:
        self.engine: Engine = get_engine(db_url)
        self.workspace = workspace

    # -- reads ------------------------------------------------------------------------
    def generation(self) -> int:
        with self.engine.connect() as conn:
            value = conn.execute(
                select(generations.c.generation).where(generations.c.workspace == self.workspace)
            ).scalar()
        return int(value or 0)

    def chunk_ids_of(self, source: str) -> set[str]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(chunks.c.chunk_id).where(
                    chunks.c.workspace == self.workspace, chunks.c.source == source
                )
            )
            return {r[0] for r in rows}

    def file_hash_of(self, source: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(documents.c.file_hash).where(
                    documents.c.workspace == self.workspace, documents.c.source == source
                )
            ).scalar()

    def documents(self, *, kind: str | None = None) -> list[DocumentInfo]:
        query = select(
            documents.c.source,
            documents.c.kind,
            documents.c.title,
            documents.c.chunks,
            documents.c.ingested_at,
        ).where(documents.c.workspace == self.workspace)
        if kind:
            query = query.where(documents.c.kind == kind)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(documents.c.kind, documents.c.source))
            return [DocumentInfo(*row) for row in rows]

    def counts(self) -> tuple[int, int]:
        with self.engine.connect() as conn:
            docs = conn.execute(
                select(func.count()).where(documents.c.workspace == self.workspace)
            ).scalar()
            n_chunks = conn.execute(
                select(func.count()).where(chunks.c.workspace == self.workspace)
            ).scalar()
        return int(docs or 0), int(n_chunks or 0)

    def load(self, *, with_tokens: bool = True) -> CatalogRows:
        """Read all committed chunks and the generation they belong to, consistently.

        The stored BM25 tokens are only needed to rebuild the index; at 100k chunks they are
        most of the load time and ~2 GB of memory, so readers leave them out.
        """
        columns = [
            chunks.c.chunk_id,
            chunks.c.source,
            chunks.c.kind,
            chunks.c.text,
            chunks.c.meta,
        ]
        if with_tokens:
            columns.append(chunks.c.tokens)
        with self.engine.connect() as conn, conn.begin():
            state = conn.execute(
                select(generations.c.generation, generations.c.tokenizer).where(
                    generations.c.workspace == self.workspace
                )
            ).first()
            rows = conn.execute(
                select(*columns)
                .where(chunks.c.workspace == self.workspace)
                .order_by(chunks.c.source, chunks.c.position)
            ).all()
        return CatalogRows(
            generation=int(state[0]) if state else 0,
            tokenizer=state[1] if state else None,
            chunk_ids=[r[0] for r in rows],
            sources=[r[1] for r in rows],
            kinds=[r[2] for r in rows],
            texts=[r[3] for r in rows],
            metas=[r[4] or {} for r in rows],
            tokens=[r[5].split(" ") if r[5] else [] for r in rows] if with_tokens else [],
        )

    # -- writes (callers hold the store's write lock) -----------------------------------
    def replace_document(
        self,
        loaded: LoadedFile,
        new_chunks: Sequence[Chunk],
        tokens: Sequence[Sequence[str]],
        *,
        file_hash: str,
        tokenizer: str,
    ) -> set[str]:
        """Make ``new_chunks`` the document's chunks; return the ids that are no longer used."""
        ws = self.workspace
        with self.engine.begin() as conn:
            old = {
                r[0]
                for r in conn.execute(
                    select(chunks.c.chunk_id).where(
                        chunks.c.workspace == ws, chunks.c.source == loaded.source
                    )
                )
            }
            for table in (chunks, documents, feedback_notes, kpi_months):
                conn.execute(
                    delete(table).where(table.c.workspace == ws, table.c.source == loaded.source)
                )
            if new_chunks:
                conn.execute(
                    insert(chunks),
                    [
                        {
                            "workspace": ws,
                            "chunk_id": c.chunk_id,
                            "source": c.source,
                            "kind": c.kind,
                            "position": c.position,
                            "text": c.text,
                            "meta": c.metadata,
                            "tokens": " ".join(toks),
                        }
                        for c, toks in zip(new_chunks, tokens, strict=True)
                    ],
                )
            conn.execute(
                insert(documents).values(
                    workspace=ws,
                    source=loaded.source,
                    kind=loaded.kind,
                    title=loaded.title,
                    meta=loaded.metadata,
                    file_hash=file_hash,
                    chunks=len(new_chunks),
                    ingested_at=dt.datetime.now(dt.UTC),
                )
            )
            if loaded.feedback_notes:
                conn.execute(
                    insert(feedback_notes),
                    [
                        {"workspace": ws, "source": loaded.source, **n.model_dump()}
                        for n in loaded.feedback_notes
                    ],
                )
            if loaded.kpi_months:
                conn.execute(
                    insert(kpi_months),
                    [
                        {"workspace": ws, "source": loaded.source, **m.model_dump()}
                        for m in loaded.kpi_months
                    ],
                )
            self._bump(conn, tokenizer=tokenizer)
        return old - {c.chunk_id for c in new_chunks}

    def delete_document(self, source: str) -> set[str] | None:
        """Remove a document and its rows; ``None`` when there was no such document."""
        ws = self.workspace
        with self.engine.begin() as conn:
            exists = conn.execute(
                select(documents.c.source).where(
                    documents.c.workspace == ws, documents.c.source == source
                )
            ).scalar()
            if exists is None:
                return None
            ids = {
                r[0]
                for r in conn.execute(
                    select(chunks.c.chunk_id).where(
                        chunks.c.workspace == ws, chunks.c.source == source
                    )
                )
            }
            for table in (chunks, documents, feedback_notes, kpi_months):
                conn.execute(delete(table).where(table.c.workspace == ws, table.c.source == source))
            self._bump(conn)
        return ids

    def retokenize(self, tokenize: Callable[[str], list[str]], *, tokenizer: str) -> None:
        """Recompute every chunk's BM25 tokens with another tokenizer, in one transaction."""
        ws = self.workspace
        with self.engine.begin() as conn:
            rows = conn.execute(
                select(chunks.c.chunk_id, chunks.c.text).where(chunks.c.workspace == ws)
            ).all()
            for chunk_id_, text in rows:
                conn.execute(
                    update(chunks)
                    .where(chunks.c.workspace == ws, chunks.c.chunk_id == chunk_id_)
                    .values(tokens=" ".join(tokenize(text)))
                )
            self._bump(conn, tokenizer=tokenizer)

    def _bump(self, conn, *, tokenizer: str | None = None) -> None:  # type: ignore[no-untyped-def]
        values: dict = {"generation": generations.c.generation + 1}
        if tokenizer:
            values["tokenizer"] = tokenizer
        updated = conn.execute(
            update(generations).where(generations.c.workspace == self.workspace).values(**values)
        ).rowcount
        if not updated:
            conn.execute(
                insert(generations).values(
                    workspace=self.workspace, generation=1, tokenizer=tokenizer
                )
            )
