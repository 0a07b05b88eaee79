from __future__ import annotations

import datetime as dt

import pytest

from assistant.errors import IngestError
from assistant.ingest.tabular import read_table, sniff_delimiter

from .helpers import xlsx_bytes

SRC = "knowledge/t.csv"


def score(header: list[str]) -> int:
    """Test header scorer: 'note' makes a complete header, 'date' a partial one."""
    return 2 if "note" in header else 1 if "date" in header else 0


def read(text: str, suffix: str = ".csv"):
    return read_table(text.encode(), suffix=suffix, source=SRC, header_score=score)


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a\tb\tc\n1\t2\t3\n", "\t"),
        ("a;b;c\n1;2;3\n", ";"),
        ('a,b\n"x;y;z",2\n"p;q",3\n', ","),
        ("note\n価格が高い\n導入が難しい\n", ","),
        ("a\tb\n1,5\t2,5\n3,1\t4,2\n", "\t"),
    ],
)
def test_sniff_delimiter(text, delimiter):
    assert sniff_delimiter(text) == delimiter


def test_rows_are_numbered_from_the_first_row_under_the_header():
    table = read("date,note\n2026-01-01,a\n2026-01-02,b\n")
    assert table.header == ["date", "note"]
    assert [(r.number, r.cells) for r in table.rows] == [
        (1, ["2026-01-01", "a"]),
        (2, ["2026-01-02", "b"]),
    ]
    assert table.warnings == []


def test_blank_rows_keep_their_number_and_warn_but_trailing_blanks_do_not():
    table = read("note,date\na,\n,\n\nb,\n,\n\n")
    assert [r.number for r in table.rows] == [1, 4]
    assert [(w.row, w.message) for w in table.warnings] == [
        (2, "row 2 is blank — skipped"),
        (3, "row 3 is blank — skipped"),
    ]


def test_title_rows_above_the_header_are_skipped_with_a_warning():
    table = read("営業日報 2026年3月\n出力日: 2026/04/01\n\nnote,date\nx,y\n")
    assert table.header == ["note", "date"]
    assert table.rows[0].number == 1
    assert "skipped 2 title row(s)" in table.warnings[0].message
    assert "営業日報" in table.warnings[0].message


def test_a_complete_header_beats_an_earlier_partial_one():
    table = read("date,2026-03\n\nnote,date\nx,y\n")
    assert table.header == ["note", "date"]


def test_no_known_header_uses_the_first_row():
    table = read("a,b\n1,2\n")
    assert table.header == ["a", "b"]


def test_ragged_row_is_refused_with_its_row_number():
    with pytest.raises(IngestError, match=r"t\.csv row 2: has 3 cells but the header has 2"):
        read("note,date\na,b\nc,d,e\n")


def test_trailing_empty_cells_are_not_ragged():
    table = read("note,date,,\na,b,,\n")
    assert table.rows[0].cells == ["a", "b"]


def test_short_rows_are_padded_with_none():
    assert read("note,date\nonly\n").rows[0].cells == ["only", None]


def test_cells_are_stripped_and_empty_strings_become_none():
    assert read("note,date\n  x  ,  \n").rows[0].cells == ["x", None]


def test_blank_and_duplicate_header_names_get_unique_names():
    table = read("note,,note\na,b,c\n")
    assert table.header == ["note", "column 2", "note (2)"]


def test_quoted_newlines_and_delimiters_stay_in_one_cell():
    table = read('note,date\n"一行目\n二行目, 続き",x\n')
    assert table.rows[0].cells == ["一行目\n二行目, 続き", "x"]
    assert table.rows[0].number == 1


def test_unclosed_quote_is_refused():
    with pytest.raises(IngestError, match=r"t\.csv: CSV cannot be parsed .* never closed"):
        read('note,date\n"open quote,x\nmore,y\n')


def test_tsv_uses_tabs_even_with_commas_in_cells():
    table = read("note\tdate\n価格, 高い\t2026\n", suffix=".tsv")
    assert table.rows[0].cells == ["価格, 高い", "2026"]


def test_file_with_only_blank_lines_has_no_rows():
    with pytest.raises(IngestError, match="has no rows"):
        read("\n\n,,\n")


def test_header_without_data_rows_is_refused():
    with pytest.raises(IngestError, match="has a header but no data rows"):
        read("note,date\n,\n")


def test_xlsx_title_row_and_typed_cells():
    data = xlsx_bytes(
        {
            "Report": [
                ["月次レポート"],
                [],
                ["note", "date", "n"],
                ["x", dt.datetime(2026, 3, 14), 5],
            ]
        }
    )
    table = read_table(data, suffix=".xlsx", source="k/t.xlsx", header_score=score)
    assert table.header == ["note", "date", "n"]
    assert table.rows[0].number == 1
    assert table.rows[0].cells == ["x", dt.datetime(2026, 3, 14), 5]


def test_xlsx_picks_the_first_sheet_with_a_header_and_says_so():
    data = xlsx_bytes({"表紙": [["説明"], ["このブックは…"]], "データ": [["note"], ["x"]]})
    table = read_table(data, suffix=".xlsx", source="k/t.xlsx", header_score=score)
    assert table.rows[0].cells == ["x"]
    assert "read sheet 'データ', not the first sheet" in table.warnings[0].message


def test_xlsx_other_data_sheets_are_named_in_a_warning():
    data = xlsx_bytes(
        {"上期": [["note"], ["x"]], "下期": [["note"], ["y"]], "メモ欄": [["自由記述"]]}
    )
    table = read_table(data, suffix=".xlsx", source="k/t.xlsx", header_score=score)
    assert table.rows[0].cells == ["x"]
    assert [w.message for w in table.warnings] == [
        "sheet '下期' was not read (one sheet a file) — save it as its own file to ingest it"
    ]


def test_xlsx_ragged_row_names_the_sheet():
    data = xlsx_bytes({"S": [["note", "date"], ["a", "b", "extra"]]})
    with pytest.raises(IngestError, match=r"t\.xlsx row 1: has 3 cells .*sheet 'S'"):
        read_table(data, suffix=".xlsx", source="k/t.xlsx", header_score=score)


def test_damaged_xlsx_is_refused():
    data = xlsx_bytes({"S": [["note"], ["x"]]})[:300]
    with pytest.raises(IngestError, match=r"t\.xlsx: cannot open it as an Excel workbook"):
        read_table(data, suffix=".xlsx", source="k/t.xlsx", header_score=score)
