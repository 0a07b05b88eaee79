"""Every file met is accounted for once: ingested, skipped (with the reason) or rejected."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook

from assistant.config import load_settings
from assistant.ingest.columns import ColumnMap
from assistant.workspace import ingest, open_store

PERSONA = "---\nkind: persona\n---\n# 経理部長\n\n課題：月次決算が遅い。\n"


def _book(*sheets: str) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name in sheets:
        sheet = book.create_sheet(name)
        sheet.append(["年月", "リード数"])
        sheet.append(["2025-04", 10])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "company"
    (root / "sub").mkdir(parents=True)
    (root / "persona.md").write_text(PERSONA, encoding="utf-8")
    (root / "sub" / "copy-of-persona.md").write_text(PERSONA, encoding="utf-8")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 32)
    (root / "README.md").write_text("# このフォルダについて\n", encoding="utf-8")
    (root / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"0" * 64)
    (root / "empty.csv").write_bytes(b"")
    (root / "kpi.xlsx").write_bytes(_book("2024", "2025"))
    return root


def test_every_file_is_under_exactly_one_heading(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    report = ingest(open_store(load_settings()), [root]).as_json()
    placed: dict[str, list[str]] = {}
    for heading in ("ingested", "skipped", "rejected"):
        for entry in report[heading]:
            placed.setdefault(entry["path"], []).append(heading)
    files = {f"company/{p.relative_to(root).as_posix()}" for p in root.rglob("*") if p.is_file()}
    assert set(placed) == files
    assert all(len(set(v)) == 1 for v in placed.values())
    reasons = {e["path"]: e["reason"] for e in report["skipped"]}
    assert reasons["company/logo.png"].startswith("an image")
    assert "save it as .docx" in reasons["company/old.doc"]
    assert reasons["company/README.md"].startswith("a README")
    copy = reasons["company/sub/copy-of-persona.md"]
    assert copy == "the same content as company/persona.md — stored once"
    kinds = {e["source"]: e["kind"] for e in report["ingested"]}
    assert kinds == {
        "company/persona.md": "persona",
        "company/kpi.xlsx#2024": "kpi",
        "company/kpi.xlsx#2025": "kpi",
    }
    assert any(r["path"] == "company/empty.csv" for r in report["rejected"])


def test_a_file_ingested_by_name_then_with_its_folder_is_stored_once(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    store = open_store(load_settings())
    ingest(store, [root / "persona.md"])
    report = ingest(store, [root]).as_json()
    (copy,) = [s for s in report["skipped"] if s["path"] == "company/persona.md"]
    assert copy["reason"] == "the same content as persona.md — stored once"
    assert (copy["reason_ja"], copy["same_as"]) == (
        "persona.md と同じ内容です（1回だけ保存します）",
        "persona.md",
    )
    assert [d.source for d in store.documents(kind="persona")] == ["persona.md"]


def test_a_sheet_removed_from_a_workbook_leaves_the_store(tmp_path: Path) -> None:
    book = tmp_path / "kpi.xlsx"
    book.write_bytes(_book("2024", "2025"))
    store = open_store(load_settings())
    ingest(store, [book])
    book.write_bytes(_book("2025", "notes"))
    ingest(store, [book])
    assert sorted(d.source for d in store.documents()) == ["kpi.xlsx#2025", "kpi.xlsx#notes"]


def test_a_map_for_one_file_does_not_break_the_others(tmp_path: Path) -> None:
    root = tmp_path / "notes"
    root.mkdir()
    (root / "a.csv").write_text("所見,顧客名\n価格が高い,A社\n", encoding="utf-8")
    (root / "b.csv").write_text("メモ,顧客名\nSSOが必要,B社\n", encoding="utf-8")
    store = open_store(load_settings())
    everywhere = ingest(store, [root], mapping=[ColumnMap("所見", "note")]).as_json()
    assert everywhere["rejected"] == [] and len(everywhere["ingested"]) == 2
    (root / "a.csv").write_text("所見,顧客名\n価格が高い(再),A社\n", encoding="utf-8")
    one = ingest(store, [root], mapping=[ColumnMap("所見", "note", "a.csv")]).as_json()
    assert one["rejected"] == []
    maps = [ColumnMap("所見", "note", "a.csv"), ColumnMap("無い列", "note", "b.csv")]
    wrong = ingest(store, [root], mapping=maps).as_json()
    assert [r["path"] for r in wrong["rejected"]] == ["notes/b.csv"]
    assert "--map 無い列=note: there is no column '無い列'" in wrong["rejected"][0]["error"]


def test_a_corrected_kind_survives_reingesting_the_file(tmp_path: Path) -> None:
    from assistant.workspace import set_document_kind

    note = tmp_path / "minutes.md"
    note.write_text("# 打ち合わせ\n\nターゲットは経理部長。課題は月次決算の遅れ。\n", "utf-8")
    settings = load_settings()
    store = open_store(settings)
    ingest(store, [note])
    assert store.documents()[0].kind == "note"
    assert set_document_kind(settings, store, "minutes.md", "persona") == 1
    assert [r.kind for r in store.search("月次決算", k=1, kind="persona")] == ["persona"]
    note.write_text(
        "# 打ち合わせ\n\nターゲットは経理部長。課題は月次決算の遅れと監査対応。\n", "utf-8"
    )
    report = ingest(store, [note]).as_json()
    assert report["ingested"][0]["kind"] == "persona"
    assert report["ingested"][0]["kind_basis"] == "set by a user"


def test_deleting_a_workbook_removes_every_sheet(tmp_path: Path) -> None:
    from assistant.workspace import delete_document

    book = tmp_path / "kpi.xlsx"
    book.write_bytes(_book("2024", "2025"))
    store = open_store(load_settings())
    ingest(store, [book])
    assert delete_document(store, "kpi.xlsx") == 2
    assert store.documents() == []
