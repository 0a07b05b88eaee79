"""The funnel table: per month, counts, conversion rates, costs, ROI and their changes.

Definitions (all exact ``Decimal``; a rate is a fraction, 0.244 = 24.4%):

- conversion rates between consecutive stages — ``lead_to_mql`` = MQL / leads,
  ``mql_to_sql`` = SQL / MQL, ``sql_to_won`` = won / SQL — and ``lead_to_won`` = won / leads.
  They use the counts of the *same* month (event-month counting, see ARCHITECTURE.md), so a
  rate can exceed 1 when a stage's counts are inconsistent; that is reported, not clamped;
- costs — ``cpl`` = spend / leads, ``cost_per_mql`` = spend / MQL, ``cost_per_sql`` =
  spend / SQL, ``cac`` = spend / won (marketing spend only: sales cost is not in the data);
- marketing ROI — ``roi`` = (revenue − spend) / spend, where revenue is all revenue recorded
  for the month.  ``roi_attributable`` is the same with the revenue attributable to
  marketing (a column such as ``マーケ起点売上`` / ``attributable revenue``) when the data has
  it.  0.5 means every yen of spend came back 1.5 times;
- a metric over several months is *pooled*: counts and money are summed first, so
  ``mql_to_sql`` over a quarter is ΣSQL / ΣMQL (a small month weighs less), and counts are
  shown as the monthly mean;
- ``mom`` compares with the previous calendar month; ``trailing`` with the pooled value of
  the ``trailing`` (default 3) calendar months before.  ``delta`` is current − base (for a
  rate: percentage points as a fraction), ``relative`` is delta / |base|.  A base month that
  is missing from the data makes the change ``None``.

A zero denominator gives ``None`` and a ``division_by_zero`` finding; it never raises.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from pydantic import BaseModel, Field

from assistant.analytics.consolidate import MERGED_FIELDS, VALUE_FIELDS, MonthFigures, field_label
from assistant.analytics.models import Finding, q, ratio, relative_change
from assistant.domain.grounding import Location
from assistant.text.months import month_at, month_index

RATES: dict[str, tuple[str, str]] = {
    "lead_to_mql": ("mql", "leads"),
    "mql_to_sql": ("sql", "mql"),
    "sql_to_won": ("won", "sql"),
    "lead_to_won": ("won", "leads"),
}
STEP_RATES: tuple[str, ...] = ("lead_to_mql", "mql_to_sql", "sql_to_won")
COSTS: dict[str, str] = {"cpl": "leads", "cost_per_mql": "mql", "cost_per_sql": "sql", "cac": "won"}
ROIS: dict[str, str] = {"roi": "revenue", "roi_attributable": "attributable_revenue"}
METRICS: tuple[str, ...] = (*VALUE_FIELDS, *RATES, *COSTS, *ROIS)
DEFAULT_TRAILING = 3

Values = Mapping[str, int | None]


def metric_value(name: str, values: Values, *, months: int = 1) -> Decimal | None:
    """One metric from (summed) figures; counts and money are the mean over ``months``."""
    if name in RATES:
        numerator, denominator = RATES[name]
        return ratio(values.get(numerator), values.get(denominator))
    if name in COSTS:
        return ratio(values.get("spend"), values.get(COSTS[name]))
    if name in ROIS:
        revenue, spend = values.get(ROIS[name]), values.get("spend")
        return None if revenue is None else ratio(revenue - (spend or 0), spend)
    value = values.get(name)
    return None if value is None else Decimal(value) / months


def pooled(rows: Sequence[MonthFigures]) -> dict[str, int | None]:
    """Sum every figure over ``rows``; a figure missing in any row is missing in the sum."""
    sums: dict[str, int | None] = {}
    for name in MERGED_FIELDS:
        values = [v for r in rows if (v := r.value(name)) is not None]
        sums[name] = sum(values) if rows and len(values) == len(rows) else None
    return sums


def window(rows: Sequence[MonthFigures], *, end: str, size: int) -> list[MonthFigures] | None:
    """The ``size`` calendar months ending at ``end`` (inclusive), or ``None`` if one is
    missing from ``rows``."""
    by_month = {r.month: r for r in rows}
    wanted = [month_at(month_index(end) - k) for k in range(size - 1, -1, -1)]
    found = [by_month[m] for m in wanted if m in by_month]
    return found if len(found) == size else None


class Change(BaseModel):
    base: Decimal | None = None
    delta: Decimal | None = None
    relative: Decimal | None = None


class FunnelRow(BaseModel):
    figures: MonthFigures
    rates: dict[str, Decimal | None]
    costs: dict[str, Decimal | None]
    roi: Decimal | None = None
    roi_attributable: Decimal | None = None
    mom: dict[str, Change] = Field(default_factory=dict)
    trailing: dict[str, Change] = Field(default_factory=dict)

    @property
    def month(self) -> str:
        return self.figures.month

    def metric(self, name: str) -> Decimal | None:
        if name in RATES:
            return self.rates[name]
        if name in COSTS:
            return self.costs[name]
        if name in ROIS:
            return getattr(self, name)
        value = self.figures.value(name)
        return None if value is None else Decimal(value)


class FunnelTable(BaseModel):
    rows: list[FunnelRow]
    findings: list[Finding] = Field(default_factory=list)
    trailing_months: int = DEFAULT_TRAILING

    def row(self, month: str, segment: str | None = None) -> FunnelRow | None:
        return next(
            (r for r in self.rows if r.month == month and r.figures.segment == segment), None
        )

    def months(self) -> list[str]:
        return sorted({r.month for r in self.rows}, key=month_index)


def _change(current: Decimal | None, base: Decimal | None) -> Change:
    if current is None or base is None:
        return Change(base=base)
    return Change(base=base, delta=current - base, relative=relative_change(current, base))


def _zero_denominators(figures: MonthFigures) -> list[Finding]:
    findings = []
    for name, (numerator, denominator) in RATES.items():
        if figures.value(denominator) == 0 and figures.value(numerator) is not None:
            findings.append(_zero(figures, name, denominator))
    for name, denominator in COSTS.items():
        if figures.value(denominator) == 0 and figures.spend is not None:
            findings.append(_zero(figures, name, denominator))
    if figures.spend == 0 and figures.revenue is not None:
        findings.append(_zero(figures, "roi", "spend"))
    return findings


def _zero(figures: MonthFigures, metric: str, denominator: str) -> Finding:
    numerator = RATES[metric][0] if metric in RATES else ("revenue" if metric == "roi" else "spend")
    value = figures.value(numerator)
    return Finding(
        code="division_by_zero",
        category="data",
        severity="info",
        stage=metric,
        months=[figures.month],
        locations=[
            Location(source=loc.source, row=loc.row, column=field_label(denominator))
            for loc in figures.locations
        ],
        detail={"metric": metric, "denominator": denominator},
        numbers={"numerator": q(value, "yen" if numerator in ("spend", "revenue") else "count")}
        if value is not None
        else {},
    )


def funnel_rows(
    figures: Sequence[MonthFigures], *, trailing: int = DEFAULT_TRAILING
) -> FunnelTable:
    """The funnel table for consolidated figures (one segment, or the totals)."""
    findings: list[Finding] = []
    rows: list[FunnelRow] = []
    by_segment: dict[str | None, list[MonthFigures]] = {}
    for f in figures:
        by_segment.setdefault(f.segment, []).append(f)
    for series in by_segment.values():
        series = sorted(series, key=lambda f: month_index(f.month))
        for f in series:
            values = {name: f.value(name) for name in MERGED_FIELDS}
            row = FunnelRow(
                figures=f,
                rates={name: metric_value(name, values) for name in RATES},
                costs={name: metric_value(name, values) for name in COSTS},
                roi=metric_value("roi", values),
                roi_attributable=metric_value("roi_attributable", values),
            )
            previous = window(series, end=month_at(month_index(f.month) - 1), size=1)
            before = window(series, end=month_at(month_index(f.month) - 1), size=trailing)
            for name in METRICS:
                current = row.metric(name)
                base_mom = metric_value(name, pooled(previous)) if previous else None
                base_trail = metric_value(name, pooled(before), months=trailing) if before else None
                row.mom[name] = _change(current, base_mom)
                row.trailing[name] = _change(current, base_trail)
            findings.extend(_zero_denominators(f))
            rows.append(row)
    rows.sort(key=lambda r: (month_index(r.month), r.figures.segment or ""))
    return FunnelTable(rows=rows, findings=findings, trailing_months=trailing)
