"""Each bad input gets a clear error naming the file (and row/column) and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli.app import app

runner = CliRunner()
BASELINE = "---\nkind: product\n---\nケイリクラウドは経費精算を自動化します。"


def _ingest(*args: str):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["ingest", *args, "--json"])
    return result.exit_code, json.loads(result.stdout)


def _store_state() -> tuple:
    status = json.loads(runner.invoke(app, ["status", "--json"]).stdout)
    found = json.loads(runner.invoke(app, ["search", "経費精算", "--json"]).stdout)
    return status["documents"], status["chunks"], [r["chunk_id"] for r in found["results"]]


BAD_FILES: dict[str, tuple[bytes, str]] = {
    "zero.md": (b"", "empty"),
    "blank.txt": (b"  \n\n \n", "no text"),
    "photo.csv": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary"),
    "broken.csv": ("メモ\n".encode() + b"\xff\xfe\xfa\x80\x81 abc\n", "decode"),
    "nocolumns.csv": ("名前,数量\n山田,3\n".encode(), "--map"),
    "frontmatter.md": ("---\nkind: [note\n---\n本文".encode(), "front matter"),
    "kind.md": ("---\nkind: brochure\n---\n本文".encode(), "brochure"),
    "kpi.csv": ("年月,リード数,MQL数\n2026年9月,100,abc\n".encode(), "row 1"),
    "negative.csv": ("年月,リード数\n2026年9月,-5\n".encode(), "row 1"),
    "dupmonth.csv": ("年月,リード数\n2026年9月,5\n2026-09,6\n".encode(), "row 2"),
    "persona.yaml": (b"role: CFO\n", "name"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_rejected_and_store_unchanged(name: str, tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text(BASELINE, "utf-8")
    assert _ingest(str(good))[0] == 0
    before = _store_state()

    content, expected = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(content)
    code, report = _ingest(str(bad))
    assert code == 1
    assert report["files"] == 0 and report["chunks_added"] == 0
    [rejection] = report["rejected"]
    assert rejection["path"] == name
    assert name in rejection["error"] and expected in rejection["error"]
    assert _store_state() == before


def test_file_over_the_size_limit_is_refused_up_front(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AXIS_MAX_FILE_MB", "1")
    big = tmp_path / "huge.csv"
    with big.open("wb") as fh:  # sparse: 3 MB on paper, nothing to read
        fh.truncate(3 * 1024 * 1024)
    code, report = _ingest(str(big))
    assert code == 1
    error = report["rejected"][0]["error"]
    assert "AXIS_MAX_FILE_MB" in error and "1" in error
