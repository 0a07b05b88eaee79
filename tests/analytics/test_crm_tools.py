"""Each tool's export recognised by its headers (the mappings are data files), counted by
event month, and kintone — whose headers are the customer's own — only with a mapping."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from assistant.analytics.crm.importer import import_bytes
from assistant.analytics.crm.mappings import TOOLS
from assistant.analytics.crm.reader import CrmExportReader
from assistant.errors import IngestError


def _months(result) -> dict[str, dict[str, int | None]]:  # type: ignore[no-untyped-def]
    keys = ("leads", "mql", "sql", "opportunities", "won", "revenue")
    return {m.month: {k: getattr(m, k) for k in keys if getattr(m, k)} for m in result.months}


def test_every_shipped_tool_file_loads_with_reports() -> None:
    assert {"hubspot", "salesforce", "marketo", "pardot", "satori", "bownow", "kairos3",
            "kintone"} <= set(TOOLS)  # fmt: skip
    assert TOOLS["kintone"].confirm and not TOOLS["hubspot"].confirm


def test_hubspot_deals_in_japanese_from_a_workbook() -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["レコードID", "取引名", "パイプライン", "取引ステージ", "金額", "クローズ日", "作成日"]
    )
    sheet.append([1, "A社", "新規", "成約", 2_000_000, "2026-03-20", "2026-01-10"])
    sheet.append([2, "B社", "新規", "失注", 900_000, "2026-03-22", "2026-02-01"])
    sheet.append([3, "C社", "新規", "成約", 1_500_000, "2026-04-02", "2026-02-15"])
    buffer = io.BytesIO()
    book.save(buffer)
    result = import_bytes(buffer.getvalue(), filename="deals.xlsx", system="auto")
    assert (result.system, result.report) == ("hubspot", "hubspot-deals")
    months = _months(result)
    assert months["2026-01"] == {"opportunities": 1}
    assert months["2026-03"] == {"won": 1, "revenue": 2_000_000}  # the lost deal is not won
    assert months["2026-04"] == {"won": 1, "revenue": 1_500_000}


def test_marketo_utc_times_are_counted_in_japan_time() -> None:
    data = (
        b"Id,Created At,Lead Status,Lead Source,MQL Date\n"
        b"1,2026-01-31T16:30:00Z,Open,Web,\n"  # 01:30 on 1 February in Tokyo
        b"2,2026-01-31T10:00:00Z,Open,Web,2026-02-03T00:00:00Z\n"
    )
    result = import_bytes(data, filename="people.csv", system="auto")
    assert result.system == "marketo"
    assert _months(result) == {"2026-01": {"leads": 1}, "2026-02": {"leads": 1, "mql": 1}}


def test_bownow_with_its_search_conditions_above_the_header() -> None:
    data = (
        "検索条件：ステータス=すべて\n出力日時：2026/04/01 10:00\n\n"
        "リードID,氏名,会社・組織名,登録日時,ステータス,セッション数,PV数\n"
        "11,山田,A社,2026/03/02 10:00,未対応,3,10\n"
        "12,佐藤,B社,2026/03/15 9:00,対応中,1,2\n"
    ).encode("cp932")
    result = import_bytes(data, filename="bownow.csv", system="auto")
    assert result.system == "bownow" and _months(result) == {"2026-03": {"leads": 2}}


def test_satori_pardot_and_kairos3_are_recognised() -> None:
    satori = "カスタマーID,メールアドレス,作成日時,流入元,スコア,MQL認定日\n1,a@example.jp,2026/02/01,広告,80,2026/02/10\n"
    pardot = "Prospect Id,Email,Created Date,Score,Grade,MQL Date\n5,b@example.jp,2026-02-02,120,A,2026-03-01\n"
    kairos = "リードID,会社名,リード作成日時,スコア,リードステータス,商談化日\n7,C社,2026/02/03 11:00,50,商談中,2026/02/20\n"
    found = {
        import_bytes(text.encode("utf-8"), filename="x.csv", system="auto").system
        for text in (satori, pardot, kairos)
    }
    assert found == {"satori", "pardot", "kairos3"}


def test_kintone_is_never_guessed_but_imports_with_the_roles_given() -> None:
    data = (
        "レコード番号,案件名,案件ステータス,案件登録日,受注日,受注金額（税抜）\n"
        "1,A社導入,受注,2026-01-05,2026-03-10,3000000\n"
        "2,B社導入,失注,2026-01-20,,\n"
    ).encode("cp932")
    reader = CrmExportReader()
    header = data.decode("cp932").split("\n")[0].split(",")
    assert reader.detect(header) is None
    advice = reader.needs_mapping(header)
    assert advice and "axis kpi import kintone FILE" in advice and "'受注日=won_date'" in advice
    with pytest.raises(IngestError, match="is not an export Axis recognises"):
        import_bytes(data, filename="k.csv", system="auto")
    result = import_bytes(
        data, filename="k.csv", system="kintone", overrides={"案件登録日": "created"}
    )
    assert _months(result)["2026-03"] == {"won": 1, "revenue": 3_000_000}


def test_a_feedback_list_is_not_taken_for_an_export() -> None:
    header = ["日付", "担当者", "顧客名", "メモ"]
    assert CrmExportReader().detect(header) is None


def test_a_folder_ingest_counts_an_export_instead_of_reading_it_as_notes(tmp_path: Path) -> None:
    from assistant.config import load_settings
    from assistant.workspace import ingest, open_store

    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "contacts.csv").write_text(
        "Record ID,Create Date,Lifecycle Stage,Became a Marketing Qualified Lead Date\n"
        "1,2026-03-01,Lead,\n2,2026-03-05,MQL,2026-03-20\n",
        encoding="utf-8-sig",
    )
    report = ingest(open_store(load_settings()), [folder]).as_json()
    (entry,) = report["ingested"]
    assert entry["kind"] == "kpi" and entry["kind_basis"].startswith("HubSpot export")
