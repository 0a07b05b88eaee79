"""The offline grammar: phrasings combine metric, period, operation and condition by position."""

from __future__ import annotations

import pytest

from assistant.analytics.query.model import KpiQuery, Understood
from assistant.analytics.query.parse import parse
from assistant.analytics.query.periods import Calendar, resolve

MONTHS = tuple(
    f"{y}-{m:02d}" for y in (2025, 2026) for m in range(1, 13) if f"{y}-{m:02d}" < "2026-12"
)
CAL = Calendar(4, "2026-12", MONTHS)
SEGMENTS = ["Web広告", "展示会", "紹介"]


def _q(text: str) -> KpiQuery:
    parsed = parse(text, cal=CAL, segments=SEGMENTS)
    assert isinstance(parsed, KpiQuery), f"{text!r} → {parsed}"
    return parsed


def _months(q: KpiQuery) -> list[str]:
    return resolve(q.period, CAL).months


@pytest.mark.parametrize(
    ("text", "op", "metric"),
    [
        ("2026年10月のSQL化率を教えて", "value", "mql_to_sql"),
        ("What was our cost per lead in October 2026?", "value", "cpl"),
        ("直近6か月のリード数の推移", "trend", "leads"),
        ("Show the monthly MQL trend since April", "trend", "mql"),
        ("2026年10月の受注数、前月比は？", "change_mom", "won"),
        ("2026年10月の売上は前年同月と比べてどう？", "change_yoy", "revenue"),
        ("今期の広告費の合計", "sum", "spend"),
        ("2026年の月平均リード数", "average", "leads"),
        ("リード数が一番多かった月は？", "best_month", "leads"),
    ],
)
def test_operation_and_metric_are_read_from_any_phrasing(text: str, op: str, metric: str) -> None:
    q = _q(text)
    assert (q.op, q.metric) == (op, metric)


def test_first_month_a_rate_fell_below_a_threshold() -> None:
    q = _q("MQLからSQLへの転換率が初めて30%を下回ったのはいつ？")
    assert q.op == "first_month_where"
    assert q.condition is not None
    assert (q.condition.metric, q.condition.cmp, q.condition.value) == ("mql_to_sql", "<", 0.3)


def test_stages_under_target_include_every_achievement() -> None:
    q = _q("目標達成率が80%を切っているのは？")
    assert q.op == "months_below_threshold" and q.threshold == pytest.approx(0.8)
    assert "achievement(revenue)" in q.metrics and "achievement(won)" in q.metrics


def test_fiscal_words_use_the_companys_calendar() -> None:
    assert _months(_q("2025年度のリード数"))[0] == "2025-04"
    assert _months(_q("2025年度上期のMQL数")) == [f"2025-{m:02d}" for m in range(4, 10)]
    assert _months(_q("FY2026 Q2 leads")) == ["2026-07", "2026-08", "2026-09"]
    assert _months(_q("先月のCPL")) == ["2026-11"]


def test_ranges_and_comparisons_of_two_periods() -> None:
    q = _q("2026年6月〜11月のCPL")
    assert _months(q)[0] == "2026-06" and _months(q)[-1] == "2026-11"
    c = _q("2026年度上期のMQL→SQL率を2025年度上期と比べて")
    assert c.op == "compare_periods" and c.baseline is not None
    assert resolve(c.baseline, CAL).months[0] == "2025-04"


def test_channels_are_read_from_the_datas_own_segment_names() -> None:
    assert _q("展示会の2026年10月のリード数").segment == "展示会"
    ranked = _q("チャネル別に2025年度の受注数を多い順に並べて")
    assert ranked.op == "rank_segments" and ranked.order == "desc"


def test_a_metric_without_a_period_asks_for_the_period() -> None:
    parsed = parse("MQL→SQL率は？", cal=CAL, segments=SEGMENTS)
    assert isinstance(parsed, Understood)
    assert parsed.metrics == ["mql_to_sql"] and parsed.missing == "period"


def test_a_metric_the_vocabulary_lacks_is_kept_as_unknown() -> None:
    parsed = parse("先月のセッション数は？", cal=CAL, segments=SEGMENTS)
    unknown = parsed.unknown_metric if isinstance(parsed, Understood) else parsed.metric
    assert unknown and "セッション" in unknown


def test_ranges_written_without_the_first_month_word_or_year() -> None:
    assert _months(_q("2025年7〜11月のSQL数"))[::4] == ["2025-07", "2025-11"]
    between = _q("Average monthly MQLs between March and June 2026?")
    assert (between.op, _months(between)[0], _months(between)[-1]) == (
        "average",
        "2026-03",
        "2026-06",
    )
    across = _q("leads from November to February 2026")
    assert _months(across)[0] == "2025-11"  # the start takes the year before


def test_fiscal_year_and_cost_words_next_to_japanese_and_hyphens() -> None:
    assert _months(_q("FY2024のマーケティング費用の合計"))[0] == "2024-04"
    assert _q("Monthly cost-per-lead trend since April").metric == "cpl"
