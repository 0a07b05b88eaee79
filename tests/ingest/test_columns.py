from __future__ import annotations

import pytest

from assistant.errors import IngestError
from assistant.ingest.columns import (
    ALL_FIELDS,
    FEEDBACK_FIELDS,
    KPI_FIELDS,
    field_for,
    header_key,
    resolve_columns,
    unit_scale,
)
from assistant.ingest.headers import BASES

SRC = "knowledge/kpi.csv"


def test_no_synonym_means_two_fields():
    seen: dict[str, str] = {}
    for name, synonyms in FEEDBACK_FIELDS.items():
        for synonym in synonyms:
            key = header_key(synonym)[0]
            assert seen.setdefault(key, name) == name, f"{synonym!r}: {seen[key]} vs {name}"
    for name, synonyms in BASES.items():
        for synonym in synonyms:
            assert field_for(synonym) in (name, None), synonym  # a base alone is that field
            assert field_for(f"{synonym}目標") == f"target_{name}", synonym
    assert "target_won" in KPI_FIELDS


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("メモ", "note"),
        ("商談メモ", "note"),
        ("Notes", "note"),
        (" COMMENT ", "note"),
        ("ｺﾒﾝﾄ", "note"),
        ("Meeting Date", "date"),
        ("meeting_date", "date"),
        ("Sales Rep", "rep"),
        ("取引先", "account"),
        ("Deal Stage", "stage"),
        ("年月", "month"),
        ("対象月", "month"),
        ("Period", "month"),
        ("ＭＱＬ数", "mql"),
        ("MQLs", "mql"),
        ("商談化数", "sql"),
        ("Deals Won", "won"),
        ("広告費(円)", "spend"),
        ("広告費（万円）", "spend"),
        ("Spend (JPY)", "spend"),
        ("Amount spent (JPY)", "spend"),
        ("売上高[千円]", "revenue"),
        ("Marketing Qualified Leads", "mql"),
        ("目標リード数", "target_leads"),
        ("リード数目標", "target_leads"),
        ("リード数(目標)", "target_leads"),
        ("Leads Target", "target_leads"),
        ("target revenue", "target_revenue"),
        ("売上予算", "target_revenue"),
        ("予算", "target_spend"),
        ("リード数実績", "leads"),
        ("チャネル", "segment"),
        ("CPL", None),
        ("月次レポート", None),
    ],
)
def test_field_for(header, expected):
    assert field_for(header) == expected


@pytest.mark.parametrize(
    ("header", "money", "scale"),
    [
        ("広告費(円)", True, 1),
        ("広告費", True, 1),
        ("広告費(万円)", True, 10_000),
        ("売上（万円）", True, 10_000),
        ("売上(千円)", True, 1_000),
        ("売上(百万円)", True, 1_000_000),
        ("売上(億円)", True, 100_000_000),
        ("Spend (JPY)", True, 1),
        ("Revenue (JPY thousand)", True, 1_000),
        ("Revenue (k)", True, 1_000),
        ("売上(税込)", True, 1),
        ("リード数(件)", False, 1),
        ("リード数(千件)", False, 1_000),
    ],
)
def test_unit_scale(header, money, scale):
    assert unit_scale(header, money=money, source=SRC) == scale


@pytest.mark.parametrize("header", ["Spend (USD)", "広告費(ドル)", "Revenue ($)"])
def test_money_in_another_currency_is_refused(header):
    with pytest.raises(IngestError, match=r"kpi\.csv column '.*': is in .*, not yen"):
        unit_scale(header, money=True, source=SRC)


def test_resolve_columns_by_synonym():
    columns = resolve_columns(["日付", "担当者", "メモ", "備考"], None, source=SRC)
    assert columns.index("note", source=SRC) == 2
    assert columns.index("date", source=SRC) == 0
    assert columns.index("rep", source=SRC) == 1
    assert columns.index("stage", source=SRC) is None


def test_two_columns_for_one_field_is_an_error_that_names_both():
    columns = resolve_columns(["メモ", "コメント"], None, source=SRC)
    with pytest.raises(IngestError, match=r"'メモ' and 'コメント' both look like the note column"):
        columns.index("note", source=SRC)


def test_user_mapping_wins_and_resolves_ambiguity():
    columns = resolve_columns(["メモ", "コメント", "所見"], {"所見": "note"}, source=SRC)
    assert columns.index("note", source=SRC) == 2


def test_user_mapping_matches_header_after_normalisation():
    columns = resolve_columns(["Ｆｉｎｄｉｎｇｓ"], {"findings": "NOTE"}, source=SRC)
    assert columns.index("note", source=SRC) == 0


def test_mapping_to_unknown_field_lists_valid_fields():
    with pytest.raises(IngestError, match=r"unknown field 'memo' — valid fields: note, date"):
        resolve_columns(["所見"], {"所見": "memo"}, source=SRC)
    assert "target_revenue" in ALL_FIELDS


def test_mapping_a_missing_column_lists_headers_found():
    with pytest.raises(IngestError, match=r"no column '所見' — headers found: '日付', 'メモ'"):
        resolve_columns(["日付", "メモ"], {"所見": "note"}, source=SRC)


def test_mapping_two_columns_to_one_field_is_an_error():
    with pytest.raises(IngestError, match="two columns for the field 'note'"):
        resolve_columns(["a", "b"], {"a": "note", "b": "note"}, source=SRC)
