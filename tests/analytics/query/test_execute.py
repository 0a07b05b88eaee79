"""Running queries on the one engine: pooled values, honest gaps, notes, segments, follow-ups."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from assistant.analytics.options import KpiOptions
from assistant.analytics.query import KpiData, ask, execute
from assistant.analytics.query.execute import Note
from assistant.analytics.query.model import (
    Condition,
    KpiQuery,
    MonthPeriod,
    RangePeriod,
)
from assistant.analytics.query.render import note_text, render, render_understood
from tests.analytics.helpers import row

OPTIONS = KpiOptions(fiscal_start=4, today=dt.date(2026, 12, 3))
# month, leads, mql, sql, won, spend, revenue
MONTHS = [
    ("2026-07", 600, 180, 60, 12, 4_800_000, 28_800_000),
    ("2026-08", 650, 195, 55, 11, 5_000_000, 26_400_000),
    ("2026-09", 700, 200, 50, 10, 5_200_000, 24_000_000),
    ("2026-10", 720, 210, 70, 14, 5_400_000, 30_000_000),
    ("2026-11", 680, 190, 57, 13, 5_100_000, 29_000_000),
]
TARGETS = {"won": 15, "revenue": 30_000_000}


def _data() -> KpiData:
    stored = [row(*m, at=i, targets=TARGETS) for i, m in enumerate(MONTHS, start=1)]
    stored += [
        row("2026-10", 500, 150, 50, 10, 3_000_000, 20_000_000, at=10, segment="Web広告"),
        row("2026-10", 220, 60, 20, 4, 2_400_000, 10_000_000, at=11, segment="展示会"),
    ]
    return KpiData.of(stored, OPTIONS)


def test_a_range_is_pooled_not_averaged() -> None:
    q = KpiQuery(op="value", metric="cpl", period=RangePeriod(start="2026-07", end="2026-09"))
    [v] = execute(q, _data()).values
    assert v.value == Decimal(15_000_000) / Decimal(1950)  # Σspend / Σleads
    assert v.months == ["2026-07", "2026-08", "2026-09"]
    assert {loc.source for loc in v.locations} == {"kpi.csv"}


def test_first_month_where_a_rate_falls_below_a_threshold() -> None:
    cond = Condition(metric="mql_to_sql", cmp="<", value=0.3)
    result = execute(KpiQuery(op="first_month_where", condition=cond), _data())
    assert result.months == ["2026-08"]  # 55/195 = 28.2%; July is 33.3%


def test_months_under_target_name_the_stage_and_the_month() -> None:
    q = KpiQuery(
        op="months_below_threshold",
        metrics=["achievement(won)", "achievement(revenue)", "achievement(sql)"],
        threshold=0.8,
    )
    result = execute(q, _data())
    hits = {(v.label, v.metric) for v in result.values}
    # 2026-09 revenue is exactly 80% of target: not below it.
    assert hits == {("2026-08", "achievement(won)"), ("2026-09", "achievement(won)")}
    assert [n.code for n in result.notes] == ["skipped_metrics"]  # no SQL target was set
    ja = note_text(result.notes[0], result, "ja")
    assert "SQL数の目標達成率" in ja and "対象外" in ja


def test_the_running_month_and_missing_months_are_notes_not_figures() -> None:
    q = KpiQuery(op="trend", metric="leads", period=RangePeriod(start="2026-06", end="2026-12"))
    result = execute(q, _data())
    assert [v.label for v in result.values] == [m[0] for m in MONTHS]
    codes = {n.code: n.months for n in result.notes}
    assert codes == {"running": ["2026-12"], "partial": ["2026-06"]}


def test_a_period_without_data_says_so_and_shows_no_other_period() -> None:
    q = KpiQuery(op="value", metric="leads", period=MonthPeriod(month="2025-01"))
    result = execute(q, _data())
    assert result.status == "no_data" and result.values == []
    text = render(result, _data().calendar, "ja").text
    assert "2025年1月のリード数はデータにありません" in text and "2026年7月〜11月" in text
    assert "件" not in text.split("**")[-1].split("データ")[0]


def test_unknown_metric_and_segment_are_unanswerable_with_what_there_is() -> None:
    data = _data()
    sessions = execute(
        KpiQuery(op="value", metric="sessions", period=MonthPeriod(month="2026-10")), data
    )
    assert sessions.status == "unanswerable"
    assert "答えられる指標" in render(sessions, data.calendar, "ja").text
    seg = execute(
        KpiQuery(op="value", metric="leads", segment="SEO", period=MonthPeriod(month="2026-10")),
        data,
    )
    assert seg.status == "unanswerable"
    assert "Web広告" in render(seg, data.calendar, "en").text


def test_ranking_by_channel_uses_each_segments_own_rows() -> None:
    q = KpiQuery(op="rank_segments", metric="cpl", period=MonthPeriod(month="2026-10"), order="asc")
    values = execute(q, _data()).values
    assert [v.label for v in values] == ["Web広告", "展示会"]  # 6,000円 < 10,909円


def test_change_on_the_month_before_in_counts_and_points() -> None:
    data = _data()
    q = KpiQuery(op="change_mom", metric="mql_to_sql", period=MonthPeriod(month="2026-10"))
    result = execute(q, data)
    change = next(v for v in result.values if v.label == "change")
    assert change.value == Decimal(70) / Decimal(210) - Decimal(50) / Decimal(200)
    text = render(result, data.calendar, "ja").text
    assert "+8.3ポイント" in text and "2026年9月: 25.0%" in text


def test_every_note_code_has_a_sentence_in_both_languages() -> None:
    data = _data()
    result = execute(
        KpiQuery(op="value", metric="leads", period=MonthPeriod(month="2026-10")), data
    )
    codes = Note.model_fields["code"].annotation.__args__  # type: ignore[union-attr]
    for code in codes:
        note = Note(code=code, metric="leads", months=["2026-10"], names=["検索広告"])
        ja, en = note_text(note, result, "ja"), note_text(note, result, "en")
        assert ja and en and ja != en
        # No English words in the Japanese sentence besides the metrics' own acronyms.
        assert not re.search(r"[A-Za-z]", re.sub(r"MQL|SQL|CPL|CAC|ROI|KPI|Web", "", ja))


def test_a_question_without_a_period_is_answered_with_what_was_understood() -> None:
    data = _data()
    asked = ask("受注数は？", data)
    assert asked.result is None and asked.understood is not None
    text = render_understood(
        asked.understood,
        cal=data.calendar,
        metrics=data.metrics(),
        segments=data.segments,
        lang="ja",
    )
    assert "どの期間か" in text and "2026年7月〜11月" in text
    assert "13件" not in text  # never the latest month by default


@pytest.mark.parametrize(
    ("follow", "months", "metric"),
    [
        ("その前の月は？", ["2026-09"], "won"),
        ("売上は？", ["2026-10"], "revenue"),
        ("11月は？", ["2026-11"], "won"),
    ],
)
def test_follow_ups_change_only_what_they_name(follow: str, months: list[str], metric: str) -> None:
    data = _data()
    first = ask("2026年10月の受注数は？", data)
    assert first.query is not None
    then = ask(follow, data, previous=first.query)
    assert then.parsed_by == "follow_up" and then.result is not None
    assert then.result.months == months and then.result.query.metric == metric


def test_a_trend_renders_a_chart_and_facts_for_every_value() -> None:
    data = _data()
    asked = ask("2026年7月〜11月のCPLの推移は？", data)
    assert asked.result is not None
    rendered = render(asked.result, data.calendar, "ja")
    assert rendered.statement.startswith("2026年7月〜11月のCPL")
    assert [p["month"] for p in rendered.chart] == [m[0] for m in MONTHS]
    assert len(rendered.facts) == len(MONTHS)
    assert "2026年7月: 8,000円" in rendered.text


def test_a_new_metric_after_a_condition_question_is_not_folded_into_the_condition() -> None:
    data = _data()
    first = ask("MQL→SQL転換率が初めて30%を下回ったのは何月？", data)
    assert first.query is not None
    then = ask("受注数は？", data, previous=first.query)
    assert then.result is None and then.understood is not None  # which period?
