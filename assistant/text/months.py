"""Calendar months as ``YYYY-MM`` strings: arithmetic and how a month is written in ja/en.

Every part of Axis that counts months (KPI consolidation, diagnosis windows, chat's "先月",
feedback trends) uses these, so a month is shifted and shown the same way everywhere.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["ja", "en"]


def month_index(month: str) -> int:
    """``2026-09`` → a number that grows by one per month (year × 12 + month − 1)."""
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


def month_at(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def shift_month(month: str, delta: int) -> str:
    """The month ``delta`` months after (negative: before) ``month``."""
    return month_at(month_index(month) + delta)


def month_range(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last``, both included (empty when ``last`` is earlier)."""
    return [month_at(i) for i in range(month_index(first), month_index(last) + 1)]


def format_month(month: str, lang: str) -> str:
    """``2026-09`` as a reader writes it: 「2026年9月」 in Japanese, ``2026-09`` in English."""
    if lang != "ja":
        return month
    year, number = month.split("-")
    return f"{year}年{int(number)}月"


def format_period(months: list[str], lang: str) -> str:
    """A run of months as one phrase: 「2026年6月〜2026年11月」, ``2026-06 to 2026-11``."""
    if not months:
        return ""
    first, last = format_month(months[0], lang), format_month(months[-1], lang)
    if first == last:
        return first
    return f"{first}〜{last}" if lang == "ja" else f"{first} to {last}"
