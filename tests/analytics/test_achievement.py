"""Achievement against target: ratios, the threshold setting, first month and runs below."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.analytics.achievement import achievement
from assistant.analytics.consolidate import consolidate
from assistant.analytics.report import build_report
from tests.analytics.helpers import row


def _table(stored, threshold: str = "0.8"):  # type: ignore[no-untyped-def]
    figures, _ = consolidate(stored)
    return achievement(figures, threshold=Decimal(threshold))


def test_ratio_is_actual_over_target_and_below_is_strict() -> None:
    table, _ = _table(
        [
            row("2026-01", sql=52, targets={"sql": 65}),  # 52/65 = 0.8 exactly: not below
            row("2026-02", sql=51, targets={"sql": 65}),  # 51/65 = 0.7846…: below
            row("2026-03", 700, targets={"leads": 600, "revenue": 10_000_000}),  # no revenue actual
        ]
    )
    cells = {(c.month, c.stage): c for c in table.cells}
    assert cells[("2026-01", "sql")].ratio == Decimal("0.8")
    assert cells[("2026-01", "sql")].below is False
    assert cells[("2026-02", "sql")].ratio == Decimal(51) / Decimal(65)
    assert cells[("2026-02", "sql")].below is True
    assert cells[("2026-03", "leads")].ratio == Decimal(700) / Decimal(600)
    assert cells[("2026-03", "revenue")].ratio is None  # no actual: unknown, not 0%
    assert table.flags("2026-02") == ["sql"] and table.flags("2026-03") == []


def test_threshold_is_configurable() -> None:
    stored = [row("2026-01", sql=52, won=11, targets={"sql": 65, "won": 19})]
    # 52/65 = 0.8; 11/19 = 0.5789…
    assert _table(stored, "0.8")[0].flags("2026-01") == ["won"]
    assert _table(stored, "0.85")[0].flags("2026-01") == ["sql", "won"]
    assert _table(stored, "0.5")[0].flags("2026-01") == []


def test_threshold_setting_is_read_from_the_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from assistant.config import load_settings
    from assistant.errors import ConfigError

    monkeypatch.setenv("AXIS_ACHIEVEMENT_THRESHOLD", "0.9")
    assert load_settings().achievement_threshold == 0.9
    monkeypatch.setenv("AXIS_ACHIEVEMENT_THRESHOLD", "-1")
    with pytest.raises(ConfigError, match="AXIS_ACHIEVEMENT_THRESHOLD"):
        load_settings()


def test_first_month_below_and_the_current_run() -> None:
    table, _ = _table(
        [
            row("2026-01", won=10, targets={"won": 16}),  # 0.625 below
            row("2026-02", won=15, targets={"won": 16}),  # 0.9375
            row("2026-03", won=12, targets={"won": 16}),  # 0.75 below
            row("2026-04", won=11, targets={"won": 17}),  # 0.647 below
            row("2026-05", won=10, targets={"won": 18}),  # 0.556 below
        ]
    )
    run = table.runs["won"]
    assert run.first_below == "2026-01"
    assert run.current_run == ["2026-03", "2026-04", "2026-05"]


def test_a_missing_month_ends_a_run() -> None:
    table, _ = _table(
        [
            row("2026-01", won=10, targets={"won": 16}),
            row("2026-03", won=10, targets={"won": 16}),
        ]
    )
    assert table.runs["won"].current_run == ["2026-03"]


def test_zero_target_is_reported() -> None:
    table, findings = _table([row("2026-01", mql=40, targets={"mql": 0}, source="t.csv", at=5)])
    assert table.cells[0].ratio is None
    (zero,) = findings
    assert zero.code == "zero_target"
    assert (zero.locations[0].source, zero.locations[0].row, zero.locations[0].column) == (
        "t.csv",
        5,
        "MQL数",
    )


def test_report_flags_and_achievement_json() -> None:
    doc = build_report(
        [row("2026-01", 720, 217, 53, 11, targets={"leads": 620, "mql": 186, "sql": 74, "won": 19})]
    ).as_json()
    month = doc["months"][0]
    # 720/620 = 1.16129…, 217/186 = 1.166666…, 53/74 = 0.716216…, 11/19 = 0.578947…
    assert month["achievement"] == {
        "leads": 1.16129,
        "mql": 1.166667,
        "sql": 0.716216,
        "won": 0.578947,
    }
    assert month["flags"] == ["sql", "won"]
