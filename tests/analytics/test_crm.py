"""CRM importers on small, realistic exports whose every count is worked out by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.analytics.crm.importer import import_bytes, import_export
from assistant.errors import IngestError
from tests.analytics.helpers import DATA


def _funnel(result) -> dict[str, tuple]:  # type: ignore[no-untyped-def]
    return {m.month: (m.leads, m.mql, m.sql, m.won, m.revenue) for m in result.months}


def _skipped(result) -> dict[int, str]:  # type: ignore[no-untyped-def]
    return {s.row: s.reason for s in result.skipped}


def test_hubspot_contacts_by_event_month() -> None:
    result = import_export(DATA / "hubspot-contacts.csv", system="hubspot")
    assert result.report == "hubspot-contacts"
    # leads by Create Date: Jan 101-104, Feb 105-107 (107 written 2026/02/20), Mar 108, 113, 114
    # MQL: Jan 102, 103 · Feb 104, 105 · Mar 107 (2026年3月2日), 108, 114
    # SQL: Feb 103, 104, 105 · Mar 108;  customers: Feb 105 · Mar 104, 108
    # revenue by customer month: Feb ¥800,000 · Mar 1,200,000 + 2,000,000
    assert _funnel(result) == {
        "2026-01": (4, 2, 0, 0, 0),
        "2026-02": (3, 2, 3, 1, 800_000),
        "2026-03": (3, 3, 1, 2, 3_200_000),
    }
    assert result.records == 10  # 14 data rows, 4 skipped
    skipped = _skipped(result)
    assert set(skipped) == {9, 10, 11, 12}
    assert skipped[9].startswith("column 'Create Date': '2026-02-30 10:00' is not a real date")
    assert skipped[10].startswith("column 'Total Revenue': 'たくさん' is not a number")
    assert skipped[11] == "record ID '104' repeats row 4 — counted once"
    assert skipped[12] == "blank row"
    assert result.as_json() == {
        "records": 10,
        "months": ["2026-01", "2026-02", "2026-03"],
        "skipped": [{"row": r, "reason": skipped[r]} for r in (9, 10, 11, 12)],
        "report": "hubspot-contacts",
        "tool": "hubspot",
    }


def test_hubspot_cohort_view_is_by_creation_month() -> None:
    result = import_export(DATA / "hubspot-contacts.csv", system="hubspot")
    cohort = {c.cohort: (c.leads, c.mql, c.sql, c.won, c.revenue) for c in result.cohort}
    # created in Jan: 101-104 → MQL 102, 103, 104 · SQL 103, 104 · customer 104 (¥1,200,000)
    assert cohort == {
        "2026-01": (4, 3, 2, 1, 1_200_000),
        "2026-02": (3, 2, 1, 1, 800_000),
        "2026-03": (3, 2, 1, 1, 2_000_000),
    }


def test_hubspot_japanese_headers_cp932_with_a_title_row() -> None:
    result = import_export(DATA / "hubspot-contacts-ja.csv", system="hubspot")
    assert result.columns["created"] == "作成日"
    assert result.columns["won_date"] == "顧客になった日"
    # leads: Apr 201, 202 (full-width digits), 203 (2026年4月20日) · May 204
    # MQL: Apr 201 · May 203, 204;  SQL: Apr 201 · May 204;  customer: May 201, 120万円
    assert _funnel(result) == {
        "2026-04": (3, 1, 1, 0, 0),
        "2026-05": (1, 2, 1, 1, 1_200_000),
    }
    assert result.skipped == []


def test_salesforce_opportunities_won_by_close_date_with_footer() -> None:
    result = import_export(DATA / "salesforce-opportunities.csv", system="salesforce")
    assert result.report == "salesforce-opportunities"
    # SQL = opportunities by Created Date: Jan 01, 02 · Feb 03, 04 · Mar 07, 08 (05, 06 skipped)
    # won (Won = 1) by Close Date: Feb 01 (2,400,000) · Mar 04 (3,000,000); 08 has no close
    # date and counts nowhere as won; open 02 and 07 are not wins whatever their close date
    assert _funnel(result) == {
        "2026-01": (None, None, 2, 0, 0),
        "2026-02": (None, None, 2, 1, 2_400_000),
        "2026-03": (None, None, 2, 1, 3_000_000),
    }
    skipped = _skipped(result)
    assert skipped[5].startswith("column 'Opportunity Currency': the amount is not in yen")
    assert skipped[6] == ("column 'Won': 'maybe' is not yes/no (TRUE/FALSE, 1/0, はい/いいえ)")
    assert skipped[9] == "blank row"
    assert skipped[10] == (
        "not a record (report footer: 'Confidential Information - Do Not Distribute')"
    )
    assert skipped[11].startswith("not a record (report footer: 'Copyright (c) 2000-2026")
    assert result.records == 6


def test_salesforce_japanese_opportunities() -> None:
    result = import_export(DATA / "salesforce-opportunities-ja.csv", system="salesforce")
    assert result.columns["won_date"] == "完了予定日" and result.columns["won_flag"] == "成立"
    # 3 opportunities created in April; 成立 = 1 closes Apr 25 (¥1,500,000) and May 31
    assert _funnel(result) == {
        "2026-04": (None, None, 3, 1, 1_500_000),
        "2026-05": (None, None, 0, 1, 2_000_000),
    }


def test_salesforce_leads_report() -> None:
    result = import_export(DATA / "salesforce-leads.csv", system="salesforce")
    assert result.report == "salesforce-leads"
    # leads by Created Date; MQL by MQL Date; SQL by Converted Date (converted = opportunity)
    assert _funnel(result) == {
        "2026-01": (3, 1, 0, None, None),
        "2026-02": (1, 2, 2, None, None),
    }


def test_won_decided_by_stage_when_there_is_no_won_column() -> None:
    data = (
        b"Opportunity ID,Created Date,Close Date,Stage,Amount\n"
        b"1,2026-01-05,2026-02-10,Closed Won,100000\n"
        b"2,2026-01-06,2026-02-11,Closed Lost,200000\n"
        b"3,2026-01-07,2026-03-12,Qualification,300000\n"
    )
    result = import_bytes(data, filename="opps.csv", system="salesforce")
    assert _funnel(result) == {
        "2026-01": (None, None, 3, 0, 0),
        "2026-02": (None, None, 0, 1, 100_000),
    }


def test_by_channel_gives_one_funnel_per_channel_that_adds_up() -> None:
    result = import_export(DATA / "hubspot-contacts.csv", system="hubspot", by_channel=True)
    by = {(m.segment, m.month): m.leads for m in result.months}
    assert by[("Paid Search", "2026-01")] == 2  # 102, 104
    assert by[("Organic Search", "2026-01")] == 2  # 101, 103
    total = import_export(DATA / "hubspot-contacts.csv", system="hubspot")
    for m in total.months:
        assert sum(v for (_, month), v in by.items() if month == m.month) == m.leads


def test_xlsx_export(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Opportunity ID", "Created Date", "Close Date", "Stage", "Amount", "Won"])
    sheet.append(
        ["A1", dt.datetime(2026, 1, 5, 10, 30), dt.date(2026, 2, 1), "Closed Won", 1_500_000, True]
    )
    sheet.append(
        ["A2", dt.datetime(2026, 1, 9), dt.date(2026, 2, 3), "Closed Lost", 900_000, False]
    )
    path = tmp_path / "opps.xlsx"
    book.save(path)
    result = import_export(path, system="salesforce")
    assert _funnel(result) == {
        "2026-01": (None, None, 2, 0, 0),
        "2026-02": (None, None, 0, 1, 1_500_000),
    }


def test_a_malformed_row_falls_back_to_the_exact_reader_with_correct_row_numbers() -> None:
    data = (
        b"Record ID,Create Date,Became a Customer Date,Total Revenue\n"
        b"1,2026-01-05 10:00,,\n"
        b"2\n"  # a short row in the middle: Arrow cannot vouch for numbering
        b"3,2026-01-07 10:00,not a date,\n"
    )
    result = import_bytes(data, filename="c.csv", system="hubspot")
    assert _skipped(result) == {
        2: "no stage date — the record counts nowhere",
        3: "column 'Became a Customer Date': 'not a date' is not a month or date "
        "(write it like 2026-09 or 2026年9月)",
    }
    wide = data.replace(b"2\n", b"2,2026-01-06,,,EXTRA\n")
    with pytest.raises(IngestError, match="row 2"):
        import_bytes(wide, filename="c.csv", system="hubspot")


def test_an_export_from_another_tool_is_refused_with_what_was_expected() -> None:
    with pytest.raises(IngestError, match="does not look like a salesforce export") as info:
        import_export(DATA / "hubspot-contacts.csv", system="salesforce")
    assert "'Close Date'" in str(info.value) and "'Create Date'" in str(info.value)
    with pytest.raises(IngestError, match="export the report as CSV or Excel"):
        import_bytes(b"x", filename="report.pdf", system="hubspot")


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes((DATA / "hubspot-contacts.csv").read_bytes())
    with pytest.raises(IngestError, match="AXIS_MAX_IMPORT_MB"):
        import_export(path, system="hubspot", max_bytes=100)


def test_many_arrow_blocks_give_the_same_counts(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Big exports arrive in several Arrow blocks; tiny blocks force that on a small file."""
    from assistant.analytics.crm import read as crm_read

    whole = import_export(DATA / "hubspot-contacts.csv", system="hubspot")
    monkeypatch.setattr(crm_read, "_BLOCK_SIZE", 512)
    raw = crm_read.read_export(
        (DATA / "hubspot-contacts.csv").read_bytes(),
        suffix=".csv",
        system="hubspot",
        source="h.csv",
    )
    assert raw.columns["created"].num_chunks > 1
    blocks = import_export(DATA / "hubspot-contacts.csv", system="hubspot", by_channel=True)
    assert blocks.skipped == whole.skipped
    for m in whole.months:
        parts = [p for p in blocks.months if p.month == m.month]
        assert len(parts) > 1
        assert sum(p.leads for p in parts) == m.leads
        assert sum(p.revenue for p in parts) == m.revenue


@pytest.mark.parametrize(
    ("name", "system"),
    [
        ("hubspot-contacts.csv", "hubspot"),
        ("hubspot-contacts-ja.csv", "hubspot"),
        ("salesforce-opportunities.csv", "salesforce"),
        ("salesforce-opportunities-ja.csv", "salesforce"),
        ("salesforce-leads.csv", "salesforce"),
    ],
)
def test_well_formed_exports_take_the_fast_path_and_agree_with_the_exact_one(name, system) -> None:  # type: ignore[no-untyped-def]
    from assistant.analytics.crm import read as crm_read
    from assistant.analytics.crm.importer import aggregate

    data = (DATA / name).read_bytes()
    args = {"suffix": ".csv", "system": system, "source": name, "channel": True}
    fast = aggregate(crm_read._read_fast(data, **args), source=name, by_channel=True)
    exact = aggregate(crm_read._read_exact(data, **args), source=name, by_channel=True)
    assert fast.months == exact.months
    assert fast.skipped == exact.skipped or name == "salesforce-opportunities.csv"
    assert fast.cohort == exact.cohort


def test_a_repeated_id_counts_once_the_first_usable_time() -> None:
    data = (
        b"Record ID,Create Date\n"
        b"7,2026-13-01\n"  # unreadable: skipped, so it cannot be "the first" of ID 7
        b"7,2026-01-02\n"
        b"7,2026-01-03\n"
    )
    result = import_bytes(data, filename="c.csv", system="hubspot")
    assert _funnel(result) == {"2026-01": (1, None, None, None, None)}
    skipped = _skipped(result)
    assert skipped[1].startswith("column 'Create Date': '2026-13-01'")
    assert skipped[3] == "record ID '7' repeats row 2 — counted once"


def test_event_month_counts_explain_a_later_stage_above_an_earlier_one() -> None:
    from assistant.analytics.report import build_report
    from assistant.db.records import StoredKpiMonth

    result = import_export(DATA / "hubspot-contacts.csv", system="hubspot")
    stored = [StoredKpiMonth(source=result.source, month=m) for m in result.months]
    report = build_report(stored)
    # March: 2 customers (104 became SQL in February) against 1 SQL — normal by event month
    (note,) = [f for f in report.diagnosis if f.stage == "won"]
    assert note.code == "event_month_inversion" and note.severity == "info"
    assert note.months == ["2026-03"]
    assert "cohort view" in note.message("en")
    assert not [f for f in report.diagnosis if f.code == "funnel_inversion"]
