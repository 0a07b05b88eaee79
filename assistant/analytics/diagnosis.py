"""Diagnosis: where the funnel is breaking, and the named patterns a director acts on.

All comparisons are between *pooled* periods (ΣSQL / ΣMQL, not a mean of monthly rates), and
relative, so stages with different typical rates (lead→MQL ~30%, SQL→won ~20%) compare fairly.

- **bottleneck** — the conversion step (lead→MQL, MQL→SQL, SQL→won) whose rate in the latest
  month fell most, relative to its own pooled rate over the ``window`` months before.  Only a
  fall counts: when no step fell there is no bottleneck finding.
- **lead_volume_over_quality** — leads per month in the recent ``window`` months grew by at
  least ``min_volume_growth`` over the ``baseline`` months before, while a conversion step
  fell by at least ``min_rate_drop`` (the step that fell most is named).
- **spend_up_cpl_up** — spend per month up ≥ ``min_spend_growth`` and CPL up ≥
  ``min_cpl_rise`` over the same periods.
- **sql_to_won_falling** — SQL→won down ≥ ``min_rate_drop``: the leads arrive but do not
  close, which points to the sales side (or to leads that only look qualified).
- **targets_missed** — a stage below the achievement threshold for at least
  ``min_missed_months`` consecutive months, up to the latest month with a target.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pydantic import BaseModel, Field

from assistant.analytics.achievement import AchievementTable
from assistant.analytics.consolidate import MonthFigures
from assistant.analytics.funnel import STEP_RATES, metric_value, pooled, window
from assistant.analytics.models import Finding, q, relative_change
from assistant.text.months import month_at, month_index


class DiagnosisOptions(BaseModel):
    window: int = Field(default=3, ge=1, le=24, description="Recent / trailing months.")
    baseline: int = Field(default=6, ge=1, le=36, description="Months before the recent ones.")
    min_volume_growth: Decimal = Decimal("0.05")
    min_rate_drop: Decimal = Decimal("0.10")
    min_spend_growth: Decimal = Decimal("0.05")
    min_cpl_rise: Decimal = Decimal("0.05")
    min_missed_months: int = Field(default=3, ge=1)


def latest_actual_month(figures: Sequence[MonthFigures]) -> str | None:
    months = [f.month for f in figures if f.has_actuals()]
    return max(months, key=month_index) if months else None


def diagnose(
    figures: Sequence[MonthFigures],
    achievement: AchievementTable,
    *,
    options: DiagnosisOptions | None = None,
    as_of: str | None = None,
) -> list[Finding]:
    """Findings for the consolidated monthly totals, as of ``as_of`` (default: the latest
    month with actuals).  Figures after ``as_of`` are ignored."""
    options = options or DiagnosisOptions()
    rows = [f for f in figures if f.segment is None and f.has_actuals()]
    if as_of is not None:
        rows = [f for f in rows if month_index(f.month) <= month_index(as_of)]
    end = latest_actual_month(rows)
    findings: list[Finding] = []
    if end is not None:
        if (found := bottleneck(rows, end=end, size=options.window)) is not None:
            findings.append(found)
        findings.extend(_patterns(rows, end=end, options=options))
    findings.extend(targets_missed(achievement, options=options))
    return findings


def bottleneck(rows: Sequence[MonthFigures], *, end: str, size: int) -> Finding | None:
    current_rows = window(rows, end=end, size=1)
    before = window(rows, end=month_at(month_index(end) - 1), size=size)
    if current_rows is None or before is None:
        return None
    current, trailing = pooled(current_rows), pooled(before)
    moves: dict[str, tuple[Decimal, Decimal, Decimal]] = {}
    for rate in STEP_RATES:
        now, base = metric_value(rate, current), metric_value(rate, trailing)
        change = relative_change(now, base)
        if now is not None and base is not None and change is not None:
            moves[rate] = (now, base, change)
    if not moves:
        return None
    worst = min(moves, key=lambda r: moves[r][2])
    now, base, change = moves[worst]
    if change >= 0:
        return None
    numbers = {
        "current": q(now, "rate"),
        "trailing": q(base, "rate"),
        "delta": q(now - base, "pts"),
        "relative": q(change, "change"),
        "window": q(size, "count"),
    }
    numbers.update({f"{r}_relative": q(moves[r][2], "change") for r in moves if r != worst})
    return Finding(
        code="bottleneck",
        category="bottleneck",
        severity="critical" if change <= Decimal("-0.1") else "warning",
        stage=worst,
        months=[end],
        numbers=numbers,
        detail={"trailing_months": ",".join(f.month for f in before)},
    )


def _periods(
    rows: Sequence[MonthFigures], *, end: str, options: DiagnosisOptions
) -> tuple[list[MonthFigures], list[MonthFigures]] | None:
    recent = window(rows, end=end, size=options.window)
    base_end = month_at(month_index(end) - options.window)
    baseline = window(rows, end=base_end, size=options.baseline)
    if recent is None or baseline is None:
        return None
    return recent, baseline


def _patterns(
    rows: Sequence[MonthFigures], *, end: str, options: DiagnosisOptions
) -> list[Finding]:
    periods = _periods(rows, end=end, options=options)
    if periods is None:
        available = _consecutive_months(rows, end)
        return [
            Finding(
                code="insufficient_history",
                category="pattern",
                severity="info",
                months=[end],
                numbers={
                    "needed": q(options.window + options.baseline, "count"),
                    "available": q(available, "count"),
                },
            )
        ]
    recent, baseline = periods
    now, base = pooled(recent), pooled(baseline)
    n_now, n_base = len(recent), len(baseline)
    detail = {
        "recent": ",".join(f.month for f in recent),
        "baseline": ",".join(f.month for f in baseline),
    }
    months = [f.month for f in (*baseline, *recent)]

    def measure(name: str) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
        a = metric_value(name, now, months=n_now)
        b = metric_value(name, base, months=n_base)
        return a, b, relative_change(a, b)

    findings = []
    leads_now, leads_base, leads_change = measure("leads")
    falls = {rate: measure(rate) for rate in STEP_RATES}
    falls = {r: m for r, m in falls.items() if m[2] is not None and m[2] <= -options.min_rate_drop}
    if leads_change is not None and leads_change >= options.min_volume_growth and falls:
        worst = min(falls, key=lambda r: falls[r][2])
        rate_now, rate_base, rate_change = falls[worst]
        findings.append(
            Finding(
                code="lead_volume_over_quality",
                category="pattern",
                stage=worst,
                months=months,
                numbers={
                    "leads_recent": q(leads_now, "count"),
                    "leads_base": q(leads_base, "count"),
                    "leads_change": q(leads_change, "change"),
                    "rate_recent": q(rate_now, "rate"),
                    "rate_base": q(rate_base, "rate"),
                    "rate_change": q(rate_change, "change"),
                },
                detail=detail,
            )
        )
    spend_now, spend_base, spend_change = measure("spend")
    cpl_now, cpl_base, cpl_change = measure("cpl")
    if (
        spend_change is not None
        and cpl_change is not None
        and spend_change >= options.min_spend_growth
        and cpl_change >= options.min_cpl_rise
    ):
        findings.append(
            Finding(
                code="spend_up_cpl_up",
                category="pattern",
                stage="cpl",
                months=months,
                numbers={
                    "spend_recent": q(spend_now, "yen"),
                    "spend_base": q(spend_base, "yen"),
                    "spend_change": q(spend_change, "change"),
                    "cpl_recent": q(cpl_now, "yen"),
                    "cpl_base": q(cpl_base, "yen"),
                    "cpl_change": q(cpl_change, "change"),
                },
                detail=detail,
            )
        )
    won_now, won_base, won_change = measure("sql_to_won")
    if won_change is not None and won_change <= -options.min_rate_drop:
        findings.append(
            Finding(
                code="sql_to_won_falling",
                category="pattern",
                stage="sql_to_won",
                months=months,
                numbers={
                    "rate_recent": q(won_now, "rate"),
                    "rate_base": q(won_base, "rate"),
                    "rate_change": q(won_change, "change"),
                    "won": q(now["won"], "count"),
                    "sql": q(now["sql"], "count"),
                },
                detail=detail,
            )
        )
    return findings


def _consecutive_months(rows: Sequence[MonthFigures], end: str) -> int:
    present = {f.month for f in rows}
    count, index = 0, month_index(end)
    while month_at(index - count) in present:
        count += 1
    return count


def targets_missed(achievement: AchievementTable, *, options: DiagnosisOptions) -> list[Finding]:
    """One finding per stage whose current run below threshold is long enough (the table is
    built from the months up to the report month, so "current" is as of that month)."""
    findings = []
    for stage, run in achievement.runs.items():
        months = run.current_run
        if len(months) < options.min_missed_months:
            continue
        ratios = {c.month: c.ratio for c in achievement.cells if c.stage == stage}
        latest = ratios[months[-1]]
        findings.append(
            Finding(
                code="targets_missed",
                category="pattern",
                severity="critical",
                stage=stage,
                months=months,
                numbers={
                    "n": q(len(months), "count"),
                    "threshold": q(achievement.threshold, "ratio"),
                    "latest": q(latest, "ratio"),
                },
                detail={"first_below": run.first_below or ""},
            )
        )
    return findings
