"""Diagnosis on small synthetic series whose every number is worked out by hand."""

from __future__ import annotations

import string
from decimal import Decimal

from assistant.analytics.achievement import achievement
from assistant.analytics.consolidate import consolidate
from assistant.analytics.diagnosis import DiagnosisOptions, diagnose
from assistant.analytics.messages import TEMPLATES
from assistant.text.months import month_at, month_index
from tests.analytics.helpers import row


def _months(n: int, start: str = "2026-01") -> list[str]:
    return [month_at(month_index(start) + k) for k in range(n)]


def _diagnose(stored, **options):  # type: ignore[no-untyped-def]
    figures, _ = consolidate(stored)
    table, _ = achievement(figures, threshold=Decimal("0.8"))
    return {f.code: f for f in diagnose(figures, table, options=DiagnosisOptions(**options))}


def test_bottleneck_is_the_step_that_fell_most_against_its_trailing_rate() -> None:
    stored = [row(m, 200, 100, 40, 10) for m in _months(3)]
    stored.append(row("2026-04", 200, 100, 30, 9))
    bottleneck = _diagnose(stored)["bottleneck"]
    # MQL→SQL: 30/100 = 0.3 against pooled 120/300 = 0.4 → −0.1 pts, −25% relative.
    # SQL→won: 9/30 = 0.3 against 30/120 = 0.25 → +20%; lead→MQL: 0.5 against 0.5 → 0%.
    assert bottleneck.stage == "mql_to_sql" and bottleneck.months == ["2026-04"]
    numbers = {k: v.value for k, v in bottleneck.numbers.items()}
    assert numbers["current"] == Decimal("0.3") and numbers["trailing"] == Decimal("0.4")
    assert numbers["delta"] == Decimal("-0.1") and numbers["relative"] == Decimal("-0.25")
    assert numbers["sql_to_won_relative"] == Decimal("0.2")
    assert numbers["lead_to_mql_relative"] == 0
    assert bottleneck.severity == "critical"
    assert bottleneck.message("en") == (
        "The bottleneck is the MQL→SQL rate: 30.0% in 2026-04 against 40.0% over the previous 3 "
        "months, -10.0 pts (-25.0% relative). Other stages: lead→MQL rate 0.0%, SQL→won rate "
        "+20.0%."
    )


def test_no_bottleneck_when_nothing_fell() -> None:
    stored = [row(m, 200, 100, 40, 10) for m in _months(4)]
    assert "bottleneck" not in _diagnose(stored)


def test_lead_volume_over_quality() -> None:
    # 6 baseline months: 400 leads, 120 MQL, 54 SQL; 3 recent months: 500 leads, 150 MQL, 45 SQL
    stored = [row(m, 400, 120, 54, 14) for m in _months(6)]
    stored += [row(m, 500, 150, 45, 12) for m in _months(3, "2026-07")]
    found = _diagnose(stored)["lead_volume_over_quality"]
    numbers = {k: v.value for k, v in found.numbers.items()}
    # leads per month 500 against 400: +25%; MQL→SQL 135/450 = 0.3 against 324/720 = 0.45:
    # −1/3 relative (lead→MQL stays 0.3; SQL→won 36/135 = 0.2667 vs 84/324 = 0.2593 rises)
    assert numbers["leads_recent"] == 500 and numbers["leads_base"] == 400
    assert numbers["leads_change"] == Decimal("0.25")
    assert found.stage == "mql_to_sql"
    assert numbers["rate_recent"] == Decimal("0.3") and numbers["rate_base"] == Decimal("0.45")
    assert found.months == _months(9)
    assert "MQL→SQL転換率は45.0%から30.0%（-33.3%）に下がりました" in found.message("ja")


def test_spend_up_with_cpl_up() -> None:
    stored = [row(m, 200, 60, 24, 6, 1_000_000) for m in _months(6)]
    stored += [row(m, 250, 75, 30, 8, 1_500_000) for m in _months(3, "2026-07")]
    codes = _diagnose(stored)
    found = codes["spend_up_cpl_up"]
    numbers = {k: v.value for k, v in found.numbers.items()}
    # spend 1,500,000 vs 1,000,000 a month: +50%; CPL 4,500,000/750 = 6,000 vs
    # 6,000,000/1,200 = 5,000: +20%
    assert numbers["spend_change"] == Decimal("0.5")
    assert (numbers["cpl_recent"], numbers["cpl_base"]) == (6000, 5000)
    assert numbers["cpl_change"] == Decimal("0.2")
    assert "CPLは5,000円から6,000円（+20.0%）に上がりました" in found.message("ja")
    assert "lead_volume_over_quality" not in codes  # conversion held up


def test_sql_to_won_falling() -> None:
    stored = [row(m, 400, 120, 50, 12) for m in _months(6)]
    stored += [row(m, 400, 120, 50, 8) for m in _months(3, "2026-07")]
    found = _diagnose(stored)["sql_to_won_falling"]
    numbers = {k: v.value for k, v in found.numbers.items()}
    # 24/150 = 0.16 against 72/300 = 0.24: −1/3
    assert numbers["rate_recent"] == Decimal("0.16") and numbers["rate_base"] == Decimal("0.24")
    assert (numbers["won"], numbers["sql"]) == (24, 150)


def test_targets_missed_for_consecutive_months() -> None:
    stored = [row(m, won=10, targets={"won": 16}) for m in _months(4)]  # 62.5% each month
    found = _diagnose(stored, min_missed_months=3)["targets_missed"]
    assert found.stage == "won" and found.months == _months(4)
    assert found.numbers["n"].value == 4
    assert found.message("en") == (
        "Deals won: below 80.0% of target for 4 consecutive months since 2026-01 "
        "(latest, 2026-04: 62.5% of target)."
    )
    assert "targets_missed" not in _diagnose(stored, min_missed_months=5)


def test_too_little_history_is_said_not_guessed() -> None:
    stored = [row(m, 200, 100, 40, 10) for m in _months(4)]
    found = _diagnose(stored)["insufficient_history"]
    assert (found.numbers["needed"].value, found.numbers["available"].value) == (9, 4)


def test_every_template_exists_in_both_languages_with_the_same_placeholders() -> None:
    def names(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for code, texts in TEMPLATES.items():
        assert set(texts) == {"ja", "en"}, code
        assert names(texts["ja"]) == names(texts["en"]), code
