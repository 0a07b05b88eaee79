"""`axis ingest` in one process while another searches (and while a second one writes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from assistant.config import load_settings
from assistant.retrieval import KnowledgeStore

AXIS = str(Path(sys.executable).with_name("axis"))
PARAGRAPH = (
    "第{n}号資料の{part}部分では、経費精算と請求書受領の業務について{topic}を詳しく説明する。" * 12
)


def _write_corpus(folder: Path, prefix: str, n_files: int) -> None:
    folder.mkdir(parents=True)
    for n in range(n_files):
        parts = [
            PARAGRAPH.format(n=n, part=part, topic=topic)
            for part, topic in (("前半", "課題"), ("中盤", "費用対効果"), ("後半", "導入手順"))
        ]
        (folder / f"{prefix}-{n:03d}.md").write_text(
            "---\nkind: note\n---\n" + "\n\n".join(parts), "utf-8"
        )


def _ingest(folder: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [AXIS, "ingest", str(folder), "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_search_during_ingest_in_another_process_never_sees_half_a_file(
    tmp_path: Path, axis_home: Path
) -> None:
    env = {**os.environ, "AXIS_HOME": str(axis_home), "AXIS_CHUNK_TOKENS": "200"}
    _write_corpus(tmp_path / "a", "a", 12)
    _write_corpus(tmp_path / "b", "b", 12)
    settings = load_settings(chunk_tokens=200)
    reader = KnowledgeStore(settings)

    writers = [_ingest(tmp_path / "a", env), _ingest(tmp_path / "b", env)]
    searches, observed = 0, []
    while any(w.poll() is None for w in writers) or searches < 3:
        results = reader.search("費用対効果の説明", k=10)
        per_source = Counter(c.source for c in reader.snapshot().chunks())
        observed.extend((r.source, per_source[r.source]) for r in results)
        searches += 1

    reports = []
    for w in writers:
        stdout, stderr = w.communicate(timeout=600)
        assert w.returncode == 0, stderr
        reports.append(json.loads(stdout))
    assert all(r["rejected"] == [] and r["files"] == 12 for r in reports)
    assert searches > 3
    total = sum(r["chunks_added"] for r in reports)
    assert reader.counts() == (24, total)
    assert reader.vectors.count() == total
    # Every document a reader saw mid-ingest was whole: all its chunks, committed together.
    complete = Counter(c.source for c in reader.snapshot().chunks())
    assert observed, "the reader never saw a document while the writers ran"
    assert all(count == complete[source] for source, count in observed)
    assert min(complete.values()) >= 3
    final = reader.search("第7号資料の中盤部分", k=40, mode="bm25")
    assert {"a/a-007.md", "b/b-007.md"} <= {r.source for r in final}
