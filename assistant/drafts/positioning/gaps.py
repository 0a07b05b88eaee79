"""The parts of a positioning that evidence could not fill, and what each one is missing.

A gap is text, not silence: it names the document or note that would fill it, and it is
raised as a ``gap`` warning on its section so the reviewer sees it before approving.
"""

from __future__ import annotations

from assistant.domain.grounding import Claim
from assistant.drafts.context import DraftContext

# What is missing, per gap: (section key, ja, en); ``{x}`` is filled by ``gap``.
_GAPS = {
    "no_persona": (
        "target",
        "{x}に当てはまるペルソナがありません（kind: persona の資料を取り込んでください）。",
        "No persona matches {x} (ingest persona documents, kind: persona).",
    ),
    "no_profile": (
        "target",
        "{x}に役割・業種・企業規模の記載がありません。",
        "{x} has no role, industry or company size lines.",
    ),
    "no_challenge": (
        "problem",
        "ペルソナに課題（challenges）の記載がないため、課題を特定できません。",
        "No persona challenges are written down, so no problem can be named.",
    ),
    "no_category": (
        "category",
        "製品資料（kind: product）に製品を説明する文（「{x}は…です。」）がありません。",
        "No product document (kind: product) says what {x} is («{x}は…です。»).",
    ),
    "no_features": (
        "benefit",
        "製品資料に「主な機能」の記載がないため、ベネフィットを書けません。",
        "The product document lists no 主な機能 (features), so no benefit can be named.",
    ),
    "no_competitors": (
        "alternative",
        "競合資料（kind: competitor）がないため、主な代替・競合を特定できません。",
        "No competitor documents (kind: competitor), so no main alternative can be named.",
    ),
    "no_mentions": (
        "alternative",
        "営業メモに競合製品の名前が一度も出てこないため、主な代替・競合を特定できません。",
        "No sales note names a competitor, so no main alternative can be named.",
    ),
    "no_rival": (
        "differentiation",
        "主な競合が特定できないため、差別化を書けません（競合資料と営業メモが必要です）。",
        "No main competitor was found, so no differentiation (needs competitor documents and "
        "sales notes).",
    ),
    "no_weakness": (
        "differentiation",
        "{x}の競合資料に「弱み」の記載がないため、差別化を書けません。",
        "The notes on {x} list no 弱み (weaknesses), so no differentiation.",
    ),
    "no_strength": (
        "differentiation",
        "製品資料に、{x}のこの弱みに対応する当社の記載が見つかりません。",
        "The product document says nothing that answers this weakness of {x}.",
    ),
    "no_reason": (
        "reason_to_believe",
        "製品資料に「導入効果」がなく、受注時の営業メモもないため、信じる理由を示せません。",
        "No 導入効果 (measured effects) in the product document and no won-deal notes, so no "
        "reason to believe can be shown.",
    ),
}


def gap(ctx: DraftContext, what: str, x: str = "") -> Claim:
    """A part left empty on purpose: the text says which evidence is missing."""
    key, ja, en = _GAPS[what]
    message = ctx.t(ja, en).format(x=x)
    ctx.warn("gap", message, section=key)
    return Claim(text=message)
