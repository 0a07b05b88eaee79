"""Reason to believe: the product's measured effects, verbatim, and what won deals said.

Effects are quoted with their numbers exactly as the product document gives them; won deals
are counted in the segment's notes (a fact) and the two closest to the problem are quoted.
"""

from __future__ import annotations

from assistant.domain.grounding import Claim
from assistant.drafts.checks import refs_in
from assistant.drafts.claims import bullets, cited, claim_refs
from assistant.drafts.context import DraftContext
from assistant.drafts.positioning.gaps import gap
from assistant.drafts.positioning.matching import overlap, pick
from assistant.drafts.positioning.notes import count_fact, example, is_won
from assistant.drafts.positioning.product import Product
from assistant.drafts.positioning.segment import Segment


def reason_claim(ctx: DraftContext, seg: Segment, product: Product | None, about: str) -> Claim:
    """The product's measured effects, verbatim, and what won deals in the segment said."""
    effects = pick(product.effects, about, n=2, least=0) if product else []
    won = [n for n in seg.notes if is_won(n)]
    if not effects and not won:
        return gap(ctx, "no_reason")
    parts, refs = [], []
    if effects:
        quotes = [cited(ctx.book, passage, st.text) for passage, st in effects]
        refs += claim_refs(quotes)
        parts.append(
            ctx.t(
                "導入効果（製品資料、数字は原文のまま）：",
                "Measured effects (product document, verbatim):",
            )
            + "\n"
            + bullets(quotes)
        )
    if won:
        fact = count_fact(
            ctx,
            f"won:{seg.label}",
            ctx.t(f"{seg.label}の受注メモ", f"{seg.label} won-deal notes"),
            len(won),
            seg.notes,
        )
        best = sorted(won, key=lambda n: -overlap(n.note.text, about))[:2]
        quotes = [e for n in best if (e := example(ctx, n, about))]
        refs += [fact, *refs_in(" ".join(quotes))]
        parts.append(
            ctx.t(
                f"{seg.label}の受注メモ{len(won)}件[{fact}]から：",
                f"From {len(won)} {seg.label} won-deal notes[{fact}]: ",
            )
            + " ".join(quotes)
        )
    return Claim(text="\n\n".join(parts), refs=refs)
