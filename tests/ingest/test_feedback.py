from __future__ import annotations

import codecs
import datetime as dt

import pytest

from assistant.errors import IngestError
from assistant.ingest import split_plain_notes

from .helpers import xlsx_bytes

CSV = """日付,担当者,企業名,業種,商談フェーズ,メモ,備考
2026/03/14,山田,A社,製造業,初回商談,価格が高いと言われた。,要フォロー
2026年3月15日,佐藤,B社,小売,提案,"導入が難しい、
運用が心配",
"""


def test_feedback_csv_rows_become_notes_and_units(load):
    loaded = load("feedback/sales.csv", CSV)
    assert loaded.kind == "feedback"
    assert loaded.title == "sales"
    assert loaded.source == "knowledge/feedback/sales.csv"
    first, second = loaded.feedback_notes
    assert first.row == 1 and second.row == 2
    assert first.text == "価格が高いと言われた。"
    assert first.date == dt.date(2026, 3, 14)
    assert (first.rep, first.account, first.industry, first.stage) == (
        "山田",
        "A社",
        "製造業",
        "初回商談",
    )
    assert first.extra == {"備考": "要フォロー"}
    assert second.text == "導入が難しい、\n運用が心配"
    assert second.date == dt.date(2026, 3, 15)
    assert second.extra == {}
    assert [u.text for u in loaded.units] == [first.text, second.text]
    assert loaded.units[0].metadata == {
        "row": 1,
        "date": "2026-03-14",
        "rep": "山田",
        "account": "A社",
        "industry": "製造業",
        "stage": "初回商談",
    }


def test_cp932_feedback_csv(load):
    loaded = load("fb.csv", CSV, encoding="cp932")
    assert loaded.feedback_notes[0].text == "価格が高いと言われた。"
    assert loaded.feedback_notes[0].rep == "山田"


def test_utf8_bom_feedback_csv(load):
    loaded = load("fb.csv", codecs.BOM_UTF8 + CSV.encode())
    assert loaded.feedback_notes[0].date == dt.date(2026, 3, 14)  # 日付 found despite the BOM


def test_english_headers_and_metadata_only_when_present(load):
    loaded = load("fb.csv", "Meeting Date,Owner,Company,Notes\n,,,Pricing concerns\n")
    (unit,) = loaded.units
    assert unit.text == "Pricing concerns"
    assert unit.metadata == {"row": 1}


def test_tsv_feedback(load):
    loaded = load("fb.tsv", "コメント\t担当\n価格, 高い\t山田\n")
    assert loaded.feedback_notes[0].text == "価格, 高い"
    assert loaded.feedback_notes[0].rep == "山田"


def test_note_text_is_normalised(load):
    loaded = load("fb.csv", "メモ\n" + "ＭＱＬ　が　少ない  \n")
    assert loaded.feedback_notes[0].text == "MQL が 少ない"


def test_empty_note_with_other_cells_filled_is_refused(load):
    text = "日付,担当者,メモ\n2026/03/14,山田,ok\n2026/03/15,佐藤,\n"
    with pytest.raises(
        IngestError, match=r"fb\.csv row 2 column 'メモ': is empty — fill it or remove the row"
    ) as info:
        load("fb.csv", text)
    assert (info.value.path, info.value.row, info.value.column) == ("knowledge/fb.csv", 2, "メモ")


def test_blank_row_is_skipped_with_a_warning_and_rows_keep_positions(load):
    loaded = load("fb.csv", "メモ,担当\na,x\n,\nb,y\n")
    assert [n.row for n in loaded.feedback_notes] == [1, 3]
    assert [(w.row, w.message) for w in loaded.warnings] == [(2, "row 2 is blank — skipped")]


def test_unparseable_date_is_refused_with_row_and_column(load):
    with pytest.raises(
        IngestError, match=r"row 1 column '商談日': '3月14日' is not a month or date"
    ):
        load("fb.csv", "商談日,メモ\n3月14日,x\n")


def test_date_without_day_is_refused(load):
    with pytest.raises(IngestError, match=r"row 1 column '日付': '2026-03' has no day"):
        load("fb.csv", "日付,メモ\n2026-03,x\n")


def test_ambiguous_note_columns_are_refused_then_resolved_with_map(load):
    text = "内容,コメント\n価格,上司へ報告\n"
    with pytest.raises(IngestError, match="'内容' and 'コメント' both look like the note column"):
        load("fb.csv", text)
    loaded = load("fb.csv", text, mapping={"内容": "note"})
    assert loaded.feedback_notes[0].text == "価格"
    assert loaded.feedback_notes[0].extra == {"コメント": "上司へ報告"}


def test_map_an_unknown_header_to_note(load):
    loaded = load("fb.csv", "所見,担当\n高い,山田\n", mapping={"所見": "note"})
    assert loaded.feedback_notes[0].text == "高い"


def test_xlsx_feedback_with_title_rows_and_excel_dates(write):
    from assistant.ingest import load_file

    data = xlsx_bytes(
        {
            "Sheet1": [
                ["商談メモ一覧（2026年3月）"],
                [None],
                ["日付", "担当者", "メモ", "件数"],
                [dt.datetime(2026, 3, 14), "山田", "価格が高い", 3],
                [None, None, None, None],
                [dt.datetime(2026, 3, 15), "佐藤", "導入が難しい", 1.0],
            ]
        }
    )
    loaded = load_file(write("fb.xlsx", data), source="knowledge/fb.xlsx")
    assert [(n.row, n.text, n.date) for n in loaded.feedback_notes] == [
        (1, "価格が高い", dt.date(2026, 3, 14)),
        (3, "導入が難しい", dt.date(2026, 3, 15)),
    ]
    assert loaded.feedback_notes[1].extra == {"件数": "1"}
    messages = [w.message for w in loaded.warnings]
    assert any("title row" in m for m in messages)
    assert "row 2 is blank — skipped" in messages


# ------------------------------------------------------------------ plain text


def test_txt_paragraphs_are_notes(load):
    text = (
        "価格が高いと言われた。\n他社と比較中。\n\n\n導入サポートが欲しい。\n\n  \n運用が心配。\n"
    )
    loaded = load("notes.txt", text)
    assert loaded.kind == "feedback"
    assert [(n.row, n.text) for n in loaded.feedback_notes] == [
        (1, "価格が高いと言われた。\n他社と比較中。"),
        (2, "導入サポートが欲しい。"),
        (3, "運用が心配。"),
    ]
    assert [u.metadata for u in loaded.units] == [{"row": 1}, {"row": 2}, {"row": 3}]


def test_txt_lines_are_notes_when_there_are_no_blank_lines(load):
    text = (
        "・価格が高い\n- 導入が難しい\n* 比較検討中\n• 上司の承認待ち\n1. 予算は来期\n"
        "2) 競合はA社\n①サポートに不安\n(3) 10.5%値引きを要望\n"
    )
    loaded = load("notes.txt", text)
    assert [(n.row, n.text) for n in loaded.feedback_notes] == [
        (1, "価格が高い"),
        (2, "導入が難しい"),
        (3, "比較検討中"),
        (4, "上司の承認待ち"),
        (5, "予算は来期"),
        (6, "競合はA社"),
        (7, "サポートに不安"),
        (8, "10.5%値引きを要望"),
    ]


def test_numbers_at_line_start_are_not_mistaken_for_bullets():
    assert split_plain_notes("1.5倍になった\n-5%の値引き\n2026年に導入") == [
        (1, "1.5倍になった"),
        (2, "-5%の値引き"),
        (3, "2026年に導入"),
    ]


def test_txt_bullet_without_text_is_skipped_with_a_warning(load):
    loaded = load("notes.txt", "・価格\n・\n・導入\n")
    assert [(n.row, n.text) for n in loaded.feedback_notes] == [(1, "価格"), (3, "導入")]
    assert [(w.row, w.message) for w in loaded.warnings] == [(2, "note 2 has no text — skipped")]


def test_txt_cp932_and_crlf(load):
    loaded = load("notes.txt", "価格が高い\r\n\r\n導入が難しい\r\n", encoding="cp932")
    assert [n.text for n in loaded.feedback_notes] == ["価格が高い", "導入が難しい"]


def test_txt_forced_note_is_one_document(load):
    loaded = load("memo.txt", "一段落目\n\n二段落目\n", kind="note")
    assert loaded.kind == "note"
    assert [u.text for u in loaded.units] == ["一段落目\n\n二段落目"]
    assert loaded.feedback_notes == []


def test_txt_with_only_whitespace_is_refused(load):
    with pytest.raises(IngestError, match=r"notes\.txt: has no text"):
        load("notes.txt", " \n\u3000\n")


def test_txt_forced_kpi_is_refused(load):
    with pytest.raises(IngestError, match=r"a \.txt file can be feedback or a document .* not kpi"):
        load("notes.txt", "x", kind="kpi")
