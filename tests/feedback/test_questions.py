"""Counting questions answered by code from stored notes: counts, periods, citations."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.db.records import StoredFeedbackNote
from assistant.domain import FeedbackNote
from assistant.feedback.question_parse import parse_question
from assistant.feedback.questions import answer_count_question
from tests.feedback.conftest import INTEGRATION, PRICE, SECURITY, BigramEmbedder

TODAY = dt.date(2026, 10, 15)


def _stored(*rows: tuple[str, dt.date | None, str | None]) -> list[StoredFeedbackNote]:
    return [
        StoredFeedbackNote(
            source="notes.csv", note=FeedbackNote(row=i, text=text, date=date, account=account)
        )
        for i, (text, date, account) in enumerate(rows, start=1)
    ]


def _ask(question: str, notes, language: str = "ja"):  # type: ignore[no-untyped-def]
    return answer_count_question(
        question, notes, language=language, today=TODAY, embedder=BigramEmbedder()
    )


@pytest.mark.parametrize(
    ("question", "kind", "topic", "period"),
    [
        ("FABRINAに触れたメモは何件？", "mentions", "FABRINA", None),
        ("今月一番多い声は？", "top", None, "2026-10"),
        ("セキュリティの指摘は増えている？", "trend", "セキュリティ", None),
        ("先月、価格についての声は何件ありましたか", "mentions", "価格", "2026-09"),
        ("直近3か月でOTA連携の要望は増えていますか", "trend", "OTA連携", "2026-08〜2026-10"),
        ("how many notes mention FABRINA?", "mentions", "FABRINA", None),
        ("what came up most this month?", "top", None, "2026-10"),
        ("are security concerns rising?", "trend", "security", None),
        ("How many notes about pricing in 2026-09?", "mentions", "pricing", "2026-09"),
    ],
)
def test_questions_are_read_into_kind_topic_and_period(question, kind, topic, period) -> None:  # type: ignore[no-untyped-def]
    parsed = parse_question(question, today=TODAY)
    assert parsed is not None
    assert (parsed.kind, parsed.topic) == (kind, topic)
    assert (parsed.period.label if parsed.period else None) == period


@pytest.mark.parametrize("question", ["今月のMQLは何件？", "SLA案を作って", "What is our CPL?"])
def test_other_questions_are_not_counting_questions_about_notes(question: str) -> None:
    assert parse_question(question, today=TODAY) is None
    assert _ask(question, _stored(("価格が高い", None, None))) is None


def test_a_name_is_counted_in_every_spelling_once_per_note_with_citations() -> None:
    notes = _stored(
        ("競合のFABRINAと比較されている。", dt.date(2026, 9, 2), "A社"),
        ("ﾌｧﾌﾞﾘﾅの方が安いと言われた。", dt.date(2026, 10, 3), "B社"),
        ("ＦＡＢＲＩＮＡに決まりそう。価格差が理由。", dt.date(2026, 10, 9), "C社"),
        ("ＦＡＢＲＩＮＡに決まりそう。価格差が理由。", dt.date(2026, 10, 9), "C社"),  # pasted twice
        (PRICE[0], dt.date(2026, 10, 1), "D社"),
    )
    answer = _ask("FABRINAに触れたメモは何件？", notes)
    assert answer is not None and answer.kind == "mentions"
    assert answer.count == 3 and answer.duplicates_merged == 1
    assert answer.matched_names == ["FABRINA"]
    assert [(c.source, c.row) for c in answer.citations] == [
        ("notes.csv", 3),
        ("notes.csv", 2),
        ("notes.csv", 1),
    ]
    assert [(m.label, m.count) for m in answer.by_month] == [("2026-09", 1), ("2026-10", 2)]
    assert answer.text == "「FABRINA」に触れたメモは3件です（重複を除く）。"
    this_month = _ask("今月FABRINAに触れたメモは何件？", notes)
    assert this_month is not None and this_month.count == 2
    assert this_month.period is not None and this_month.period.label == "2026-10"


def test_rising_compares_the_last_three_months_with_the_three_before() -> None:
    older = [(t, dt.date(2026, 6, 10 + i), f"X{i}") for i, t in enumerate(SECURITY[:1])]
    recent = [(t, dt.date(2026, 9, 1 + i), f"Y{i}") for i, t in enumerate(SECURITY)]
    others = [(t, dt.date(2026, 9, 20), f"Z{i}") for i, t in enumerate([*PRICE, *INTEGRATION])]
    answer = _ask("セキュリティの指摘は増えている？", _stored(*older, *recent, *others))
    assert answer is not None and answer.kind == "trend"
    assert answer.before is not None and answer.period is not None
    assert (answer.before.label, answer.before.count) == ("2026-05〜2026-07", 1)
    assert (answer.period.label, answer.period.count) == ("2026-08〜2026-10", 4)
    assert answer.direction == "rising" and answer.count == 4
    assert "1件から" in answer.text and "4件" in answer.text and "増えています" in answer.text
    en = _ask("are security concerns rising?", _stored(*older, *recent, *others), "en")
    assert en is not None and en.direction is not None


def test_what_came_up_most_this_month_is_the_largest_theme_of_the_month() -> None:
    october = [(t, dt.date(2026, 10, 2 + i), f"P{i}") for i, t in enumerate(PRICE)]
    october += [(t, dt.date(2026, 10, 3), f"S{i}") for i, t in enumerate(SECURITY[:3])]
    september = [(t, dt.date(2026, 9, 3), f"I{i}") for i, t in enumerate(INTEGRATION)]
    answer = _ask("今月一番多い声は？", _stored(*october, *september))
    assert answer is not None and answer.kind == "top"
    assert answer.period is not None and answer.period.count == 7
    assert answer.themes and answer.count == answer.themes[0].count
    assert all(c.date and c.date.month == 10 for c in answer.citations)
    assert answer.text.startswith("2026-10に一番多いのは「")


def test_citations_are_redacted() -> None:
    notes = _stored(
        ("FABRINAの件、窓口は山田様（090-0000-1234）。", dt.date(2026, 10, 1), None),
        ("FABRINAと比較中。", dt.date(2026, 10, 2), None),
    )
    answer = _ask("how many notes mention FABRINA?", notes, "en")
    assert answer is not None and answer.count == 2
    quotes = " ".join(c.quote for c in answer.citations)
    assert "090-0000-1234" not in quotes and "山田" not in quotes
    assert answer.text == "2 distinct note(s) mention “FABRINA”."


def test_a_prepared_index_answers_several_questions_without_embedding_again() -> None:
    from assistant.feedback.topic_match import NoteIndex

    stored = _stored(*[(t, dt.date(2026, 10, 1 + i), f"S{i}") for i, t in enumerate(SECURITY)])
    embedder = BigramEmbedder()
    index = NoteIndex.build(
        [s.note for s in stored], sources=[s.source for s in stored], embedder=embedder
    )
    calls = len(embedder.calls)
    answer = answer_count_question("セキュリティの指摘は何件？", [], today=TODAY, index=index)
    assert answer is not None and answer.count == 4
    assert len(embedder.calls) == calls  # a topic with its words in the notes needs no embedding
