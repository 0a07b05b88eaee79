"""Which notes say nothing groupable, and which notes repeat another.

A duplicate is *the same note entered twice* — pasted into the CRM and the spreadsheet, or
logged by two reps after one meeting — possibly lightly reworded.  The same words from two
different accounts are two customers saying the same thing, i.e. two signals, so metadata
decides when it exists: two notes are only duplicates when their accounts do not differ and
their dates are at most a day apart (a missing value never disagrees).

* exact: equal after normalisation (NFKC, case, spaces and punctuation removed, re-post
  markers such as （再掲） / 【追記】 dropped);
* near: embedding cosine ≥ ``NEAR_COSINE`` *and* character-bigram Jaccard ≥ ``NEAR_JACCARD``.
  The embedding finds candidates cheaply (one matrix product per block); the bigram check
  keeps "same topic, different note" out.  Both thresholds were set on the labelled set in
  ``bench/data/feedback_eval`` (every true pair had cosine ≥ 0.98 and Jaccard ≥ 0.82).

Each group keeps its earliest note as the one that is counted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from assistant.domain import FeedbackNote
from assistant.feedback.models import DuplicatePair
from assistant.feedback.pii import PLACEHOLDER_RE
from assistant.text.normalize import nfkc

NEAR_COSINE = 0.95
NEAR_JACCARD = 0.7
_BLOCK = 1024
_REPOST = re.compile(r"^[\s(（【\[]*(?:再掲|追記|再送|重複|転記|copy|repost)[\s)）】\]:：]*", re.I)
_PUNCT = re.compile(r"[\s\W_]+")
_URL = re.compile(r"https?://\S+|www\.\S+", re.I)
_WORD_CHARS = re.compile(r"[A-Za-z\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def dedup_key(text: str) -> str:
    """The text with everything a re-typed copy may change removed."""
    text = nfkc(text).casefold().strip()
    text = _REPOST.sub("", text)
    return _PUNCT.sub("", text)


def has_words(text: str) -> bool:
    """False for notes that are only emoji, URLs, symbols, numbers or PII placeholders."""
    stripped = PLACEHOLDER_RE.sub(" ", _URL.sub(" ", nfkc(text)))
    return len(_WORD_CHARS.findall(stripped)) >= 2


def _bigrams(key: str) -> set[str]:
    return {key[i : i + 2] for i in range(len(key) - 1)} or {key}


def jaccard(a: str, b: str) -> float:
    x, y = _bigrams(dedup_key(a)), _bigrams(dedup_key(b))
    return len(x & y) / len(x | y)


def compatible(a: FeedbackNote, b: FeedbackNote) -> bool:
    """Could these two rows be the same meeting?  Missing metadata never disagrees."""
    if a.account and b.account and nfkc(a.account).strip() != nfkc(b.account).strip():
        return False
    return not (a.date and b.date and abs((a.date - b.date).days) > 1)


class _Groups:
    """Union-find whose root is always the earliest index."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def find_duplicates(
    notes: Sequence[FeedbackNote],
    texts: Sequence[str],
    vectors: np.ndarray | None,
    *,
    ids: Sequence[str],
    candidates: Sequence[int] | None = None,
) -> tuple[list[int], list[DuplicatePair]]:
    """Return each note's canonical index and the (canonical, duplicate) pairs.

    ``texts`` are the redacted texts, ``vectors`` their unit embeddings (row ``i`` for note
    ``i``; ``None`` skips the near-duplicate pass).  Only ``candidates`` (default: all) take
    part; the others are their own canonical.
    """
    pool = list(range(len(notes))) if candidates is None else list(candidates)
    groups = _Groups(len(notes))
    kinds: dict[tuple[int, int], tuple[str, float]] = {}
    seen: dict[str, list[int]] = {}
    for i in pool:
        key = dedup_key(texts[i])
        for j in seen.get(key, []):
            if compatible(notes[j], notes[i]):
                groups.union(j, i)
                kinds[(j, i)] = ("exact", 1.0)
                break
        seen.setdefault(key, []).append(i)
    if vectors is not None and len(pool) > 1:
        _near(notes, texts, vectors, pool, groups, kinds)
    canonical = [groups.find(i) for i in range(len(notes))]
    pairs = []
    for i in pool:
        root = canonical[i]
        if root == i:
            continue
        kind, similarity = kinds.get((root, i)) or ("near", jaccard(texts[root], texts[i]))
        if (root, i) not in kinds and dedup_key(texts[root]) == dedup_key(texts[i]):
            kind, similarity = "exact", 1.0
        pairs.append(
            DuplicatePair(
                note_id=ids[root], duplicate_id=ids[i], kind=kind, similarity=round(similarity, 3)
            )
        )
    return canonical, pairs


def _near(
    notes: Sequence[FeedbackNote],
    texts: Sequence[str],
    vectors: np.ndarray,
    pool: list[int],
    groups: _Groups,
    kinds: dict[tuple[int, int], tuple[str, float]],
) -> None:
    """Blockwise cosine over the pool; confirm candidates by bigram Jaccard and metadata."""
    index = np.asarray(pool)
    matrix = vectors[index]
    for start in range(0, len(index), _BLOCK):
        block = matrix[start : start + _BLOCK] @ matrix.T
        rows, cols = np.nonzero(block >= NEAR_COSINE)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            i, j = int(index[start + r]), int(index[c])
            if j <= i or groups.find(i) == groups.find(j):
                continue
            if not compatible(notes[i], notes[j]):
                continue
            score = jaccard(texts[i], texts[j])
            if score >= NEAR_JACCARD:
                groups.union(i, j)
                kinds[(i, j)] = ("near", score)
