"""Opening a workspace and describing it: the shared entry for the CLI and the UI."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypedDict

from assistant.analytics.crm.reader import CrmExportReader
from assistant.config import Settings
from assistant.db.documents import parts_of, set_kind_override
from assistant.db.engine import display_url
from assistant.errors import InputError, NotFoundError
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


DOCUMENT_KINDS_SETTABLE: tuple[str, ...] = (
    "persona", "product", "competitor", "playbook", "brand-voice", "company", "note",
)  # fmt: skip


def set_document_kind(
    settings: Settings, store: KnowledgeStore, source: str, kind: str, *, actor: str | None = None
) -> int:
    """Correct the kind Axis inferred for a document; kept across re-ingests of the file."""
    if kind not in DOCUMENT_KINDS_SETTABLE:
        raise InputError(
            f"'{kind}' is not a document kind — use one of {', '.join(DOCUMENT_KINDS_SETTABLE)}",
            ja=f"「{kind}」は文書の種類ではありません。次のいずれかを指定してください: "
            + "、".join(DOCUMENT_KINDS_SETTABLE),
        )
    current = {d.source: d.kind for d in store.documents()}
    if source not in current:
        raise NotFoundError(
            f"No document {source!r} in workspace '{settings.workspace}' — run `axis docs list`",
            ja=f"ワークスペース「{settings.workspace}」に「{source}」という文書はありません",
        )
    if current[source] in ("feedback", "kpi", "feedback-synthesis"):
        raise InputError(
            f"{source} holds {current[source]} rows, not a document: its kind cannot change — "
            "re-ingest it with --kind if it was read wrongly",
            ja=f"{source} は文書ではなくデータ（{current[source]}）です。読み方が違う場合は "
            "--kind を付けて取り込み直してください",
        )
    set_kind_override(settings.database_url, settings.workspace, source, kind, actor=actor)
    return store.set_kind(source, kind)


def delete_document(store: KnowledgeStore, source: str) -> int:
    """Delete a document (a workbook: every sheet it was stored as); the chunks removed."""
    removed = store.delete_document(source)
    if removed is not None:
        return removed
    settings = store.settings
    parts = parts_of(settings.database_url, settings.workspace, source)
    if parts:
        return sum(store.delete_document(part) or 0 for part in parts)
    known = [d.source for d in store.documents()]
    hint = ", ".join(known[:10]) + (" …" if len(known) > 10 else "")
    raise NotFoundError(
        f"No document {source!r} in workspace '{settings.workspace}' — "
        f"run `axis docs list` to see them ({hint or 'none yet'})",
        ja=f"ワークスペース「{settings.workspace}」に「{source}」という文書はありません"
        "（axis docs list で一覧を確認できます）",
    )
