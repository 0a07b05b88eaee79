"""A short follow-up read against the previous KPI question of the conversation.

After 「2026年9月のCPLは？」 a director types 「その前の月は？」, 「SQLは？」, 「10月は？」 or
「推移は？」: each names only what changes.  ``follow_up`` fills the rest from the previous
query — the period shifted back or on by its own length, a new metric over the same period,
a new period for the same metric, a trend of the same metric — and anything it cannot fill
stays a question Axis answers with what it understood.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from assistant.analytics.query.model import (
    KpiQuery,
    MonthPeriod,
    Period,
    RangePeriod,
    ShiftPeriod,
    Understood,
)
from assistant.analytics.query.periods import Calendar, resolve
from assistant.text.months import shift_month
from assistant.text.normalize import nfkc

SHIFT_BACK = re.compile(
    r"その前|前月|前の月|一つ前|previous\s+month|month\s+before|before\s+that", re.I
)
SHIFT_ON = re.compile(r"その次|翌月|次の月|その後|next\s+month|month\s+after|after\s+that", re.I)
_TREND_MONTHS = 6
_MULTI = ("period_aggregate", "months_below_threshold")
_CONDITIONED = ("first_month_where", "last_month_where", "months_below_threshold")


def _rebuilt(previous: KpiQuery, **changes: object) -> KpiQuery | None:
    data = previous.model_dump()
    data.update(changes)
    try:
        return KpiQuery.model_validate(data)
    except ValidationError:
        return None


def _shifted(period: Period, cal: Calendar, direction: int) -> Period:
    months = resolve(period, cal).months
    return ShiftPeriod(period=period, months=direction * max(1, len(months)))


def _trend_period(period: Period, cal: Calendar) -> Period:
    months = resolve(period, cal).months
    if len(months) > 1:
        return period
    end = months[-1] if months else cal.last_month
    return RangePeriod(start=shift_month(end, -(_TREND_MONTHS - 1)), end=end)


def follow_up(
    question: str, understood: Understood, previous: KpiQuery | None, cal: Calendar
) -> KpiQuery | None:
    """The previous query changed as the follow-up asks, or ``None`` when it is not one."""
    if previous is None:
        return None
    text = nfkc(question)
    if understood.missing == "metric" and not understood.metrics:
        direction = -1 if SHIFT_BACK.search(text) else (1 if SHIFT_ON.search(text) else 0)
        if direction:
            return _rebuilt(previous, period=_shifted(previous.period, cal, direction).model_dump())
        if understood.op == "trend" and previous.op != "trend" and previous.metric:
            return _rebuilt(
                previous, op="trend", period=_trend_period(previous.period, cal).model_dump()
            )
        if understood.period is not None:
            return _rebuilt(previous, period=understood.period.model_dump())
        return None
    if understood.missing == "period" and understood.metrics:
        if previous.op in _CONDITIONED:
            return None  # 「受注数は？」 after 「初めて30%を下回った月は？」 is a new question
        if previous.op in _MULTI or len(understood.metrics) > 1:
            return _rebuilt(
                previous,
                op="period_aggregate" if previous.op not in _MULTI else previous.op,
                metric=None,
                metrics=understood.metrics,
            )
        op = understood.op if understood.op not in (None, "value") else previous.op
        return _rebuilt(previous, op=op, metric=understood.metrics[0], metrics=[])
    return None


def period_month(query: KpiQuery, cal: Calendar) -> str | None:
    """The one month a query is about (for the answer's ``month``), else ``None``."""
    if isinstance(query.period, MonthPeriod):
        return query.period.month
    months = resolve(query.period, cal).months
    return months[0] if len(months) == 1 else None
