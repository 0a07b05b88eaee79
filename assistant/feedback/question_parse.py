"""Reading a counting question about feedback: what is counted, about what, over when.

    parse_question("今月FABRINAに触れたメモは何件？", today=…) → ParsedQuestion(kind="mentions",
        topic="FABRINA", period=Period(2026-10-01 … 2026-10-31, "2026-10"))

Kinds: ``mentions`` (何件 / how many), ``top`` (一番多い / what came up most) and ``trend``
(増えている / rising).  A question is a feedback question only when it says so — メモ, 声,
指摘, 意見, 要望, 懸念, 触れた, notes, feedback, concerns, mentions, came up, … — so 「今月の
MQLは何件？」 is left to the KPI engine.  Periods: 今月 / this month, 先月 / last month, 今年 /
this year, 去年・昨年 / last year, 直近Nか月 / last N months, 2026年9月 / 2026-09; relative
ones are counted from ``today``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from assistant.text.normalize import nfkc

Kind = Literal["mentions", "top", "trend"]


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    label: str
    months: int


@dataclass(frozen=True)
class ParsedQuestion:
    kind: Kind
    topic: str | None
    period: Period | None


_CUES = re.compile(
    r"メモ|声|指摘|意見|要望|不満|懸念|フィードバック|言及|触れ|話題|課題|商談|"
    r"\bnotes?\b|feedback|mention|concern|complaint|comment|issue|came up|raised|heard",
    re.IGNORECASE,
)
_TOP = re.compile(
    r"一番多い|いちばん多い|最も多い|最多|トップ|多かった|"
    r"(?:came up|mentioned|raised|heard)\s+(?:the\s+)?most|most\s+(?:common|frequent|mentioned|"
    r"raised)|top\s+(?:theme|issue|topic|concern)",
    re.IGNORECASE,
)
_TREND = re.compile(
    r"増えて|減って|増加|減少|推移|傾向|伸びて|増えた|減った|"
    r"rising|increasing|growing|going up|on the rise|declining|decreasing|falling|going down|trend",
    re.IGNORECASE,
)
_COUNT = re.compile(
    r"何件|件数|いくつ|何個|何回|どれくらい|どのくらい|how many|number of|count of|how often",
    re.IGNORECASE,
)
_MONTHS_BACK = re.compile(
    r"(?:直近|過去|ここ|最近)\s*(\d{1,2})\s*(?:か月|ヶ月|カ月|ケ月|ヵ月)|"
    r"(?:last|past)\s+(\d{1,2})\s+months?",
    re.IGNORECASE,
)
_MONTH = re.compile(r"(\d{4})\s*(?:年|-|/)\s*(\d{1,2})\s*月?")
_RELATIVE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"今月|this month", re.I), "this_month"),
    (re.compile(r"先月|last month", re.I), "last_month"),
    (re.compile(r"今年|this year", re.I), "this_year"),
    (re.compile(r"去年|昨年|last year", re.I), "last_year"),
]
# What is left around a topic once the question words are gone.
_JA_NOISE = re.compile(
    r"(?:営業)?(?:メモ|声|指摘|意見|要望|不満|懸念|フィードバック|言及|話題)(?:の)?|"
    r"に触れた|に触れている|に言及した|に言及している|についての|について|に関する|に関して|"
    r"何件|件数|いくつ|何個|何回|どれくらい|どのくらい|"
    r"増えて(?:いる|る|きた|います)?|減って(?:いる|る|きた|います)?|増加|減少|推移|傾向|"
    r"を?教えて(?:ください|下さい)?|知りたい|"
    r"ですか|でしょうか|ある|あった|あります|ました|した|してる|している|いる"
)
_EN_NOISE = re.compile(
    r"\b(?:how many|number of|count of|how often|are|is|was|were|have|has|been|did|do|does|"
    r"what|which|the|a|an|of|in|on|about|regarding|re|there|we|our|sales|notes?|feedback|"
    r"mention(?:s|ed|ing)?|concerns?|complaints?|comments?|issues?|rising|increasing|growing|"
    r"going up|on the rise|declining|decreasing|falling|going down|trend(?:ing)?|came up|"
    r"raised|heard|so far|that|from|customers?|tell me|show me|please)\b",
    re.IGNORECASE,
)
_EDGE = re.compile(
    r"^[\s、。,.!?？！「」『』\"'はがのにをでとも]+|[\s、。,.!?？！「」『』\"'はがのにをでとも]+$"
)


_FUNCTION_WORD = re.compile(r"[ぁ-ゖ]{1,4}")


def _shift(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def month_period(first: dt.date, months: int = 1) -> Period:
    """``months`` whole months starting with ``first``'s month."""
    start = first.replace(day=1)
    end = _shift(start, months) - dt.timedelta(days=1)
    label = f"{start:%Y-%m}" if months == 1 else f"{start:%Y-%m}〜{end:%Y-%m}"
    return Period(start=start, end=end, label=label, months=months)


def _period(text: str, today: dt.date) -> tuple[Period | None, str]:
    """The period the question names, and the question without it."""
    if match := _MONTHS_BACK.search(text):
        n = int(match.group(1) or match.group(2))
        return month_period(_shift(today, 1 - n), n), text.replace(match.group(0), " ")
    if match := _MONTH.search(text):
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            return month_period(dt.date(year, month, 1)), text.replace(match.group(0), " ")
    for pattern, name in _RELATIVE:
        if match := pattern.search(text):
            rest = text.replace(match.group(0), " ")
            if name == "this_month":
                return month_period(today), rest
            if name == "last_month":
                return month_period(_shift(today, -1)), rest
            year = today.year if name == "this_year" else today.year - 1
            period = month_period(dt.date(year, 1, 1), 12)
            return Period(period.start, period.end, str(year), 12), rest
    return None, text


def _topic(text: str, kind: Kind) -> str | None:
    if kind == "top":
        return None
    japanese = bool(re.search(r"[ぁ-ゖァ-ヺ一-龥]", text))
    text = _TOP.sub(" ", text)
    text = (_JA_NOISE if japanese else _EN_NOISE).sub(" ", text)
    if japanese:
        text = _EN_NOISE.sub(" ", text) if not re.search(r"[A-Za-z]{2,}", text) else text
    kept = []
    for fragment in text.split():
        previous = None
        while previous != fragment:
            previous = fragment
            fragment = _EDGE.sub("", fragment.strip())
        if fragment and not _FUNCTION_WORD.fullmatch(fragment):
            kept.append(fragment)
    return " ".join(kept) or None


def parse_question(question: str, *, today: dt.date) -> ParsedQuestion | None:
    """The counting question in ``question``, or ``None`` when it is not one about notes."""
    text = nfkc(question).strip()
    if not _CUES.search(text):
        return None
    if _TOP.search(text):
        kind: Kind = "top"
    elif _TREND.search(text):
        kind = "trend"
    elif _COUNT.search(text):
        kind = "mentions"
    else:
        return None
    period, rest = _period(text, today)
    topic = _topic(rest, kind)
    if kind != "top" and topic is None:
        return None
    return ParsedQuestion(kind=kind, topic=topic, period=period)
