"""What a KPI column header means, by a small grammar rather than a list of spellings.

A header is a *base metric* (リード, MQL, SQL, 商談, 受注, 売上, 広告費 …) with, in any order
and in or out of brackets, a *role* word (目標・計画・予算 = target, 実績 = actual,
見込み・予測 = forecast), a *count* word (数・件数・件) and a *unit* (円・千円・万円・百万円・億円,
%, 件).  So 「目標_受注件数」, 「受注数（目標）」, 「受注 目標」 and "Plan Won" all read as the
won-deal target, and 「広告費(千円)」 as spend in thousands of yen.  A month column is a
fiscal/period word (年月・対象月・月度・期間・month).  Ratios and unit costs (率, CPL, 単価,
ROI) are computed by Axis, so such columns are *derived* and never read as inputs.

Anything else is *unknown*: the loader keeps it as text and reports it with the closest
field and the exact ``--map`` that would use it — a column is never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.text.normalize import nfkc

Role = Literal["actual", "target", "forecast"]

BASES: dict[str, tuple[str, ...]] = {
    "leads": (
        "リード", "新規リード", "獲得リード", "見込み客", "見込客", "新規問い合わせ", "問い合わせ",
        "leads", "lead", "new leads", "prospects", "inquiries",
    ),
    "mql": (
        "mql", "mqls", "marketingqualifiedlead", "marketingqualifiedleads",
        "マーケティングクオリファイドリード", "有望リード", "ホットリード",
    ),
    "sql": (
        "sql", "sqls", "salesqualifiedlead", "salesqualifiedleads", "セールスクオリファイドリード",
        "商談化", "商談化数", "sal",
    ),
    "opportunities": ("商談", "案件", "商談創出", "opportunities", "opportunity", "opps"),
    "won": (
        "受注", "成約", "契約", "新規顧客", "獲得顧客", "won", "wins", "dealswon", "wondeals",
        "closedwon", "closedwondeals", "newcustomers", "customers won",
    ),
    "revenue": (
        "売上", "売上高", "売上金額", "受注金額", "受注額", "成約金額", "収益", "revenue", "sales",
        "bookings", "closedwonamount", "sumofamount",
    ),
    "spend": (
        "広告費", "広告宣伝費", "販促費", "マーケティング費", "マーケティング費用", "マーケ費用",
        "マーケ費", "広告", "費用", "コスト", "予算消化", "投資額", "spend", "adspend", "cost", "costs",
        "marketingspend", "amountspent", "marketingcost",
    ),
}  # fmt: skip
MONTH_WORDS = frozenset(
    {
        "年月",
        "月",
        "対象月",
        "対象年月",
        "月度",
        "期間",
        "年度月",
        "計上月",
        "month",
        "period",
        "yearmonth",
        "yyyymm",
        "reportingmonth",
    }  # fmt: skip
)
SEGMENT_WORDS = frozenset(
    {
        "セグメント",
        "チャネル",
        "チャネル名",
        "施策",
        "施策名",
        "流入元",
        "キャンペーン",
        "媒体",
        "segment",
        "channel",
        "source",
        "campaign",
        "medium",
    }  # fmt: skip
)
_ROLES: tuple[tuple[str, Role], ...] = (
    ("目標", "target"), ("計画", "target"), ("予算", "target"), ("ノルマ", "target"),
    ("target", "target"), ("goal", "target"), ("planned", "target"), ("plan", "target"),
    ("budget", "target"), ("quota", "target"),
    ("実績", "actual"), ("実数", "actual"), ("actuals", "actual"), ("actual", "actual"),
    ("result", "actual"),
    ("見込み", "forecast"), ("見込", "forecast"), ("予測", "forecast"), ("着地", "forecast"),
    ("forecast", "forecast"),
)  # fmt: skip
_FILLERS = (
    "獲得件数", "獲得数", "件数", "人数", "社数", "獲得", "新規", "合計", "月次", "月間", "総",
    "全体", "数", "件", "numberof", "count", "total", "no.", "#", "の",
)  # fmt: skip
_DERIVED = (
    "転換率", "移行率", "率", "cvr", "cpl", "cpa", "cac", "roi", "roas", "単価", "比率", "比",
    "%", "ratio", "rate", "percentage", "per",
)  # fmt: skip
_SCALES: tuple[tuple[str, int], ...] = (
    ("百万", 1_000_000), ("億", 100_000_000), ("万", 10_000), ("千", 1_000),
    ("million", 1_000_000), ("thousand", 1_000),
)  # fmt: skip
_OTHER_CURRENCIES = ("usd", "$", "eur", "€", "ドル", "ユーロ", "gbp", "£", "cny", "元")
_BRACKETS = re.compile(r"[(（\[【「〔<＜]([^()（）\[\]【】「」〔〕<>＜＞]*)[)）\]】」〕>＞]")
_SEPARATORS = re.compile(r"[\s_\-‐/／:：・|｜.,、]+")
_UNIT_TAIL = re.compile(r"(百万円|千円|万円|億円|円|jpy|yen|件|%)$")
MONEY = frozenset({"spend", "revenue"})


@dataclass(frozen=True)
class Meaning:
    """What one header says: the field (``leads``, ``target_won``, ``month`` …) or why not."""

    field: str | None
    status: Literal["field", "month", "segment", "derived", "forecast", "unknown"]
    unit: str = ""
    base: str | None = None
    role: Role = "actual"


def squash(text: str) -> str:
    return _SEPARATORS.sub("", nfkc(text).casefold())


def split_header(name: str) -> tuple[str, list[str]]:
    """(words outside brackets, squashed; the bracketed qualifiers, squashed)."""
    text = nfkc(name).strip()
    qualifiers = [squash(q) for q in _BRACKETS.findall(text)]
    return squash(_BRACKETS.sub(" ", text)), [q for q in qualifiers if q]


def _take_role(text: str, qualifiers: list[str]) -> tuple[str, Role | None]:
    """The role the header states (brackets first), and the text without role words."""
    found: Role | None = next(
        (role for word, role in _ROLES if any(word in q for q in qualifiers)), None
    )
    for word, role in _ROLES:
        if word in text:
            found = found or role
            text = text.replace(word, "")
    return text, found


def _strip(text: str, words: tuple[str, ...]) -> str:
    for word in sorted(words, key=len, reverse=True):
        text = text.replace(word, "")
    return text


_BASE_INDEX = sorted(
    ((squash(s), field) for field, synonyms in BASES.items() for s in synonyms),
    key=lambda pair: -len(pair[0]),
)


def _base(text: str) -> tuple[str | None, str]:
    """The base metric in ``text`` (longest synonym first) and what is left around it."""
    for synonym, field in _BASE_INDEX:
        if synonym in text:
            return field, text.replace(synonym, "", 1)
    return None, text


_UNIT_WORDS = ("円", "jpy", "yen", "件", "%", "thousand", "million", "千", "万", "億", "人", "社")


def _is_unit(qualifier: str) -> bool:
    return (
        qualifier in ("k", "kjpy", "jpyk")
        or any(word in qualifier for word in _UNIT_WORDS)
        or other_currency(qualifier)
    )


def _role_word_base(text: str) -> str | None:
    """A base whose own name holds a role word (「見込み客」, 「予算消化」) matched whole."""
    for synonym, field in _BASE_INDEX:
        if synonym in text and any(word in synonym for word, _role in _ROLES):
            return field
    return None


def meaning(name: str) -> Meaning:
    text, qualifiers = split_header(name)
    unit = next((q for q in qualifiers if _is_unit(q)), "")
    qualifiers = [q for q in qualifiers if q != unit]
    if not unit and (m := _UNIT_TAIL.search(text)) and text != m.group(1):
        unit, text = m.group(1), text[: m.start()]
    if text in MONTH_WORDS and not qualifiers:
        return Meaning("month", "month")
    if text in SEGMENT_WORDS:
        return Meaning("segment", "segment")
    if any(word in text for word in _DERIVED) or any(
        q.endswith("%") or q in _DERIVED for q in qualifiers
    ):
        base, _rest = _base(text)
        return Meaning(None, "derived", unit=unit, base=base)
    if (whole := _role_word_base(text)) is not None:
        base = whole
        rest, role = _take_role(_base(text)[1], qualifiers)
    else:
        text, role = _take_role(text, qualifiers)
        base, rest = _base(text)
    if base is None and role == "target" and _strip(text, _FILLERS) == "":
        base = "spend"  # 「予算」 alone is the marketing budget
    if base is None or _strip(rest, _FILLERS):
        return Meaning(None, "unknown", unit=unit, base=base, role=role or "actual")
    if role == "forecast":
        return Meaning(None, "forecast", unit=unit, base=base, role="forecast")
    field = f"target_{base}" if role == "target" else base
    return Meaning(field, "field", unit=unit, base=base, role=role or "actual")


def unit_scale_of(unit: str) -> int:
    for word, factor in _SCALES:
        if word in unit:
            return factor
    return 1_000 if unit in ("k", "kjpy", "jpyk") else 1


def other_currency(unit: str) -> bool:
    return any(currency in unit for currency in _OTHER_CURRENCIES)


def closest_field(name: str, fields: tuple[str, ...]) -> str | None:
    """The field whose names share most characters with ``name`` (a hint, not a mapping)."""
    text = split_header(name)[0]
    best, best_score = None, 0.0
    for synonym, field in _BASE_INDEX:
        shared = len(set(synonym) & set(text))
        score = shared / max(len(set(synonym) | set(text)), 1)
        if score > best_score and field in fields:
            best, best_score = field, score
    return best if best_score >= 0.15 else None
