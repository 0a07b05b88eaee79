"""Which notes say nothing groupable, and which notes re-enter another.

A duplicate is *the same note entered again*: pasted into the CRM and the spreadsheet, or a
rep re-typing last week's meeting note, lightly reworded (lines reordered, a word changed, a
sentence added or dropped).  The same words from two different accounts are two customers
saying the same thing — two signals — so two notes can only be one when

* their accounts do not differ (the same account, or one of them gives none), and
* their dates are at most ``window_days`` apart (``AXIS_FEEDBACK_DUPLICATE_DAYS``, 14 by
  default; a missing date never disagrees);

and then when their text says so:

* exact: equal after normalisation (NFKC, case, spaces and punctuation removed, re-post
  markers such as （再掲） / 【追記】 dropped);
* near: embedding cosine ≥ ``NEAR_COSINE`` *and* ≥ ``NEAR_OVERLAP`` of the shorter note's
  character pairs found in the other (an overlap coefficient, so a sentence added to the
  re-entry does not hide it the way it lowers a Jaccard).

How the two numbers were chosen (``bench/feedback_methods.py --duplicates``, on
``bench/data/feedback_eval`` only): its own duplicates are all same-day copies, so every one
of its 303 themed notes was re-entered by rewording it — one or two of: reorder the
sentences, drop one, add a stock sentence, swap a word (「言われた」→「指摘された」) — and
set against the 6,661 pairs of *different* notes on the same theme.  0.93 is the 1st
percentile of the re-entries' cosine; 0.8 is the strictest overlap that still keeps 97.7 %
of them, and lets 1.9 % of the same-theme pairs through *before* the account and date rule,
which removes nearly all of those.  The previous rule (cosine ≥ 0.95, bigram Jaccard ≥ 0.7,
at most one day apart) found 57 % of the re-entries.

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

NEAR_COSINE = 0.93
NEAR_OVERLAP = 0.8
WINDOW_DAYS = 14
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


def overlap(a: str, b: str) -> float:
    """Share of the shorter text's character pairs that the other text contains."""
    x, y = _bigrams(dedup_key(a)), _bigrams(dedup_key(b))
    return len(x & y) / min(len(x), len(y))


def _account(note: FeedbackNote) -> str | None:
    return nfkc(note.account).strip() or None if note.account else None


def compatible(a: FeedbackNote, b: FeedbackNote, *, window_days: int = WINDOW_DAYS) -> bool:
    """Could these two rows be the same note?  Missing metadata never disagrees."""
    first, second = _account(a), _account(b)
    if first and second and first != second:
        return False
    return not (a.date and b.date and abs((a.date - b.date).days) > window_days)


def _pair(
    notes: Sequence[FeedbackNote],
    texts: Sequence[str],
    vectors: np.ndarray | None,
    i: int,
    j: int,
    ids: Sequence[str],
) -> DuplicatePair:
    """Note ``j`` counted as note ``i``, with the evidence for it."""
    a, b = notes[i], notes[j]
    first, second = _account(a), _account(b)
    exact = dedup_key(texts[i]) == dedup_key(texts[j])
    cosine = 1.0 if exact or vectors is None else float(vectors[i] @ vectors[j])
    return DuplicatePair(
        note_id=ids[i],
        duplicate_id=ids[j],
        kind="exact" if exact else "near",
        similarity=round(min(cosine, 1.0), 3),
        overlap=1.0 if exact else round(overlap(texts[i], texts[j]), 3),
        same_account=(first == second) if first and second else None,
        account=first if first and first == second else None,
        same_rep=(a.rep.strip() == b.rep.strip()) if a.rep and b.rep else None,
        days_apart=abs((b.date - a.date).days) if a.date and b.date else None,
    )


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
    window_days: int = WINDOW_DAYS,
) -> tuple[list[int], list[DuplicatePair]]:
    """Return each note's canonical index and one pair per repeat (canonical, repeat).

    ``texts`` are the redacted texts, ``vectors`` their unit embeddings (row ``i`` for note
    ``i``; ``None`` skips the near-duplicate pass).  Only ``candidates`` (default: all) take
    part; the others are their own canonical.
    """
    pool = list(range(len(notes))) if candidates is None else list(candidates)
    groups = _Groups(len(notes))
    seen: dict[str, list[int]] = {}
    for i in pool:
        key = dedup_key(texts[i])
        for j in seen.get(key, []):
            if compatible(notes[j], notes[i], window_days=window_days):
                groups.union(j, i)
                break
        seen.setdefault(key, []).append(i)
    if vectors is not None and len(pool) > 1:
        _near(notes, texts, vectors, pool, groups, window_days)
    canonical = [groups.find(i) for i in range(len(notes))]
    pairs = [_pair(notes, texts, vectors, canonical[i], i, ids) for i in pool if canonical[i] != i]
    return canonical, pairs


def _near(
    notes: Sequence[FeedbackNote],
    texts: Sequence[str],
    vectors: np.ndarray,
    pool: list[int],
    groups: _Groups,
    window_days: int,
) -> None:
    """Blockwise cosine over the pool; confirm candidates by metadata and shared wording."""
    index = np.asarray(pool)
    matrix = vectors[index]
    for start in range(0, len(index), _BLOCK):
        block = matrix[start : start + _BLOCK] @ matrix.T
        rows, cols = np.nonzero(block >= NEAR_COSINE)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            i, j = int(index[start + r]), int(index[c])
            if j <= i or groups.find(i) == groups.find(j):
                continue
            if not compatible(notes[i], notes[j], window_days=window_days):
                continue
            if overlap(texts[i], texts[j]) >= NEAR_OVERLAP:
                groups.union(i, j)
