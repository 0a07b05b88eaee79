"""Fusing ranked lists from the lexical and dense retrievers.

Reciprocal rank fusion (Cormack et al., 2009) needs no score calibration, which matters
because BM25 scores and cosine similarities live on unrelated scales.  Weights and the
constant ``k`` were chosen on JSQuAD by ``bench/retrieval.py``.
"""

from __future__ import annotations

from collections.abc import Sequence


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]],
    *,
    weights: Sequence[float] | None = None,
    k: float = 60.0,
) -> list[tuple[str, float]]:
    """Fuse best-first id lists into one best-first list of ``(id, score)``.

    An id's score is ``sum(w_i / (k + rank_i))`` over the lists it appears in (rank from 1).
    Ties keep the order of first appearance, so the result is deterministic.
    """
    if weights is None:
        weights = [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError("one weight per ranking")
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def zscore_fusion(
    signals: Sequence[tuple[dict[int, float], float, float, float]],
    weights: Sequence[float],
) -> list[tuple[int, float]]:
    """Convex combination of z-scored signals over the union of their candidates.

    Each signal is ``(scores, mean, std, floor)``: candidate scores, the statistics to
    standardise with, and the raw score assumed for a candidate the signal did not return
    (its lowest returned score — "no better than the worst one we saw").  Unlike rank
    fusion this keeps *how much* better the top hit is, which is what lifts Recall@1 when one
    retriever is confident and the other is not.
    """
    if len(weights) != len(signals):
        raise ValueError("one weight per signal")
    candidates: dict[int, None] = {}
    for scores, *_ in signals:
        candidates.update(dict.fromkeys(scores))
    fused: dict[int, float] = {}
    for item in candidates:
        total = 0.0
        for (scores, mean, std, floor), weight in zip(signals, weights, strict=True):
            raw = scores.get(item, floor)
            total += weight * ((raw - mean) / std if std > 0 else 0.0)
        fused[item] = total
    return sorted(fused.items(), key=lambda kv: -kv[1])
