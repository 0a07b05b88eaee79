"""The KPI header grammar: base metric × role × count word × unit, in any order."""

from __future__ import annotations

import pytest

from assistant.ingest.headers import closest_field, meaning


@pytest.mark.parametrize(
    ("header", "field"),
    [
        # the role word before, after, in brackets, or as its own word
        ("目標_受注件数", "target_won"),
        ("受注数（目標）", "target_won"),
        ("受注 目標", "target_won"),
        ("受注数目標", "target_won"),
        ("計画MQL", "target_mql"),
        ("Plan MQL", "target_mql"),
        ("MQL (plan)", "target_mql"),
        ("Target Leads", "target_leads"),
        ("成約件数[目標]", "target_won"),
        ("売上予算", "target_revenue"),
        ("予算", "target_spend"),
        ("広告予算（千円）", "target_spend"),
        # actuals, with or without count words and role words
        ("受注数", "won"),
        ("成約数（実績）", "won"),
        ("新規リード獲得数", "leads"),
        ("見込み客数", "leads"),  # a base whose name holds 見込み is not a forecast
        ("予算消化", "spend"),
        ("広告宣伝費(千円)", "spend"),
        ("売上高[万円]", "revenue"),
        ("Revenue (JPY thousand)", "revenue"),
        ("商談数", "opportunities"),
        ("商談化数", "sql"),
        ("ＳＱＬ件数", "sql"),
        # period and segment columns
        ("年月", "month"),
        ("対象年月", "month"),
        ("Reporting month", "month"),
        ("流入元", "segment"),
    ],
)
def test_headers_that_name_a_field(header: str, field: str) -> None:
    assert meaning(header).field == field


@pytest.mark.parametrize(
    ("header", "status"),
    [
        ("CPL", "derived"),
        ("リード獲得単価", "derived"),
        ("MQL→SQL転換率", "derived"),
        ("受注率(%)", "derived"),
        ("受注見込み", "forecast"),
        ("着地見込み売上", "forecast"),
        ("展示会来場者数", "unknown"),
        ("ウェビナー申込数", "unknown"),
        ("備考", "unknown"),
    ],
)
def test_headers_that_are_not_inputs_say_why(header: str, status: str) -> None:
    found = meaning(header)
    assert found.field is None and found.status == status


def test_units_come_from_brackets_or_the_end_of_the_header() -> None:
    assert meaning("広告費(千円)").unit == "千円"
    assert meaning("売上（百万円）").unit == "百万円"
    assert meaning("Spend (USD)").unit == "usd"


def test_an_unknown_column_gets_the_closest_field_as_a_hint() -> None:
    assert closest_field("新規獲得リード件数合計値", ("leads", "mql", "won")) == "leads"
    assert closest_field("気温", ("leads", "mql", "won")) is None
