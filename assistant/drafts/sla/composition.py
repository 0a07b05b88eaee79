"""The SLA payload and its composition from the playbook, the reverse plan and proposals."""

from __future__ import annotations

from pydantic import BaseModel, Field

from assistant.domain.grounding import Claim
from assistant.drafts.context import DraftContext
from assistant.drafts.sla.commitments import Commitments, commitments
from assistant.drafts.sla.operating import cadence, escalation, owners, rejection_codes
from assistant.drafts.sla.playbook import Playbook, follow_up, mql_definition, proposal


class SlaDraft(BaseModel):
    basis: Claim
    mql_definition: Claim
    scoring: list[Claim] = Field(default_factory=list)
    handoff: Claim
    follow_up: Claim
    acceptance: Claim
    rejection_reasons: list[Claim] = Field(default_factory=list)
    recycling: Claim
    commitments: Commitments
    cadence: list[Claim] = Field(default_factory=list)
    escalation: list[Claim] = Field(default_factory=list)
    owners: list[Claim] = Field(default_factory=list)
    proposals: list[str] = Field(default_factory=list, description="Section keys proposed.")


PAYLOAD = SlaDraft


def compose(ctx: DraftContext) -> SlaDraft:
    book = Playbook(ctx)
    proposals: list[str] = []
    definition, scoring = mql_definition(ctx, book, proposals)
    handoff = book.cite("handoff", limit=1)
    acceptance = book.cite("acceptance", limit=1)
    recycling = book.cite("recycling", limit=2)
    state = book.cite("sla_state", limit=1)
    if not book.items:
        ctx.warn(
            "no_evidence",
            ctx.t(
                "プレイブック（kind: playbook）がないため、定義はすべて提案です。",
                "No playbook documents: every definition is a proposal.",
            ),
        )
    basis = (
        Claim(
            text=ctx.t(
                f"現行のルールを文書化し、足りない部分を提案として加えた下書きです。現状：{state[0].text}",
                f"This drafts the current rules and proposes what is missing. Today: {state[0].text}",
            ),
            refs=state[0].refs,
        )
        if state
        else Claim(
            text=ctx.t(
                "現行ルールを示す資料が見つからない部分は、提案として記載しています。",
                "Where no current rule was found, the text is a proposal.",
            )
        )
    )
    return SlaDraft(
        basis=basis,
        mql_definition=definition,
        scoring=scoring,
        handoff=handoff[0]
        if handoff
        else proposal(
            ctx,
            "handoff",
            "MQLになった時点でSFAに連携し、インサイドセールスに自動で割り当てます。",
            "On becoming an MQL, a lead is synced to the SFA and assigned to inside sales.",
            proposals,
        ),
        follow_up=follow_up(ctx, book, proposals),
        acceptance=Claim(
            text=ctx.t(
                f"SQLの判定基準：{acceptance[0].text}　判定は理由コードとともにSFAに記録します。",
                f"SQL criteria: {acceptance[0].text} Every decision is logged in the SFA with a "
                "reason code.",
            ),
            refs=acceptance[0].refs,
        )
        if acceptance
        else proposal(
            ctx,
            "acceptance",
            "SQLの判定は、予算・決裁者・必要性・導入時期のうち2つ以上が確認できることを条件とします。",
            "An SQL needs at least two of budget, authority, need and timeline confirmed.",
            proposals,
        ),
        rejection_reasons=rejection_codes(ctx),
        recycling=Claim(
            text=ctx.t(
                "差し戻したリードは理由コードを付けてナーチャリングに戻し、再度MQLの基準を満たした"
                "時点で別の担当者が判定します。"
                + (f" 現状：{recycling[0].text}" if recycling else ""),
                "Rejected leads return to nurturing with their reason code; when they meet the MQL "
                "threshold again, another rep decides."
                + (f" Today: {recycling[0].text}" if recycling else ""),
            ),
            refs=recycling[0].refs if recycling else [],
        ),
        commitments=commitments(ctx),
        cadence=cadence(ctx, book, proposals),
        escalation=escalation(ctx),
        owners=owners(ctx),
        proposals=[*proposals, "rejection", "escalation", "owners"],
    )
