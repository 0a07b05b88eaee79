"""Marketing–sales SLA draft: definitions from the company's playbook, numbers from the plan.

What the company already wrote down (the MQL threshold, the scoring table, the follow-up
deadline, the SQL criteria) is quoted from its playbook, so the SLA formalises the practice
rather than replacing it.  What is missing is proposed and marked as a proposal; a proposed
number (e.g. a follow-up deadline when the playbook has none) is registered as a fact whose
source says "proposal", so the reviewer sees it is Axis's suggestion, not the company's rule.

The monthly MQL/SQL commitments are the reverse plan of ``assistant.analytics.planning``: the
revenue target (``--revenue-target``, or the latest month's won-deal target × the average deal
size) walked back through the pooled conversion rates, formula and assumptions shown.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import BaseModel, Field

from assistant.analytics.models import AnalyticsError
from assistant.analytics.planning import Plan, reverse_plan
from assistant.analytics.report import workspace_report
from assistant.chat.passages import Statement, statements
from assistant.drafts.context import DraftContext
from assistant.drafts.evidence import Passage, refs_text
from assistant.drafts.models import Claim, Section
from assistant.errors import NotFoundError
from assistant.ingest.normalize import nfkc

# What each part of an SLA looks like in a playbook, best pattern first.
_RULES: dict[str, tuple[re.Pattern[str], ...]] = {
    "threshold": (re.compile(r"(閾値|しきい値|threshold).{0,20}\d+\s*(点|points?)", re.I),),
    "handoff": (re.compile(r"(SFA|CRM).{0,30}(連携|割り当て|assign)", re.I),),
    "follow_up": (
        re.compile(r"\d+\s*(営業日|時間|business\s+days?|hours?)\s*(以内|within)?", re.I),
    ),
    "acceptance": (
        re.compile(r"BANT|満たせば|criteria", re.I),
        re.compile(r"(SQL|商談化).{0,40}(判断|基準)", re.I),
    ),
    "recycling": (re.compile(r"ナーチャリング|リサイクル|差し戻し|recycl|nurtur", re.I),),
    "cadence": (re.compile(r"定例|会議|weekly\s+review|monthly\s+(meeting|review)", re.I),),
    "sla_state": (re.compile(r"SLA|サービスレベル|service\s+level", re.I),),
}
_SCORING_HEADING = re.compile(r"スコア|配点|scor", re.I)


class Commitment(BaseModel):
    stage: str
    per_month: int
    ref: str


class Commitments(BaseModel):
    revenue_target: Claim
    formula: Claim
    assumptions: list[Claim] = Field(default_factory=list)
    monthly: list[Commitment] = Field(default_factory=list)
    missing: Claim | None = None


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


class _Playbook:
    """Statements of the company's playbooks, found by what they are about."""

    def __init__(self, ctx: DraftContext) -> None:
        self.ctx = ctx
        self.items: list[tuple[Passage, Statement]] = [
            (p, s) for p in ctx.corpus.of_kind("playbook") for s in statements(p.text)
        ]

    def find(self, rule: str, *, limit: int = 3) -> list[tuple[Passage, str]]:
        found: list[tuple[Passage, str]] = []
        # Sentences before table rows: a rule is stated in prose, a table row only lists it.
        ordered = sorted(self.items, key=lambda item: item[1].table_row)
        for pattern in _RULES[rule]:
            for p, s in ordered:
                if pattern.search(nfkc(s.text)) and all(s.text != f for _, f in found):
                    found.append((p, s.text))
        return found[:limit]

    def cite(self, rule: str, *, limit: int = 3) -> list[Claim]:
        return [
            Claim(text=s, refs=[self.ctx.book.cite(p, s)]) for p, s in self.find(rule, limit=limit)
        ]

    def scoring_rows(self) -> list[Claim]:
        """The scoring table: rows under a heading about scores, with their table header."""
        return [
            Claim(text=s.text, refs=[self.ctx.book.cite(p, s.text)])
            for p, s in self.items
            if s.table_row and _SCORING_HEADING.search(s.heading)
        ]


def _proposal(ctx: DraftContext, key: str, ja: str, en: str, proposals: list[str]) -> Claim:
    proposals.append(key)
    return Claim(text=ctx.t(ja, en))


def _number_fact(
    ctx: DraftContext, key: str, label_ja: str, label_en: str, value: int, unit: str
) -> str:
    """A proposed parameter, registered so the reviewer sees where the number comes from."""
    return ctx.book.fact(
        f"proposal:{key}",
        ctx.t(f"提案値: {label_ja}", f"Proposed: {label_en}"),
        value,
        "count",
        f"{value}{unit}",
        source=ctx.t(
            "Axisの提案（社内資料に記載なし）", "Axis proposal (not in company documents)"
        ),
    )


def _definition(
    ctx: DraftContext, book: _Playbook, proposals: list[str]
) -> tuple[Claim, list[Claim]]:
    threshold = book.cite("threshold", limit=1)
    scoring = list({c.text: c for c in book.scoring_rows()}.values())
    if threshold:
        definition = Claim(
            text=ctx.t(
                f"MQLは、現行のリード管理ルールの基準をそのまま用います：{threshold[0].text}",
                f"An MQL is defined by the current lead-management rule: {threshold[0].text}",
            ),
            refs=threshold[0].refs,
        )
    else:
        definition = _proposal(
            ctx,
            "mql_definition",
            "MQLの定義が社内資料に見つかりません。属性（役職・部署・規模）と行動（資料請求、"
            "セミナー参加、料金ページ閲覧）を点数化し、過去にSQLになったリードの得点分布から"
            "閾値を決めることを提案します。",
            "No MQL definition was found in the company's documents. Proposal: score fit (role, "
            "department, size) and behaviour (downloads, webinars, pricing-page views), and set "
            "the threshold from the scores of past leads that became SQLs.",
            proposals,
        )
    return definition, scoring


def _follow_up(ctx: DraftContext, book: _Playbook, proposals: list[str]) -> Claim:
    found = book.cite("follow_up", limit=1)
    if found:
        return Claim(
            text=ctx.t(
                f"インサイドセールスは、MQLの割り当てから次の期限内に初回接触します：{found[0].text}"
                "　期限内の接触率を毎月計測し、定例で報告します。",
                f"Inside sales makes first contact within the deadline the playbook sets: "
                f"{found[0].text} The share contacted in time is measured monthly.",
            ),
            refs=found[0].refs,
        )
    ref = _number_fact(
        ctx,
        "follow_up_days",
        "初回接触の期限（営業日）",
        "first-contact deadline (business days)",
        2,
        ctx.t("営業日", " business days"),
    )
    proposals.append("follow_up")
    return Claim(
        text=ctx.t(
            f"提案：MQLの割り当てから2営業日以内に初回接触します[{ref}]。",
            f"Proposal: first contact within 2 business days of assignment [{ref}].",
        ),
        refs=[ref],
    )


def _rejections(ctx: DraftContext) -> list[Claim]:
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


def _revenue_target(ctx: DraftContext, figures: list) -> tuple[int | None, Claim]:
    """The target to plan for: given by the user, or the latest won target × deal size."""
    given = ctx.request.options.get("revenue_target")
    if given:
        value = int(Decimal(given))
        return value, Claim(
            text=ctx.t(
                f"月間売上目標 {value:,}円（指定値）", f"Monthly revenue target ¥{value:,} (given)"
            )
        )
    with_target = [f for f in figures if f.segment is None and f.targets.get("won")]
    if not with_target:
        return None, Claim(text="")
    latest = with_target[-1]
    # The same pooled deal size the plan itself uses, so target ÷ deal size gives the target.
    probe = reverse_plan(figures, revenue_target=1, window=ctx.settings.kpi_window)
    window = probe.assumptions.window_months
    target = int((probe.assumptions.deal_size * latest.targets["won"]).to_integral_value())
    won_ref = ctx.book.fact(
        f"{latest.month}:target:won",
        ctx.t(f"{latest.month} 受注目標", f"{latest.month} won-deal target"),
        latest.targets["won"],
        "count",
        f"{latest.targets['won']:,}{ctx.t('件', '')}",
        source="kpi",
        month=latest.month,
    )
    target_ref = ctx.book.fact(
        "sla:revenue_target",
        ctx.t(
            "月間売上目標（受注目標×平均受注単価）",
            "Monthly revenue target (won target × deal size)",
        ),
        target,
        "yen",
        f"{target:,}円" if ctx.ja() else f"¥{target:,}",
        source="kpi",
    )
    return target, Claim(
        text=ctx.t(
            f"月間売上目標 {target:,}円[{target_ref}]：{latest.month}の受注目標{latest.targets['won']}件"
            f"[{won_ref}]に、{window[0]}〜{window[-1]}の平均受注単価を掛けた値です"
            "（--revenue-target で変更できます）。",
            f"Monthly revenue target ¥{target:,} [{target_ref}]: the {latest.month} won-deal target "
            f"of {latest.targets['won']} [{won_ref}] times the average deal size over "
            f"{window[0]} to {window[-1]} (change it with --revenue-target).",
        ),
        refs=[target_ref, won_ref],
    )


def _plan_claims(ctx: DraftContext, plan: Plan) -> tuple[Claim, list[Claim], list[Commitment]]:
    a = plan.assumptions
    window = (
        ctx.t(
            f"{a.window_months[0]}〜{a.window_months[-1]}",
            f"{a.window_months[0]} to {a.window_months[-1]}",
        )
        if a.window_months
        else ""
    )
    names = {
        "lead_to_mql": ctx.t("リード→MQL転換率", "lead→MQL rate"),
        "mql_to_sql": ctx.t("MQL→SQL転換率", "MQL→SQL rate"),
        "sql_to_won": ctx.t("SQL→受注率", "SQL→won rate"),
    }
    assumptions: list[Claim] = []
    for key, rate in a.rates.items():
        ref = ctx.book.fact(
            f"sla:rate:{key}",
            f"{names.get(key, key)} ({window})",
            float(rate),
            "ratio",
            f"{float(rate) * 100:.1f}%",
            source="kpi",
        )
        assumptions.append(
            Claim(text=f"{names.get(key, key)}: {float(rate) * 100:.1f}% [{ref}]", refs=[ref])
        )
    deal = int(a.deal_size.to_integral_value())
    deal_ref = ctx.book.fact(
        "sla:deal_size",
        ctx.t("平均受注単価", "Average deal size"),
        deal,
        "yen",
        f"{deal:,}円" if ctx.ja() else f"¥{deal:,}",
        source="kpi",
    )
    assumptions.append(
        Claim(
            text=ctx.t(
                f"平均受注単価: {deal:,}円 [{deal_ref}]",
                f"Average deal size: ¥{deal:,} [{deal_ref}]",
            ),
            refs=[deal_ref],
        )
    )
    assumptions.append(
        Claim(
            text=ctx.t(
                f"率は {window} の合計から算出（ΣSQL÷ΣMQL など）。各段階は切り上げ。",
                f"Rates pooled over {window} (ΣSQL ÷ ΣMQL, ...); every step rounds up.",
            )
        )
    )
    formula = Claim(
        text=ctx.t(
            "受注 = ⌈売上目標 ÷ 平均受注単価⌉、SQL = ⌈受注 ÷ SQL→受注率⌉、MQL = ⌈SQL ÷ MQL→SQL転換率⌉、"
            "リード = ⌈MQL ÷ リード→MQL転換率⌉",
            "won = ⌈revenue target ÷ deal size⌉, SQL = ⌈won ÷ SQL→won⌉, MQL = ⌈SQL ÷ MQL→SQL⌉, "
            "leads = ⌈MQL ÷ lead→MQL⌉",
        )
    )
    monthly: list[Commitment] = []
    for stage in ("leads", "mql", "sql", "won"):
        value = getattr(plan.per_month, stage)
        ref = ctx.book.fact(
            f"sla:commit:{stage}",
            ctx.t(f"月間必要数 {stage.upper()}", f"Required per month: {stage}"),
            value,
            "count",
            f"{value:,}{ctx.t('件', '')}",
            source="reverse plan",
        )
        monthly.append(Commitment(stage=stage, per_month=value, ref=ref))
    return formula, assumptions, monthly


def _commitments(ctx: DraftContext) -> Commitments:
    try:
        figures = workspace_report(ctx.settings).figures
    except NotFoundError:  # no KPI data at all: the section says what to ingest
        figures = []
    try:
        target, target_claim = _revenue_target(ctx, figures)
    except AnalyticsError as exc:
        target, target_claim = None, Claim(text=str(exc))
    missing = Claim(
        text=ctx.t(
            "KPIデータ（月次のリード・MQL・SQL・受注・売上と受注目標）がないため、月間コミットメントを"
            "計算できません。KPIファイルを取り込むか、--revenue-target を指定してください。",
            "No KPI history (monthly leads, MQL, SQL, won, revenue and a won target) to compute "
            "the monthly commitments from — ingest a KPI file or give --revenue-target.",
        )
    )
    if target is None:
        return Commitments(revenue_target=missing, formula=Claim(text=""), missing=missing)
    try:
        plan = reverse_plan(figures, revenue_target=target, window=ctx.settings.kpi_window)
    except AnalyticsError as exc:
        return Commitments(
            revenue_target=target_claim, formula=Claim(text=""), missing=Claim(text=str(exc))
        )
    formula, assumptions, monthly = _plan_claims(ctx, plan)
    return Commitments(
        revenue_target=target_claim, formula=formula, assumptions=assumptions, monthly=monthly
    )


def _cadence(ctx: DraftContext, book: _Playbook, proposals: list[str]) -> list[Claim]:
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


def _escalation(ctx: DraftContext) -> list[Claim]:
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


def _owners(ctx: DraftContext) -> list[Claim]:
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


def compose(ctx: DraftContext) -> SlaDraft:
    book = _Playbook(ctx)
    proposals: list[str] = []
    definition, scoring = _definition(ctx, book, proposals)
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
        else _proposal(
            ctx,
            "handoff",
            "MQLになった時点でSFAに連携し、インサイドセールスに自動で割り当てます。",
            "On becoming an MQL, a lead is synced to the SFA and assigned to inside sales.",
            proposals,
        ),
        follow_up=_follow_up(ctx, book, proposals),
        acceptance=Claim(
            text=ctx.t(
                f"SQLの判定基準：{acceptance[0].text}　判定は理由コードとともにSFAに記録します。",
                f"SQL criteria: {acceptance[0].text} Every decision is logged in the SFA with a "
                "reason code.",
            ),
            refs=acceptance[0].refs,
        )
        if acceptance
        else _proposal(
            ctx,
            "acceptance",
            "SQLの判定は、予算・決裁者・必要性・導入時期のうち2つ以上が確認できることを条件とします。",
            "An SQL needs at least two of budget, authority, need and timeline confirmed.",
            proposals,
        ),
        rejection_reasons=_rejections(ctx),
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
        commitments=_commitments(ctx),
        cadence=_cadence(ctx, book, proposals),
        escalation=_escalation(ctx),
        owners=_owners(ctx),
        proposals=[*proposals, "rejection", "escalation", "owners"],
    )


def _line(claim: Claim) -> str:
    """The claim's text with the refs it does not already show appended."""
    missing = [r for r in claim.refs if f"[{r}]" not in claim.text]
    return f"{claim.text} {refs_text(missing)}".strip()


def _body(claims: list[Claim], *, bullets: bool = True) -> str:
    lines = [_line(c) for c in claims if c.text]
    return "\n".join(f"- {line}" for line in lines) if bullets else "\n\n".join(lines)


def _refs(claims: list[Claim]) -> list[str]:
    return list(dict.fromkeys(r for c in claims for r in c.refs))


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
            body = _body(claims or [], bullets=key not in ("basis",))
        refs = _refs(claims) if claims is not None else _refs([c.revenue_target, *c.assumptions])
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
