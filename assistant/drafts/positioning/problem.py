"""Their problem: the persona challenge the segment's sales notes echo most, with the count.

A note echoes a challenge when they share at least ``SUPPORT_MIN`` content words; the rule is
registered as a fact and stated under the count, so the reviewer can redo it by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.db.records import StoredFeedbackNote
from assistant.domain.grounding import Claim
from assistant.drafts.checks import refs_in
from assistant.drafts.claims import quoted
from assistant.drafts.context import DraftContext
from assistant.drafts.evidence import Line
from assistant.drafts.positioning.gaps import gap
from assistant.drafts.positioning.matching import SUPPORT_MIN, words
from assistant.drafts.positioning.notes import count_fact, example
from assistant.drafts.positioning.segment import Segment


@dataclass(frozen=True)
class Support:
    """A persona challenge and the sales notes that share its words."""

    line: Line
    notes: tuple[tuple[int, StoredFeedbackNote], ...]  # (shared words, note), best first

    @property
    def text(self) -> str:
        return self.line.text


def rank_supports(seg: Segment) -> list[Support]:
    """Every challenge of the segment's personas, most echoed by the notes first."""
    note_words = [(n, words(n.note.text)) for n in seg.notes]
    out: list[Support] = []
    seen: set[str] = set()
    for persona in seg.personas:
        for line in persona.lines("challenges"):
            if line.text in seen:
                continue
            seen.add(line.text)
            line_words = words(line.text)
            shared = [(len(line_words & nw), n) for n, nw in note_words]
            matched = sorted(((k, n) for k, n in shared if k >= SUPPORT_MIN), key=lambda x: -x[0])
            out.append(Support(line, tuple(matched)))
    return sorted(out, key=lambda s: -len(s.notes))


def problem_claim(ctx: DraftContext, seg: Segment, found: list[Support]) -> Claim:
    """The top two challenges by echoing notes, the first with an example note."""
    if not found:
        return gap(ctx, "no_challenge")
    if not seg.notes:
        top = found[0]
        ref = ctx.book.cite_line(top.line)
        return Claim(
            text=ctx.t(
                f"{quoted(top.text, ref)}（営業メモがないため、裏づけの件数は数えていません）",
                f"{quoted(top.text, ref)} (no sales notes, so no supporting count)",
            ),
            refs=[ref],
        )
    rule = ctx.book.fact(
        "positioning:support_min",
        ctx.t("課題と共有する内容語の最小数", "content words a note must share"),
        float(SUPPORT_MIN),
        "count",
        ctx.t(f"{SUPPORT_MIN}語", f"{SUPPORT_MIN} words"),
        source="assistant.drafts.positioning",
    )
    parts, refs = [], [rule]
    for rank, sup in enumerate(found[:2]):
        n, ref = len(sup.notes), ctx.book.cite_line(sup.line)
        fact = count_fact(
            ctx,
            f"support:{seg.label}:{sup.text}",
            ctx.t(
                f"{seg.label}の営業メモで課題「{sup.text[:24]}」と言葉が重なる件数",
                f"{seg.label} notes sharing words with 「{sup.text[:24]}」",
            ),
            n,
            seg.notes,
        )
        refs += [ref, fact]
        quote = example(ctx, sup.notes[0][1], sup.text) if rank == 0 and n else None
        ex = ctx.t(f"例：{quote}", f"e.g. {quote}") if quote else ""
        lead = ctx.t("次点：" if rank else "", "Next: " if rank else "")
        parts.append(
            ctx.t(
                f"{lead}{quoted(sup.text, ref)} — {seg.label}の営業メモ{n}件[{fact}]が同じ言葉で触れています。{ex}",
                f"{lead}{quoted(sup.text, ref)} — {n} {seg.label} sales notes[{fact}] use its words. {ex}",
            ).strip()
        )
    refs += refs_in("\n".join(parts))
    parts.append(
        ctx.t(
            f"（数え方：課題と{SUPPORT_MIN}語[{rule}]以上の内容語を共有するメモを数えています）",
            f"(Counted: notes sharing at least {SUPPORT_MIN}[{rule}] content words with it.)",
        )
    )
    return Claim(text="\n\n".join(parts), refs=list(dict.fromkeys(refs)))
