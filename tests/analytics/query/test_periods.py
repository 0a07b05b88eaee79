"""Fiscal calendars: years with the company's start month, quarters, halves, 〜月期, running months."""

from __future__ import annotations

from assistant.analytics.query.model import (
    FiscalYearPeriod,
    HalfPeriod,
    QuarterPeriod,
    RelativePeriod,
    ShiftPeriod,
)
from assistant.analytics.query.periods import Calendar, describe_period, resolve, running_months


def test_fiscal_year_starts_in_the_companys_month() -> None:
    april, october = Calendar(4, "2026-12"), Calendar(10, "2026-12")
    assert april.fy_months(2025)[0] == "2025-04" and april.fy_months(2025)[-1] == "2026-03"
    assert october.fy_months(2025)[0] == "2025-10" and october.fy_months(2025)[-1] == "2026-09"
    assert april.fy_of("2026-03") == 2025 and april.fy_of("2026-04") == 2026
    # 「2026年9月期」 is the year that ends in September 2026.
    assert october.fy_ending(2026, 9) == 2025


def test_quarters_and_halves_follow_the_fiscal_year() -> None:
    cal = Calendar(4, "2026-12")
    assert resolve(QuarterPeriod(fy=2026, q=3), cal).months == ["2026-10", "2026-11", "2026-12"]
    assert resolve(HalfPeriod(fy=2025, h=2), cal).months[0] == "2025-10"
    assert cal.quarter_of("2026-01") == (2025, 4)


def test_relative_periods_resolve_against_today() -> None:
    cal = Calendar(4, "2026-12")
    assert resolve(RelativePeriod(rel="last_month"), cal).months == ["2026-11"]
    six = resolve(RelativePeriod(rel="last_n_months", n=6), cal).months
    assert six == ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
    assert resolve(RelativePeriod(rel="this_fy"), cal).months[0] == "2026-04"
    shifted = ShiftPeriod(period=FiscalYearPeriod(fy=2026), months=-12)
    assert resolve(shifted, cal).months[0] == "2025-04"


def test_periods_are_written_as_a_director_writes_them() -> None:
    cal = Calendar(10, "2026-12")
    ja = describe_period(FiscalYearPeriod(fy=2025), cal, "ja")
    assert ja == "2025年度・2026年9月期（2025年10月〜2026年9月）"
    assert describe_period(HalfPeriod(fy=2025, h=1), cal, "en") == "FY2025 H1 (2025-10 to 2026-03)"


def test_the_running_month_is_named_not_counted_as_closed() -> None:
    cal = Calendar(4, "2026-12")
    assert running_months(["2026-11", "2026-12"], cal) == ["2026-12"]
