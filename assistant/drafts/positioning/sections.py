"""The positioning as sections: the statement first, then one section per evidenced part.

A part without refs is a gap section; the statement is ``ok`` only when every part it draws
on has evidence, so a statement with a hole cannot pass review unnoticed.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.domain.grounding import Claim
from assistant.drafts.claims import bullets, with_refs
from assistant.drafts.context import DraftContext
from assistant.drafts.models import Section
from assistant.drafts.positioning.composition import Positioning

_SECTIONS = (
    ("statement", "statement", "ポジショニング・ステートメント", "Positioning statement"),
    ("target", "target", "ターゲット", "Target"),
    ("problem", "problem", "顧客の課題", "Their problem"),
    ("category", "category", "カテゴリー", "Category"),
    ("benefit", "key_benefit", "主なベネフィット", "Key benefit"),
    ("reason_to_believe", "reason_to_believe", "信じる理由", "Reason to believe"),
    ("alternative", "alternative", "主な代替・競合", "Main alternative"),
    ("differentiation", "differentiation", "差別化", "Differentiation"),
)
# The parts the statement draws on: it is "ok" only when all of them have evidence.
_PARTS = ("target", "problem", "category", "key_benefit", "alternative", "differentiation")


def _body(claim: Claim, extra: Sequence[Claim], ctx: DraftContext) -> tuple[str, list[str]]:
    body, refs = claim.text, list(claim.refs)
    if extra:
        head = ctx.t("製品資料の注記（未対応・予定）：", "Caveats in the product document:")
        body += "\n\n" + head + "\n" + bullets(extra)
        refs += [r for c in extra for r in c.refs]
    return with_refs(body, refs), list(dict.fromkeys(refs))


def render(payload: Positioning, ctx: DraftContext) -> tuple[str, list[Section]]:
    """Title and one section per part, ``statement`` first; a part without refs is a gap."""
    who = payload.persona or ctx.t(
        f"{payload.segment or '全ペルソナ'}セグメント",
        f"{payload.segment or 'all personas'} segment",
    )
    title = ctx.t(
        f"ポジショニング：{who}（{payload.product}）", f"Positioning: {who} ({payload.product})"
    )
    sections: list[Section] = []
    for key, field, ja, en in _SECTIONS:
        claim: Claim = getattr(payload, field)
        extra = payload.caveats if key == "benefit" else []
        body, refs = _body(claim, extra, ctx)
        if key == "statement":
            complete = all(getattr(payload, name).refs for name in _PARTS)
            status = "ok" if complete else "gap"
        else:
            status = "ok" if claim.refs else "gap"
        sections.append(Section(key=key, title=ctx.t(ja, en), body=body, refs=refs, status=status))
    return title, sections
