"""Running a ``KpiQuery`` on the one analytics engine: consolidated months in, exact values out.

The figures are ``consolidate``'s (one source of truth per figure, the workspace's source
policy applied), so an answer in chat can never disagree with the dashboard or the report.
Definitions are the funnel table's: a metric over several months is *pooled* — ΣSQL/ΣMQL,
Σspend/Σleads, Σactual/Σtarget — over the months that have every figure it needs, and the
months without them are named in a note ("no data for 2026-11"), never filled in.

Outcomes:

* ``ok`` — values, each with the months it covers and the rows it came from;
* ``no_data`` — the period (or a figure the metric needs, such as spend for CPL) has no data;
  the answer says so and which months do have data, and never shows another period instead;
* ``unanswerable`` — the data has no such metric (sessions, an SQL target that was never set)
  or no such segment; the answer says what the data has.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from assistant.analytics.consolidate import consolidate
from assistant.analytics.options import KpiOptions
from assistant.analytics.query.model import (
    BASE_METRICS,
    RATIO_METRICS,
    AllPeriod,
    KpiQuery,
    Period,
    ShiftPeriod,
    is_amount,
    is_known_metric,
    split_metric,
)
from assistant.analytics.query.periods import Calendar, resolve, running_months
from assistant.db.records import StoredKpiMonth
from assistant.domain.grounding import Location
from assistant.domain.kpi import MonthFigures
from assistant.text.months import month_index

Status = Literal["ok", "no_data", "unanswerable"]
Kind = Literal["count", "yen", "ratio"]
_CMP: dict[str, Callable[[Decimal, Decimal], bool]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}
_MAX_LOCATIONS = 24


class QueryValue(BaseModel):
    """One number of an answer: a month's, a period's, a segment's, or a change."""

    label: str  # YYYY-MM, a segment, "period", "baseline", "change" or "change_rel"
    metric: str
    value: Decimal | None
    kind: Kind
    months: list[str] = Field(default_factory=list)
    segment: str | None = None
    locations: list[Location] = Field(default_factory=list)


class Note(BaseModel):
    """Something the answer must say besides its values (rendered in ja/en by ``render``)."""

    code: Literal[
        "running",
        "partial",
        "no_data",
        "no_hits",
        "unknown_metric",
        "no_segments",
        "unknown_segment",
        "skipped_metrics",
        "not_an_amount",
    ]
    metric: str | None = None
    months: list[str] = Field(default_factory=list)
    names: list[str] = Field(default_factory=list)


class QueryResult(BaseModel):
    query: KpiQuery
    status: Status
    months: list[str] = Field(default_factory=list)
    values: list[QueryValue] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    data_months: list[str] = Field(default_factory=list)
    segments: list[str] = Field(default_factory=list)
    metrics_available: list[str] = Field(default_factory=list)

    def locations(self) -> list[Location]:
        seen: dict[tuple[str, int | None], Location] = {}
        for v in self.values:
            for loc in v.locations:
                seen.setdefault((loc.source, loc.row), loc)
        return list(seen.values())


class _Stop(Exception):
    def __init__(self, status: Status, note: Note) -> None:
        super().__init__(note.code)
        self.status = status
        self.note = note


def kind_of(metric: str) -> Kind:
    wrapper, base = split_metric(metric)
    if wrapper == "achievement" or base in ("lead_to_mql", "mql_to_sql", "sql_to_won"):
        return "ratio"
    if base in ("lead_to_won", "roi"):
        return "ratio"
    if base in ("spend", "revenue") or base in RATIO_METRICS:
        return "yen"
    return "count"


def components(metric: str) -> list[str]:
    """The stored figures a metric is computed from (``target_won`` for a target)."""
    wrapper, base = split_metric(metric)
    if wrapper == "target":
        return [f"target_{base}"]
    if wrapper == "achievement":
        return [base, f"target_{base}"]
    if base in RATIO_METRICS:
        return list(RATIO_METRICS[base])
    if base == "roi":
        return ["revenue", "spend"]
    return [base]


def _compute(metric: str, sums: dict[str, int]) -> Decimal | None:
    wrapper, base = split_metric(metric)
    if wrapper == "target":
        return Decimal(sums[f"target_{base}"])
    if wrapper == "achievement":
        target = sums[f"target_{base}"]
        return Decimal(sums[base]) / Decimal(target) if target else None
    if base in RATIO_METRICS:
        numerator, denominator = RATIO_METRICS[base]
        d = sums[denominator]
        return Decimal(sums[numerator]) / Decimal(d) if d else None
    if base == "roi":
        spend = sums["spend"]
        return Decimal(sums["revenue"] - spend) / Decimal(spend) if spend else None
    return Decimal(sums[base])


def _figure(f: MonthFigures, name: str) -> int | None:
    if name.startswith("target_"):
        return f.targets.get(name.removeprefix("target_"))
    return f.value(name)


@dataclass(frozen=True)
class KpiData:
    """The consolidated months of a workspace: company totals and, when the data has them,
    each segment's — what every query runs on."""

    series: dict[str | None, dict[str, MonthFigures]]
    calendar: Calendar

    @classmethod
    def of(cls, stored: Sequence[StoredKpiMonth], options: KpiOptions) -> KpiData:
        totals, _ = consolidate(stored, policy=options.policy)
        parts, _ = consolidate(stored, by_segment=True, policy=options.policy)
        series: dict[str | None, dict[str, MonthFigures]] = {None: {}}
        for f in totals:
            series[None][f.month] = f
        for f in parts:
            if f.segment is not None:
                series.setdefault(f.segment, {})[f.month] = f
        months = sorted(
            {m for s in series.values() for m, f in s.items() if f.has_actuals()}, key=month_index
        )
        calendar = Calendar(options.fiscal_start, options.this_month, tuple(months))
        return cls(series, calendar)

    @property
    def segments(self) -> list[str]:
        return sorted(s for s in self.series if s is not None)

    def months_with_data(self) -> list[str]:
        return list(self.calendar.data_months)

    def available(self, metric: str, months: Sequence[str], segment: str | None) -> list[str]:
        rows = self.series.get(segment, {})
        need = components(metric)
        return [
            m for m in months if m in rows and all(_figure(rows[m], c) is not None for c in need)
        ]

    def has_metric(self, metric: str, segment: str | None = None) -> bool:
        rows = self.series.get(segment, {})
        return bool(self.available(metric, sorted(rows), segment))

    def metrics(self, segment: str | None = None) -> list[str]:
        """Every metric the data can answer (for "what I can answer instead")."""
        names = [*BASE_METRICS, *RATIO_METRICS, "roi"]
        names += [f"achievement({b})" for b in BASE_METRICS]
        return [n for n in names if self.has_metric(n, segment)]

    def pooled(
        self, metric: str, months: Sequence[str], segment: str | None
    ) -> tuple[Decimal | None, list[str], list[Location]]:
        used = self.available(metric, months, segment)
        if not used:
            return None, [], []
        rows = self.series[segment]
        need = components(metric)
        sums = {c: sum(_figure(rows[m], c) or 0 for m in used) for c in need}
        locations = []
        for m in used:
            f = rows[m]
            for c in need:
                loc = f.origins.get(c) or (f.locations[0] if f.locations else None)
                if loc is not None and loc not in locations:
                    locations.append(loc)
        return _compute(metric, sums), used, locations[:_MAX_LOCATIONS]


class _Run:
    def __init__(self, data: KpiData, query: KpiQuery) -> None:
        self.data = data
        self.q = query
        self.notes: list[Note] = []
        self.segment = query.segment

    def months(self, period: Period | None) -> list[str]:
        return resolve(period or AllPeriod(), self.data.calendar).months

    def require(self, metric: str) -> None:
        if not is_known_metric(metric) or not self.data.has_metric(metric, self.segment):
            raise _Stop("unanswerable", Note(code="unknown_metric", metric=metric))

    def coverage(self, metric: str, months: list[str], used: list[str]) -> None:
        missing = [m for m in months if m not in used]
        if not missing:
            return
        running = running_months(missing, self.data.calendar)
        closed = [m for m in missing if m not in running]
        if running:
            self.notes.append(Note(code="running", metric=metric, months=running))
        if closed:
            self.notes.append(Note(code="partial", metric=metric, months=closed))

    def period_value(self, metric: str, period: Period, label: str) -> QueryValue:
        self.require(metric)
        months = self.months(period)
        value, used, locations = self.data.pooled(metric, months, self.segment)
        if not used:
            raise _Stop("no_data", Note(code="no_data", metric=metric, months=months))
        self.coverage(metric, months, used)
        if len(months) == 1 and used == months:
            label = months[0]  # a month's value is labelled with the month
        return QueryValue(
            label=label,
            metric=metric,
            value=value,
            kind=kind_of(metric),
            months=used,
            segment=self.segment,
            locations=locations,
        )

    def series(self, metric: str, period: Period | None) -> list[QueryValue]:
        self.require(metric)
        months = self.months(period)
        out = []
        for m in months:
            value, used, locations = self.data.pooled(metric, [m], self.segment)
            if used and value is not None:
                out.append(
                    QueryValue(
                        label=m,
                        metric=metric,
                        value=value,
                        kind=kind_of(metric),
                        months=[m],
                        segment=self.segment,
                        locations=locations,
                    )
                )
        if not out:
            raise _Stop("no_data", Note(code="no_data", metric=metric, months=months))
        return out


def execute(query: KpiQuery, data: KpiData) -> QueryResult:
    run = _Run(data, query)
    result = QueryResult(
        query=query,
        status="ok",
        data_months=data.months_with_data(),
        segments=data.segments,
        metrics_available=data.metrics(),
    )
    try:
        if query.segment is not None and query.segment not in data.segments:
            code = "unknown_segment" if data.segments else "no_segments"
            raise _Stop("unanswerable", Note(code=code, names=[query.segment]))
        months, values = _OPS[query.op](run)
        result.months = sorted(set(months), key=month_index)
        result.values = values
    except _Stop as stop:
        result.status = stop.status
        run.notes.append(stop.note)
    result.notes = run.notes
    return result


# -- operations -------------------------------------------------------------------------------


def _metric(run: _Run) -> str:
    assert run.q.metric is not None  # KpiQuery checks that the operation has its metric
    return run.q.metric


def _value(run: _Run) -> tuple[list[str], list[QueryValue]]:
    v = run.period_value(_metric(run), run.q.period, "period")
    return v.months, [v]


def _aggregate(run: _Run) -> tuple[list[str], list[QueryValue]]:
    values, months, stops = [], set(), []
    for metric in run.q.metrics:
        try:
            v = run.period_value(metric, run.q.period, "period")
        except _Stop as stop:  # one metric missing does not sink the others
            stops.append(stop)
            continue
        values.append(v)
        months |= set(v.months)
    if not values:
        raise stops[0]
    for stop in stops:
        run.notes.append(stop.note)
    return sorted(months), values


def _trend(run: _Run) -> tuple[list[str], list[QueryValue]]:
    metric = _metric(run)
    values = run.series(metric, run.q.period)
    run.coverage(metric, run.months(run.q.period), [v.label for v in values])
    return [v.label for v in values], values


def _against(run: _Run, baseline: Period) -> tuple[list[str], list[QueryValue]]:
    metric = _metric(run)
    current = run.period_value(metric, run.q.period, "period")
    base = run.period_value(metric, baseline, "baseline")
    values = [current, base]
    if current.value is not None and base.value is not None:
        change = current.value - base.value
        values.append(QueryValue(label="change", metric=metric, value=change, kind=current.kind))
        relative = change / abs(base.value) if base.value else None
        values.append(QueryValue(label="change_rel", metric=metric, value=relative, kind="ratio"))
    return [*current.months, *base.months], values


def _mom(run: _Run) -> tuple[list[str], list[QueryValue]]:
    return _against(run, ShiftPeriod(period=run.q.period, months=-1))


def _yoy(run: _Run) -> tuple[list[str], list[QueryValue]]:
    return _against(run, ShiftPeriod(period=run.q.period, months=-12))


def _compare(run: _Run) -> tuple[list[str], list[QueryValue]]:
    assert run.q.baseline is not None
    return _against(run, run.q.baseline)


def _amount(run: _Run) -> str:
    metric = _metric(run)
    if not is_amount(metric):
        raise _Stop("unanswerable", Note(code="not_an_amount", metric=metric))
    return metric


def _sum(run: _Run) -> tuple[list[str], list[QueryValue]]:
    _amount(run)
    return _value(run)


def _average(run: _Run) -> tuple[list[str], list[QueryValue]]:
    metric = _amount(run)
    run.require(metric)
    months = run.months(run.q.period)
    used = run.data.available(metric, months, run.segment)
    if not used:
        raise _Stop("no_data", Note(code="no_data", metric=metric, months=months))
    run.coverage(metric, months, used)
    total, _, locations = run.data.pooled(metric, used, run.segment)
    assert total is not None
    value = QueryValue(
        label="monthly_mean",
        metric=metric,
        value=total / len(used),
        kind=kind_of(metric),
        months=used,
        segment=run.segment,
        locations=locations,
    )
    return used, [value]


def _where(run: _Run, *, last: bool) -> tuple[list[str], list[QueryValue]]:
    condition = run.q.condition
    assert condition is not None
    series = run.series(condition.metric, run.q.period)
    limit = Decimal(str(condition.value))
    hits = [v for v in series if v.value is not None and _CMP[condition.cmp](v.value, limit)]
    if not hits:
        months = [v.label for v in series]
        run.notes.append(Note(code="no_hits", metric=condition.metric, months=months))
        return [], []
    hit = hits[-1] if last else hits[0]
    return [hit.label], [hit]


def _extreme(run: _Run, default: str) -> tuple[list[str], list[QueryValue]]:
    series = run.series(_metric(run), run.q.period)
    known = [v for v in series if v.value is not None]
    pick = max if (run.q.by or default) == "max" else min
    target = pick(v.value for v in known if v.value is not None)
    hits = [v for v in known if v.value == target]
    return [v.label for v in hits], hits


def _best(run: _Run) -> tuple[list[str], list[QueryValue]]:
    return _extreme(run, "max")


def _worst(run: _Run) -> tuple[list[str], list[QueryValue]]:
    return _extreme(run, "min")


def _below(run: _Run) -> tuple[list[str], list[QueryValue]]:
    assert run.q.threshold is not None
    months = run.months(run.q.period)
    usable = [
        m for m in run.q.metrics if is_known_metric(m) and run.data.has_metric(m, run.segment)
    ]
    skipped = [m for m in run.q.metrics if m not in usable]
    if not usable:
        raise _Stop("unanswerable", Note(code="unknown_metric", metric=run.q.metrics[0]))
    if skipped:
        run.notes.append(Note(code="skipped_metrics", names=skipped))
    limit = Decimal(str(run.q.threshold))
    hits, seen = [], False
    for m in months:
        for metric in usable:
            value, used, locations = run.data.pooled(metric, [m], run.segment)
            if not used or value is None:
                continue
            seen = True
            if _CMP[run.q.cmp](value, limit):
                hits.append(
                    QueryValue(
                        label=m,
                        metric=metric,
                        value=value,
                        kind=kind_of(metric),
                        months=[m],
                        segment=run.segment,
                        locations=locations,
                    )
                )
    if not seen:
        raise _Stop("no_data", Note(code="no_data", metric=usable[0], months=months))
    if not hits:
        run.notes.append(Note(code="no_hits", metric=usable[0], months=months))
    return sorted({v.label for v in hits}, key=month_index), hits


def _rank(run: _Run) -> tuple[list[str], list[QueryValue]]:
    data, metric = run.data, _metric(run)
    if not data.segments:
        raise _Stop("unanswerable", Note(code="no_segments"))
    if not is_known_metric(metric) or not any(data.has_metric(metric, s) for s in data.segments):
        raise _Stop("unanswerable", Note(code="unknown_metric", metric=metric))
    months = run.months(run.q.period)
    rows, used_all = [], set()
    for segment in data.segments:
        value, used, locations = data.pooled(metric, months, segment)
        if used and value is not None:
            rows.append(
                QueryValue(
                    label=segment,
                    metric=metric,
                    value=value,
                    kind=kind_of(metric),
                    months=used,
                    segment=segment,
                    locations=locations,
                )
            )
            used_all |= set(used)
    if not rows:
        raise _Stop("no_data", Note(code="no_data", metric=metric, months=months))
    run.coverage(metric, months, sorted(used_all, key=month_index))
    rows.sort(key=lambda v: v.value or Decimal(0), reverse=run.q.order == "desc")
    if run.q.top:
        rows = rows[: run.q.top]
    return sorted(used_all, key=month_index), rows


_OPS: dict[str, Callable[[_Run], tuple[list[str], list[QueryValue]]]] = {
    "value": _value,
    "period_aggregate": _aggregate,
    "trend": _trend,
    "change_mom": _mom,
    "change_yoy": _yoy,
    "compare_periods": _compare,
    "sum": _sum,
    "average": _average,
    "first_month_where": lambda run: _where(run, last=False),
    "last_month_where": lambda run: _where(run, last=True),
    "best_month": _best,
    "worst_month": _worst,
    "months_below_threshold": _below,
    "rank_segments": _rank,
}
