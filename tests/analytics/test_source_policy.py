"""One source of truth per figure: the KPI sheet over CRM aggregates, a setting per metric,
conflicts summarised once per metric and source pair — never decided by file name."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from assistant.analytics.consolidate import SourcePolicy, consolidate
from assistant.analytics.messages import render as render_finding
from assistant.errors import AnalyticsError
from tests.analytics.helpers import row

SHEET_AT = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
CRM_AT = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)  # imported after the sheet


def _workspace():  # type: ignore[no-untyped-def]
    sheet = [
        replace(
            row(m, 400 + i, 120, 50, 12, 3_000_000, 30_000_000, source="kpi.xlsx", at=i),
            ingested_at=SHEET_AT,
        )
        for i, m in enumerate(["2026-07", "2026-08", "2026-09"], start=1)
    ]
    crm = [
        replace(
            row(m, 390 + i, 118, 49, 13, None, 31_000_000, source="hubspot-deals.csv", at=i),
            tool="hubspot",
            ingested_at=CRM_AT,
        )
        for i, m in enumerate(["2026-07", "2026-08", "2026-09", "2026-10"], start=1)
    ]
    return sheet + crm


def test_the_sheet_is_the_truth_and_the_import_fills_only_what_it_lacks() -> None:
    figures, findings = consolidate(_workspace())
    by_month = {f.month: f for f in figures}
    assert [by_month[m].leads for m in ("2026-07", "2026-08", "2026-09")] == [401, 402, 403]
    assert by_month["2026-10"].leads == 394  # a month only the import has
    conflicts = [f for f in findings if f.code == "source_conflict"]
    # one finding per figure and source pair, listing its months — not one per cell
    assert sorted(f.stage for f in conflicts) == ["leads", "mql", "revenue", "sql", "won"]
    won = next(f for f in conflicts if f.stage == "won")
    assert won.months == ["2026-07", "2026-08", "2026-09"]
    assert won.detail["used_source"] == "kpi.xlsx"
    # spend is the sheet's alone; a figure the sheet lacks in a month comes from the import
    assert by_month["2026-09"].spend == 3_000_000


def test_a_setting_names_the_source_of_one_metric() -> None:
    policy = SourcePolicy.parse("won=hubspot, revenue=crm")
    figures, findings = consolidate(_workspace(), policy=policy)
    july = next(f for f in figures if f.month == "2026-07")
    assert (july.won, july.revenue, july.leads) == (13, 31_000_000, 401)
    won = next(f for f in findings if f.code == "source_conflict" and f.stage == "won")
    assert won.detail["rule"] == "setting"
    assert "hubspot" in render_finding(won, "ja") and "設定" in render_finding(won, "ja")


def test_file_order_and_names_do_not_change_the_figures() -> None:
    rows = _workspace()
    renamed = [replace(r, source="aaa-" + r.source) if r.tool else r for r in reversed(rows)]
    first, _ = consolidate(rows)
    second, _ = consolidate(renamed)
    assert [(f.month, f.leads, f.won) for f in first] == [(f.month, f.leads, f.won) for f in second]


def test_an_unknown_source_in_the_setting_is_refused_in_both_languages() -> None:
    with pytest.raises(AnalyticsError, match="unknown source 'excel' for won") as caught:
        SourcePolicy.parse("won=excel")
    assert "データ元" in caught.value.localized("ja")


def test_a_figure_the_sheet_lacks_is_filled_from_the_import_and_said_once() -> None:
    rows = _workspace()
    rows[2] = replace(rows[2], month=rows[2].month.model_copy(update={"won": None}))
    figures, findings = consolidate(rows)
    september = next(f for f in figures if f.month == "2026-09")
    assert september.won == 13 and september.origins["won"].source == "hubspot-deals.csv"
    (filled,) = [f for f in findings if f.code == "filled_from_import" and f.stage == "won"]
    assert filled.months == ["2026-09"]
    assert "hubspot-deals.csv" in render_finding(filled, "ja")
