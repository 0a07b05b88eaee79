from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import IngestError
from assistant.ingest import SUPPORTED_SUFFIXES, load_bytes, load_file

from .helpers import xlsx_bytes

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32


def test_supported_suffixes():
    assert sorted(SUPPORTED_SUFFIXES) == sorted(
        [".md", ".markdown", ".txt", ".csv", ".tsv", ".xlsx", ".json", ".yaml", ".yml"]
        + [".docx", ".pptx", ".pdf", ".html", ".htm"]
    )


# ------------------------------------------------------------------ before reading


def test_file_over_the_size_limit_is_refused_without_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: no 60 MB written to disk

    def refuse(*_args, **_kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", refuse)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(
        IngestError,
        match=r"^knowledge/huge\.csv: file is 60\.0 MB, over the 50 MB limit — split it, or "
        r"raise the limit with AXIS_MAX_FILE_MB$",
    ):
        load_file(path, source="knowledge/huge.csv")


def test_size_limit_and_setting_name_are_configurable(write):
    path = write("big.txt", b"x" * (2 * 1024 * 1024))
    with pytest.raises(IngestError, match=r"over the 1 MB limit .* with MY_LIMIT"):
        load_file(path, source="big.txt", max_bytes=1024 * 1024, max_setting="MY_LIMIT")
    assert load_file(path, source="big.txt", max_bytes=3 * 1024 * 1024).kind == "feedback"


def test_missing_path_is_refused(tmp_path):
    with pytest.raises(IngestError, match=r"^knowledge/nope\.csv: does not exist — check the path"):
        load_file(tmp_path / "nope.csv", source="knowledge/nope.csv")


def test_folder_is_refused(tmp_path):
    (tmp_path / "dir.md").mkdir()
    with pytest.raises(IngestError, match="is a folder, not a file"):
        load_file(tmp_path / "dir.md", source="dir.md")


@pytest.mark.parametrize("name", ["empty.csv", "empty.md", "empty.txt", "empty.xlsx", "e.json"])
def test_zero_byte_file_is_refused(write, name):
    with pytest.raises(IngestError, match=rf"^{name}: file is empty"):
        load_file(write(name, b""), source=name)


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("deck.key", "'.key'"),
        ("old.xls", r"save an \.xls workbook as \.xlsx"),
        ("README", "(none)"),
    ],
)
def test_unsupported_suffix_lists_supported(write, name, hint):
    with pytest.raises(IngestError, match=rf"unsupported file type .*{hint}.* supported: \.csv, "):
        load_file(write(name, b"data"), source=name)


def test_source_not_the_absolute_path_is_used_in_messages(write, tmp_path):
    with pytest.raises(IngestError) as info:
        load_file(write("a.csv", "x,y\n1,2\n"), source="knowledge/a.csv")
    assert str(tmp_path) not in str(info.value)
    assert info.value.path == "knowledge/a.csv"


# ------------------------------------------------------------------ content checks


def test_binary_file_named_csv_is_refused(load):
    with pytest.raises(IngestError, match=r"x\.csv: looks like a binary file \(PNG image\)"):
        load("x.csv", PNG)


def test_xlsx_named_csv_gets_a_rename_hint(load):
    data = xlsx_bytes({"S": [["メモ"], ["x"]]})
    with pytest.raises(IngestError, match=r"ZIP archive \(an Excel \.xlsx .* \.xlsx suffix"):
        load("x.csv", data)


def test_undecodable_csv_is_refused(load):
    with pytest.raises(
        IngestError, match=r"x\.csv: cannot decode .* save it as UTF-8 or Shift_JIS"
    ):
        load("x.csv", "メモ\n".encode() + b"\x82\x20\x83\x7f\xff")


def test_text_named_xlsx_gets_a_rename_hint(load):
    with pytest.raises(IngestError, match=r"is text, not an Excel workbook — rename it to \.csv"):
        load("x.xlsx", "メモ\nx\n")


def test_old_xls_named_xlsx_is_explained(load):
    with pytest.raises(IngestError, match=r"old \.xls workbook or a password-protected one"):
        load("x.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)


def test_png_named_xlsx_is_refused(load):
    with pytest.raises(IngestError, match=r"is not an Excel workbook \(PNG image\)"):
        load("x.xlsx", PNG)


def test_csv_without_note_or_period_column_explains_the_fix(load):
    with pytest.raises(
        IngestError,
        match=r"^knowledge/x\.csv: no note column \(メモ, 内容, コメント, note, .*\) and no period "
        r"column \(年月, .*month, .*\) found in headers \['顧客', '金額'\] — rename a column or "
        r"pass --map COL=note$",
    ):
        load("x.csv", "顧客,金額\nA社,100\n")


def test_month_without_counts_suggests_forcing_kpi(load):
    with pytest.raises(IngestError, match=r"has a month column but no count column .*--kind kpi"):
        load("x.csv", "年月,PV数\n2026-09,100\n")


def test_map_to_missing_column_and_unknown_field(load):
    text = "内容,日付\nx,2026-03-14\n"
    with pytest.raises(IngestError, match=r"--map 所見=note: there is no column '所見' — headers"):
        load("x.csv", text, mapping={"所見": "note"})
    with pytest.raises(IngestError, match=r"--map 内容=memo: unknown field 'memo' — valid fields"):
        load("x.csv", text, mapping={"内容": "memo"})


def test_map_makes_a_header_row_recognisable_under_title_rows(load):
    loaded = load("x.csv", "報告\n所見,顧客名\n高い,A社\n", mapping={"所見": "note"})
    assert [(n.row, n.text, n.account) for n in loaded.feedback_notes] == [(1, "高い", "A社")]


def test_map_month_and_leads_makes_a_kpi_table(load):
    loaded = load("x.csv", "期,件数\n2026-09,5\n", mapping={"期": "month", "件数": "leads"})
    assert (loaded.kind, loaded.kpi_months[0].leads) == ("kpi", 5)


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("kpi", r"--kind kpi needs a month column"),
        ("product", r"a table can be loaded as feedback or kpi, not product"),
        ("blog", r"unknown kind 'blog' — use one of company, product"),
        ("feedback-synthesis", r"unknown kind 'feedback-synthesis'"),
    ],
)
def test_forced_kind_errors_for_tables(load, kind, message):
    with pytest.raises(IngestError, match=message):
        load("x.csv", "メモ\nx\n", kind=kind)


def test_forced_feedback_needs_a_note_column(load):
    with pytest.raises(IngestError, match=r"--kind feedback needs a note column .*--map COL=note"):
        load("x.csv", "年月,リード数\n2026-09,1\n", kind="feedback")


def test_forced_feedback_reads_a_table_that_would_be_kpi(load):
    loaded = load("x.csv", "年月,リード数,メモ\n2026-09,1,好調\n", kind="Feedback")
    assert loaded.kind == "feedback"
    assert loaded.feedback_notes[0].extra == {"年月": "2026-09", "リード数": "1"}


# ------------------------------------------------------------------ load_bytes


def test_load_bytes_follows_the_same_rules():
    loaded = load_bytes("メモ\n価格\n".encode("cp932"), filename="up.csv", source="upload/up.csv")
    assert (loaded.source, loaded.title, loaded.feedback_notes[0].text) == (
        "upload/up.csv",
        "up",
        "価格",
    )
    with pytest.raises(IngestError, match=r"^upload/e\.csv: file is empty"):
        load_bytes(b"", filename="e.csv", source="upload/e.csv")
    with pytest.raises(IngestError, match=r"file is 2\.0 MB, over the 1 MB limit"):
        load_bytes(
            b"x" * (2 * 1024 * 1024), filename="b.txt", source="b.txt", max_bytes=1024 * 1024
        )
    with pytest.raises(IngestError, match=r"unsupported file type '\.key'"):
        load_bytes(b"x", filename="a.key", source="a.key")


def test_load_bytes_xlsx_and_persona():
    data = xlsx_bytes({"S": [["年月", "リード数"], ["2026-09", 3]]})
    assert load_bytes(data, filename="k.xlsx", source="k.xlsx").kpi_months[0].leads == 3
    persona = load_bytes(b'{"name": "A"}', filename="p.json", source="p.json")
    assert persona.kind == "persona"


# ------------------------------------------------------------------ metadata contract


def test_all_metadata_is_chroma_safe(load):
    files = [
        ("a.md", "---\nkind: product\nd: 2026-01-01\nl: [1, 2]\nn: {a: 1}\nz:\n---\n本文\n"),
        ("f.csv", "日付,担当者,企業名,業種,ステージ,メモ,他\n2026/1/2,a,b,c,d,e,f\n"),
        ("k.csv", "年月,セグメント,リード数,目標売上\n2026-01,Web,1,2\n"),
        ("n.txt", "a\n\nb\n"),
        ("p.yaml", "name: A\ngoals: [x]\n"),
    ]
    for name, text in files:
        loaded = load(name, text)
        for metadata in [loaded.metadata, *(u.metadata for u in loaded.units)]:
            for key, value in metadata.items():
                assert isinstance(key, str)
                assert isinstance(value, str | int | float | bool), (name, key, value)
