"""The main alternative and how we differ from it, from competitor notes and sales notes.

The alternative is the competitor the segment's notes name most (ties: most named overall), with
both counts registered as facts; the differentiation sets that competitor's 弱み against our
feature that answers it, and adds where the competitor notes say we tend to win.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.db.records import StoredFeedbackNote
from assistant.domain.grounding import Claim
from assistant.drafts.checks import refs_in
from assistant.drafts.claims import quoted
from assistant.drafts.context import DraftContext
from assistant.drafts.evidence import Passage
from assistant.drafts.positioning.gaps import gap
from assistant.drafts.positioning.matching import SUPPORT_MIN, overlap, pick
from assistant.drafts.positioning.notes import count_fact, example
from assistant.drafts.positioning.product import Product, feature_label
from assistant.drafts.positioning.segment import Segment
from assistant.text.normalize import fold
from assistant.text.statements import Statement, statements

_ASCII_TAIL = re.compile(r"[\sa-z0-9+.]+$")
_KANJI_TAIL = re.compile(r"[\u4e00-\u9fff]+$")


@dataclass(frozen=True)
class Competitor:
    name: str
    passages: tuple[Passage, ...]
    variants: frozenset[str]


def name_variants(name: str) -> frozenset[str]:
    """A competitor's name and its short form as reps write it (「ビズフロー経費」 -> 「ビズフロー」,
    「スマート精算ONE」 -> 「スマート精算」); a short form under four characters is too common."""
    full = fold(name).strip()
    short = _ASCII_TAIL.sub("", full) if _ASCII_TAIL.search(full) else _KANJI_TAIL.sub("", full)
    return frozenset({full, short.strip()} if len(short.strip()) >= 4 else {full})


def competitors(ctx: DraftContext) -> list[Competitor]:
    """The competitors the workspace has notes on (kind: competitor), by name."""
    grouped: dict[str, list[Passage]] = {}
    for passage in ctx.corpus.of_kind("competitor"):
        name = str(passage.meta.get("competitor") or passage.title.split(":")[-1]).strip()
        grouped.setdefault(name, []).append(passage)
    return [Competitor(n, tuple(ps), name_variants(n)) for n, ps in grouped.items()]


def mentions(comp: Competitor, notes: Iterable[StoredFeedbackNote]) -> list[StoredFeedbackNote]:
    return [n for n in notes if any(v in fold(n.note.text) for v in comp.variants)]


@dataclass(frozen=True)
class Rival:
    comp: Competitor
    in_segment: list[StoredFeedbackNote]
    overall: list[StoredFeedbackNote]


def rank_rivals(ctx: DraftContext, seg: Segment) -> list[Rival]:
    """Competitors by mentions in the segment's notes, ties broken by mentions overall."""
    rivals = [
        Rival(c, mentions(c, seg.notes), mentions(c, seg.all_notes)) for c in competitors(ctx)
    ]
    return sorted(rivals, key=lambda r: (-len(r.in_segment), -len(r.overall)))


def _mention_row(ctx: DraftContext, seg: Segment, rival: Rival) -> tuple[str, list[str]]:
    """「- name: n in the segment / m overall」 with both counts registered as facts."""
    name = rival.comp.name
    n_all = len(rival.overall)
    all_ref = count_fact(
        ctx,
        f"mentions:all:{name}",
        ctx.t(f"全営業メモで{name}に触れた件数", f"all notes naming {name}"),
        n_all,
        seg.all_notes,
    )
    if len(seg.notes) == len(seg.all_notes):
        return ctx.t(f"- {name}：{n_all}件[{all_ref}]", f"- {name}: {n_all}[{all_ref}]"), [all_ref]
    n_seg = len(rival.in_segment)
    seg_ref = count_fact(
        ctx,
        f"mentions:{seg.label}:{name}",
        ctx.t(f"{seg.label}の営業メモで{name}に触れた件数", f"{seg.label} notes naming {name}"),
        n_seg,
        seg.notes,
    )
    row = ctx.t(
        f"- {name}：{seg.label} {n_seg}件[{seg_ref}]／全体 {n_all}件[{all_ref}]",
        f"- {name}: {n_seg}[{seg_ref}] in {seg.label} / {n_all}[{all_ref}] overall",
    )
    return row, [seg_ref, all_ref]


def alternative_claim(ctx: DraftContext, seg: Segment, ranked: list[Rival]) -> Claim:
    """The competitor the segment's notes name most, every count shown, two notes quoted."""
    if not ranked:
        return gap(ctx, "no_competitors")
    top = ranked[0]
    if not top.overall:
        return gap(ctx, "no_mentions")
    rows, refs = [], []
    for rival in ranked:
        row, row_refs = _mention_row(ctx, seg, rival)
        rows.append(row)
        refs += row_refs
    segmented = len(seg.notes) != len(seg.all_notes)
    tie = segmented and len(ranked) > 1 and len(ranked[1].in_segment) == len(top.in_segment)
    why = ctx.t(
        "（同数のため全体の件数で選んでいます）" if tie else "",
        " (tied, so chosen by the count over all notes)" if tie else "",
    )
    head = ctx.t(
        f"**{top.comp.name}** — {seg.label}の営業メモで最も多く名前が出る競合です{why}。",
        f"**{top.comp.name}** — the competitor {seg.label} sales notes name most{why}.",
    )
    quotes = [
        e for n in (top.in_segment or top.overall)[:2] if (e := example(ctx, n, top.comp.name))
    ]
    body = [head, "\n".join(rows)]
    if quotes:
        body.append(ctx.t("営業メモ：", "Sales notes: ") + " ".join(quotes))
    return Claim(text="\n\n".join(body), refs=refs + refs_in(" ".join(quotes)))


# -- differentiation -------------------------------------------------------------------
def _under(comp: Competitor, heading: str) -> list[tuple[Passage, Statement]]:
    return [(p, st) for p in comp.passages for st in statements(p.text) if heading in st.heading]


def differentiation_claim(
    ctx: DraftContext, rival: Rival | None, product: Product | None, about: str
) -> tuple[Claim, str, str]:
    """Their weakness against our matching strength, and where they tend to lose.

    Returns the claim plus the weakness and our strength's label for the statement."""
    if rival is None or not rival.overall:
        claim = gap(ctx, "no_rival")
        return claim, "", ""
    name = rival.comp.name
    weak = _under(rival.comp, "弱み")
    strengths = product.strengths if product else []

    def score(w: tuple[Passage, Statement]) -> int:
        best = max((overlap(w[1].text, s.text) for _, s in strengths), default=0)
        return best + overlap(w[1].text, about)

    if not weak:
        claim = gap(ctx, "no_weakness", name)
        return claim, "", ""
    w_passage, w_st = max(weak, key=score)
    w_ref = ctx.book.cite(w_passage, w_st.text)
    parts = [
        ctx.t(
            f"{name}の弱み：{quoted(w_st.text, w_ref)}",
            f"{name}'s weakness: {quoted(w_st.text, w_ref)}",
        )
    ]
    refs = [w_ref]
    ours = pick(strengths, w_st.text, n=1, least=SUPPORT_MIN)
    label = ""
    if ours:
        s_passage, s_st = ours[0]
        s_ref = ctx.book.cite(s_passage, s_st.text)
        refs.append(s_ref)
        label = feature_label(s_st.text)
        parts.append(
            ctx.t(f"当社：{quoted(s_st.text, s_ref)}", f"Ours: {quoted(s_st.text, s_ref)}")
        )
    else:
        parts.append(gap(ctx, "no_strength", name).text)
    wins = pick(_under(rival.comp, "勝ちパターン"), f"{about} {w_st.text}", n=1, least=0)
    if wins:
        p_passage, p_st = wins[0]
        p_ref = ctx.book.cite(p_passage, p_st.text)
        refs.append(p_ref)
        parts.append(
            ctx.t(
                f"当社が勝ちやすい条件：{quoted(p_st.text, p_ref)}",
                f"Where we tend to win: {quoted(p_st.text, p_ref)}",
            )
        )
    return Claim(text="\n\n".join(parts), refs=refs), w_st.text, label
