"""Chat, drafts and ``axis kpi report`` read KPI figures from one engine, so they agree.

Before the restructure chat computed its own rates and CPL with float rounding: 1 of 80 read
1.2% in chat and 1.3% on the dashboard, a CPL of 2,250,000.5円 rounded differently.  These
tests pin the engine's answer (half up) and check every fact of every month against the CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.analytics.facts import KpiFacts
from assistant.cli.app import app
from assistant.config import load_settings
from tests.conftest import KNOWLEDGE

runner = CliRunner()
RATE_OF = {
    "rate:mql/leads": "lead_to_mql",
    "rate:sql/mql": "mql_to_sql",
    "rate:won/sql": "sql_to_won",
}

ODD_KPI = """年月,リード数,MQL数,SQL数,受注数,広告費(円),売上(円),目標リード数,目標受注数
2026-01,80,1,1,1,4500001,900000,100,3
2026-02,2,2,1,0,4500001,0,2,1
2026-03,3,2,2,1,1000000,2500000,4,2
"""


def _report() -> dict:
    result = runner.invoke(app, ["kpi", "report", "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _check_facts_equal_report(lang: str) -> int:
    report = _report()
    facts = KpiFacts.of(load_settings())
    assert facts.months() == [m["month"] for m in report["months"]]
    checked = 0
    for month in report["months"]:
        by_key = {f.key.split(":", 1)[1]: f for f in facts.month_facts(month["month"], lang=lang)}
        for stage in ("leads", "mql", "sql", "won", "spend", "revenue"):
            if month[stage] is not None:
                assert by_key[stage].value == month[stage], (month["month"], stage)
                checked += 1
        for key, rate in RATE_OF.items():
            if month["rates"][rate] is not None:
                assert by_key[key].value == pytest.approx(month["rates"][rate], abs=1e-6)
                checked += 1
        for stage, ratio in month["achievement"].items():
            if stage in ("leads", "mql", "sql", "won") and ratio is not None:
                assert by_key[f"achievement:{stage}"].value == pytest.approx(ratio, abs=1e-6)
                checked += 1
        if month["cpl"] is not None:
            shown = by_key["cpl"].display.replace("円", "").replace("¥", "").replace(",", "")
            assert int(shown) == month["cpl"], month["month"]
            checked += 1
    return checked


def test_chat_facts_equal_the_kpi_report_for_every_demo_month() -> None:
    result = runner.invoke(app, ["ingest", str(KNOWLEDGE / "kpi"), "--json"])
    assert result.exit_code == 0, result.stderr
    assert _check_facts_equal_report("ja") > 12 * 10


def test_chat_facts_equal_the_kpi_report_on_a_second_file_and_round_half_up(
    tmp_path: Path,
) -> None:
    path = tmp_path / "odd-kpi.csv"
    path.write_text(ODD_KPI, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--json"])
    assert result.exit_code == 0, result.stderr
    assert _check_facts_equal_report("en") > 10
    january = {f.key: f for f in KpiFacts.of(load_settings()).month_facts("2026-01", lang="ja")}
    # 1 MQL of 80 leads: 1.25% rounds half up to 1.3% (float formatting gave 1.2%).
    assert january["2026-01:rate:mql/leads"].display == "1.3%"
    # 4,500,001円 / 2 leads in February = 2,250,000.5円 → 2,250,001円 (banker's rounding gave …000).
    february = {f.key: f for f in KpiFacts.of(load_settings()).month_facts("2026-02", lang="ja")}
    assert february["2026-02:cpl"].display == "2,250,001円"
    assert february["2026-02:cpl"].label == "2026年2月 CPL（リード獲得単価）"
