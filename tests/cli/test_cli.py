"""The `axis` CLI contract: JSON documents on stdout, exit codes, messages on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli.app import app
from tests.conftest import KNOWLEDGE, free_port

runner = CliRunner()


def axis(*args: str) -> tuple[int, dict | None, str]:
    result = runner.invoke(app, list(args))
    payload = None
    if "--json" in args and result.exit_code in (0, 1) and result.stdout.strip():
        payload = json.loads(result.stdout)
    return result.exit_code, payload, result.stderr


def test_ingest_demo_knowledge_twice_adds_nothing_the_second_time() -> None:
    code, first, _ = axis("ingest", str(KNOWLEDGE), "--json")
    assert code == 0, first
    assert first["rejected"] == []
    assert first["files"] >= 10
    assert first["chunks_added"] > 150  # ≥150 feedback notes alone
    code, second, _ = axis("ingest", str(KNOWLEDGE), "--json")
    assert code == 0
    assert second["chunks_added"] == 0
    assert second["chunks_skipped"] == first["chunks_added"] + first["chunks_skipped"]

    code, status, _ = axis("status", "--json")
    assert code == 0
    assert status["documents"] == first["files"]
    assert status["chunks"] == first["chunks_added"]
    assert isinstance(status["documents"], int) and isinstance(status["chunks"], int)
    assert status["workspace"] == "default"
    assert status["llm"].startswith("offline")

    code, found, _ = axis("search", "セキュリティ審査", "--k", "3", "--kind", "feedback", "--json")
    assert code == 0
    assert len(found["results"]) == 3
    assert {r["kind"] for r in found["results"]} == {"feedback"}
    assert set(found["results"][0]) == {"chunk_id", "source", "kind", "text", "score", "location"}


def test_docs_list_and_delete(tmp_path: Path) -> None:
    note = tmp_path / "memo.md"
    note.write_text("---\nkind: note\ntitle: 会議メモ\n---\n価格改定について議論した。", "utf-8")
    assert axis("ingest", str(note), "--json")[0] == 0
    code, listing, _ = axis("docs", "list", "--json")
    assert code == 0
    assert listing == {"documents": [{"source": "memo.md", "kind": "note", "chunks": 1}]}
    code, deleted, _ = axis("docs", "delete", "memo.md", "--json")
    assert (code, deleted) == (0, {"deleted": "memo.md", "chunks_removed": 1})
    assert axis("docs", "list", "--json")[1] == {"documents": []}


def test_deleting_an_unknown_document_is_a_user_error() -> None:
    code, _, stderr = axis("docs", "delete", "nope.md", "--json")
    assert code == 1
    assert "axis docs list" in stderr


def test_bad_files_are_rejected_with_reasons_and_others_go_on(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("---\nkind: product\n---\n製品概要です。", "utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, report, stderr = axis(
        "ingest", str(good), str(empty), str(binary), str(tmp_path / "missing.md"), "--json"
    )
    assert code == 1
    assert report["files"] == 1
    rejected = {r["path"]: r["error"] for r in report["rejected"]}
    assert set(rejected) == {"empty.csv", "image.csv", str(tmp_path / "missing.md")}
    assert "empty" in rejected["empty.csv"]
    assert "binary" in rejected["image.csv"]
    assert "no such file" in rejected[str(tmp_path / "missing.md")]
    assert axis("status", "--json")[1]["documents"] == 1


def test_a_rejected_file_leaves_the_store_unchanged(tmp_path: Path) -> None:
    kpi = tmp_path / "kpi.csv"
    kpi.write_text("年月,リード数,MQL数\n2026年9月,100,30\n", "utf-8")
    assert axis("ingest", str(kpi), "--json")[0] == 0
    before = axis("search", "リード", "--json")[1]
    kpi.write_text("年月,リード数,MQL数\n2026年9月,100,30\n2026年10月,たくさん,40\n", "utf-8")
    code, report, _ = axis("ingest", str(kpi), "--json")
    assert code == 1
    assert "row 2" in report["rejected"][0]["error"]
    assert axis("search", "リード", "--json")[1] == before


def test_map_option_rescues_an_unknown_note_column(tmp_path: Path) -> None:
    csv = tmp_path / "notes.csv"
    csv.write_text("日付,所見メモ欄\n2026/09/01,デモ後に導入時期を聞かれた\n", "utf-8")
    code, report, _ = axis("ingest", str(csv), "--json")
    assert code == 1 and "--map" in report["rejected"][0]["error"]
    code, report, _ = axis("ingest", str(csv), "--map", "所見メモ欄=note", "--json")
    assert code == 0 and report["chunks_added"] == 1


def test_malformed_map_is_a_usage_error(tmp_path: Path) -> None:
    assert axis("ingest", str(tmp_path), "--map", "nonsense")[0] == 2


def test_unreachable_chroma_server_exits_3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AXIS_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("AXIS_CHROMA_PORT", str(free_port()))
    code, _, stderr = axis("status", "--json")
    assert code == 3
    assert "Cannot reach the Chroma server" in stderr


def test_invalid_workspace_is_a_user_error() -> None:
    code, _, stderr = axis("status", "--workspace", "bad name", "--json")
    assert code == 1
    assert "AXIS_WORKSPACE" in stderr
