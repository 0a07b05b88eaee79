"""Reverse planning: from a revenue target back to the leads (and budget) it takes.

    won   = ⌈ revenue target / deal size ⌉
    SQL   = ⌈ won  / SQL→won ⌉
    MQL   = ⌈ SQL  / MQL→SQL ⌉
    leads = ⌈ MQL  / lead→MQL ⌉
    budget = ⌈ leads × CPL ⌉ (yen)

Each step rounds *up*: a plan that falls one deal short is not a plan.  The rates, CPL and
(when not given) the deal size are pooled over the last ``window`` months that have actuals
(ΣSQL / ΣMQL, Σspend / Σleads, Σrevenue / Σwon), so a quiet month does not skew them.  The
arithmetic is done in exact fractions; rates are reported as ``Decimal``.

The plan is for the period the target covers; ``period_months`` also gives the monthly pace
(each figure divided by the months, rounded up).  ``what_if`` answers "if MQL→SQL returned
to X, how many fewer leads would we need": the same plan with one rate replaced.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Literal, TypedDict

from pydantic import BaseModel, Field

from assistant.analytics.consolidate import MonthFigures
from assistant.analytics.format import label, round_yen
from assistant.analytics.funnel import STEP_RATES
from assistant.analytics.models import json_number
from assistant.errors import AnalyticsError
from assistant.text.months import format_period, month_index
from assistant.text.normalize import nfkc, parse_yen

DEFAULT_WINDOW = 3
_PRECISION = Decimal(1).scaleb(-12)
_HOW_TO_ADD = (
    "ingest a KPI file (axis ingest knowledge/kpi/kpi-monthly.csv) or import a CRM export "
    "(axis kpi import hubspot FILE)"
)


class Required(BaseModel):
    won: int
    sql: int
    mql: int
    leads: int
    budget: int | None = None

    def as_json(self) -> RequiredJson:
        return RequiredJson(
            won=self.won, sql=self.sql, mql=self.mql, leads=self.leads, budget=self.budget
        )


RUN_RATE_FIELDS: tuple[str, ...] = ("won", "sql", "mql", "leads", "revenue", "budget")
PERIOD_MONTHS: dict[str, int] = {"month": 1, "quarter": 3, "half": 6, "year": 12}
_PERIOD_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "year",
        re.compile(
            r"年間|通期|年度|年で|年に|/年|per\s*year|a\s+year|annual|yearly|\byear\b", re.I
        ),
    ),
    ("quarter", re.compile(r"四半期|クォーター|quarter|\bq\b", re.I)),
    ("half", re.compile(r"(?<!四)半期|上期|下期|半年|half", re.I)),
    (
        "month",
        re.compile(r"月間|月額|毎月|月に|^月|/月|per\s*month|a\s+month|monthly|\bmonth\b", re.I),
    ),
)
_AMOUNT = re.compile(
    r"[0-9０-９][0-9０-９,，.．]*\s*(?:兆|億|千万|百万|万|千)?[0-9０-９,，.．]*\s*(?:億|万|千)?\s*円?"
)


class RunRate(BaseModel):
    """The monthly pace of the last months (pooled and divided by the months)."""

    months: list[str]
    won: int | None = None
    sql: int | None = None
    mql: int | None = None
    leads: int | None = None
    revenue: int | None = None
    budget: int | None = None


def target_period(text: str, period: str | None = None) -> tuple[int, str]:
    """「年間2億」→ (200,000,000, "year"), 「月3,000万」→ (30,000,000, "month").

    ``period`` (``--period``) wins over words in the text; a target with neither is refused
    with the question of which period it covers — planning an annual figure as one month's
    would ask for twelve times too much.
    """
    words = nfkc(text).strip()
    if period is not None and period not in PERIOD_MONTHS:
        raise AnalyticsError(
            f"--period {period!r} — one of month, quarter, half, year",
            ja=f"--period「{period}」は使えません — month（月）、quarter（四半期）、"
            "half（半期）、year（年間）のいずれかです",
        )
    found = period or next((name for name, p in _PERIOD_WORDS if p.search(words)), None)
    match = _AMOUNT.search(words)
    if match is None:
        raise AnalyticsError(
            f"no amount in {text!r} — write the target like 2億 or 30,000,000",
            ja=f"「{text}」に金額がありません — 「年間2億」「月3,000万」のように書いてください",
        )
    try:
        amount = parse_yen(match.group(0).strip())
    except ValueError as exc:
        raise AnalyticsError(
            f"{text!r}: {exc}", ja=f"「{text}」を金額として読めません（{exc}）"
        ) from None
    if found is None:
        raise AnalyticsError(
            f"Which period is {text} for — a month, a quarter or a year? Give --period "
            "month|quarter|year (or write 年間2億 / 月3,000万)",
            ja=f"{text}はどの期間の目標ですか — 月・四半期・年間のどれかを --period month|quarter|"
            "year で指定してください（「年間2億」「月3,000万」のように書いても構いません）",
        )
    return amount, found


def run_rate(rows: Sequence[MonthFigures]) -> RunRate | None:
    """The last months' monthly pace: each figure pooled over the months that have it."""
    if not rows:
        return None
    n = len(rows)

    def per_month(name: str) -> int | None:
        total = _sum(rows, name)
        return None if total is None else round_yen(Fraction(total, n))

    return RunRate(
        months=[r.month for r in rows],
        won=per_month("won"),
        sql=per_month("sql"),
        mql=per_month("mql"),
        leads=per_month("leads"),
        revenue=per_month("revenue"),
        budget=per_month("spend"),
    )


class PlanAssumptions(BaseModel):
    revenue_target: int
    period_months: int
    deal_size: Decimal
    deal_size_source: Literal["given", "history"]
    window_months: list[str]
    rates: dict[str, Decimal]
    rate_sources: dict[str, Literal["history", "what-if"]]
    cpl: Decimal | None
    history: dict[str, int | None] = Field(
        default_factory=dict, description="The pooled counts and money the rates come from."
    )


class Plan(BaseModel):
    required: Required
    per_month: Required
    assumptions: PlanAssumptions
    run_rate: RunRate | None = Field(
        default=None, description="What the last months delivered per month, for comparison."
    )

    def gap(self, name: str) -> int | None:
        """Per month, how far the pace needed is above (+) or below (−) the current pace."""
        if self.run_rate is None:
            return None
        a = self.assumptions
        if name == "revenue":
            needed: int | None = math.ceil(Fraction(a.revenue_target, a.period_months))
        else:
            needed = getattr(self.per_month, name)
        now = getattr(self.run_rate, name)
        return None if needed is None or now is None else needed - now

    def as_json(self) -> PlanJson:
        a = self.assumptions
        return PlanJson(
            run_rate=self.run_rate.model_dump() if self.run_rate else None,
            gap={k: self.gap(k) for k in RUN_RATE_FIELDS},
            required=self.required.as_json(),
            per_month=self.per_month.as_json(),
            assumptions=AssumptionsJson(
                revenue_target=a.revenue_target,
                period_months=a.period_months,
                deal_size=round_yen(a.deal_size),
                deal_size_source=a.deal_size_source,
                window_months=a.window_months,
                rates={k: float(json_number(v) or 0) for k, v in a.rates.items()},
                rate_sources=dict(a.rate_sources),
                cpl=round_yen(a.cpl) if a.cpl is not None else None,
                history=dict(a.history),
            ),
        )


class RequiredJson(TypedDict):
    won: int
    sql: int
    mql: int
    leads: int
    budget: int | None


class AssumptionsJson(TypedDict):
    revenue_target: int
    period_months: int
    deal_size: int
    deal_size_source: str
    window_months: list[str]
    rates: dict[str, float]
    rate_sources: dict[str, str]
    cpl: int | None
    history: dict[str, int | None]


class PlanJson(TypedDict):
    run_rate: dict[str, int | None] | None
    gap: dict[str, int | None]
    required: RequiredJson
    per_month: RequiredJson
    assumptions: AssumptionsJson


class WhatIfJson(TypedDict):
    rate: str
    from_rate: float
    to_rate: float
    fewer_leads: int
    fewer_mql: int
    budget_saved: int | None
    required: RequiredJson


class WhatIf(BaseModel):
    rate: str
    from_rate: Decimal
    to_rate: Decimal
    base: Plan
    plan: Plan
    fewer_leads: int = Field(description="Negative when the new rate needs more leads.")
    fewer_mql: int
    budget_saved: int | None = None

    def as_json(self) -> WhatIfJson:
        return WhatIfJson(
            rate=self.rate,
            from_rate=float(json_number(self.from_rate) or 0),
            to_rate=float(json_number(self.to_rate) or 0),
            fewer_leads=self.fewer_leads,
            fewer_mql=self.fewer_mql,
            budget_saved=self.budget_saved,
            required=self.plan.required.as_json(),
        )


def _exact(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(_PRECISION)


def _history(
    figures: Sequence[MonthFigures], *, window: int, end: str | None
) -> list[MonthFigures]:
    rows = [f for f in figures if f.segment is None and f.has_actuals()]
    if end is not None:
        rows = [f for f in rows if month_index(f.month) <= month_index(end)]
    if not rows:
        raise AnalyticsError(f"No KPI months with actual numbers to plan from — {_HOW_TO_ADD}")
    rows.sort(key=lambda f: month_index(f.month))
    return rows[-window:]


def _sum(rows: Sequence[MonthFigures], name: str) -> int | None:
    values = [v for r in rows if (v := r.value(name)) is not None]
    return sum(values) if len(values) == len(rows) else None


def _rate(rows: Sequence[MonthFigures], name: str, numerator: str, denominator: str) -> Fraction:
    top, bottom = _sum(rows, numerator), _sum(rows, denominator)
    period = format_period([r.month for r in rows], "en")
    if top is None or bottom is None:
        missing = label(numerator if top is None else denominator, "en")
        raise AnalyticsError(
            f"Cannot compute the {label(name, 'en')} for {period}: {missing} is missing in "
            "some of those months — fill it in, or plan over other months with --window"
        )
    if top <= 0 or bottom <= 0:
        raise AnalyticsError(
            f"The {label(name, 'en')} over {period} is {top}/{bottom} — a plan needs every "
            "step above 0; use a longer --window"
        )
    return Fraction(top, bottom)


def _ceil(value: Fraction) -> int:
    return math.ceil(value)


def _chain(
    target: int, deal: Fraction, rates: Mapping[str, Fraction], cpl: Fraction | None
) -> Required:
    won = _ceil(Fraction(target) / deal)
    sql = _ceil(won / rates["sql_to_won"])
    mql = _ceil(sql / rates["mql_to_sql"])
    leads = _ceil(mql / rates["lead_to_mql"])
    budget = _ceil(leads * cpl) if cpl is not None else None
    return Required(won=won, sql=sql, mql=mql, leads=leads, budget=budget)


def reverse_plan(
    figures: Sequence[MonthFigures],
    *,
    revenue_target: int,
    deal_size: int | None = None,
    window: int = DEFAULT_WINDOW,
    end: str | None = None,
    overrides: Mapping[str, Decimal] | None = None,
    period_months: int = 1,
) -> Plan:
    """What it takes to reach ``revenue_target`` yen at the recent conversion rates."""
    if revenue_target <= 0:
        raise AnalyticsError("--revenue-target must be more than 0 yen (e.g. 50000000 or 5000万円)")
    if deal_size is not None and deal_size <= 0:
        raise AnalyticsError("--deal-size must be more than 0 yen, or leave it out to use history")
    if window < 1 or period_months < 1:
        raise AnalyticsError("--window and the period must be at least 1 month")
    overrides = dict(overrides or {})
    unknown = set(overrides) - set(STEP_RATES)
    if unknown:
        raise AnalyticsError(
            f"Unknown rate {', '.join(sorted(unknown))} — choose from {', '.join(STEP_RATES)}"
        )
    rows = _history(figures, window=window, end=end)
    pairs = {
        "lead_to_mql": ("mql", "leads"),
        "mql_to_sql": ("sql", "mql"),
        "sql_to_won": ("won", "sql"),
    }
    rates: dict[str, Fraction] = {}
    for name, (numerator, denominator) in pairs.items():
        if name in overrides:
            value = overrides[name]
            if not 0 < value <= 1:
                raise AnalyticsError(f"The {label(name, 'en')} must be above 0% and at most 100%")
            rates[name] = Fraction(value)
        else:
            rates[name] = _rate(rows, name, numerator, denominator)
    source: Literal["given", "history"] = "given"
    if deal_size is not None:
        deal = Fraction(deal_size)
    else:
        deal, source = _rate(rows, "deal size", "revenue", "won"), "history"
    spend, leads = _sum(rows, "spend"), _sum(rows, "leads")
    cpl = Fraction(spend, leads) if spend is not None and leads else None
    required = _chain(revenue_target, deal, rates, cpl)
    per_month = Required(
        **{
            k: (math.ceil(Fraction(v, period_months)) if v is not None else None)
            for k, v in required.model_dump().items()
        }
    )
    assumptions = PlanAssumptions(
        revenue_target=revenue_target,
        period_months=period_months,
        deal_size=_exact(deal),
        deal_size_source=source,
        window_months=[r.month for r in rows],
        rates={name: _exact(value) for name, value in rates.items()},
        rate_sources={name: ("what-if" if name in overrides else "history") for name in rates},
        cpl=_exact(cpl) if cpl is not None else None,
        history={
            name: _sum(rows, name) for name in ("leads", "mql", "sql", "won", "spend", "revenue")
        },
    )
    return Plan(
        required=required, per_month=per_month, assumptions=assumptions, run_rate=run_rate(rows)
    )


def what_if(
    figures: Sequence[MonthFigures],
    *,
    rate: str = "mql_to_sql",
    value: Decimal,
    revenue_target: int,
    deal_size: int | None = None,
    window: int = DEFAULT_WINDOW,
    end: str | None = None,
    period_months: int = 1,
) -> WhatIf:
    """The plan at today's rates next to the plan with ``rate`` set to ``value``."""

    def plan(overrides: Mapping[str, Decimal] | None) -> Plan:
        return reverse_plan(
            figures,
            revenue_target=revenue_target,
            deal_size=deal_size,
            window=window,
            end=end,
            overrides=overrides,
            period_months=period_months,
        )

    base, changed = plan(None), plan({rate: value})
    saved = None
    if base.required.budget is not None and changed.required.budget is not None:
        saved = base.required.budget - changed.required.budget
    return WhatIf(
        rate=rate,
        from_rate=base.assumptions.rates[rate],
        to_rate=changed.assumptions.rates[rate],
        base=base,
        plan=changed,
        fewer_leads=base.required.leads - changed.required.leads,
        fewer_mql=base.required.mql - changed.required.mql,
        budget_saved=saved,
    )


class DefaultTarget(BaseModel):
    """A monthly revenue target derived from the data when none is given: the latest won-deal
    target times the average deal size the plan itself uses (so target ÷ deal size = won)."""

    revenue: int
    month: str
    won_target: int
    deal_size: Decimal
    window_months: list[str]


def default_revenue_target(
    figures: Sequence[MonthFigures], *, window: int = DEFAULT_WINDOW
) -> DefaultTarget | None:
    """The target to plan for when the user gives none, or ``None`` without a won target."""
    with_target = [f for f in figures if f.segment is None and f.targets.get("won")]
    if not with_target:
        return None
    latest = with_target[-1]
    try:
        probe = reverse_plan(figures, revenue_target=1, window=window)
    except AnalyticsError:
        return None
    deal = probe.assumptions.deal_size
    return DefaultTarget(
        revenue=int((deal * latest.targets["won"]).to_integral_value()),
        month=latest.month,
        won_target=latest.targets["won"],
        deal_size=deal,
        window_months=list(probe.assumptions.window_months),
    )
