"""The improvement plan as sections: summary, one per checklist item, questions, actions,
KPI progress.

Section status: ``ok`` for met, ``gap`` for partly and not met (both need an action),
``unknown`` for unknown; the action list is a ``proposal``.  Every figure shown is a fact the
composer registered (``KpiPoint.ref``) or a tolerance registered here, so the number check
can trace it.
"""

from __future__ import annotations

from decimal import Decimal

from assistant.analytics import format as fmt
from assistant.drafts.claims import bullets, section, shown
from assistant.drafts.context import DraftContext
from assistant.drafts.improvement_plan.models import (
    VERDICT_WORDS,
    ImprovementPlan,
    ItemResult,
    KpiPoint,
    PlanAction,
    ProgressEntry,
    status_word,
)
from assistant.drafts.improvement_plan.progress import RATE_TOLERANCE, RELATIVE_TOLERANCE
from assistant.drafts.kpi import kpi_label
from assistant.drafts.models import Section, SectionStatus
from assistant.text.months import format_month

_SECTION_STATUS: dict[str, SectionStatus] = {
    "met": "ok",
    "partly": "gap",
    "not_met": "gap",
    "unknown": "unknown",
}


def render(plan: ImprovementPlan, ctx: DraftContext) -> tuple[str, list[Section]]:
    title = ctx.t(
        "改善計画（マーケティング部長の役割チェックリスト）",
        "Improvement plan (marketing director's role checklist)",
    )
    sections = [_summary_section(plan, ctx)]
    sections += [_item_section(item, ctx) for item in plan.items]
    sections += [_questions_section(plan, ctx), _actions_section(plan, ctx)]
    sections.append(_progress_section(plan, ctx))
    return title, sections


def _summary_section(plan: ImprovementPlan, ctx: DraftContext) -> Section:
    lines = [plan.summary.text]
    if plan.bottleneck:
        label = kpi_label(plan.bottleneck, ctx.lang)
        lines.append(
            ctx.t(
                f"KPI診断のボトルネック：{label}。この指標に効くアクションを優先しています。",
                f"Bottleneck from the KPI diagnosis: {label}. Actions that work on it come first.",
            )
        )
    if plan.anchor_basis == "kpi_month_end":
        lines.append(
            ctx.t(
                f"期限は最新KPI月（{format_month(plan.as_of or '', 'ja')}）の末日 {plan.anchor} から数えています。",
                f"Deadlines count from {plan.anchor}, the last day of the latest KPI month.",
            )
        )
    else:
        lines.append(
            ctx.t(
                f"KPIデータがないため、期限は今日（{plan.anchor}）から数えています。",
                f"No KPI data, so deadlines count from today ({plan.anchor}).",
            )
        )
    return section("summary", ctx.t("概要", "Summary"), "\n\n".join(lines), "ok")


def _item_section(item: ItemResult, ctx: DraftContext) -> Section:
    word = status_word(item.status, ctx.lang)
    lines = [ctx.t(f"**評価：{word}**", f"**Status: {word}**")]
    if item.override:
        computed = status_word(item.computed, ctx.lang)
        lines.append(
            ctx.t(
                f"Axisの評価：{computed}／部長（{item.override.author}）の評価：{word} — "
                f"{item.override.comment}",
                f"Axis assessed: {computed}; director ({item.override.author}): {word} — "
                f"{item.override.comment}",
            )
        )
    if item.evidence:
        lines.append(ctx.t("根拠：", "Evidence:"))
        lines.append(bullets(item.evidence))
    else:
        lines.append(
            ctx.t("判断できる根拠がデータにありません。", "No evidence in the data decides it.")
        )
    if item.question:
        lines.append(
            ctx.t(
                f"**部長への質問：** {item.question.text}",
                f"**Question for the director:** {item.question.text}",
            )
        )
    return section(f"item:{item.id}", item.text, "\n".join(lines), _SECTION_STATUS[item.status])


def _questions_section(plan: ImprovementPlan, ctx: DraftContext) -> Section:
    asked = [i for i in plan.items if i.question]
    if not asked:
        body = ctx.t("確認が必要な項目はありません。", "Nothing needs to be asked.")
        return section("questions", ctx.t("部長への質問", "Questions for the director"), body, "ok")
    body = "\n".join(f"- **{i.text}** — {i.question.text}" for i in asked if i.question)
    return section(
        "questions", ctx.t("部長への質問", "Questions for the director"), body, "unknown"
    )


def _action_line(action: PlanAction, plan: ImprovementPlan, ctx: DraftContext) -> str:
    item = next((i.text for i in plan.items if i.id == action.item_id), action.item_id)
    head = f"{action.rank}. **{action.action.text}**" + ctx.t(f"（{item}）", f" ({item})")
    details = [
        ctx.t(f"担当：{action.owner}", f"Owner: {action.owner}"),
        ctx.t(f"期限：{action.deadline}", f"Due: {action.deadline}"),
    ]
    if action.kpi != "none":
        label = kpi_label(action.kpi, ctx.lang)
        way = ctx.t(
            "上げる" if action.direction == "up" else "下げる",
            "up" if action.direction == "up" else "down",
        )
        details.append(ctx.t(f"見るKPI：{label}（{way}）", f"KPI to watch: {label} ({way})"))
        if action.baseline:
            shown = _shown(action.baseline, ctx)
            details.append(
                ctx.t(
                    f"基準値：{format_month(action.baseline.month, 'ja')} {shown}",
                    f"Baseline: {action.baseline.month} {shown}",
                )
            )
    else:
        details.append(
            ctx.t(
                "見るKPI：なし（数値で追えない施策）", "KPI to watch: none (not measurable in KPIs)"
            )
        )
    sep = "／" if ctx.ja() else "; "
    return f"{head}\n   {sep.join(details)}\n   {action.reason.text}"


def _shown(point: KpiPoint, ctx: DraftContext) -> str:
    return shown(ctx.book, point.ref) or f"[{point.ref}]"


def _actions_section(plan: ImprovementPlan, ctx: DraftContext) -> Section:
    title = ctx.t("優先アクション", "Prioritised actions")
    if not plan.actions:
        return section(
            "actions",
            title,
            ctx.t("未達・一部達成の項目はありません。", "No item is unmet or partly met."),
            "ok",
        )
    rule = ctx.t(
        "優先順位：ボトルネックに効くもの → 未達 → 一部達成 → チェックリストの順。",
        "Priority: works on the bottleneck, then not met before partly, then checklist order.",
    )
    body = rule + "\n\n" + "\n".join(_action_line(a, plan, ctx) for a in plan.actions)
    return section("actions", title, body, "proposal")


def _progress_section(plan: ImprovementPlan, ctx: DraftContext) -> Section:
    title = ctx.t("KPIの進捗", "KPI progress")
    if plan.previous_as_of is None and not plan.progress:
        body = ctx.t(
            "前の版がないため、進捗はまだ比べられません。次のKPIが入ったら再生成してください。",
            "No earlier version to compare with yet; regenerate after the next KPI month.",
        )
        return section("progress", title, body, "ok")
    if not plan.progress:
        body = ctx.t(
            "前の版の基準月より新しいKPIの月がまだありません。",
            "No KPI month newer than the earlier version's baselines yet.",
        )
        return section("progress", title, body, "ok")
    lines = [_tolerance_line(ctx), *(_progress_line(e, plan, ctx) for e in plan.progress)]
    return section("progress", title, "\n".join(lines), "ok")


def _tolerance_line(ctx: DraftContext) -> str:
    def fact(key: str, label: str, value: Decimal) -> str:
        ref = ctx.book.fact(
            key, label, float(value), "ratio", fmt.percent(value), source="axis:plan"
        )
        return f"{fmt.percent(value)}[{ref}]"

    rate = fact("plan:tolerance:rate", ctx.t("率の許容幅", "rate tolerance"), RATE_TOLERANCE)
    rel = fact(
        "plan:tolerance:relative",
        ctx.t("件数・金額の許容幅", "count/yen tolerance"),
        RELATIVE_TOLERANCE,
    )
    return ctx.t(
        f"判定：前の版の基準月と最新月を比べ、率とROIは{rate}ポイント、件数と金額は基準値の{rel}を"
        "超えて期待の方向に動けば「改善」、逆に動けば「悪化」、それ以外は「横ばい」です。\n",
        f"Rule: baseline month of the earlier version against the latest month; rates and ROI "
        f"must change by more than {rate} points, counts and yen by more than {rel} of the "
        "baseline, in the expected direction to count as moved (the other way: worse; "
        "otherwise: stayed).\n",
    )


def _progress_line(entry: ProgressEntry, plan: ImprovementPlan, ctx: DraftContext) -> str:
    item = next((i.text for i in plan.items if i.id == entry.item_id), entry.item_id)
    ja, en = VERDICT_WORDS[entry.verdict]
    label = kpi_label(entry.kpi, ctx.lang)
    before, after = _shown(entry.baseline, ctx), _shown(entry.current, ctx)
    return ctx.t(
        f"- **{ja}**　{label}：{format_month(entry.baseline.month, 'ja')} {before} → "
        f"{format_month(entry.current.month, 'ja')} {after}（{item}）",
        f"- **{en}** — {label}: {entry.baseline.month} {before} → {entry.current.month} {after} "
        f"({item})",
    )
