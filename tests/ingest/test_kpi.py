from __future__ import annotations

import datetime as dt

import pytest

from assistant.domain import KpiMonth
from assistant.errors import IngestError
from assistant.ingest.kpi import kpi_unit

from .helpers import xlsx_bytes

KPI = """年月,リード数,MQL数,SQL数,受注数,広告費(円),売上(円),目標リード数,目標売上
2026年8月,600,180,50,10,"5,000,000","25,000,000",650,30000000
2026-09,650,190,52,12,"¥5,200,000",2880万円,700,
"""


def test_kpi_csv(load):
    loaded = load("kpi/monthly.csv", KPI)
    assert loaded.kind == "kpi"
    assert loaded.title == "monthly"
    aug, sep = loaded.kpi_months
    assert aug == KpiMonth(
        month="2026-08",
        row=1,
        leads=600,
        mql=180,
        sql=50,
        won=10,
        spend=5_000_000,
        revenue=25_000_000,
        targets={"leads": 650, "revenue": 30_000_000},
    )
    assert (sep.month, sep.row, sep.spend, sep.revenue) == ("2026-09", 2, 5_200_000, 28_800_000)
    assert sep.targets == {"leads": 700}
    assert loaded.warnings == []


def test_kpi_unit_renders_a_japanese_sentence_with_metadata(load):
    loaded = load("kpi.csv", KPI)
    unit = loaded.units[1]
    assert unit.text == (
        "2026年9月のKPI: リード数 650件、MQL数 190件、SQL数 52件、受注数 12件、"
        "広告費 5,200,000円、売上 28,800,000円。目標: リード数 700件。"
    )
    assert unit.metadata == {"month": "2026-09", "row": 2}


def test_kpi_unit_with_segment_targets_only_and_extras():
    month = KpiMonth(
        month="2026-10",
        row=4,
        targets={"revenue": 30_000_000},
        segment="展示会",
        extra={"CPL": "8000"},
    )
    unit = kpi_unit(month)
    assert (
        unit.text
        == "2026年10月（展示会）のKPI: 実績なし。目標: 売上 30,000,000円。その他: CPL 8000。"
    )
    assert unit.metadata == {"month": "2026-10", "row": 4, "segment": "展示会"}


@pytest.mark.parametrize("period", ["2026年9月", "2026-09", "2026/9", "２０２６年９月", "R8年9月"])
def test_period_formats(load, period):
    loaded = load("kpi.csv", f"月,リード\n{period},10\n")
    assert loaded.kpi_months[0].month == "2026-09"


def test_full_width_digits_and_separators(load):
    loaded = load("kpi.csv", '年月,リード数,広告費\n2026年9月,"１，２００",￥１，０００，０００\n')
    month = loaded.kpi_months[0]
    assert (month.leads, month.spend) == (1200, 1_000_000)


@pytest.mark.parametrize(
    ("header", "cell", "expected"),
    [
        ("広告費(円)", "5,200,000", 5_200_000),
        ("広告費(万円)", "520", 5_200_000),
        ("広告費（万円）", "1.5", 15_000),
        ("広告費(千円)", "5,200", 5_200_000),
        ("広告費(万円)", "300万円", 3_000_000),
    ],
)
def test_header_unit_scales_money(load, header, cell, expected):
    loaded = load("kpi.csv", f'年月,リード数,{header}\n2026-09,1,"{cell}"\n')
    assert loaded.kpi_months[0].spend == expected


def test_blank_and_dash_cells_are_none_not_zero(load):
    loaded = load("kpi.csv", "年月,リード数,MQL数,SQL数\n2026-09,650,,－\n")
    month = loaded.kpi_months[0]
    assert (month.leads, month.mql, month.sql) == (650, None, None)


def test_hubspot_style_english_headers(load):
    text = (
        "Month,New Leads,Marketing Qualified Leads,Sales Qualified Leads,Deals Won,"
        "Spend (JPY),Revenue (JPY),Leads Target,Channel\n"
        "Sep 2026,650,190,52,12,5200000,28800000,700,Paid Search\n"
    )
    month = load("hubspot.csv", text).kpi_months[0]
    assert (month.month, month.leads, month.mql, month.sql, month.won) == (
        "2026-09",
        650,
        190,
        52,
        12,
    )
    assert (month.spend, month.revenue, month.targets) == (5_200_000, 28_800_000, {"leads": 700})
    assert month.segment == "Paid Search"


def test_xlsx_kpi_with_title_row_above_header(write):
    from assistant.ingest import load_file

    data = xlsx_bytes(
        {
            "KPI": [
                ["2026年度 マーケティングKPI", None, None],
                [None, None, None],
                ["対象月", "リード数", "売上（万円）"],
                [dt.datetime(2026, 9, 1), 650, 2880],
                ["2026年10月", 700.0, 3000.5],
            ]
        }
    )
    loaded = load_file(write("kpi.xlsx", data), source="knowledge/kpi.xlsx")
    assert [(m.month, m.row, m.leads, m.revenue) for m in loaded.kpi_months] == [
        ("2026-09", 1, 650, 28_800_000),
        ("2026-10", 2, 700, 30_005_000),
    ]
    assert "title row" in loaded.warnings[0].message


def test_segments_allow_the_same_month_twice(load):
    text = "年月,チャネル,リード数\n2026-09,展示会,100\n2026-09,Web,200\n"
    loaded = load("kpi.csv", text)
    assert [(m.segment, m.leads) for m in loaded.kpi_months] == [("展示会", 100), ("Web", 200)]
    assert [u.metadata["segment"] for u in loaded.units] == ["展示会", "Web"]


def test_duplicated_month_is_refused(load):
    text = "年月,リード数\n2026年9月,100\n2026-09,120\n"
    with pytest.raises(
        IngestError, match=r"kpi\.csv row 2: month 2026-09 appears twice \(rows 1 and 2\)"
    ):
        load("kpi.csv", text)


def test_duplicated_month_and_segment_is_refused(load):
    text = "年月,チャネル,リード数\n2026-09,Web,100\n2026-09,Web,120\n"
    with pytest.raises(IngestError, match=r"month 2026-09 \(Web\) appears twice"):
        load("kpi.csv", text)


def test_cell_that_is_not_a_number_is_refused_with_row_column_and_value(load):
    text = "年月,リード数,MQL数\n2026-08,600,180\n2026-09,650,約190\n"
    with pytest.raises(
        IngestError,
        match=r"kpi\.csv row 2 column 'MQL数': '約190' is not a number — write a whole number "
        r"\(e\.g\. 1,200\) or clear the cell$",
    ) as info:
        load("kpi.csv", text)
    assert (info.value.row, info.value.column) == (2, "MQL数")


def test_money_cell_that_is_not_an_amount_is_refused(load):
    with pytest.raises(
        IngestError, match=r"row 1 column '広告費': '1.5' is not a whole number of yen"
    ):
        load("kpi.csv", "年月,リード数,広告費\n2026-09,1,1.5\n")


def test_negative_count_is_refused(load):
    with pytest.raises(IngestError, match=r"row 1 column '受注数': '△2' is negative"):
        load("kpi.csv", "年月,リード数,受注数\n2026-09,10,△2\n")


def test_negative_target_is_refused(load):
    with pytest.raises(IngestError, match=r"column '売上目標': '-100' is negative"):
        load("kpi.csv", "年月,リード数,売上目標\n2026-09,10,-100\n")


def test_negative_revenue_is_allowed(load):
    loaded = load("kpi.csv", "年月,リード数,売上\n2026-09,10,△50000\n")
    assert loaded.kpi_months[0].revenue == -50_000


def test_bad_month_is_refused(load):
    with pytest.raises(IngestError, match=r"row 1 column '年月': '2026-13' has month 13"):
        load("kpi.csv", "年月,リード数\n2026-13,10\n")


def test_empty_month_with_numbers_is_refused(load):
    with pytest.raises(IngestError, match=r"row 2 column '年月': is empty — fill in the month"):
        load("kpi.csv", "年月,リード数\n2026-09,10\n,20\n")


def test_funnel_inconsistencies_are_warnings(load):
    loaded = load("kpi.csv", "年月,リード数,MQL数,SQL数,受注数\n2026-09,100,120,130,5\n")
    assert len(loaded.kpi_months) == 1
    messages = [(w.row, w.message) for w in loaded.warnings]
    assert messages == [
        (
            1,
            "row 1: MQL数 (120) is larger than リード数 (100) in 2026-09 — check the columns; "
            "the funnel report will flag it",
        ),
        (
            1,
            "row 1: SQL数 (130) is larger than MQL数 (120) in 2026-09 — check the columns; "
            "the funnel report will flag it",
        ),
    ]


def test_targets_only_month_is_kept_with_a_warning(load):
    loaded = load("kpi.csv", "年月,リード数,目標リード数\n2026-09,100,110\n2026-10,,120\n")
    assert [(m.month, m.leads, m.targets) for m in loaded.kpi_months] == [
        ("2026-09", 100, {"leads": 110}),
        ("2026-10", None, {"leads": 120}),
    ]
    assert [(w.row, w.message) for w in loaded.warnings] == [
        (2, "row 2: 2026-10 has targets but no actual numbers")
    ]


def test_month_without_numbers_and_totals_rows_are_skipped_with_warnings(load):
    text = "年月,リード数\n2026-09,100\n2026-10,\n合計,100\n"
    loaded = load("kpi.csv", text)
    assert [m.month for m in loaded.kpi_months] == ["2026-09"]
    assert [w.message for w in loaded.warnings] == [
        "row 2: 2026-10 has no numbers — skipped",
        "row 3: a totals row — skipped",
    ]


def test_other_columns_are_kept_as_extra(load):
    loaded = load("kpi.csv", "年月,リード数,CPL,メモ\n2026-09,100,8000,展示会あり\n")
    month = loaded.kpi_months[0]
    assert month.extra == {"CPL": "8000", "メモ": "展示会あり"}
    assert "その他: CPL 8000、メモ 展示会あり。" in loaded.units[0].text


def test_kpi_wins_over_feedback_when_both_columns_exist(load):
    loaded = load("kpi.csv", "年月,リード数,メモ\n2026-09,100,好調\n")
    assert loaded.kind == "kpi"


def test_money_in_dollars_is_refused(load):
    with pytest.raises(IngestError, match=r"column 'Spend \(USD\)': is in usd, not yen"):
        load("kpi.csv", "month,leads,Spend (USD)\n2026-09,1,100\n")


def test_forced_kpi_accepts_spend_only(load):
    loaded = load("kpi.csv", "年月,広告費\n2026-09,100\n", kind="kpi")
    assert loaded.kpi_months[0].spend == 100
