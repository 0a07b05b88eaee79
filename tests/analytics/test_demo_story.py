"""The demo company's story, found by the diagnosis from the real ingest of its KPI file.

knowledge/kpi/kpi-monthly.csv: leads grow every month while MQL→SQL falls from ~45% to ~24%
from 2026年5月, and SQL / won deals stay under 80% of target for the last months.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.analytics.report import workspace_report
from tests.conftest import KNOWLEDGE


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Ingested once for the module (the report is a value; the tests only read it)."""
    from assistant.config import load_settings
    from assistant.ingest.pipeline import ingest_paths
    from assistant.retrieval import KnowledgeStore

    settings = load_settings(home=tmp_path_factory.mktemp("demo-home"), workspace="demo")
    report = ingest_paths(KnowledgeStore(settings), [KNOWLEDGE / "kpi" / "kpi-monthly.csv"])
    assert report.rejected == [] and report.warnings == []
    return workspace_report(settings)


def test_mql_to_sql_is_the_bottleneck(demo_report) -> None:  # type: ignore[no-untyped-def]
    (bottleneck,) = [f for f in demo_report.diagnosis if f.code == "bottleneck"]
    assert bottleneck.stage == "mql_to_sql" and bottleneck.months == ["2026-10"]
    numbers = {k: v.value for k, v in bottleneck.numbers.items()}
    # 2026-10: 53/217; trailing 2026-07..09 pooled: (52+51+52)/(185+198+206) = 155/589
    assert numbers["current"] == Decimal(53) / Decimal(217)
    assert numbers["trailing"] == Decimal(155) / Decimal(589)
    assert "MQL→SQL転換率" in bottleneck.message("ja") and "24.4%" in bottleneck.message("ja")


def test_lead_volume_over_quality_is_found(demo_report) -> None:  # type: ignore[no-untyped-def]
    (found,) = [f for f in demo_report.diagnosis if f.code == "lead_volume_over_quality"]
    assert found.stage == "mql_to_sql"
    numbers = {k: v.value for k, v in found.numbers.items()}
    # recent 2026-08..10: (655+690+720)/3 leads a month; baseline 2026-02..07: 3255/6
    assert numbers["leads_recent"] == Decimal(2065) / 3
    assert numbers["leads_base"] == Decimal(3255) / 6
    # MQL→SQL recent (51+52+53)/(198+206+217) = 156/621; baseline 368/977
    assert numbers["rate_recent"] == Decimal(156) / Decimal(621)
    assert numbers["rate_base"] == Decimal(368) / Decimal(977)


def test_sql_and_won_flagged_for_the_right_consecutive_months(demo_report) -> None:  # type: ignore[no-untyped-def]
    runs = {f.stage: f.months for f in demo_report.diagnosis if f.code == "targets_missed"}
    # SQL: 55/65 = 84.6% in 2026-06, then 52/67 = 77.6%, 51/70, 52/72, 53/74
    # won: 16/16 in 2026-05, then 12/16 = 75%, 12/17, 11/18, 11/18, 11/19
    assert runs == {
        "sql": ["2026-07", "2026-08", "2026-09", "2026-10"],
        "won": ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10"],
    }
    flags = {m["month"]: m["flags"] for m in demo_report.as_json()["months"]}
    assert flags["2026-05"] == [] and flags["2026-06"] == ["won"]
    assert all(flags[m] == ["sql", "won"] for m in ("2026-07", "2026-08", "2026-09", "2026-10"))
    assert all(flags[m] == [] for m in ("2025-10", "2025-11", "2025-12", "2026-01"))


def test_sales_side_pattern_and_no_data_problems(demo_report) -> None:  # type: ignore[no-untyped-def]
    codes = {f.code for f in demo_report.diagnosis}
    assert "sql_to_won_falling" in codes
    assert "spend_up_cpl_up" not in codes  # CPL stayed around ¥7,500–7,800
    assert not [f for f in demo_report.diagnosis if f.category == "data"]
