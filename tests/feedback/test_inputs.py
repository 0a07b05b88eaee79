"""Splitting pastes and reading files into notes (rows, metadata, clear refusals)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from assistant.errors import FeedbackError, IngestError
from assistant.feedback.inputs import notes_from_bytes, notes_from_file, notes_from_text


def _texts(text: str) -> list[tuple[int, str]]:
    return [(n.row, n.text) for n in notes_from_text(text).notes]


def test_one_note_per_line() -> None:
    assert _texts("価格が高い\nPrice is too high\n連携がない") == [
        (1, "価格が高い"),
        (2, "Price is too high"),
        (3, "連携がない"),
    ]


def test_paragraphs_keep_their_lines_together() -> None:
    text = "価格が高いと言われた。\n予算は150万円まで。\n\n連携がない。"
    assert _texts(text) == [(1, "価格が高いと言われた。\n予算は150万円まで。"), (2, "連携がない。")]


def test_bullets_and_numbers_are_stripped() -> None:
    text = "・価格が高い\n- 連携がない\n1. SSO必須\n2) 決裁者ではない\n① 導入が大変"
    assert [t for _row, t in _texts(text)] == [
        "価格が高い",
        "連携がない",
        "SSO必須",
        "決裁者ではない",
        "導入が大変",
    ]


def test_a_list_under_a_paragraph_is_one_note_per_item() -> None:
    text = "10月の所感。\n\n・価格が高い\n・連携がない\n・SSOが必須"
    assert _texts(text) == [
        (1, "10月の所感。"),
        (2, "価格が高い"),
        (3, "連携がない"),
        (4, "SSOが必須"),
    ]


def test_rows_count_blank_bullets_so_they_point_into_the_paste() -> None:
    assert _texts("・価格が高い\n・\n・連携がない") == [(1, "価格が高い"), (3, "連携がない")]


def test_a_leading_date_becomes_the_note_date() -> None:
    got = notes_from_text("2026/10/01 森田: 価格が高い\n2026年10月2日 連携がない\n日付なし").notes
    assert [n.date for n in got] == [dt.date(2026, 10, 1), dt.date(2026, 10, 2), None]


def test_excel_paste_with_a_header_is_read_as_a_table() -> None:
    text = (
        "日付\t担当者\t商談フェーズ\tメモ\n"
        "2026/3/2\t森田\t見積\t価格が高い\n"
        "2026/3/5\t小林\t提案\t連携がない\n"
    )
    got = notes_from_text(text).notes
    assert [(n.row, n.text, n.rep, n.stage) for n in got] == [
        (1, "価格が高い", "森田", "見積"),
        (2, "連携がない", "小林", "提案"),
    ]
    assert got[0].date == dt.date(2026, 3, 2)


@pytest.mark.parametrize("text", ["", "   \n\n\t", "・\n-\n"])
def test_empty_paste_says_what_to_paste(text: str) -> None:
    with pytest.raises(FeedbackError, match="paste one note per line or paragraph"):
        notes_from_text(text)


def test_csv_file_keeps_metadata(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text(
        "日付,担当者,企業名,業種,商談フェーズ,メモ\n"
        "2026/01/06,石川 彩,株式会社A,製造業,提案,価格が高い\n",
        encoding="utf-8",
    )
    (note,) = notes_from_file(path).notes
    assert (note.row, note.rep, note.account, note.industry, note.stage, note.text) == (
        1,
        "石川 彩",
        "株式会社A",
        "製造業",
        "提案",
        "価格が高い",
    )


def test_cp932_text_and_tsv(tmp_path: Path) -> None:
    txt = tmp_path / "notes.txt"
    txt.write_bytes("・価格が高い\n・連携がない\n".encode("cp932"))
    assert [n.text for n in notes_from_file(txt).notes] == ["価格が高い", "連携がない"]
    tsv = tmp_path / "notes.tsv"
    tsv.write_bytes("担当者\tコメント\n森田\tＳＳＯ必須\n".encode("cp932"))
    (note,) = notes_from_file(tsv).notes
    assert (note.rep, note.text) == ("森田", "SSO必須")


def test_xlsx_upload() -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["担当", "内容"])
    sheet.append(["森田", "価格が高い"])
    buffer = io.BytesIO()
    book.save(buffer)
    (note,) = notes_from_bytes(buffer.getvalue(), filename="notes.xlsx").notes
    assert (note.rep, note.text) == ("森田", "価格が高い")


def test_file_without_a_text_column_names_the_headers_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "accounts.csv"
    path.write_text("会社,金額\nA社,100\n", encoding="utf-8")
    with pytest.raises(IngestError, match=r"no note column.*'会社', '金額'.*--map COL=note"):
        notes_from_file(path)


def test_map_names_an_unusual_note_column(tmp_path: Path) -> None:
    path = tmp_path / "accounts.csv"
    path.write_text("会社,所見\nA社,価格が高い\n", encoding="utf-8")
    (note,) = notes_from_file(path, mapping={"所見": "note"}).notes
    assert note.text == "価格が高い"


def test_kpi_table_is_refused_with_what_to_pass(tmp_path: Path) -> None:
    path = tmp_path / "kpi.csv"
    path.write_text("年月,リード数,MQL数\n2026-01,400,120\n", encoding="utf-8")
    with pytest.raises(FeedbackError, match="KPI table .* not sales notes"):
        notes_from_file(path)


def test_empty_upload_is_refused() -> None:
    with pytest.raises(FeedbackError, match="no notes"):
        notes_from_bytes(b"  \n", filename="paste.txt")
