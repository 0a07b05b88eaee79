"""Variants of ``bench/data/feedback_eval`` for choosing methods on that set alone.

The labelled set's notes are short and written in one voice; real notes are not.  Rather than
look at another set, these re-write *its own* notes the ways sales teams differ, keeping the
gold themes:

* ``voices`` — each note goes to one of six reps at random (independent of its theme) and
  is re-written in that rep's voice: 【状況】/【課題】/【次回】 headings, English asides
  ("MTG w/ …. Next step: …"), bullets, long polite prose, terse arrows, casual endings;
* ``voices+mixed`` — the same, and 15 % of themed notes get one sentence of another theme
  appended (a note that touches two topics keeps its first theme);
* ``uneven`` — themes cut to 60/45/30/20/12/8/6/5/4 notes (small real themes must survive);
* ``uneven+voices`` — both;
* ``paste`` — a small paste: 4 + 5 + 3 notes of three themes and 2 one-offs (5 seeds);
* re-entries (``reentries``) — every themed note entered again by its rep for the same account
  a few days later, reworded by one or two of: reorder the sentences, drop one, add a stock
  sentence, swap a word; against every pair of *different* notes on the same theme.

All rewriting is seeded; the stock phrases are this file's own, not any data set's.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

_SENTENCE = re.compile(r"(?<=[。！？!?．\n])")

Voice = Callable[[list[str], str, random.Random], str]
VOICES: list[Voice] = [
    lambda s, acc, r: (
        "【状況】"
        + s[0]
        + "\n【課題】"
        + ("".join(s[1:]) or "特になし")
        + "\n【次回】"
        + r.choice(["再訪して詳細をヒアリング", "見積を再提出", "担当部署と日程調整"])
    ),
    lambda s, acc, r: (
        f"MTG w/ {acc}. "
        + "".join(s)
        + " Next step: "
        + r.choice(["send follow-up mail", "schedule demo", "check internally"])
        + "."
    ),
    lambda s, acc, r: "\n".join("・" + x.rstrip("。") for x in s),
    lambda s, acc, r: (
        f"本日は{acc}様を訪問いたしました。"
        + "".join(s)
        + r.choice(
            [
                "先方曰く、前向きにご検討いただけるとのことです。",
                "引き続き丁寧にフォローしてまいります。",
                "ご担当者様は終始にこやかでした。",
            ]
        )
        + "よろしくお願いいたします。"
    ),
    lambda s, acc, r: (
        " ".join(x.rstrip("。") for x in s)
        + " →"
        + r.choice(["次回アポ調整", "資料送付済", "社内確認待ち"])
    ),
    lambda s, acc, r: (
        "".join(s)
        + r.choice(["って感じ。また連絡する〜", "みたいな雰囲気でした笑", "。とりあえず様子見かな"])
    ),
]
STOCK = [
    "次回は来週の予定。",
    "先方の反応は悪くない。",
    "詳細は別途共有します。",
    "上長にも報告済み。",
]
SWAPS = [
    ("言われた", "指摘された"), ("とのこと", "との事"), ("確認された", "聞かれた"),
    ("求められた", "要望された"), ("。", "．"), ("不安", "心配"), ("先方", "お客様"),
    ("来週", "次週"),
]  # fmt: skip


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


@dataclass
class Variant:
    """Notes to cluster: texts, their writers and gold themes (duplicates included)."""

    name: str
    texts: list[str]
    writers: list[str | None]
    gold: list[str]


def voiced(
    texts: list[str],
    gold: list[str],
    accounts: list[str | None],
    original: list[int],
    *,
    seed: int,
    mixed: float = 0.0,
) -> Variant:
    """Every note re-written in one of six voices; a repeat keeps its original's voice."""
    rng = random.Random(seed)
    by_theme: dict[str, list[int]] = {}
    for i, g in enumerate(gold):
        by_theme.setdefault(g, []).append(i)
    out, writers, voice_of = [], [], {}
    for i, text in enumerate(texts):
        parts = sentences(text)
        if mixed and gold[i] != "other" and original[i] == i and rng.random() < mixed:
            other = rng.choice([t for t in by_theme if t not in (gold[i], "other")])
            extra = sentences(texts[rng.choice(by_theme[other])])[0]
            if len(extra) < len(text):
                parts.append(extra)
        voice = voice_of.setdefault(original[i], rng.randrange(len(VOICES)))
        out.append(VOICES[voice](parts, accounts[i] or "先方", random.Random(original[i])))
        writers.append(f"rep{voice}")
    return Variant(f"voices{'+mixed' if mixed else ''}", out, writers, list(gold))


def uneven(variant: Variant, *, seed: int) -> Variant:
    """Themes cut to uneven sizes; one-off notes all kept."""
    rng = random.Random(seed)
    themes = sorted({g for g in variant.gold if g != "other"})
    rng.shuffle(themes)
    keep: list[int] = [i for i, g in enumerate(variant.gold) if g == "other"]
    for theme, size in zip(themes, [60, 45, 30, 20, 12, 8, 6, 5, 4], strict=False):
        members = [i for i, g in enumerate(variant.gold) if g == theme]
        rng.shuffle(members)
        keep += members[:size]
    keep.sort()
    return Variant(
        f"uneven{'+' + variant.name if variant.name != 'plain' else ''}",
        [variant.texts[i] for i in keep],
        [variant.writers[i] for i in keep],
        [variant.gold[i] for i in keep],
    )


def pastes(variant: Variant, *, seeds: range = range(5)) -> list[Variant]:
    """Small pastes: 4 + 5 + 3 notes of three themes and two one-offs, no metadata."""
    out = []
    themes = [t for t, _n in sorted(_sizes(variant.gold).items(), key=lambda kv: -kv[1])][:5]
    for seed in seeds:
        rng = random.Random(seed)
        chosen = rng.sample([t for t in themes if t != "other"], 3)
        pick: list[int] = []
        for theme, n in zip(chosen, (4, 5, 3), strict=True):
            members = [i for i, g in enumerate(variant.gold) if g == theme]
            pick += rng.sample(members, n)
        pick += rng.sample([i for i, g in enumerate(variant.gold) if g == "other"], 2)
        out.append(
            Variant(
                f"paste{seed}",
                [variant.texts[i] for i in pick],
                [None] * len(pick),
                [variant.gold[i] for i in pick],
            )
        )
    return out


def _sizes(gold: list[str]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for g in gold:
        sizes[g] = sizes.get(g, 0) + 1
    return sizes


def reword(text: str, rng: random.Random) -> str:
    """A re-entry of ``text``: one or two of reorder / drop / add / swap."""
    parts = sentences(text)
    for op in rng.sample(["reorder", "drop", "add", "swap", "swap"], k=rng.choice([1, 2])):
        if op == "reorder" and len(parts) > 1:
            rng.shuffle(parts)
        elif op == "drop" and len(parts) > 2:
            parts.pop(rng.randrange(len(parts)))
        elif op == "add":
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(STOCK))
        elif op == "swap":
            joined = "".join(parts)
            found = [pair for pair in SWAPS if pair[0] in joined]
            if found:
                old, new = rng.choice(found)
                parts = sentences(joined.replace(old, new, 1))
    return "".join(parts)
