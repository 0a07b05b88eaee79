"""The KPI dashboard page through Streamlit's AppTest (no browser)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.analytics.helpers import ingest_demo_kpi
from tests.ui.conftest import open_page


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("dashboard-demo")
    ingest_demo_kpi(home)  # once per module: the page only reads it
    return home


@pytest.fixture
def demo(demo_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AXIS_HOME", str(demo_home))


def _dashboard(lang: str = "ja") -> AppTest:
    at = open_page("dashboard", lang=lang)
    assert not at.exception
    return at


def test_empty_state_tells_how_to_add_data() -> None:
    at = _dashboard()
    assert at.title[0].value == "KPIダッシュボード"
    assert "KPIデータがまだありません" in at.info[0].value
    steps = "\n".join(m.value for m in at.markdown)
    assert "axis ingest knowledge/kpi/kpi-monthly.csv" in steps
    assert "axis kpi import hubspot FILE" in steps
    assert not at.main.metric  # no numbers without data


def test_dashboard_shows_the_demo_numbers_and_findings(demo) -> None:  # type: ignore[no-untyped-def]
    at = _dashboard()
    metrics = {m.label: m.value for m in at.main.metric}
    assert metrics == {
        "リード数": "720",
        "MQL→SQL転換率": "24.4%",  # 53/217
        "CPL": "7,778円",  # 5,600,000/720
        "マーケティングROI": "375.4%",  # (26,620,000 − 5,600,000)/5,600,000
    }
    charts = [json.loads(e.proto.spec) for e in at.get("vega_lite_chart")]
    assert [c["mark"]["type"] for c in charts] == ["bar", "line"]  # funnel, rate trends
    assert [b.label for b in at.get("download_button")] == ["CSVをダウンロード"] * 4
    # (funnel, rates, fiscal periods, achievement)
    heat = next(d.value for d in at.dataframe if "2026-10" in d.value.columns)
    assert heat.loc["SQL数", "2026-10"] == "⚠ 71.6%"  # 53/74, below 80%
    assert heat.loc["受注数", "2026-06"] == "⚠ 75.0%"  # 12/16
    assert heat.loc["SQL数", "2026-06"] == "84.6%"  # 55/65, not marked
    critical = [e.value for e in at.error]
    assert any("受注数は2026年6月から5か月連続で" in text for text in critical)
    warnings = [w.value for w in at.warning]
    assert any(text.startswith("ボトルネックはMQL→SQL転換率です") for text in warnings)
    assert any(text.startswith("リードの量を追って質が落ちています") for text in warnings)


def test_choosing_a_month_updates_the_funnel(demo) -> None:  # type: ignore[no-untyped-def]
    at = _dashboard()
    month = next(s for s in at.selectbox if s.label == "表示する月")
    month.select("2026-03").run()
    assert {m.label: m.value for m in at.main.metric}["リード数"] == "495"
    assert any(s.value == "ファネル（2026年3月）" for s in at.subheader)


def test_reverse_plan_with_what_if(demo) -> None:  # type: ignore[no-untyped-def]
    at = _dashboard()
    inputs = {n.label: n for n in at.number_input}
    target = next(x for x in at.text_input if x.label.startswith("売上目標"))
    target.set_value("月1億")
    inputs["もしMQL→SQL転換率が（%）"].set_value(45.0)
    next(b for b in at.button if b.label == "逆算する").click().run()
    assert not at.exception
    plan = at.dataframe[-1].value
    assert list(plan["期間合計"]) == [2637, 793, 199, 42, 20_495_812]  # test_planning.py
    assert list(plan["もしもの場合"]) == [1474, 443, 199, 42, 11_456_514]
    assert list(plan["月あたりの差"])[0] == 2637 - list(plan["直近の月平均"])[0]
    assert any("必要なリードは1,163件少なく" in i.value for i in at.info)
    assert len(at.get("download_button")) == 5


def test_a_target_without_its_period_is_refused_with_the_question(demo) -> None:  # type: ignore[no-untyped-def]
    at = _dashboard()
    target = next(x for x in at.text_input if x.label.startswith("売上目標"))
    target.set_value("2億")
    next(b for b in at.button if b.label == "逆算する").click().run()
    assert not at.exception
    assert any("どの期間の目標ですか" in e.value for e in at.error)
    # The same figure given as a year is planned over twelve months.
    period = next(s for s in at.selectbox if s.label == "目標の期間")
    period.select("year")
    next(b for b in at.button if b.label == "逆算する").click().run()
    plan = at.dataframe[-1].value
    assert list(plan["月あたり"])[3] == -(-list(plan["期間合計"])[3] // 12)


def test_english(demo) -> None:  # type: ignore[no-untyped-def]
    at = _dashboard("en")
    assert at.title[0].value == "KPI dashboard"
    assert any(w.value.startswith("The bottleneck is the MQL→SQL rate") for w in at.warning)
    assert {m.label for m in at.main.metric} == {"Leads", "MQL→SQL", "CPL", "Marketing ROI"}


def test_fiscal_periods_follow_the_workspace_fiscal_year(demo) -> None:  # type: ignore[no-untyped-def]
    from assistant.analytics.options import save_option
    from assistant.config import load_settings

    at = _dashboard()
    table = next(d.value for d in at.dataframe if "期間" in d.value.columns)
    assert list(table["期間"])[:2] == ["2025年度第3四半期", "2025年度第4四半期"]
    assert list(table["リード数"])[0] == "1,245件"  # 400 + 415 + 430
    save_option(load_settings(), "fiscal_start_month", "1")
    at = _dashboard()
    table = next(d.value for d in at.dataframe if "期間" in d.value.columns)
    assert list(table["期間"])[0] == "2025年度第4四半期"  # Oct–Dec of a calendar year
