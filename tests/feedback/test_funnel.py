"""Funnel stage of a theme and the KPI change next to it, checked against hand arithmetic."""

from __future__ import annotations

import datetime as dt

from assistant.db.records import StoredKpiMonth
from assistant.domain import FeedbackNote, KpiMonth
from assistant.feedback.funnel import KpiSeries, deal_stage_of, infer_stage, link


def test_deal_stages_map_to_funnel_stages() -> None:
    assert [deal_stage_of(s) for s in ("初回商談", "ヒアリング", "見積", "稟議", "失注")] == [
        "sql",
        "sql",
        "won",
        "won",
        "won",
    ]
    assert deal_stage_of("MQL") == "mql" and deal_stage_of("Closed Lost") == "won"
    assert deal_stage_of("その他") is None and deal_stage_of(None) is None


def test_stage_from_metadata_outweighs_a_keyword() -> None:
    notes = [FeedbackNote(row=1, text="x", stage="初回商談"), FeedbackNote(row=2, text="x")]
    # metadata: sql 1 (weight 2); words: 価格 → won 1, 決裁者 → sql 1  ⇒ sql 3, won 1
    stage, basis = infer_stage(notes, ["決裁者ではない", "価格が高い"])  # type: ignore[misc]
    assert stage == "sql"
    assert basis == "deal stage: 初回商談 1; notes mentioning MQL→SQL words: 1"
    assert infer_stage([FeedbackNote(row=1, text="x")], ["天気の話"]) is None


def _series(rows: list[tuple[str, KpiMonth]]) -> KpiSeries | None:
    return KpiSeries.of([StoredKpiMonth(source=src, month=m) for src, m in rows])


def _month(month: str, leads: int, mql: int, sql: int, won: int) -> KpiMonth:
    return KpiMonth(month=month, row=1, leads=leads, mql=mql, sql=sql, won=won)


def test_conversion_change_over_the_themes_months() -> None:
    kpi = _series(
        [
            ("kpi.csv", _month("2026-01", 400, 120, 54, 14)),
            ("kpi.csv", _month("2026-02", 410, 120, 50, 13)),
            ("kpi.csv", _month("2026-03", 420, 130, 45, 12)),
            ("kpi.csv", _month("2026-04", 430, 140, 40, 11)),
            ("kpi.csv", _month("2026-05", 440, 150, 36, 10)),
        ]
    )
    dates = [dt.date(2026, 1, 5), dt.date(2026, 2, 3), dt.date(2026, 4, 9), dt.date(2026, 4, 20)]
    dates += [dt.date(2026, 4, 21), None]
    result = link("sql", "basis", dates=dates, kpi=kpi)
    # Months with notes span 2026-01..2026-04 → halves [01, 02] and [03, 04].
    # MQL→SQL before = (54+50)/(120+120) = 104/240 = 0.43333…; after = (45+40)/(130+140)
    # = 85/270 = 0.31481…; change = (0.31481 − 0.43333) × 100 = −11.85… ≈ −11.9 pt.
    assert result.window == ("2026-01", "2026-04")
    assert (result.notes_before, result.notes_after) == (2, 3)
    assert (result.rate_before, result.rate_after) == (0.4333, 0.3148)
    assert result.change_pt == -11.9
    assert result.conversion == "MQL→SQL" and result.kpi_source == "kpi.csv"


def test_without_dates_the_last_six_kpi_months_are_used() -> None:
    months = [("k.csv", _month(f"2026-0{m}", 100, 50, 10 * m, 1)) for m in range(1, 8)]
    result = link("sql", "b", dates=[None], kpi=_series(months))
    # Last six: 02..07 → [02,03,04] vs [05,06,07]: (20+30+40)/150 = 0.6, (50+60+70)/150 = 1.2
    assert result.window == ("2026-02", "2026-07")
    assert (result.rate_before, result.rate_after, result.change_pt) == (0.6, 1.2, 60.0)
    assert result.notes_before is None


def test_segment_rows_are_summed_when_there_is_no_total() -> None:
    a = KpiMonth(month="2026-01", row=1, mql=10, sql=5, segment="web")
    b = KpiMonth(month="2026-01", row=2, mql=30, sql=5, segment="event")
    kpi = _series([("k.csv", a), ("k.csv", b)])
    assert kpi is not None and kpi.pooled_rate("sql", ["2026-01"]) == 0.25  # 10 / 40


def test_no_kpi_means_no_rates() -> None:
    result = link("won", "b", dates=[dt.date(2026, 1, 1)], kpi=None)
    assert result.conversion == "SQL→受注" and result.change_pt is None
