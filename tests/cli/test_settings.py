"""``axis settings``: a workspace's fiscal year and KPI sources, checked, stored, and used."""

from __future__ import annotations

from tests.cli.test_kpi import axis


def test_settings_are_checked_stored_and_shown_with_their_origin(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AXIS_LANGUAGE", "ja")
    code, doc, _ = axis("settings", "show", "--json")
    assert code == 0 and doc is not None
    assert doc["settings"]["fiscal_start_month"] == {"value": "4", "from": "default"}
    code, doc, _ = axis("settings", "set", "fiscal_start_month", "10月", "--json")
    assert code == 0 and doc is not None and doc["value"] == "10"
    code, _, err = axis("settings", "set", "fiscal_start_month", "13")
    assert code == 1 and "「13」は月として読めません" in err
    code, _, err = axis("settings", "set", "kpi_sources", "won=excel")
    assert code == 1 and "データ元「excel」" in err
    code, doc, _ = axis("settings", "set", "kpi_sources", "won=salesforce, revenue=crm", "--json")
    assert code == 0 and doc is not None
    code, doc, _ = axis("settings", "show", "--json")
    assert doc is not None
    assert doc["settings"]["fiscal_start_month"] == {"value": "10", "from": "workspace"}
    assert doc["settings"]["kpi_sources"]["from"] == "workspace"
    assert "won=salesforce" in doc["settings"]["kpi_sources"]["value"]
    assert axis("settings", "unset", "kpi_sources")[0] == 0
    code, doc, _ = axis("settings", "show", "--json")
    assert doc is not None and doc["settings"]["kpi_sources"]["from"] == "default"


def test_the_fiscal_year_setting_changes_what_a_fiscal_question_means(demo) -> None:  # type: ignore[no-untyped-def]
    code, doc, _ = axis("ask", "2025年度のリード数の合計は？", "--json")
    assert code == 0 and doc is not None
    april = doc["kpi"]["query"]
    assert doc["kpi"]["months"][-1] == "2026-03"  # April to March
    axis("settings", "set", "fiscal_start_month", "10")
    code, doc, _ = axis("ask", "2025年度のリード数の合計は？", "--json")
    assert code == 0 and doc is not None and doc["kpi"]["query"] == april
    assert doc["kpi"]["months"][-1] == "2026-09"  # October to September
    assert "2026年9月期" in doc["answer"]
