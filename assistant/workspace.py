"""Opening a workspace and describing it: the shared entry for the CLI and the UI."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypedDict

from assistant.analytics.crm.reader import CrmExportReader
from assistant.config import Settings
from assistant.db.engine import display_url
from assistant.ingest.columns import ColumnMap
from assistant.ingest.pipeline import IngestReport, ProgressFn, ingest_bytes, ingest_paths
from assistant.retrieval import KnowledgeStore


class StatusReport(TypedDict):
    workspace: str
    documents: int
    chunks: int
    llm: str
    vector_store: str
    database: str


def open_store(settings: Settings) -> KnowledgeStore:
    return KnowledgeStore(settings)


def ingest(
    store: KnowledgeStore,
    paths: Iterable[Path],
    *,
    kind: str | None = None,
    mapping: list[ColumnMap] | None = None,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Ingest files and folders with every reader Axis has, CRM/MA exports included (they
    are counted by event month, never read as feedback)."""
    return ingest_paths(
        store, paths, kind=kind, mapping=mapping, progress=progress, exports=CrmExportReader()
    )


def ingest_upload(
    store: KnowledgeStore,
    data: bytes,
    *,
    filename: str,
    kind: str | None = None,
    mapping: list[ColumnMap] | None = None,
) -> IngestReport:
    """One uploaded file, read the same way as ``ingest``."""
    return ingest_bytes(
        store, data, filename=filename, kind=kind, mapping=mapping, exports=CrmExportReader()
    )


def describe_llm(settings: Settings) -> str:
    if settings.llm_provider == "offline":
        return "offline (no LLM configured)"
    where = settings.openai_base_url or "api.openai.com"
    return f"openai:{settings.model} @ {where}"


def describe_vector_store(settings: Settings) -> str:
    if settings.chroma_host:
        scheme = "https" if settings.chroma_ssl else "http"
        return f"chroma server {scheme}://{settings.chroma_host}:{settings.chroma_port}"
    return f"chroma persistent {settings.chroma_path}"


def describe_database(settings: Settings) -> str:
    return display_url(settings.database_url)


def status(settings: Settings, store: KnowledgeStore) -> StatusReport:
    documents, chunks = store.counts()
    return StatusReport(
        workspace=settings.workspace,
        documents=documents,
        chunks=chunks,
        llm=describe_llm(settings),
        vector_store=describe_vector_store(settings),
        database=describe_database(settings),
    )
