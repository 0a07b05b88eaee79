"""The SLA as sections: quoted rules, the scoring table, the commitments table, proposals.

A section whose text is Axis's suggestion is marked ``proposal``; the commitments section is a
``gap`` when there was no KPI history to plan from, and so is a missing scoring table.
"""

from __future__ import annotations

from assistant.domain.grounding import Claim
from assistant.drafts.claims import bullets, claim_refs, with_refs
from assistant.drafts.context import DraftContext
from assistant.drafts.evidence import refs_text
from assistant.drafts.models import Section
from assistant.drafts.sla.composition import SlaDraft


def _line(claim: Claim) -> str:
    """The claim's text with the refs it does not already show appended."""
    return with_refs(claim.text, claim.refs).strip()


def _body(claims: list[Claim], *, as_list: bool = True) -> str:
    shown = [Claim(text=_line(c), refs=c.refs) for c in claims if c.text]
    return bullets(shown) if as_list else "\n\n".join(c.text for c in shown)


def _scoring_table(rows: list[Claim], ctx: DraftContext) -> str:
    """Scoring rows as one table: the criterion (all cells but the last) and its points."""
    lines = [ctx.t("| 基準 | 点数 | 出典 |", "| criterion | points | source |"), "|---|---|---|"]
    for row in rows:
        cells = [c.strip() for c in row.text.split("|")]
        criterion = " / ".join(cells[:-1]) if len(cells) > 1 else cells[0]
        points = cells[-1] if len(cells) > 1 else ""
        lines.append(f"| {criterion} | {points} | {refs_text(row.refs)} |")
    return "\n".join(lines)


def render(payload: SlaDraft, ctx: DraftContext) -> tuple[str, list[Section]]:
    t = ctx.t
    c = payload.commitments
    stage_names = {
        "leads": t("リード", "Leads"),
        "mql": "MQL",
        "sql": "SQL",
        "won": t("受注", "Won"),
    }
    table = ""
    if c.monthly:
        header = t("| 段階 | 月間コミットメント |\n|---|---|", "| stage | per month |\n|---|---|")
        rows = "\n".join(
            f"| {stage_names.get(m.stage, m.stage)} | {m.per_month:,} [{m.ref}] |"
            for m in c.monthly
        )
        table = f"{header}\n{rows}"
    commitment_body = "\n\n".join(
        part
        for part in (
            _line(c.revenue_target),
            table,
            c.formula.text,
            _body(c.assumptions),
            c.missing.text if c.missing else "",
        )
        if part
    )
    parts: list[tuple[str, str, list[Claim] | None, str | None]] = [
        ("basis", t("前提", "Basis"), [payload.basis], None),
        ("mql_definition", t("MQLの定義", "MQL definition"), [payload.mql_definition], None),
        ("scoring", t("スコアリング基準", "Scoring criteria"), payload.scoring, None),
        ("handoff", t("引き渡しルール", "Hand-off rule"), [payload.handoff], None),
        ("follow_up", t("フォロー期限", "Follow-up deadline"), [payload.follow_up], None),
        ("acceptance", t("受け入れ基準", "Acceptance"), [payload.acceptance], None),
        (
            "rejection",
            t("差し戻し理由コード", "Rejection reason codes"),
            payload.rejection_reasons,
            None,
        ),
        (
            "recycling",
            t("差し戻しリードの再活用", "Recycling rejected leads"),
            [payload.recycling],
            None,
        ),
        (
            "commitments",
            t("月間コミットメント（逆算計画）", "Monthly commitments (reverse plan)"),
            None,
            commitment_body,
        ),
        ("cadence", t("会議体", "Meetings"), payload.cadence, None),
        ("escalation", t("エスカレーション", "Escalation"), payload.escalation, None),
        ("owners", t("責任者", "Owners"), payload.owners, None),
    ]
    sections: list[Section] = []
    for key, title, claims, body in parts:
        if body is None:
            body = _body(claims or [], as_list=key not in ("basis",))
        refs = claim_refs(claims if claims is not None else [c.revenue_target, *c.assumptions])
        if key == "commitments":
            refs += [m.ref for m in c.monthly]
        status = "proposal" if key in payload.proposals else "ok"
        if key == "commitments" and c.missing:
            status = "gap"
        if key == "scoring" and claims:
            body = _scoring_table(claims, ctx)
        if key == "scoring" and not claims:
            body = t("スコアの配点表が社内資料に見つかりません。", "No scoring table was found.")
            status = "gap"
        sections.append(Section(key=key, title=title, body=body, refs=refs, status=status))
    return t("マーケティング・営業 SLA（案）", "Marketing–sales SLA (draft)"), sections
