"""A KPI question as data: what is measured, over which months, and what is done with it.

「MQL→SQL転換率が初めて30%を下回ったのは何月？」 is
``KpiQuery(op="first_month_where", condition=Condition(metric="mql_to_sql", cmp="<",
value=0.3), period=AllPeriod())``.  The offline parser (``parse``) and an LLM (``llm``) both
produce this model; ``execute`` runs it on the one analytics engine, and ``describe`` says in
words what was run, so a user can see the question Axis answered.

Metrics are names: a base figure (``leads`` … ``revenue``), a rate or cost the funnel table
computes (``mql_to_sql``, ``cpl``, ``roi``), ``target(x)`` or ``achievement(x)`` for a base
figure ``x``.  A name the data does not have is allowed here — the executor answers that it
is not in the data, rather than the parser guessing another metric.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

BASE_METRICS: tuple[str, ...] = ("leads", "mql", "sql", "opportunities", "won", "spend", "revenue")
RATIO_METRICS: dict[str, tuple[str, str]] = {
    "lead_to_mql": ("mql", "leads"),
    "mql_to_sql": ("sql", "mql"),
    "sql_to_won": ("won", "sql"),
    "lead_to_won": ("won", "leads"),
    "cpl": ("spend", "leads"),
    "cost_per_mql": ("spend", "mql"),
    "cost_per_sql": ("spend", "sql"),
    "cac": ("spend", "won"),
}
COMPUTED_METRICS: tuple[str, ...] = (*RATIO_METRICS, "roi")
COST_METRICS = frozenset({"cpl", "cost_per_mql", "cost_per_sql", "cac", "spend"})
"""Metrics where lower is better: the "best" month of a cost is its lowest."""
_WRAPPED = re.compile(r"^(target|achievement)\((\w+)\)$")

Comparison = Literal["<", "<=", ">", ">="]
Operation = Literal[
    "value",
    "period_aggregate",
    "trend",
    "change_mom",
    "change_yoy",
    "compare_periods",
    "sum",
    "average",
    "first_month_where",
    "last_month_where",
    "best_month",
    "worst_month",
    "months_below_threshold",
    "rank_segments",
]
Relative = Literal[
    "this_month",
    "last_month",
    "last_n_months",
    "this_fy",
    "last_fy",
    "this_fy_to_date",
    "this_quarter",
    "last_quarter",
    "this_half",
    "last_half",
]


def split_metric(name: str) -> tuple[str | None, str]:
    """``achievement(won)`` → (``achievement``, ``won``); ``cpl`` → (None, ``cpl``)."""
    if m := _WRAPPED.match(name):
        return m.group(1), m.group(2)
    return None, name


def is_known_metric(name: str) -> bool:
    wrapper, base = split_metric(name)
    if wrapper:
        return base in BASE_METRICS
    return base in BASE_METRICS or base in COMPUTED_METRICS


def is_amount(name: str) -> bool:
    """A count or an amount (what can be summed or averaged per month)."""
    wrapper, base = split_metric(name)
    return wrapper != "achievement" and base in BASE_METRICS


class MonthPeriod(BaseModel):
    type: Literal["month"] = "month"
    month: str = Field(pattern=r"^\d{4}-\d{2}$")


class RangePeriod(BaseModel):
    type: Literal["range"] = "range"
    start: str = Field(pattern=r"^\d{4}-\d{2}$")
    end: str = Field(pattern=r"^\d{4}-\d{2}$")

    @model_validator(mode="after")
    def _ordered(self) -> RangePeriod:
        if self.end < self.start:
            self.start, self.end = self.end, self.start
        return self


class QuarterPeriod(BaseModel):
    type: Literal["quarter"] = "quarter"
    fy: int = Field(ge=1900, le=2200)
    q: int = Field(ge=1, le=4)


class HalfPeriod(BaseModel):
    type: Literal["half"] = "half"
    fy: int = Field(ge=1900, le=2200)
    h: int = Field(ge=1, le=2)


class FiscalYearPeriod(BaseModel):
    type: Literal["fiscal_year"] = "fiscal_year"
    fy: int = Field(ge=1900, le=2200, description="The calendar year the fiscal year starts in.")


class CalendarYearPeriod(BaseModel):
    type: Literal["calendar_year"] = "calendar_year"
    year: int = Field(ge=1900, le=2200)


class RelativePeriod(BaseModel):
    type: Literal["relative"] = "relative"
    rel: Relative
    n: int | None = Field(default=None, ge=1, le=120)

    @model_validator(mode="after")
    def _needs_n(self) -> RelativePeriod:
        if self.rel == "last_n_months" and self.n is None:
            raise ValueError("last_n_months needs n")
        return self


class AllPeriod(BaseModel):
    type: Literal["all"] = "all"


class ShiftPeriod(BaseModel):
    type: Literal["shift"] = "shift"
    period: Period
    months: int = Field(ge=-600, le=600)


Period = Annotated[
    MonthPeriod
    | RangePeriod
    | QuarterPeriod
    | HalfPeriod
    | FiscalYearPeriod
    | CalendarYearPeriod
    | RelativePeriod
    | AllPeriod
    | ShiftPeriod,
    Field(discriminator="type"),
]
ShiftPeriod.model_rebuild()


class Condition(BaseModel):
    """``metric cmp value``: a rate or achievement as a fraction (0.3 = 30%), money in yen."""

    metric: str
    cmp: Comparison
    value: float


class KpiQuery(BaseModel):
    op: Operation
    metric: str | None = None
    metrics: list[str] = Field(default_factory=list)
    period: Period = Field(default_factory=AllPeriod)
    baseline: Period | None = None
    segment: str | None = Field(
        default=None, description="A segment/channel exactly as the data names it."
    )
    condition: Condition | None = None
    threshold: float | None = None
    cmp: Comparison = "<"
    order: Literal["desc", "asc"] = "desc"
    top: int | None = Field(default=None, ge=1)
    by: Literal["max", "min"] | None = None

    @field_validator("metric")
    @classmethod
    def _strip(cls, value: str | None) -> str | None:
        return value.strip() if value else value

    @model_validator(mode="after")
    def _complete(self) -> KpiQuery:
        multi = self.op in ("period_aggregate", "months_below_threshold")
        if multi and not self.metrics:
            raise ValueError(f"{self.op} needs metrics")
        if self.op in ("first_month_where", "last_month_where") and self.condition is None:
            raise ValueError(f"{self.op} needs a condition")
        if self.op == "months_below_threshold" and self.threshold is None:
            raise ValueError("months_below_threshold needs a threshold")
        if self.op == "compare_periods" and self.baseline is None:
            raise ValueError("compare_periods needs a baseline period")
        needs_metric = not multi and self.op not in ("first_month_where", "last_month_where")
        if needs_metric and not self.metric:
            raise ValueError(f"{self.op} needs a metric")
        return self

    def all_metrics(self) -> list[str]:
        """Every metric the query reads, in the order it names them."""
        names = [self.metric] if self.metric else []
        names += self.metrics
        if self.condition:
            names.append(self.condition.metric)
        return list(dict.fromkeys(names))


class Understood(BaseModel):
    """What the parser made of a question it could not turn into a query: shown to the user
    with what Axis can answer instead, never replaced by another period's figures."""

    metrics: list[str] = Field(default_factory=list)
    unknown_metric: str | None = None
    period: Period | None = None
    segment: str | None = None
    op: Operation | None = None
    missing: Literal["metric", "period", "operation", "segment"] | None = None
