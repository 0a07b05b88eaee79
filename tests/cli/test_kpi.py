"""`axis kpi …` through the main CLI app: exit codes and the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli.app import app
from tests.analytics.helpers import DATA, ingest_demo_kpi
from tests.conftest import KNOWLEDGE

runner = CliRunner()
MONTH_KEYS = {
    "month",
    "leads",
    "mql",
    "sql",
    "won",
    "spend",
    "revenue",
    "rates",
    "cpl",
    "cost_per_mql",
    "cost_per_sql",
    "cac",
    "roi",
    "roi_attributable",
    "achievement",
    "flags",
    "changes",
}


def axis(*args: str) -> tuple[int, dict | None, str]:
    result = runner.invoke(app, list(args))
    payload = json.loads(result.stdout) if "--json" in args and result.exit_code == 0 else None
    return result.exit_code, payload, result.stderr


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("kpi-demo")
    ingest_demo_kpi(home)  # once per module: the tests using it only read
    return home


@pytest.fixture
def demo(demo_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AXIS_HOME", str(demo_home))


def test_ingest_then_report() -> None:
    code, payload, _ = axis("ingest", str(KNOWLEDGE / "kpi" / "kpi-monthly.csv"), "--json")
    assert code == 0 and payload and payload["rejected"] == []
    code, doc, _ = axis("kpi", "report", "--month", "2026-10", "--json")
    assert code == 0 and doc is not None and doc["months"][0]["leads"] == 720


def test_report_without_data_says_how_to_add_some() -> None:
    code, _, stderr = axis("kpi", "report", "--json")
    assert code == 1
    assert "No KPI data" in stderr and "axis kpi import" in stderr


def test_report_json(demo) -> None:  # type: ignore[no-untyped-def]
    code, doc, _ = axis("kpi", "report", "--json")
    assert code == 0 and doc is not None
    assert set(doc) == {"months", "diagnosis"}
    assert len(doc["months"]) == 13
    last = doc["months"][-1]
    assert set(last) == MONTH_KEYS
    assert (last["month"], last["leads"], last["mql"], last["sql"], last["won"]) == (
        "2026-10",
        720,
        217,
        53,
        11,
    )
    assert last["rates"]["mql_to_sql"] == 0.24424  # 53/217 = 0.244239…
    assert last["cpl"] == 7778  # 5,600,000/720 = 7,777.8
    assert last["roi"] == 3.753571  # (26,620,000 − 5,600,000)/5,600,000
    assert last["flags"] == ["sql", "won"]
    codes = [f["code"] for f in doc["diagnosis"]]
    assert codes[0] == "bottleneck"
    assert {"lead_volume_over_quality", "sql_to_won_falling", "targets_missed"} <= set(codes)
    finding = doc["diagnosis"][0]
    assert set(finding) == {
        "code",
        "category",
        "severity",
        "stage",
        "months",
        "numbers",
        "locations",
        "message",
    }
    assert finding["numbers"]["current"] == 0.24424
    assert set(finding["message"]) == {"ja", "en"}


def test_report_for_one_month_diagnoses_as_of_that_month(demo) -> None:  # type: ignore[no-untyped-def]
    code, doc, _ = axis("kpi", "report", "--month", "2026年7月", "--json")
    assert code == 0 and doc is not None
    assert [m["month"] for m in doc["months"]] == ["2026-07"]
    assert doc["months"][0]["flags"] == ["sql", "won"]
    missed = [f for f in doc["diagnosis"] if f["code"] == "targets_missed"]
    assert missed == []  # SQL one month below, won two: fewer than three in a row as of July
    assert next(f for f in doc["diagnosis"] if f["code"] == "bottleneck")["months"] == ["2026-07"]


def test_report_errors(demo) -> None:  # type: ignore[no-untyped-def]
    code, _, stderr = axis("kpi", "report", "--month", "2027-01", "--json")
    assert code == 1 and "2025-10 to 2026-10" in stderr
    code, _, _ = axis("kpi", "report", "--month", "2026-13")
    assert code == 2


def test_threshold_setting_changes_the_flags(demo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AXIS_ACHIEVEMENT_THRESHOLD", "0.6")
    code, doc, _ = axis("kpi", "report", "--month", "2026-10", "--json")
    assert code == 0 and doc is not None
    assert doc["months"][0]["flags"] == ["won"]  # SQL 71.6% ≥ 60%; won 57.9% < 60%


def test_plan_json(demo) -> None:  # type: ignore[no-untyped-def]
    code, doc, _ = axis(
        "kpi",
        "plan",
        "--revenue-target",
        "1億",
        "--period",
        "month",
        "--what-if-mql-sql",
        "45%",
        "--json",
    )
    assert code == 0 and doc is not None
    # same arithmetic as tests/analytics/test_planning.py (window 3 = 2026-08..10)
    assert doc["required"] == {
        "won": 42,
        "sql": 199,
        "mql": 793,
        "leads": 2637,
        "budget": 20_495_812,
    }
    assert doc["assumptions"]["window_months"] == ["2026-08", "2026-09", "2026-10"]
    assert doc["assumptions"]["deal_size"] == 2_423_333  # 79,970,000 / 33
    assert doc["what_if"]["fewer_leads"] == 1163 and doc["what_if"]["to_rate"] == 0.45
    code, doc, _ = axis(
        "kpi",
        "plan",
        "--revenue-target",
        "月5,000万円",
        "--deal-size",
        "2000000",
        "--window",
        "4",
        "--json",
    )
    assert code == 0 and doc is not None
    assert doc["required"]["won"] == 25
    assert doc["assumptions"]["deal_size_source"] == "given"
    assert len(doc["assumptions"]["window_months"]) == 4


def test_plan_for_a_year_paces_it_per_month_against_the_recent_run_rate(demo) -> None:  # type: ignore[no-untyped-def]
    code, doc, _ = axis("kpi", "plan", "--revenue-target", "年間12億", "--json")
    assert code == 0 and doc is not None
    assert doc["period"] == "year" and doc["assumptions"]["period_months"] == 12
    required, per_month = doc["required"], doc["per_month"]
    assert per_month["won"] == -(-required["won"] // 12)  # rounded up
    pace = doc["run_rate"]
    assert pace["months"] == ["2026-08", "2026-09", "2026-10"]
    assert doc["gap"]["won"] == per_month["won"] - pace["won"]


def test_plan_bad_input() -> None:
    code, _, stderr = axis("kpi", "plan", "--revenue-target", "たくさん")
    assert code == 1 and "金額" in stderr or "no amount" in stderr
    # A target with no period is refused with the question of which period it covers.
    code, _, stderr = axis("kpi", "plan", "--revenue-target", "1億", "--json")
    assert code == 1 and ("Which period" in stderr or "どの期間" in stderr)
    code, _, stderr = axis("kpi", "plan", "--revenue-target", "1億", "--period", "month", "--json")
    assert code == 1 and "No KPI data" in stderr


def test_import_then_report_sees_it_and_reimport_replaces(tmp_path: Path) -> None:
    export = tmp_path / "contacts.csv"
    export.write_bytes((DATA / "hubspot-contacts.csv").read_bytes())
    code, doc, _ = axis("kpi", "import", "hubspot", str(export), "--json")
    assert code == 0 and doc is not None
    assert set(doc) == {"records", "months", "skipped", "report", "tool"}
    assert (doc["records"], doc["months"]) == (10, ["2026-01", "2026-02", "2026-03"])
    assert [s["row"] for s in doc["skipped"]] == [9, 10, 11, 12]

    code, report, _ = axis("kpi", "report", "--json")
    assert code == 0 and report is not None
    assert [(m["month"], m["leads"], m["won"]) for m in report["months"]] == [
        ("2026-01", 4, 0),
        ("2026-02", 3, 1),
        ("2026-03", 3, 2),
    ]

    lines = export.read_text(encoding="utf-8").splitlines()
    export.write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")  # rows 1-4 only
    code, doc, _ = axis("kpi", "import", "hubspot", str(export), "--json", "--cohort")
    assert code == 0 and doc is not None and doc["records"] == 4
    assert doc["cohort"][0] == {
        "cohort": "2026-01",
        "leads": 4,
        "mql": 3,
        "sql": 2,
        "won": 1,
        "revenue": 1_200_000,
    }
    code, report, _ = axis("kpi", "report", "--json")
    assert report is not None
    assert [m["leads"] for m in report["months"]] == [4, 0, 0]  # replaced, not added to

    code, listing, _ = axis("docs", "list", "--kind", "kpi", "--json")
    assert listing is not None and [d["source"] for d in listing["documents"]] == ["contacts.csv"]


def test_import_wrong_system_is_a_user_error() -> None:
    code, _, stderr = axis("kpi", "import", "salesforce", str(DATA / "hubspot-contacts.csv"))
    assert code == 1 and "does not look like a salesforce export" in stderr
    assert axis("kpi", "import", "pipedrive", str(DATA / "hubspot-contacts.csv"))[0] == 2


def test_human_output_shows_percent_with_one_decimal(demo) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["kpi", "report", "--month", "2026-10"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "24.4%" in result.stdout and "7,778円" in result.stdout  # yen as Japanese writes it
    assert "ボトルネックはMQL→SQL転換率です" in result.stdout


def test_report_by_fiscal_quarter_pools_like_a_question_about_it(demo) -> None:  # type: ignore[no-untyped-def]
    code, doc, _ = axis("kpi", "report", "--by", "quarter", "--json")
    assert code == 0 and doc is not None and doc["fiscal_start_month"] == 4
    first = doc["periods"][0]
    assert first["months"] == ["2025-10", "2025-11", "2025-12"]
    assert first["values"]["leads"] == 1245  # 400 + 415 + 430
    assert first["values"]["mql_to_sql"] == pytest.approx(
        (54 + 56 + 58) / (120 + 123 + 131), abs=1e-6
    )
    code, doc, _ = axis("ask", "2025年度第3四半期のMQL→SQL転換率は？", "--json")
    assert code == 0 and doc is not None
    assert "44.9%" in doc["answer"]  # the same figure as the report's
    assert axis("kpi", "report", "--by", "week")[0] == 2
