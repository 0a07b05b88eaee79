"""How the SLA runs: rejection reason codes, meetings, escalation and owners.

These parts are proposals by nature (a playbook rarely has them); the meetings quote the
company's current ones first when the playbook names any, and the escalation threshold is the
``AXIS_ACHIEVEMENT_THRESHOLD`` setting, registered as a fact.
"""

from __future__ import annotations

from assistant.domain.grounding import Claim
from assistant.drafts.context import DraftContext
from assistant.drafts.sla.playbook import Playbook


def rejection_codes(ctx: DraftContext) -> list[Claim]:
    codes = [
        ("R1", "予算の目処が立たない", "no budget in view"),
        ("R2", "決裁者が関与していない", "no decision maker involved"),
        ("R3", "導入時期が未定・先", "no timeline or a distant one"),
        ("R4", "情報収集のみ・ニーズが合わない", "information gathering only / no fit"),
        ("R5", "連絡がつかない", "could not be reached"),
        (
            "R6",
            "対象外（競合・学生・既存顧客など）",
            "out of scope (competitor, student, customer)",
        ),
    ]
    return [Claim(text=f"{code}: {ctx.t(ja, en)}") for code, ja, en in codes]


def cadence(ctx: DraftContext, book: Playbook, proposals: list[str]) -> list[Claim]:
    found = book.cite("cadence", limit=2)
    current = [Claim(text=ctx.t(f"現状：{c.text}", f"Today: {c.text}"), refs=c.refs) for c in found]
    if not found:
        proposals.append("cadence")
    return [
        *current,
        Claim(
            text=ctx.t(
                "フィードバック会議（隔週）：インサイドセールスとフィールドセールスが、差し戻し理由コードの"
                "件数と商談メモの傾向を持ち寄り、スコア配点の見直し候補を決めます。",
                "Feedback meeting (every two weeks): inside and field sales bring rejection "
                "reason counts and themes from deal notes; the meeting picks scoring changes to try.",
            )
        ),
        Claim(
            text=ctx.t(
                "KPIレビュー（月次）：前月のMQL・SQL・受注の実績を本SLAのコミットメントと比べ、"
                "達成率が閾値を下回った段階の対策を決めます。",
                "KPI review (monthly): last month's MQL, SQL and won against this SLA's "
                "commitments; stages below the threshold get an owner and an action.",
            )
        ),
    ]


def escalation(ctx: DraftContext) -> list[Claim]:
    threshold = ctx.settings.achievement_threshold
    ref = ctx.book.fact(
        "sla:achievement_threshold",
        ctx.t("達成率の閾値（AXIS_ACHIEVEMENT_THRESHOLD）", "Achievement threshold setting"),
        threshold,
        "ratio",
        f"{threshold * 100:.0f}%",
        source="settings",
    )
    claims = [
        Claim(
            text=ctx.t(
                f"MQLまたはSQLの月次実績がコミットメントの{threshold * 100:.0f}%[{ref}]を2か月続けて"
                "下回った場合、マーケティング部長と営業部長が翌月の定例までに原因と対策を合意します。",
                f"If monthly MQL or SQL stay below {threshold * 100:.0f}% [{ref}] of the "
                "commitment two months running, the marketing and sales heads agree a cause and a "
                "fix before the next monthly review.",
            ),
            refs=[ref],
        ),
        Claim(
            text=ctx.t(
                "初回接触の期限超過が続く場合は、インサイドセールス責任者が人員配置か割り当てルールの"
                "変更を提案します。",
                "If first-contact deadlines keep being missed, the inside-sales lead proposes a "
                "staffing or assignment change.",
            )
        ),
    ]
    return claims


def owners(ctx: DraftContext) -> list[Claim]:
    rows = [
        (
            "マーケティング部長：MQL定義・配点、月間コミットメント",
            "Marketing director: MQL definition and scoring, monthly commitments",
        ),
        (
            "インサイドセールス責任者：初回接触の期限、SQL判定、差し戻し理由の記録",
            "Inside-sales lead: first-contact deadline, SQL decision, rejection reasons",
        ),
        (
            "営業部長：SQLの受け入れ・差し戻し、フィードバック会議",
            "Sales head: SQL acceptance and rejection, feedback meetings",
        ),
        (
            "マーケティングオペレーション：MA/SFAの設定とダッシュボード",
            "Marketing operations: MA/SFA settings and the dashboard",
        ),
    ]
    return [Claim(text=ctx.t(ja, en)) for ja, en in rows]
