"""Invariants that must hold for any data, checked with hypothesis."""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.analytics.consolidate import consolidate
from assistant.analytics.crm.importer import aggregate
from assistant.analytics.crm.read import read_export
from assistant.analytics.funnel import RATES, funnel_rows
from assistant.analytics.planning import reverse_plan
from tests.analytics.helpers import row


@st.composite
def consistent_month(draw):  # type: ignore[no-untyped-def]
    """Counts with leads ≥ MQL ≥ SQL ≥ won ≥ 0, as a healthy funnel has them."""
    leads = draw(st.integers(0, 10**7))
    mql = draw(st.integers(0, leads))
    sql = draw(st.integers(0, mql))
    won = draw(st.integers(0, sql))
    spend = draw(st.integers(0, 10**11))
    return leads, mql, sql, won, spend


@given(st.lists(consistent_month(), min_size=1, max_size=6))
def test_rates_are_fractions_between_0_and_1_when_counts_are_consistent(months) -> None:  # type: ignore[no-untyped-def]
    stored = [row(f"2026-{i + 1:02d}", *m, revenue=0, at=i) for i, m in enumerate(months)]
    table = funnel_rows(consolidate(stored)[0])
    for r in table.rows:
        for name, (_numerator, denominator) in RATES.items():
            value = r.rates[name]
            if r.figures.value(denominator) == 0:
                assert value is None  # reported as division by zero, never a crash
            else:
                assert value is not None and 0 <= value <= 1
    assert not [f for f in table.findings if f.code != "division_by_zero"]


@st.composite
def history(draw):  # type: ignore[no-untyped-def]
    won = draw(st.integers(1, 500))
    sql = draw(st.integers(won, 5_000))
    mql = draw(st.integers(sql, 20_000))
    leads = draw(st.integers(mql, 100_000))
    revenue = draw(st.integers(won, 10**10))
    spend = draw(st.integers(1, 10**9))
    return leads, mql, sql, won, spend, revenue


@given(history(), st.integers(1, 10**11))
def test_plan_times_rates_reproduces_the_target(month, target) -> None:  # type: ignore[no-untyped-def]
    leads_h, mql_h, sql_h, won_h, spend_h, revenue_h = month
    figures = consolidate([row("2026-01", *month)])[0]
    plan = reverse_plan(figures, revenue_target=target, window=1).required
    deal = Fraction(revenue_h, won_h)
    steps = [  # (required upstream, rate, required downstream)
        (plan.leads, Fraction(mql_h, leads_h), plan.mql),
        (plan.mql, Fraction(sql_h, mql_h), plan.sql),
        (plan.sql, Fraction(won_h, sql_h), plan.won),
        (plan.won, deal, Fraction(target)),
    ]
    for upstream, rate, downstream in steps:
        assert upstream * rate >= downstream  # enough at every step …
        assert (upstream - 1) * rate < downstream  # … and not one more than needed
    assert plan.budget == math.ceil(plan.leads * Fraction(spend_h, leads_h))


dates = st.one_of(
    st.none(), st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 31))
)
SHAPES = ("{:%Y-%m-%d %H:%M}", "{:%Y/%m/%d}", "{:%Y年%m月%d日}", "{:%Y-%m-%dT%H:%M:%SZ}")


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(dates, dates, dates, st.integers(0, 10**8), st.sampled_from(SHAPES)),
        min_size=1,
        max_size=25,
    )
)
def test_fast_and_exact_readers_agree_and_count_by_event_month(records) -> None:  # type: ignore[no-untyped-def]
    """Arrow's fast path and the exact table reader give the same funnel, which is what a
    plain loop over the records gives."""
    from assistant.analytics.crm import read as crm_read

    lines = [
        "Record ID,Create Date,Became a Marketing Qualified Lead Date,"
        "Became a Customer Date,Total Revenue"
    ]
    expected: dict[str, dict[str, int]] = {}
    for i, (created, mql, customer, amount, shape) in enumerate(records):
        cells = [shape.format(d) if d else "" for d in (created, mql, customer)]
        lines.append(f"{i},{','.join(cells)},{amount if customer else ''}")
        if not (created or mql or customer):
            continue
        for stage, day in (("leads", created), ("mql", mql), ("won", customer)):
            if day:
                month = expected.setdefault(f"{day:%Y-%m}", {})
                month[stage] = month.get(stage, 0) + 1
        if customer:
            month = expected[f"{customer:%Y-%m}"]
            month["revenue"] = month.get("revenue", 0) + amount
    data = ("\n".join(lines) + "\n").encode()
    args = {"suffix": ".csv", "system": "hubspot", "source": "x.csv", "channel": False}
    fast = aggregate(crm_read._read_fast(data, **args), source="x.csv")
    exact = aggregate(crm_read._read_exact(data, **args), source="x.csv")
    assert fast.months == exact.months and fast.skipped == exact.skipped
    assert fast.cohort == exact.cohort
    for m in fast.months:
        want = expected.get(m.month, {})
        assert (m.leads, m.mql, m.won, m.revenue) == tuple(
            want.get(stage, 0) for stage in ("leads", "mql", "won", "revenue")
        )
        assert m.sql is None  # no SQL column: not in the data, not 0
    assert set(expected) <= {m.month for m in fast.months}
    assert read_export(data, **args).rows.tolist() == list(range(1, len(records) + 1))
