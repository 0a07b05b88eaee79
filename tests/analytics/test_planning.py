"""Reverse planning and what-if against hand arithmetic (the demo's last three months)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.analytics.consolidate import consolidate
from assistant.analytics.planning import reverse_plan, what_if
from assistant.errors import AnalyticsError
from tests.analytics.helpers import row, series

# knowledge/kpi/kpi-monthly.csv, 2026-08..10: pooled leads 2065, MQL 621, SQL 156, won 33,
# spend 16,050,000, revenue 79,970,000.
LAST_THREE = [
    ("2026-07", 620, 185, 52, 12, 4_850_000, 29_640_000),
    ("2026-08", 655, 198, 51, 11, 5_100_000, 25_850_000),
    ("2026-09", 690, 206, 52, 11, 5_350_000, 27_500_000),
    ("2026-10", 720, 217, 53, 11, 5_600_000, 26_620_000),
]


@pytest.fixture
def figures():  # type: ignore[no-untyped-def]
    return consolidate(series(LAST_THREE))[0]


def test_plan_from_history(figures) -> None:  # type: ignore[no-untyped-def]
    plan = reverse_plan(figures, revenue_target=100_000_000, window=3)
    a = plan.assumptions
    assert a.window_months == ["2026-08", "2026-09", "2026-10"]
    assert a.deal_size_source == "history"
    # deal size 79,970,000 / 33; won = ⌈100,000,000 × 33 / 79,970,000⌉ = ⌈41.27⌉ = 42
    assert plan.required.won == 42
    assert plan.required.sql == 199  # ⌈42 × 156 / 33⌉ = ⌈198.55⌉
    assert plan.required.mql == 793  # ⌈199 × 621 / 156⌉ = ⌈792.17⌉
    assert plan.required.leads == 2637  # ⌈793 × 2065 / 621⌉ = ⌈2636.95⌉
    assert plan.required.budget == 20_495_812  # ⌈2637 × 16,050,000 / 2065⌉ = ⌈20,495,811.1⌉
    assert a.history == {
        "leads": 2065,
        "mql": 621,
        "sql": 156,
        "won": 33,
        "spend": 16_050_000,
        "revenue": 79_970_000,
    }
    assert plan.as_json()["assumptions"]["rates"]["mql_to_sql"] == 0.251208  # 156/621
    assert plan.as_json()["assumptions"]["cpl"] == 7772  # 16,050,000/2065 = 7,772.39…


def test_given_deal_size_and_monthly_pace(figures) -> None:  # type: ignore[no-untyped-def]
    plan = reverse_plan(
        figures, revenue_target=60_000_000, deal_size=2_000_000, window=3, period_months=3
    )
    assert plan.assumptions.deal_size_source == "given"
    assert plan.required.won == 30  # 60,000,000 / 2,000,000
    assert plan.required.sql == 142  # ⌈30 × 156 / 33⌉ = ⌈141.8⌉
    assert plan.required.mql == 566  # ⌈142 × 621 / 156⌉ = ⌈565.27⌉
    assert plan.required.leads == 1883  # ⌈566 × 2065 / 621⌉ = ⌈1882.11⌉
    assert (plan.per_month.won, plan.per_month.leads) == (10, 628)  # ⌈30/3⌉, ⌈1883/3⌉


def test_what_if_mql_to_sql_returns_to_45_percent(figures) -> None:  # type: ignore[no-untyped-def]
    scenario = what_if(figures, value=Decimal("0.45"), revenue_target=100_000_000, window=3)
    assert scenario.to_rate == Decimal("0.45")
    assert scenario.plan.required.sql == 199  # unchanged: the step after MQL
    assert scenario.plan.required.mql == 443  # ⌈199 / 0.45⌉ = ⌈442.2⌉
    assert scenario.plan.required.leads == 1474  # ⌈443 × 2065 / 621⌉ = ⌈1473.1⌉
    assert scenario.fewer_leads == 2637 - 1474
    assert scenario.budget_saved == 20_495_812 - 11_456_514  # ⌈1474 × 16,050,000 / 2065⌉


def test_window_is_configurable(figures) -> None:  # type: ignore[no-untyped-def]
    plan = reverse_plan(figures, revenue_target=100_000_000, window=4)
    assert plan.assumptions.window_months == ["2026-07", "2026-08", "2026-09", "2026-10"]
    # 4 months: MQL→SQL (52+51+52+53)/(185+198+206+217) = 208/806
    assert plan.assumptions.history["sql"] == 208 and plan.assumptions.history["mql"] == 806


def test_plan_refuses_what_it_cannot_compute() -> None:
    with pytest.raises(AnalyticsError, match="No KPI months with actual numbers"):
        reverse_plan([], revenue_target=1_000_000)
    flat = consolidate([row("2026-01", 100, 30, 0, 0, 500_000, 0)])[0]
    with pytest.raises(AnalyticsError, match=r"MQL→SQL rate over 2026-01 is 0/30"):
        reverse_plan(flat, revenue_target=1_000_000, deal_size=100_000)
    no_spend = consolidate([row("2026-01", 100, 30, 10, 2, None, 1_000_000)])[0]
    plan = reverse_plan(no_spend, revenue_target=1_000_000)
    assert plan.required.budget is None and plan.assumptions.cpl is None
    with pytest.raises(AnalyticsError, match="more than 0 yen"):
        reverse_plan(no_spend, revenue_target=0)
    with pytest.raises(AnalyticsError, match="above 0% and at most 100%"):
        reverse_plan(no_spend, revenue_target=1, overrides={"mql_to_sql": Decimal("1.5")})
    with pytest.raises(AnalyticsError, match="Unknown rate cpl"):
        reverse_plan(no_spend, revenue_target=1, overrides={"cpl": Decimal("0.5")})


def test_default_target_is_the_latest_won_target_times_the_plans_deal_size() -> None:
    from assistant.analytics.planning import default_revenue_target

    stored = series(LAST_THREE)
    stored[-1] = row(*LAST_THREE[-1], at=4, targets={"won": 12})
    stored[1] = row(*LAST_THREE[1], at=2, targets={"won": 20})  # older: not the latest
    figures = consolidate(stored)[0]
    default = default_revenue_target(figures, window=3)
    assert default is not None and (default.month, default.won_target) == ("2026-10", 12)
    # the plan's own deal size: 79,970,000 / 33; 12 × that = 29,080,000 (rounded to the yen)
    assert abs(default.deal_size - Decimal(79_970_000) / 33) < Decimal("0.001")
    assert default.revenue == 29_080_000
    assert reverse_plan(figures, revenue_target=default.revenue, window=3).required.won == 12
    assert default_revenue_target(consolidate(series(LAST_THREE))[0]) is None  # no won target
