"""Workbooks as companies keep them: several sheets, title rows, merged headers, totals,
footnotes, months across, channel breakdowns — each sheet classified and read or named."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from assistant.errors import IngestError
from assistant.ingest import tabular
from assistant.ingest.loaders import load_data


def _book(sheets: dict[str, list[list[object]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _load(data: bytes, name: str = "kpi.xlsx"):  # type: ignore[no-untyped-def]
    return load_data(data, filename=name, source=name)


MONTHLY = [
    ["マーケティングKPI 月次実績"],
    ["単位：件（売上高は万円、広告費は千円）"],
    [],
    ["年月", "リード数", None, "受注数", None, "売上高", "広告費"],
    [None, "目標", "実績", "目標", "実績", None, None],
    [dt.datetime(2025, 4, 1), 30, 22, 3, 2, 450, 1200],
    [dt.datetime(2025, 5, 1), 30, 24, 3, 4, 610, 1300],
    ["2025年度 合計", 60, 46, 6, 6, 1060, 2500],
    [dt.datetime(2025, 6, 1), 35, 31, 4, 3, 520, 1250],
    ["※売上高は受注月に計上。11月以降は未確定のため空欄。"],
]


def test_every_sheet_is_classified_and_the_unused_ones_are_named() -> None:
    data = _book(
        {
            "月次KPI": MONTHLY,
            "商談メモ": [
                ["日付", "担当", "顧客名", "所感・ヒアリング内容"],
                [
                    dt.datetime(2025, 4, 3),
                    "高田",
                    "A社",
                    "月額が高いと言われた。総額で比べ直してもらう。",
                ],
                [
                    dt.datetime(2025, 4, 9),
                    "北村",
                    "B社",
                    "情シスの審査でSSO対応の有無を確認された。",
                ],
            ],
            "前提・定義": [["項目", "定義"], ["リード数", "作成日ベースで集計する"]],
            "グラフ": [],
        }
    )
    load = _load(data)
    by_source = {d.source: d for d in load.documents}
    assert set(by_source) == {"kpi.xlsx#月次KPI", "kpi.xlsx#商談メモ", "kpi.xlsx#前提・定義"}
    assert by_source["kpi.xlsx#商談メモ"].kind == "feedback"  # found by its long free text
    reference = by_source["kpi.xlsx#前提・定義"]
    assert reference.kind == "note" and "作成日ベースで集計する" in reference.units[0].text
    assert [(s.part, s.reason.split(":")[0]) for s in load.skipped] == [("グラフ", "not read")]


def test_merged_headers_title_units_totals_and_footnotes() -> None:
    kpi = _load(_book({"月次KPI": MONTHLY, "メモ": [["x"]]})).documents[0]
    months = {m.month: m for m in kpi.kpi_months}
    assert sorted(months) == ["2025-04", "2025-05", "2025-06"]  # the totals row is not a month
    april = months["2025-04"]
    assert (april.leads, april.targets["leads"], april.won, april.targets["won"]) == (22, 30, 2, 3)
    assert april.revenue == 4_500_000 and april.spend == 1_200_000  # 万円 and 千円 from the title
    messages = " ".join(w.message for w in kpi.warnings)
    assert "a totals row — skipped" in messages and "a note under the table — skipped" in messages


def test_months_across_the_columns_are_read_the_usual_way_round() -> None:
    data = _book(
        {
            "FY2026": [
                ["項目", "2025年10月", "2025年11月", "2025年12月"],
                ["リード数", 100, 120, 90],
                ["受注数", 3, 4, 2],
                ["受注数 目標", 4, 4, 4],
            ]
        }
    )
    kpi = _load(data).documents[0]
    assert [(m.month, m.leads, m.won, m.targets.get("won")) for m in kpi.kpi_months] == [
        ("2025-10", 100, 3, 4),
        ("2025-11", 120, 4, 4),
        ("2025-12", 90, 2, 4),
    ]


def test_months_across_with_merged_metric_labels_title_rows_and_total_columns() -> None:
    """A planning sheet: a title above, the metric in a merged column A over its 目標/実績/
    達成率 rows in column B, half-year totals right of the months, a section row between."""
    data = _book(
        {
            "2026年9月期": [
                ["北辰 月次KPI管理表（2026年9月期）"],
                ["単位：件・円"],
                [],
                ["指標", "区分", "2025年10月", "2025年11月", "2025年12月", "上期計", "通期計"],
                ["リード数", "目標", 450, 440, 400, 1290, 1290],
                [None, "実績", 455, 430, 372, 1257, 1257],
                [None, "達成率", 1.01, 0.98, 0.93, 0.97, 0.97],
                ["転換率・効率"],
                ["マーケティング費用", "予算", 5800000, 5600000, 5100000, None, None],
                [None, "実績", 5836400, 5612890, 5027310, None, None],
            ]
        }
    )
    kpi = _load(data).documents[0]
    assert [(m.month, m.leads, m.targets.get("leads"), m.spend) for m in kpi.kpi_months] == [
        ("2025-10", 455, 450, 5836400),
        ("2025-11", 430, 440, 5612890),
        ("2025-12", 372, 400, 5027310),
    ]
    assert kpi.kpi_months[0].targets.get("spend") == 5800000
    totals = [w.message for w in kpi.warnings if "totals over the months" in w.message]
    assert totals and "'上期計'" in totals[0] and "'通期計'" in totals[0]


def test_channel_columns_that_add_up_to_the_total_become_segments() -> None:
    text = "年月\t展示会\tウェビナー\tWeb広告\tリード合計\n2025-04\t2\t8\t10\t20\n2025-05\t5\t3\t2\t10\n"
    kpi = load_data(text.encode("utf-16"), filename="ch.tsv", source="ch.tsv").documents[0]
    totals = [(m.month, m.leads) for m in kpi.kpi_months if m.segment is None]
    parts = sorted((m.month, m.segment, m.leads) for m in kpi.kpi_months if m.segment)
    assert totals == [("2025-04", 20), ("2025-05", 10)]
    assert ("2025-04", "ウェビナー", 8) in parts and len(parts) == 6
    assert any("read as its breakdown by segment" in w.message for w in kpi.warnings)


def test_an_unknown_kpi_column_is_reported_with_the_map_to_use_it() -> None:
    text = "年月,リード数,展示会来場者数,受注数目標\n2025-04,40,300,3\n"
    kpi = load_data(text.encode(), filename="k.csv", source="k.csv").documents[0]
    assert kpi.kpi_months[0].targets == {"won": 3}  # 受注数目標: the won target, not won
    warning = next(w for w in kpi.warnings if w.column == "展示会来場者数")
    assert (
        "is not a KPI Axis knows" in warning.message and "--map '展示会来場者数=" in warning.message
    )
    assert kpi.kpi_months[0].extra["展示会来場者数"] == "300"  # kept, not dropped


def test_a_sheet_longer_than_the_limit_refuses_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular, "MAX_ROWS", 50)
    rows = [["年月", "リード数"], *[[f"2020-{1 + i % 12:02d}", i] for i in range(60)]]
    with pytest.raises(IngestError, match=r"more than 200,000 rows|more than .* rows"):
        _load(_book({"big": rows, "other": [["x"]]}))


def test_fifty_sheets_are_each_accounted_for() -> None:
    sheets = {f"S{i}": [["項目", "内容"], ["a", f"値{i}"]] for i in range(50)}
    sheets["月次"] = [["年月", "リード数"], ["2025-04", 10]]
    load = _load(_book(sheets))
    assert len(load.documents) + len(load.skipped) == 51
    assert any(d.kind == "kpi" for d in load.documents)


def test_a_csv_with_ten_thousand_columns_is_refused_with_the_reason() -> None:
    header = ",".join(f"c{i}" for i in range(10_000))
    data = f"メモ,{header}\nx,{','.join('1' for _ in range(10_000))}\n".encode()
    with pytest.raises(IngestError, match=r"wide\.csv: has 10,001 columns, over the 2,000"):
        load_data(data, filename="wide.csv", source="wide.csv")


def test_the_preview_shows_each_sheet_and_how_each_column_is_read() -> None:
    from assistant.ingest.tables import preview_tables

    data = _book({"月次KPI": MONTHLY, "グラフ": []})
    kpi, chart = preview_tables(data, suffix=".xlsx", source="kpi.xlsx")
    assert (kpi.kind, chart.kind) == ("kpi", "empty")
    fields = {c.header: (c.field, c.status) for c in kpi.columns}
    assert fields["年月"] == ("month", "month")
    assert fields["受注数 目標"] == ("target_won", "field")
    assert fields["売上高"] == ("revenue", "field")
