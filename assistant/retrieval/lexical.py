"""BM25 over the committed chunks, persisted beside the workspace and rebuilt on change.

bm25s has no incremental update, so the index is rebuilt from the tokens stored with each
chunk (tokenising once, at ingest) whenever the catalog's generation moves on, and saved so
another process (the app, a second CLI) can load it instead of rebuilding.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)


class LexicalIndex:
    """BM25 scores for every chunk of one catalog generation."""

    def __init__(self, model: object | None, n_docs: int, generation: int) -> None:
        self._model = model
        self.n_docs = n_docs
        self.generation = generation

    @classmethod
    def build(
        cls, tokens: list[list[str]], *, generation: int, k1: float, b: float
    ) -> LexicalIndex:
        import bm25s

        if not tokens:
            return cls(None, 0, generation)
        model = bm25s.BM25(k1=k1, b=b)
        # An empty document would make bm25s index nothing for it; a placeholder keeps rows aligned.
        model.index([t if t else [""] for t in tokens], show_progress=False)
        return cls(model, len(tokens), generation)

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk (zeros when no query token is in the vocabulary)."""
        if self._model is None:
            return np.zeros(0, dtype=np.float32)
        ids = self._model.get_tokens_ids(query_tokens)  # type: ignore[attr-defined]
        if not ids:
            return np.zeros(self.n_docs, dtype=np.float32)
        return self._model.get_scores_from_ids(ids)  # type: ignore[attr-defined]

    def save(self, directory: Path) -> None:
        if self._model is None:
            return
        tmp = directory.with_name(directory.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        self._model.save(str(tmp))  # type: ignore[attr-defined]
        (tmp / "axis.json").write_text(
            json.dumps({"generation": self.generation, "n_docs": self.n_docs})
        )
        shutil.rmtree(directory, ignore_errors=True)
        tmp.rename(directory)

    @classmethod
    def load(cls, directory: Path, *, generation: int, n_docs: int) -> LexicalIndex | None:
        """The saved index if it belongs to ``generation``; else ``None`` (caller rebuilds)."""
        import bm25s

        try:
            info = json.loads((directory / "axis.json").read_text())
            if info["generation"] != generation or info["n_docs"] != n_docs:
                return None
            model = bm25s.BM25.load(str(directory))
        except (OSError, ValueError, KeyError) as exc:
            log.debug("no usable saved BM25 index in %s: %s", directory, exc)
            return None
        return cls(model, n_docs, generation)
