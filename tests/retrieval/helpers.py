"""Small builders for store tests (no loaders involved, so failures point at the store)."""

from __future__ import annotations

from assistant.domain import Chunk, LoadedFile, TextUnit
from assistant.ingest.chunking import chunk_file, make_splitter
from assistant.retrieval import KnowledgeStore


def loaded(source: str, *texts: str, kind: str = "note", **meta: str) -> LoadedFile:
    return LoadedFile(
        source=source,
        kind=kind,  # type: ignore[arg-type]
        title=source,
        units=[TextUnit(text=t, metadata=dict(meta)) for t in texts],
    )


def chunks_of(store: KnowledgeStore, file: LoadedFile) -> list[Chunk]:
    splitter = make_splitter(store.embedder.token_count, chunk_tokens=128, overlap_tokens=0)
    return chunk_file(file, splitter)


def add(store: KnowledgeStore, file: LoadedFile, file_hash: str = "h1"):  # type: ignore[no-untyped-def]
    return store.add_file(file, chunks_of(store, file), file_hash=file_hash)
