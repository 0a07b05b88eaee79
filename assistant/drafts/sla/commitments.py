"""The SLA's monthly MQL/SQL commitments: the reverse plan of the revenue target.

The target is the user's ``--revenue-target``, or the latest month's won-deal target times the
average deal size; ``assistant.analytics.planning.reverse_plan`` walks it back through the
pooled conversion rates.  Every rate, the deal size and each monthly number is registered as a
fact, and the formula and assumptions are shown, so the commitments can be recomputed by hand.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, Field

from assistant.analytics import format as fmt
from assistant.analytics.planning import Plan, default_revenue_target, reverse_plan
from assistant.analytics.report import workspace_report
from assistant.domain.grounding import Claim
from assistant.drafts.context import DraftContext
from assistant.errors import AnalyticsError, InputError, NotFoundError
from assistant.text.normalize import parse_yen


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


MAX_MONTHLY_TARGET = 10**12  # 1兆円 a month: past this a typo is likelier than a plan


def parse_target(text: str) -> int:
    """A monthly revenue target as a person types it (「5000万円」, 「1.2億」, 50,000,000),
    parsed and checked the same way for the CLI, the Drafts page and chat."""
    try:
        value = parse_yen(text.strip())
    except ValueError as exc:
        raise InputError(
            f"「{text}」 is not an amount of yen — write it like 5000万円, 1.2億 or 50000000"
        ) from exc
    return check_target(value)


def check_target(value: int) -> int:
    """``value`` when it is a monthly revenue target a plan can be made for (every entry
    point — CLI, page, chat — gets the same refusal)."""
    if not 0 < value <= MAX_MONTHLY_TARGET:
        raise InputError(
            f"The revenue target {value:,} yen is not a monthly amount above 0 and at most "
            f"{MAX_MONTHLY_TARGET:,} yen — give one like 5000万円"
        )
    return value


def _revenue_target(ctx: DraftContext, figures: list) -> tuple[int | None, Claim]:
    """The target to plan for: given by the user, or the latest won target × deal size."""
    given = ctx.request.options.get("revenue_target")
    if given:
        value = check_target(int(Decimal(given)))
        return value, Claim(
            text=ctx.t(
                f"月間売上目標 {value:,}円（指定値）", f"Monthly revenue target ¥{value:,} (given)"
            )
        )
    default = default_revenue_target(figures, window=ctx.settings.kpi_window)
    if default is None:
        return None, Claim(text="")
    window, target, won = default.window_months, default.revenue, default.won_target
    won_ref = ctx.book.fact(
        f"{default.month}:target:won",
        ctx.t(f"{default.month} 受注目標", f"{default.month} won-deal target"),
        won,
        "count",
        f"{won:,}{ctx.t('件', '')}",
        source="kpi",
        month=default.month,
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
            f"月間売上目標 {target:,}円[{target_ref}]：{default.month}の受注目標{won}件"
            f"[{won_ref}]に、{window[0]}〜{window[-1]}の平均受注単価を掛けた値です"
            "（--revenue-target で変更できます）。",
            f"Monthly revenue target ¥{target:,} [{target_ref}]: the {default.month} won-deal target "
            f"of {won} [{won_ref}] times the average deal size over "
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
            fmt.percent(rate),
            source="kpi",
        )
        assumptions.append(
            Claim(text=f"{names.get(key, key)}: {fmt.percent(rate)} [{ref}]", refs=[ref])
        )
    # Shown to the yen and sen, so a reviewer redoing ⌈target ÷ deal size⌉ gets the plan's
    # number (rounded to the yen, 46,043,333 ÷ 2,423,333 would round up to one deal more).
    exact = a.deal_size.quantize(Decimal("0.01"))
    shown = f"{exact:,.2f}" if exact != exact.to_integral_value() else f"{int(exact):,}"
    deal_ref = ctx.book.fact(
        "sla:deal_size",
        ctx.t("平均受注単価", "Average deal size"),
        float(exact),
        "yen",
        f"{shown}円" if ctx.ja() else f"¥{shown}",
        source="kpi",
    )
    assumptions.append(
        Claim(
            text=ctx.t(
                f"平均受注単価: {shown}円 [{deal_ref}]",
                f"Average deal size: ¥{shown} [{deal_ref}]",
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


def commitments(ctx: DraftContext) -> Commitments:
    """The commitments, or a ``missing`` claim saying what data or option would give them."""
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
