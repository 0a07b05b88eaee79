"""Periods as months: fiscal years with the company's start month, quarters, halves, 先月, 今期.

Conventions (as Japanese companies write them): 「2025年度」 / FY2025 is the fiscal year that
starts in calendar 2025; 「2026年9月期」 is the fiscal year that *ends* in September 2026; Q1 is
the first three months of the fiscal year, 上期 the first six.  直近6か月 is the six complete
months before this one.  Every period resolves against an explicit ``today`` (``KpiOptions``),
so a question asked in December means the same in a test as on a director's laptop.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.analytics.query.model import (
    AllPeriod,
    CalendarYearPeriod,
    FiscalYearPeriod,
    HalfPeriod,
    MonthPeriod,
    Period,
    QuarterPeriod,
    RangePeriod,
    RelativePeriod,
    ShiftPeriod,
)
from assistant.text.months import format_month, month_index, month_range, shift_month


@dataclass(frozen=True)
class Calendar:
    """A company's fiscal calendar and the month Axis takes as this month."""

    fiscal_start: int
    this_month: str
    data_months: tuple[str, ...] = ()  # months with any figure, oldest first ("all")

    @property
    def last_month(self) -> str:
        return shift_month(self.this_month, -1)

    def fy_of(self, month: str) -> int:
        year, number = int(month[:4]), int(month[5:])
        return year if number >= self.fiscal_start else year - 1

    def fy_months(self, fy: int) -> list[str]:
        start = f"{fy:04d}-{self.fiscal_start:02d}"
        return month_range(start, shift_month(start, 11))

    def fy_ending(self, year: int, month: int) -> int:
        """The fiscal year 「{year}年{month}月期」 names (the one ending that month)."""
        return self.fy_of(shift_month(f"{year:04d}-{month:02d}", -11))

    def quarter_of(self, month: str) -> tuple[int, int]:
        fy = self.fy_of(month)
        return fy, self.fy_months(fy).index(month) // 3 + 1


@dataclass(frozen=True)
class Resolved:
    """A period's months and how to say it."""

    months: list[str]
    period: Period

    @property
    def first(self) -> str:
        return self.months[0]

    @property
    def last(self) -> str:
        return self.months[-1]


def resolve(period: Period, cal: Calendar) -> Resolved:
    return Resolved(_months(period, cal), period)


def _months(period: Period, cal: Calendar) -> list[str]:
    if isinstance(period, MonthPeriod):
        return [period.month]
    if isinstance(period, RangePeriod):
        return month_range(period.start, period.end)
    if isinstance(period, FiscalYearPeriod):
        return cal.fy_months(period.fy)
    if isinstance(period, QuarterPeriod):
        return cal.fy_months(period.fy)[3 * (period.q - 1) : 3 * period.q]
    if isinstance(period, HalfPeriod):
        return cal.fy_months(period.fy)[6 * (period.h - 1) : 6 * period.h]
    if isinstance(period, CalendarYearPeriod):
        return month_range(f"{period.year:04d}-01", f"{period.year:04d}-12")
    if isinstance(period, AllPeriod):
        months = cal.data_months
        return month_range(months[0], months[-1]) if months else []
    if isinstance(period, ShiftPeriod):
        return [shift_month(m, period.months) for m in _months(period.period, cal)]
    return _relative(period, cal)


def absolute(period: Period, cal: Calendar) -> Period:
    """A relative period as the fixed one it means today (今期 → FY2026), for showing it."""
    if not isinstance(period, RelativePeriod):
        return period
    rel, now = period.rel, cal.this_month
    fy = cal.fy_of(now)
    if rel == "this_month":
        return MonthPeriod(month=now)
    if rel == "last_month":
        return MonthPeriod(month=cal.last_month)
    if rel in ("this_fy", "last_fy"):
        return FiscalYearPeriod(fy=fy if rel == "this_fy" else fy - 1)
    if rel in ("this_quarter", "last_quarter"):
        fy, q = cal.quarter_of(now if rel == "this_quarter" else shift_month(now, -3))
        return QuarterPeriod(fy=fy, q=q)
    if rel in ("this_half", "last_half"):
        fy, q = cal.quarter_of(now if rel == "this_half" else shift_month(now, -6))
        return HalfPeriod(fy=fy, h=1 if q <= 2 else 2)
    months = _relative(period, cal)
    return RangePeriod(start=months[0], end=months[-1])


def _relative(period: RelativePeriod, cal: Calendar) -> list[str]:
    rel = period.rel
    if rel == "last_n_months":
        n = period.n or 1
        return month_range(shift_month(cal.last_month, -(n - 1)), cal.last_month)
    if rel == "this_fy_to_date":
        return month_range(cal.fy_months(cal.fy_of(cal.this_month))[0], cal.last_month)
    return _months(absolute(period, cal), cal)


# -- how a period is written ------------------------------------------------------------------


def span(months: list[str], lang: str) -> str:
    """「2026年6月〜11月」 (the year once when it does not change), ``2026-06 to 2026-11``."""
    if not months:
        return ""
    first, last = months[0], months[-1]
    if first == last:
        return format_month(first, lang)
    if lang != "ja":
        return f"{first} to {last}"
    if first[:4] == last[:4]:
        return f"{format_month(first, lang)}〜{int(last[5:])}月"
    return f"{format_month(first, lang)}〜{format_month(last, lang)}"


def describe_period(period: Period, cal: Calendar, lang: str) -> str:
    """The period as a director would write it, with its months when the name hides them:
    「2025年度上期（2025年10月〜2026年3月）」, ``FY2025 H1 (2025-10 to 2026-03)``."""
    fixed = absolute(period, cal)
    months = _months(period, cal)
    ja = lang == "ja"
    if isinstance(fixed, MonthPeriod):
        return format_month(fixed.month, lang)
    if isinstance(fixed, RangePeriod | AllPeriod | ShiftPeriod):
        return span(months, lang)
    if isinstance(fixed, CalendarYearPeriod):
        return f"{fixed.year}年（1〜12月）" if ja else f"calendar {fixed.year}"
    name = fiscal_name(fixed, cal, lang)
    return f"{name}（{span(months, lang)}）" if ja else f"{name} ({span(months, lang)})"


def fiscal_name(period: Period, cal: Calendar, lang: str) -> str:
    ja = lang == "ja"
    fy = getattr(period, "fy", 0)
    if isinstance(period, QuarterPeriod):
        return f"{fy}年度第{period.q}四半期" if ja else f"FY{fy} Q{period.q}"
    if isinstance(period, HalfPeriod):
        half = ("上期", "下期")[period.h - 1] if ja else f"H{period.h}"
        return f"{fy}年度{half}" if ja else f"FY{fy} {half}"
    end = cal.fy_months(fy)[-1]
    if ja:
        return f"{fy}年度・{int(end[:4])}年{int(end[5:])}月期"
    return f"FY{fy}"


def running_months(months: list[str], cal: Calendar) -> list[str]:
    """The months of a period that have not closed yet (this month and later)."""
    now = month_index(cal.this_month)
    return [m for m in months if month_index(m) >= now]
