"""The positioning payload and how its parts are put together into the one-paragraph statement.

Each part is built by its own module from evidence; this module only orders them (the problem
decides the benefit, the rival decides the differentiation) and fills the classic statement's
slots from the parts that have refs, leaving a visible hole where a part is a gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, Field

from assistant.domain.grounding import Claim
from assistant.drafts.context import DraftContext
from assistant.drafts.positioning.problem import problem_claim, rank_supports
from assistant.drafts.positioning.product import (
    benefit_claim,
    category_claim,
    category_phrase,
    caveat_claims,
    feature_label,
    find_product,
)
from assistant.drafts.positioning.reason import reason_claim
from assistant.drafts.positioning.rivals import (
    alternative_claim,
    differentiation_claim,
    rank_rivals,
)
from assistant.drafts.positioning.segment import (
    find_segment,
    persona_text,
    target_claim,
    target_phrase,
)


class Positioning(BaseModel):
    """A positioning statement and the evidenced parts it is built from."""

    persona: str | None = Field(None, description="The persona it is for; None = segment.")
    segment: str | None = Field(None, description="The industry whose notes were counted.")
    product: str = Field(description="Our product's name as the product document writes it.")
    statement: Claim = Field(description="For <target> who <problem>, <product> is ...")
    target: Claim
    problem: Claim
    category: Claim
    key_benefit: Claim
    reason_to_believe: Claim
    alternative: Claim
    differentiation: Claim
    caveats: list[Claim] = Field(
        default_factory=list, description="What the product document says is not there yet."
    )


PAYLOAD = Positioning


@dataclass
class _Picks:
    target: str = ""
    problem: str = ""
    category: str = ""
    benefits: tuple[str, ...] = ()
    alternative: str = ""
    weakness: str = ""
    strength: str = ""


def _statement(ctx: DraftContext, product: str, picks: _Picks, refs: Sequence[str]) -> Claim:
    """The classic one-paragraph positioning, each slot filled from an evidenced part; when a
    slot has no evidence the statement is not written (a template with holes reads like a
    claim), and the reviewer is told which parts are missing."""
    missing = [
        name
        for name, value in (
            (ctx.t("ターゲット", "target"), picks.target),
            (ctx.t("課題", "problem"), picks.problem),
            (ctx.t("カテゴリー", "category"), picks.category),
            (ctx.t("ベネフィット", "benefit"), picks.benefits),
            (ctx.t("代替・競合", "alternative"), picks.alternative),
            (ctx.t("差別化", "differentiation"), picks.strength and picks.weakness),
        )
        if not value
    ]
    if missing:
        return Claim(
            text=ctx.t(
                f"根拠のそろわない要素（{'、'.join(missing)}）があるため、ステートメントは"
                "組み立てていません。下の各項目の「不足している根拠」を補ってから作り直してください。",
                f"Not written: no evidence for {', '.join(missing)}. Add what the sections "
                "below say is missing, then regenerate.",
            )
        )
    hole = ctx.t("〈根拠なし〉", "<no evidence>")
    benefits = "・".join(f"「{b}」" for b in picks.benefits) or hole
    ja = (
        f"「{picks.problem or hole}」という課題を抱える{picks.target or hole}にとって、"
        f"{product}は{picks.category or hole}です。{benefits}を提供します。"
        f"{picks.alternative or hole}と比べると、「{picks.weakness or hole}」という弱みに対して"
        f"{('「' + picks.strength + '」') if picks.strength else hole}で応えられます。"
    )
    en = (
        f"For {picks.target or hole} who face 「{picks.problem or hole}」, {product} is "
        f"「{picks.category or hole}」 that offers {benefits}. Unlike "
        f"{picks.alternative or hole}, whose weakness is 「{picks.weakness or hole}」, it answers "
        f"with {('「' + picks.strength + '」') if picks.strength else hole}."
    )
    refs = list(dict.fromkeys(r for r in refs if r.startswith("S")))
    return Claim(text=f"{ctx.t(ja, en)} " + "".join(f"[{r}]" for r in refs), refs=refs)


def compose(ctx: DraftContext) -> Positioning:
    """The positioning built from the workspace's evidence (no LLM)."""
    seg = find_segment(ctx)
    product = find_product(ctx)
    supports = rank_supports(seg)
    problems = [s.text for s in supports[:2]]
    target = target_claim(ctx, seg)
    problem = problem_claim(ctx, seg, supports)
    category = category_claim(ctx, product)
    benefit, features = benefit_claim(ctx, product, problems)
    rivals = rank_rivals(ctx, seg)
    alternative = alternative_claim(ctx, seg, rivals)
    rival = rivals[0] if rivals else None
    diff, weakness, strength = differentiation_claim(ctx, rival, product, persona_text(seg))
    feature_text = " ".join(st.text for st in features)
    reason = reason_claim(ctx, seg, product, f"{' '.join(problems)} {feature_text} {strength}")
    picks = _Picks(
        target=target_phrase(ctx, seg) if target.refs else "",
        problem=problems[0] if problem.refs else "",
        category=category_phrase(product) if product and category.refs else "",
        benefits=tuple(feature_label(st.text) for st in features),
        alternative=rival.comp.name if rival and alternative.refs else "",
        weakness=weakness,
        strength=strength,
    )
    name = product.name if product else ctx.t("当社製品", "our product")
    # The statement cites the quotes it paraphrases: profile, top challenge, product, rival.
    quoted = [
        *target.refs,
        *[r for r in problem.refs if r.startswith("S")][:1],
        *category.refs,
        *benefit.refs,
        *diff.refs[:2],
    ]
    return Positioning(
        persona=seg.personas[0].name if ctx.request.persona and seg.personas else None,
        segment=seg.industry,
        product=name,
        statement=_statement(ctx, name, picks, quoted),
        target=target,
        problem=problem,
        category=category,
        key_benefit=benefit,
        reason_to_believe=reason,
        alternative=alternative,
        differentiation=diff,
        caveats=caveat_claims(ctx, product, problems),
    )
