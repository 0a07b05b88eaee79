"""Bad KPI data: every problem is reported with file, row and column; nothing is dropped."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from assistant.analytics.consolidate import consolidate
from assistant.analytics.report import build_report, workspace_report
from tests.analytics.helpers import row


def _codes(findings) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in findings]


def test_negative_count_is_reported_and_not_used() -> None:
    figures, findings = consolidate([row("2026-04", 500, -5, 60, 15, source="a.csv", at=3)])
    assert figures[0].mql is None  # not in the data, never −5
    (negative,) = [f for f in findings if f.code == "negative_value"]
    loc = negative.locations[0]
    assert (loc.source, loc.row, loc.column) == ("a.csv", 3, "MQL数")
    assert negative.numbers["value"].value == -5
    assert negative.message("en") == (
        "a.csv row 3 (MQL数): MQLs is negative (-5) and was not used — correct the value."
    )


def test_mql_above_leads_is_reported_and_the_rate_is_not_clamped() -> None:
    report = build_report([row("2026-04", 120, 130, 60, 15, source="a.csv", at=2)])
    (inversion,) = [f for f in report.diagnosis if f.code == "funnel_inversion"]
    assert inversion.stage == "mql"
    assert (inversion.numbers["later_count"].value, inversion.numbers["earlier_count"].value) == (
        130,
        120,
    )
    loc = inversion.locations[0]
    assert (loc.source, loc.row, loc.column) == ("a.csv", 2, "MQL数")
    assert report.as_json()["months"][0]["rates"]["lead_to_mql"] == 1.083333  # 130/120


def test_text_in_a_number_cell_is_reported_with_its_column() -> None:
    stored = [
        row(
            "2026-04",
            500,
            150,
            60,
            15,
            3_000_000,
            30_000_000,
            source="a.csv",
            at=4,
            extra={"マーケ起点売上": "未確定"},
        )
    ]
    figures, findings = consolidate(stored)
    assert figures[0].attributable_revenue is None
    (bad,) = [f for f in findings if f.code == "not_a_number"]
    loc = bad.locations[0]
    assert (loc.source, loc.row, loc.column) == ("a.csv", 4, "マーケ起点売上")
    assert "「未確定」" in bad.message("ja")


def test_duplicated_month_from_two_files_is_merged_and_reported() -> None:
    older = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    newer = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
    stored = [
        replace(
            row("2026-04", 500, 150, None, None, 3_000_000, source="a.csv", at=7), ingested_at=newer
        ),
        replace(row("2026-04", 510, 150, 60, 15, source="b.csv", at=1), ingested_at=older),
    ]
    figures, findings = consolidate(stored)
    (april,) = figures
    # field by field, the sheet ingested last wins; what it lacks comes from the other
    assert (april.leads, april.mql, april.sql, april.won, april.spend) == (
        500,
        150,
        60,
        15,
        3_000_000,
    )
    (duplicate,) = [f for f in findings if f.code == "duplicate_month"]
    assert duplicate.months == ["2026-04"]
    (conflict,) = [f for f in findings if f.code == "source_conflict"]
    assert conflict.stage == "leads" and conflict.detail["used_source"] == "a.csv"
    assert (conflict.numbers["used@2026-04"].value, conflict.numbers["other@2026-04"].value) == (
        500,
        510,
    )
    # Renaming the files does not change which figure is used.
    renamed = [replace(stored[0], source="z.csv"), replace(stored[1], source="0.csv")]
    (again,), _ = consolidate(renamed)
    assert again.leads == 500


def test_month_with_targets_but_no_actuals() -> None:
    stored = [
        row("2026-04", 500, 150, 60, 15, targets={"sql": 60}, at=1),
        row("2026-05", targets={"sql": 70}, source="kpi.csv", at=2),
    ]
    report = build_report(stored)
    (plan_only,) = [f for f in report.diagnosis if f.code == "targets_without_actuals"]
    assert plan_only.months == ["2026-05"]
    assert (plan_only.locations[0].source, plan_only.locations[0].row) == ("kpi.csv", 2)
    may = report.as_json()["months"][1]
    assert may["sql"] is None and may["achievement"] == {"sql": None}  # not 0% achieved
    assert may["flags"] == []


def test_segments_are_summed_and_partial_ones_reported() -> None:
    stored = [
        row("2026-04", 300, 90, 40, 10, 2_000_000, segment="web", at=1),
        row("2026-04", 200, 60, 20, 5, None, segment="seminar", at=2),
    ]
    figures, findings = consolidate(stored)
    (april,) = figures
    assert (april.leads, april.mql, april.sql, april.won) == (500, 150, 60, 15)
    assert april.spend is None  # seminar has no spend: a partial sum would understate it
    (partial,) = [f for f in findings if f.code == "partial_segments"]
    assert partial.stage == "spend" and partial.detail["segments"] == "seminar"
    by_segment, _ = consolidate(stored, by_segment=True)
    assert sorted((f.segment, f.leads) for f in by_segment) == [("seminar", 200), ("web", 300)]


def test_total_row_disagreeing_with_its_segments() -> None:
    stored = [
        row("2026-04", 510, 150, 60, 15, at=1),
        row("2026-04", 300, 90, 40, 10, segment="web", at=2),
        row("2026-04", 200, 60, 20, 5, segment="seminar", at=3),
    ]
    figures, findings = consolidate(stored)
    assert figures[0].leads == 510  # the total row is used
    (mismatch,) = [f for f in findings if f.code == "segment_total_mismatch"]
    assert (mismatch.numbers["total"].value, mismatch.numbers["segments"].value) == (510, 500)


def test_bad_files_through_the_real_ingest(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Loader refusals and warnings, then the analytics over what was stored."""
    from assistant.ingest.pipeline import ingest_paths
    from assistant.retrieval import KnowledgeStore

    (tmp_path / "kpi-a.csv").write_text(
        "年月,リード数,MQL数,SQL数,受注数,目標SQL数\n"
        "2026年4月,500,150,60,15,60\n"
        "2026年5月,120,130,50,12,62\n"
        "2026年6月,,,,,65\n",
        encoding="utf-8",
    )
    (tmp_path / "kpi-b.csv").write_text("年月,リード数\n2026-04,510\n", encoding="utf-8")
    (tmp_path / "kpi-c.csv").write_text(
        "年月,リード数,広告費(円)\n2026-04,500,3000000\n2026-05,520,たくさん\n", encoding="utf-8"
    )
    store = KnowledgeStore(settings)
    ingested = ingest_paths(store, sorted(tmp_path.glob("kpi-*.csv")))
    # text in a number cell: the whole file is refused, with its row and column
    assert [r["path"] for r in ingested.rejected] == ["kpi-c.csv"]
    assert "row 2" in ingested.rejected[0]["error"]
    assert "column '広告費(円)'" in ingested.rejected[0]["error"]

    report = workspace_report(settings)
    found = {(f.code, f.months[0]): f for f in report.diagnosis}
    inversion = found[("funnel_inversion", "2026-05")]
    assert [(loc.source, loc.row, loc.column) for loc in inversion.locations] == [
        ("kpi-a.csv", 2, "MQL数")
    ]
    plan_only = found[("targets_without_actuals", "2026-06")]
    assert [(loc.source, loc.row) for loc in plan_only.locations] == [("kpi-a.csv", 3)]
    duplicate = found[("duplicate_month", "2026-04")]
    assert sorted(loc.source for loc in duplicate.locations) == ["kpi-a.csv", "kpi-b.csv"]
    # The two sheets disagree on April's leads: one finding names both values and which
    # file's was used (the one ingested last), and the report shows that file's value.
    conflict = found[("source_conflict", "2026-04")]
    values = {"kpi-a.csv": 500, "kpi-b.csv": 510}
    used, other = conflict.detail["used_source"], conflict.detail["other_source"]
    assert conflict.numbers["used@2026-04"].value == values[used]
    assert conflict.numbers["other@2026-04"].value == values[other]
    assert report.as_json()["months"][0]["leads"] == values[used]
