"""Funnel formulas against hand arithmetic (the arithmetic is written next to each number)."""

from __future__ import annotations

from decimal import Decimal

from assistant.analytics.consolidate import consolidate
from assistant.analytics.funnel import funnel_rows
from assistant.analytics.report import build_report
from tests.analytics.helpers import DEMO_Q, row, series


def _table(rows):  # type: ignore[no-untyped-def]
    figures, findings = consolidate(rows)
    return funnel_rows(figures), findings


def test_rates_costs_and_roi_of_one_month() -> None:
    table, _ = _table(series(DEMO_Q))
    oct_ = table.row("2025-10")
    assert oct_ is not None
    # 120 MQL / 400 leads; 54 SQL / 120 MQL; 14 won / 54 SQL; 14 won / 400 leads
    assert oct_.rates["lead_to_mql"] == Decimal("0.3")
    assert oct_.rates["mql_to_sql"] == Decimal("0.45")
    assert oct_.rates["sql_to_won"] == Decimal(14) / Decimal(54)
    assert oct_.rates["lead_to_won"] == Decimal("0.035")
    # spend 3,000,000 yen over 400 leads / 120 MQL / 54 SQL / 14 won
    assert oct_.costs["cpl"] == Decimal(7500)
    assert oct_.costs["cost_per_mql"] == Decimal(25000)
    assert oct_.costs["cost_per_sql"] == Decimal(3_000_000) / Decimal(54)  # 55,555.55…
    assert oct_.costs["cac"] == Decimal(3_000_000) / Decimal(14)  # 214,285.71…
    # ROI = (33,320,000 − 3,000,000) / 3,000,000 = 30,320,000 / 3,000,000 = 10.10666…
    assert oct_.roi == Decimal(30_320_000) / Decimal(3_000_000)
    assert oct_.roi_attributable is None  # no attributable revenue in the data


def test_month_over_month_and_trailing_three_months() -> None:
    table, _ = _table(series(DEMO_Q))
    jan = table.row("2026-01")
    assert jan is not None
    # leads 445 vs 430 the month before: +15, 15/430
    assert jan.mom["leads"].delta == 15
    assert jan.mom["leads"].relative == Decimal(15) / Decimal(430)
    # trailing 3 months: mean(400, 415, 430) = 1245/3 = 415 → +30, 30/415
    assert jan.trailing["leads"].base == 415
    assert jan.trailing["leads"].delta == 30
    assert jan.trailing["leads"].relative == Decimal(30) / Decimal(415)
    # MQL→SQL 60/132 = 5/11 against pooled (54+56+58)/(120+123+131) = 168/374 = 84/187:
    # 5/11 − 84/187 = (85 − 84)/187 = 1/187
    delta = jan.trailing["mql_to_sql"].delta
    assert delta is not None and abs(delta - Decimal(1) / Decimal(187)) < Decimal("1e-20")
    # CPL 3,380,000/445 against pooled 9,400,000/1,245
    cpl = jan.trailing["cpl"]
    assert cpl.base == Decimal(9_400_000) / Decimal(1245)
    assert cpl.delta == Decimal(3_380_000) / Decimal(445) - Decimal(9_400_000) / Decimal(1245)
    # the first month has nothing to compare with
    first = table.row("2025-10")
    assert first is not None and first.mom["leads"].delta is None
    assert first.trailing["leads"].base is None


def test_attributable_roi_uses_the_attributable_revenue_column() -> None:
    stored = [
        row(
            "2026-04",
            500,
            150,
            60,
            15,
            3_000_000,
            30_000_000,
            extra={"マーケ起点売上(円)": "12,000,000"},
        )
    ]
    table, findings = _table(stored)
    april = table.row("2026-04")
    assert april is not None
    assert april.roi == Decimal(9)  # (30,000,000 − 3,000,000) / 3,000,000
    assert april.roi_attributable == Decimal(3)  # (12,000,000 − 3,000,000) / 3,000,000
    assert findings == []


def test_division_by_zero_is_reported_not_raised() -> None:
    stored = [row("2026-05", 0, 0, 0, 0, 100_000, 0, source="zero.csv", at=7)]
    table, _ = _table(stored)
    may = table.row("2026-05")
    assert may is not None
    assert all(value is None for value in may.rates.values())
    assert may.costs["cpl"] is None and may.roi == Decimal(-1)  # (0 − 100,000) / 100,000
    zero = [f for f in table.findings if f.code == "division_by_zero"]
    assert {f.stage for f in zero} >= {"lead_to_mql", "mql_to_sql", "cpl", "cac"}
    cpl = next(f for f in zero if f.stage == "cpl")
    assert (cpl.locations[0].source, cpl.locations[0].row) == ("zero.csv", 7)
    assert cpl.message("ja") == (
        "2026年5月のCPL（リード獲得単価）は計算できません: "
        "リード数が0です（zero.csv 7行目（リード数））。"
    )
    assert cpl.message("en") == (
        "2026-05: the CPL cannot be computed because leads is 0 (zero.csv row 7 (リード数))."
    )


def test_missing_month_breaks_comparisons_and_is_reported() -> None:
    stored = series([DEMO_Q[0], DEMO_Q[1], DEMO_Q[3]])  # 2025-12 missing
    table, findings = _table(stored)
    gap = [f for f in findings if f.code == "missing_month"]
    assert [f.months for f in gap] == [["2025-12"]]
    jan = table.row("2026-01")
    assert jan is not None
    assert jan.mom["leads"].delta is None and jan.trailing["leads"].delta is None
    assert "2025-12" in gap[0].message("en")


def test_report_json_units() -> None:
    doc = build_report(series(DEMO_Q)).as_json()
    oct_ = doc["months"][0]
    assert oct_["month"] == "2025-10"
    assert (oct_["leads"], oct_["mql"], oct_["sql"], oct_["won"]) == (400, 120, 54, 14)
    assert (oct_["spend"], oct_["revenue"]) == (3_000_000, 33_320_000)
    # fractions rounded to 6 places: 14/54 = 0.2592592… → 0.259259
    assert oct_["rates"] == {
        "lead_to_mql": 0.3,
        "mql_to_sql": 0.45,
        "sql_to_won": 0.259259,
        "lead_to_won": 0.035,
    }
    # yen as ints, half up: 55,555.55… → 55,556; 214,285.71… → 214,286
    assert (oct_["cpl"], oct_["cost_per_mql"]) == (7500, 25000)
    assert (oct_["cost_per_sql"], oct_["cac"]) == (55556, 214286)
    assert oct_["roi"] == 10.106667
    assert oct_["achievement"] == {} and oct_["flags"] == []
    jan = doc["months"][3]
    assert jan["changes"]["mom"]["leads"] == {"delta": 15, "relative": 0.034884}  # 15/430
    assert isinstance(jan["leads"], int) and isinstance(jan["cpl"], int)
