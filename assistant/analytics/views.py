"""Tidy rows for charts and downloads: what the dashboard draws, and what its CSVs contain.

Each function returns plain rows (TypedDicts) in long form, with stage keys and rates as
fractions, so the page only turns them into a DataFrame, a chart and a CSV.  Labels are
added by the page in the user's language (``messages.label``).
"""

from __future__ import annotations

from typing import TypedDict

from assistant.analytics.achievement import ACHIEVEMENT_STAGES
from assistant.analytics.funnel import RATES, STEP_RATES
from assistant.analytics.models import json_number, json_yen
from assistant.analytics.planning import Plan, WhatIf
from assistant.analytics.query.execute import KpiData
from assistant.analytics.query.model import Period
from assistant.analytics.report import KpiReport
from assistant.domain import FUNNEL_STAGES


class StageRow(TypedDict):
    stage: str
    count: int | None
    rate_from_previous: float | None


class RatePoint(TypedDict):
    month: str
    rate: str
    value: float | None


class AchievementRow(TypedDict):
    month: str
    stage: str
    actual: int | None
    target: int
    ratio: float | None
    below: bool


class PlanRow(TypedDict):
    stage: str
    period: int | None
    per_month: int | None
    run_rate: int | None
    gap: int | None
    what_if: int | None


def funnel_stages(report: KpiReport, month: str) -> list[StageRow]:
    """Counts per stage in ``month`` with the conversion from the stage before."""
    row = report.funnel.row(month)
    if row is None:
        return []
    into = dict(zip(FUNNEL_STAGES[1:], STEP_RATES, strict=True))
    return [
        StageRow(
            stage=stage,
            count=row.figures.value(stage),
            rate_from_previous=json_number(row.rates[into[stage]]) if stage in into else None,
        )
        for stage in FUNNEL_STAGES
    ]


def rate_series(report: KpiReport) -> list[RatePoint]:
    """Every conversion rate for every month (long form, for a line per rate)."""
    return [
        RatePoint(month=row.month, rate=name, value=json_number(row.rates[name]))
        for row in report.funnel.rows
        for name in RATES
    ]


def achievement_rows(report: KpiReport) -> list[AchievementRow]:
    order = {stage: i for i, stage in enumerate(ACHIEVEMENT_STAGES)}
    cells = sorted(report.achievement.cells, key=lambda c: (order[c.stage], c.month))
    return [
        AchievementRow(
            month=c.month,
            stage=c.stage,
            actual=c.actual,
            target=c.target,
            ratio=json_number(c.ratio),
            below=c.below,
        )
        for c in cells
    ]


def plan_rows(plan: Plan, scenario: WhatIf | None = None) -> list[PlanRow]:
    rows = []
    for key in ("leads", "mql", "sql", "won", "budget"):
        rows.append(
            PlanRow(
                stage=key,
                period=getattr(plan.required, key),
                per_month=getattr(plan.per_month, key),
                run_rate=getattr(plan.run_rate, key) if plan.run_rate else None,
                gap=plan.gap(key),
                what_if=getattr(scenario.plan.required, key) if scenario else None,
            )
        )
    return rows


def first_window_rate(report: KpiReport, rate: str, *, months: int) -> float | None:
    """The pooled ``rate`` over the first ``months`` months: "where it used to be", the
    natural default for a what-if such as "if MQL→SQL returned to X"."""
    from assistant.analytics.funnel import metric_value, pooled

    rows = [f for f in report.figures if f.has_actuals()][:months]
    return json_number(metric_value(rate, pooled(rows))) if rows else None


__all__ = [
    "PERIOD_METRICS",
    "achievement_rows",
    "period_rows",
    "first_window_rate",
    "funnel_stages",
    "json_yen",
    "plan_rows",
    "rate_series",
]


PERIOD_METRICS: tuple[str, ...] = (
    "leads",
    "mql",
    "sql",
    "won",
    "revenue",
    "spend",
    "lead_to_mql",
    "mql_to_sql",
    "sql_to_won",
    "cpl",
    "achievement(won)",
    "achievement(revenue)",
)


class PeriodRow(TypedDict):
    period: str  # 「2025年度第3四半期（2025年10月〜12月）」, with its months
    name: str  # 「2025年度第3四半期」 / FY2025 Q3
    months: list[str]
    complete: bool  # every month of the period has data and none is still running
    values: dict[str, float | None]


def period_rows(data: KpiData, *, by: str, lang: str) -> list[PeriodRow]:
    """The funnel by fiscal quarter, half or year (``by``), each figure pooled over the
    period's months the way a question about that period is answered — one engine."""
    from assistant.analytics.query import execute
    from assistant.analytics.query.model import (
        FiscalYearPeriod,
        HalfPeriod,
        KpiQuery,
        QuarterPeriod,
    )
    from assistant.analytics.query.periods import describe_period, fiscal_name, resolve

    cal = data.calendar
    periods: list[Period] = []
    for month in cal.data_months:
        fy, q = cal.quarter_of(month)
        period: Period
        if by == "quarter":
            period = QuarterPeriod(fy=fy, q=q)
        elif by == "half":
            period = HalfPeriod(fy=fy, h=1 if q <= 2 else 2)
        else:
            period = FiscalYearPeriod(fy=fy)
        if period not in periods:
            periods.append(period)
    metrics = [m for m in PERIOD_METRICS if data.has_metric(m)]
    rows: list[PeriodRow] = []
    for period in periods:
        result = execute(KpiQuery(op="period_aggregate", metrics=metrics, period=period), data)
        months = resolve(period, cal).months
        values = {v.metric: json_number(v.value) for v in result.values}
        rows.append(
            PeriodRow(
                period=describe_period(period, cal, lang),
                name=fiscal_name(period, cal, lang),
                months=months,
                complete=not result.notes,
                values={m: values.get(m) for m in metrics},
            )
        )
    return rows
