"""Groundedness of chat answers in no-LLM mode over the demo ``knowledge/``.

Each line of ``bench/data/groundedness.jsonl`` is a question with the source(s) that hold its
answer and one fact the answer must contain.  The demo folder is ingested with the same
pipeline as ``axis ingest`` into a temporary ``AXIS_HOME`` (or ``--home``, reused), every
question goes through ``ChatService.ask`` with no LLM, and two numbers are reported:

  citation precision  cited sources that are expected sources / all cited sources (micro)
  fact recall         answers that contain the expected fact / all questions

plus the same split by category (kpi, doc, fb) and the number of verifier warnings.

    python bench/groundedness.py [--home DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def run(home: Path) -> dict:
    os.environ["AXIS_HOME"] = str(home)
    os.environ["AXIS_LLM"] = "offline"
    os.chdir(ROOT)  # sources are stored as "knowledge/…"
    from assistant.chat import ChatService
    from assistant.config import load_settings
    from assistant.ingest.pipeline import ingest_paths
    from assistant.retrieval import KnowledgeStore

    settings = load_settings()
    store = KnowledgeStore(settings)
    ingest_paths(store, [Path("knowledge")])
    service = ChatService(settings, store, client=None)
    cases = [
        json.loads(x)
        for x in (ROOT / "bench/data/groundedness.jsonl").read_text("utf-8").splitlines()
        if x.strip()
    ]
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # cited, good, hit, n
    rows, warnings, seconds = [], 0, []
    for case in cases:
        started = time.perf_counter()
        answer = service.ask(case["question"])
        seconds.append(time.perf_counter() - started)
        cited = {c.source for c in answer.citations}
        good = len(cited & set(case["sources"]))
        hit = _squash(case["fact"]) in _squash(answer.text)
        warnings += len(answer.warnings)
        for key in (case["id"].split("-")[0], "all"):
            t = totals[key]
            t[0] += len(cited)
            t[1] += good
            t[2] += int(hit)
            t[3] += 1
        rows.append(
            {"id": case["id"], "cited": sorted(cited), "fact_found": hit, "intent": answer.intent}
        )
    summary = {
        key: {
            "questions": t[3],
            "citation_precision": round(t[1] / t[0], 3) if t[0] else 0.0,
            "fact_recall": round(t[2] / t[3], 3),
        }
        for key, t in sorted(totals.items())
    }
    seconds.sort()
    return {
        "mode": "offline",
        "summary": summary,
        "warnings": warnings,
        "p50_ms": round(seconds[len(seconds) // 2] * 1000, 1),
        "misses": [r for r in rows if not r["fact_found"]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--home", type=Path, help="AXIS_HOME to use (kept; re-ingest is a no-op)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args()
    if args.home:
        report = run(args.home)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            report = run(Path(tmp))
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return
    print(f"{'set':<6} {'n':>4} {'citation precision':>19} {'fact recall':>12}")
    for key, s in report["summary"].items():
        print(
            f"{key:<6} {s['questions']:>4} {s['citation_precision']:>19.3f}"
            f" {s['fact_recall']:>12.3f}"
        )
    print(f"verifier warnings: {report['warnings']}   p50 answer time: {report['p50_ms']} ms")
    for miss in report["misses"]:
        print(
            f"  miss {miss['id']} ({miss['intent']}): cited {', '.join(miss['cited']) or 'nothing'}"
        )


if __name__ == "__main__":
    main()
