"""The Chroma seam: a persistent client under ``AXIS_HOME`` or a Chroma server.

Embeddings are always computed by Axis and handed to Chroma, and our embedding function is
attached on create *and* get, so Chroma's own default (which downloads a model) never runs.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from assistant.config import Settings
from assistant.errors import ConfigError, ServiceUnavailableError, StoreError
from assistant.retrieval.embeddings import ChromaEmbeddingFunction, Embedder

log = logging.getLogger(__name__)

_clients: dict[tuple, Any] = {}


def _chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def _unreachable(settings: Settings, exc: Exception) -> ServiceUnavailableError:
    scheme = "https" if settings.chroma_ssl else "http"
    url = f"{scheme}://{settings.chroma_host}:{settings.chroma_port}"
    return ServiceUnavailableError(
        f"Cannot reach the Chroma server at {url} — is `chroma run` running there? "
        "(set AXIS_CHROMA_HOST/AXIS_CHROMA_PORT, or unset AXIS_CHROMA_HOST to use the "
        f"embedded store) [{type(exc).__name__}: {exc}]",
        service="chroma",
        url=url,
    )


def get_client(settings: Settings) -> Any:
    """One client per location and process (Chroma clients hold caches and threads)."""
    import chromadb

    if settings.chroma_host:
        key: tuple = ("http", settings.chroma_host, settings.chroma_port, settings.chroma_ssl)
    else:
        key = ("path", str(settings.chroma_path))
    client = _clients.get(key)
    if client is not None:
        return client
    try:
        if settings.chroma_host:
            client = chromadb.HttpClient(
                host=settings.chroma_host,
                port=settings.chroma_port,
                ssl=settings.chroma_ssl,
                settings=_chroma_settings(),
            )
            client.heartbeat()
        else:
            settings.chroma_path.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(
                path=str(settings.chroma_path), settings=_chroma_settings()
            )
    except ServiceUnavailableError:
        raise
    except Exception as exc:
        if settings.chroma_host:
            raise _unreachable(settings, exc) from exc
        raise StoreError(
            f"Cannot open the vector store at {settings.chroma_path} [{exc}] — check the "
            "folder's permissions and free space (AXIS_HOME)"
        ) from exc
    _clients[key] = client
    return client


def forget_clients() -> None:
    """Drop cached clients, closing server connections (tests, shutdown)."""
    for client in _clients.values():
        session = getattr(getattr(client, "_server", None), "_session", None)
        if session is not None:
            session.close()
    _clients.clear()


class ChromaCollection:
    """One workspace's collection, with id/embedding level operations only."""

    def __init__(self, settings: Settings, embedder: Embedder) -> None:
        self._settings = settings
        self._embedder = embedder
        self.name = f"axis-{settings.workspace}"
        self._client = get_client(settings)
        self._collection = self._call(
            self._client.get_or_create_collection,
            name=self.name,
            embedding_function=ChromaEmbeddingFunction(embedder),
            metadata={"hnsw:space": "cosine", "axis:embedding": embedder.name},
        )
        built_with = (self._collection.metadata or {}).get("axis:embedding")
        if built_with and built_with != embedder.name:
            raise ConfigError(
                f"Workspace '{settings.workspace}' was indexed with the {built_with!r} "
                f"embeddings, but AXIS_EMBEDDING is {embedder.name!r} — set it back, or "
                "ingest into a new workspace (--workspace)"
            )

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (ConfigError, StoreError, ServiceUnavailableError):
            raise
        except Exception as exc:
            if self._settings.chroma_host and _is_connection_error(exc):
                raise _unreachable(self._settings, exc) from exc
            raise

    def count(self) -> int:
        return int(self._call(self._collection.count))

    def upsert(
        self,
        ids: Sequence[str],
        embeddings: np.ndarray,
        documents: Sequence[str],
        metadatas: Sequence[Mapping[str, Any]],
    ) -> None:
        batch = max(1, min(5000, self._call(self._client.get_max_batch_size)))
        for start in range(0, len(ids), batch):
            end = start + batch
            self._call(
                self._collection.upsert,
                ids=list(ids[start:end]),
                embeddings=embeddings[start:end],
                documents=list(documents[start:end]),
                metadatas=[dict(m) for m in metadatas[start:end]],
            )

    def set_kind(self, ids: Sequence[str], kind: str) -> None:
        """Relabel chunks (a user corrected their document's kind); vectors stay as they are."""
        ids = list(ids)
        for start in range(0, len(ids), 5000):
            part = ids[start : start + 5000]
            found = self._call(self._collection.get, ids=part, include=["metadatas"])
            metadatas = [{**(m or {}), "kind": kind} for m in found["metadatas"]]
            self._call(self._collection.update, ids=found["ids"], metadatas=metadatas)

    def delete(self, ids: Sequence[str]) -> None:
        ids = list(ids)
        batch = 5000
        for start in range(0, len(ids), batch):
            self._call(self._collection.delete, ids=ids[start : start + batch])

    def query(
        self, embedding: np.ndarray, *, k: int, where: Mapping[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        """Nearest chunk ids with cosine similarity (1 - cosine distance)."""
        if k <= 0:
            return []
        result = self._call(
            self._collection.query,
            query_embeddings=[embedding],
            n_results=k,
            where=dict(where) if where else None,
            include=["distances"],
        )
        ids = result["ids"][0]
        distances = result["distances"][0]
        return [(cid, 1.0 - float(d)) for cid, d in zip(ids, distances, strict=True)]

    def embeddings(self, ids: Sequence[str]) -> np.ndarray:
        """Stored vectors of ``ids`` (for calibration samples; missing ids are skipped)."""
        if not ids:
            return np.zeros((0, 0), dtype=np.float32)
        result = self._call(self._collection.get, ids=list(ids), include=["embeddings"])
        vectors = result.get("embeddings")
        if vectors is None or len(vectors) == 0:
            return np.zeros((0, 0), dtype=np.float32)
        return np.asarray(vectors, dtype=np.float32)


def _is_connection_error(exc: Exception) -> bool:
    import httpx

    if isinstance(exc, httpx.TransportError | ConnectionError | TimeoutError):
        return True
    text = f"{type(exc).__name__} {exc}".lower()
    return any(s in text for s in ("connect", "could not reach", "timed out", "unavailable"))
