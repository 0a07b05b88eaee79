"""The checklist-based improvement plan: where the marketing function stands, and what to do.

Each of the twenty checklist items (``data/checklist.yaml``) is assessed from evidence by
``assistant.drafts.checklist``; the director can override any assessment with a comment
(``DraftRequest.assessments``), and the computed status stays visible beside theirs.  Items
that are not met or partly met get an action; unknown items get a question instead.

Priority of actions — deterministic, in this order:
  1. funnel impact: an action whose KPI is the conversion step the KPI diagnosis names as the
     bottleneck comes first;
  2. severity: ``not_met`` before ``partly``;
  3. the checklist's own order.

Deadlines are counted from an explicit anchor: the last day of the latest KPI month when
KPI data exists (the plan is a plan *as of that data*, so regenerating it from the same data
gives the same dates), otherwise today.

KPI progress: when ``DraftRequest.previous`` holds an earlier plan and the KPI data now has a
later month than that plan's baselines, each earlier action's KPI is compared, baseline month
against the latest month.  It *moved* when it changed in the expected direction by more than
the tolerance, got *worse* when it changed the other way by more than the tolerance, and
*stayed* otherwise.  Tolerance: one percentage point for rates and ROI, 2% of the baseline for
counts and yen — a month's noise is not progress.

Section status: ``ok`` for met, ``gap`` for partly and not met (both need an action),
``unknown`` for unknown; the action list is a ``proposal``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from assistant.analytics.consolidate import month_index
from assistant.chat.facts import month_label
from assistant.drafts.checklist import (
    RATE_KPIS,
    STATUSES,
    ChecklistItem,
    Evidence,
    KpiName,
    RuleResult,
    Status,
    assess_all,
    kpi_label,
    load_checklist,
    month_end,
    register_kpi,
)
from assistant.drafts.checks import refs_in
from assistant.drafts.context import DraftContext
from assistant.drafts.models import Claim, Section

RATE_TOLERANCE = Decimal("0.01")  # one percentage point
RELATIVE_TOLERANCE = Decimal("0.02")  # 2% of the baseline
Verdict = Literal["moved", "stayed", "worse"]

_STATUS_WORDS = {
    "met": ("達成", "met"),
    "partly": ("一部達成", "partly met"),
    "not_met": ("未達", "not met"),
    "unknown": ("不明", "unknown"),
}
_SECTION_STATUS = {"met": "ok", "partly": "gap", "not_met": "gap", "unknown": "unknown"}
_VERDICT_WORDS = {
    "moved": ("改善", "moved"),
    "stayed": ("横ばい", "stayed"),
    "worse": ("悪化", "worse"),
}


class Override(BaseModel):
    status: Status
    comment: str
    author: str


class ItemResult(BaseModel):
    """One checklist item: what the evidence says and, if given, what the director says."""

    id: str
    area: str
    text: str
    computed: Status = Field(description="The status Axis derived from the evidence.")
    status: Status = Field(description="The status the plan uses (the director's if given).")
    override: Override | None = None
    evidence: list[Claim] = Field(default_factory=list)
    question: Claim | None = Field(default=None, description="Asked when the status is unknown.")


class KpiPoint(BaseModel):
    month: str
    value: float
    ref: str = Field(description="The fact (F#) holding this value.")


class PlanAction(BaseModel):
    item_id: str
    rank: int
    action: Claim
    owner: str
    deadline: str = Field(description="ISO date: the plan's anchor date plus the item's weeks.")
    kpi: KpiName
    direction: Literal["up", "down"]
    baseline: KpiPoint | None = None
    reason: Claim


class ProgressEntry(BaseModel):
    """An earlier plan's action and what its KPI did since."""

    item_id: str
    kpi: KpiName
    direction: Literal["up", "down"]
    verdict: Verdict
    baseline: KpiPoint
    current: KpiPoint


class ImprovementPlan(BaseModel):
    as_of: str | None = Field(default=None, description="The latest KPI month (YYYY-MM).")
    anchor: str = Field(description="ISO date the deadlines count from.")
    anchor_basis: Literal["kpi_month_end", "today"]
    bottleneck: str | None = Field(default=None, description="Diagnosed bottleneck step.")
    items: list[ItemResult]
    actions: list[PlanAction]
    progress: list[ProgressEntry] = Field(default_factory=list)
    previous_as_of: str | None = None
    summary: Claim


PAYLOAD = ImprovementPlan


# -- compose ------------------------------------------------------------------------------
def compose(ctx: DraftContext) -> ImprovementPlan:
    ev = Evidence.of(ctx.corpus, ctx.book, ctx.lang)
    checklist = {item.id: item for item in load_checklist()}
    items = [_item_result(item, result, ctx) for item, result in assess_all(ev)]
    latest = ev.kpi.latest
    if latest:
        anchor, basis = month_end(latest), "kpi_month_end"
    else:
        anchor, basis = dt.date.today(), "today"
    bottleneck = ev.kpi.bottleneck()
    actions = _actions(items, checklist, ev, anchor, bottleneck)
    previous = _previous(ctx)
    progress = _progress(previous, ev) if previous else []
    return ImprovementPlan(
        as_of=latest,
        anchor=anchor.isoformat(),
        anchor_basis=basis,  # type: ignore[arg-type]
        bottleneck=bottleneck,
        items=items,
        actions=actions,
        progress=progress,
        previous_as_of=previous.as_of if previous else None,
        summary=_summary(items, actions, ev),
    )


def _item_result(item: ChecklistItem, result: RuleResult, ctx: DraftContext) -> ItemResult:
    override = _override(item.id, ctx)
    status = override.status if override else result.status
    question = None
    if status == "unknown":
        question = Claim(text=item.question.text(ctx.lang))
    return ItemResult(
        id=item.id,
        area=item.area,
        text=item.text.text(ctx.lang),
        computed=result.status,
        status=status,
        override=override,
        evidence=result.evidence,
        question=question,
    )


def _override(item_id: str, ctx: DraftContext) -> Override | None:
    """The director's assessment of ``item_id``; their comment counts as given evidence."""
    given = ctx.request.assessments.get(item_id)
    if given is None:
        return None
    if given.status not in STATUSES:
        ctx.warn(
            "assumption",
            f"{item_id}: '{given.status}' is not a status — use one of {', '.join(STATUSES)}; "
            "the computed assessment was kept",
            section=f"item:{item_id}",
        )
        return None
    if given.comment:
        # The director wrote it: numbers in it are theirs, not the model's (see checks.py).
        ctx.request.options.setdefault(f"assessment:{item_id}", given.comment)
    return Override(status=given.status, comment=given.comment, author=given.author)  # type: ignore[arg-type]


def priority(item: ItemResult, spec: ChecklistItem, bottleneck: str | None, order: int) -> tuple:
    """Sort key: bottleneck KPI first, then not met before partly, then checklist order."""
    on_bottleneck = bottleneck is not None and spec.action.kpi == bottleneck
    return (0 if on_bottleneck else 1, 0 if item.status == "not_met" else 1, order)


def _actions(
    items: list[ItemResult],
    checklist: dict[str, ChecklistItem],
    ev: Evidence,
    anchor: dt.date,
    bottleneck: str | None,
) -> list[PlanAction]:
    order = {item_id: n for n, item_id in enumerate(checklist)}
    gaps = [i for i in items if i.status in ("not_met", "partly")]
    gaps.sort(key=lambda i: priority(i, checklist[i.id], bottleneck, order[i.id]))
    actions = []
    for rank, item in enumerate(gaps, start=1):
        spec = checklist[item.id].action
        baseline = None
        if spec.kpi != "none" and ev.kpi.latest:
            baseline = _point(ev, spec.kpi, ev.kpi.latest)
        actions.append(
            PlanAction(
                item_id=item.id,
                rank=rank,
                action=Claim(text=spec.ja if ev.lang == "ja" else spec.en),
                owner=spec.owner.text(ev.lang),
                deadline=(anchor + dt.timedelta(weeks=spec.weeks)).isoformat(),
                kpi=spec.kpi,
                direction=spec.direction,
                baseline=baseline,
                reason=_reason(item, spec.kpi, bottleneck, ev),
            )
        )
    return actions


def _point(ev: Evidence, kpi: str, month: str) -> KpiPoint | None:
    value = ev.kpi.value(kpi, month)
    if value is None:
        return None
    ref = register_kpi(ev.book, kpi, month, value, ev.lang, ev.kpi.source(month))
    return KpiPoint(month=month, value=float(value), ref=ref)


def _reason(item: ItemResult, kpi: str, bottleneck: str | None, ev: Evidence) -> Claim:
    severity = _status_word(item.status, ev.lang)
    if bottleneck is not None and kpi == bottleneck:
        label = kpi_label(kpi, ev.lang)
        return Claim(
            text=ev.t(
                f"KPI診断でボトルネックとされた{label}に効く施策で、評価は「{severity}」です。",
                f"It works on the {label}, the bottleneck the KPI diagnosis names; "
                f"status: {severity}.",
            )
        )
    return Claim(text=ev.t(f"評価は「{severity}」です。", f"Status: {severity}."))


def _summary(items: list[ItemResult], actions: list[PlanAction], ev: Evidence) -> Claim:
    parts = []
    for status in STATUSES:
        n = sum(1 for i in items if i.status == status)
        ref = ev.count_fact(
            f"checklist:status:{status}",
            ev.t(f"評価「{_status_word(status, 'ja')}」の項目数", f"items {status}"),
            n,
        )
        parts.append(f"{_status_word(status, ev.lang)} {ev.shown(ref)}")
    total = ev.shown(ev.count_fact("checklist:items", ev.t("チェック項目数", "items"), len(items)))
    n_actions = ev.shown(
        ev.count_fact("checklist:actions", ev.t("改善アクション数", "actions"), len(actions))
    )
    joined = "、".join(parts) if ev.lang == "ja" else ", ".join(parts)
    return ev.say(
        f"チェック項目{total}の評価：{joined}。改善アクションは{n_actions}です。",
        f"{total} checklist items: {joined}. {n_actions} actions proposed.",
    )


# -- progress against an earlier plan --------------------------------------------------------
def _previous(ctx: DraftContext) -> ImprovementPlan | None:
    if not ctx.request.previous:
        return None
    try:
        return ImprovementPlan.model_validate(ctx.request.previous)
    except ValidationError:
        ctx.warn(
            "assumption",
            "The previous version is not an improvement plan Axis can read; KPI progress "
            "is not shown — regenerate from an improvement-plan draft",
            section="progress",
        )
        return None


def _progress(previous: ImprovementPlan, ev: Evidence) -> list[ProgressEntry]:
    latest = ev.kpi.latest
    entries: list[ProgressEntry] = []
    for action in previous.actions:
        base = action.baseline
        if base is None or latest is None or month_index(latest) <= month_index(base.month):
            continue
        current = _point(ev, action.kpi, latest)
        baseline = _point(ev, action.kpi, base.month) or _carried(ev, action.kpi, base)
        if current is None:
            continue
        entries.append(
            ProgressEntry(
                item_id=action.item_id,
                kpi=action.kpi,
                direction=action.direction,
                verdict=verdict(action.kpi, action.direction, baseline.value, current.value),
                baseline=baseline,
                current=current,
            )
        )
    return entries


def _carried(ev: Evidence, kpi: str, base: KpiPoint) -> KpiPoint:
    """A baseline month no longer in the data: the earlier plan's value, labelled as such."""
    ref = register_kpi(
        ev.book, kpi, base.month, Decimal(str(base.value)), ev.lang, "previous plan version"
    )
    return KpiPoint(month=base.month, value=base.value, ref=ref)


def verdict(kpi: str, direction: str, baseline: float, current: float) -> Verdict:
    """moved / stayed / worse, with the tolerance in the module docstring."""
    before, after = Decimal(str(baseline)), Decimal(str(current))
    tolerance = RATE_TOLERANCE if kpi in RATE_KPIS else abs(before) * RELATIVE_TOLERANCE
    change = after - before if direction == "up" else before - after
    if change > tolerance:
        return "moved"
    if change < -tolerance:
        return "worse"
    return "stayed"


# -- render ---------------------------------------------------------------------------------
def _status_word(status: str, lang: str) -> str:
    ja, en = _STATUS_WORDS.get(status, (status, status))
    return ja if lang == "ja" else en


def _section(key: str, title: str, body: str, status: str) -> Section:
    return Section(key=key, title=title, body=body, refs=refs_in(body), status=status)  # type: ignore[arg-type]


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
                f"期限は最新KPI月（{month_label(plan.as_of or '', 'ja')}）の末日 {plan.anchor} から数えています。",
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
    return _section("summary", ctx.t("概要", "Summary"), "\n\n".join(lines), "ok")


def _item_section(item: ItemResult, ctx: DraftContext) -> Section:
    word = _status_word(item.status, ctx.lang)
    lines = [ctx.t(f"**評価：{word}**", f"**Status: {word}**")]
    if item.override:
        computed = _status_word(item.computed, ctx.lang)
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
        lines += [f"- {claim.text}" for claim in item.evidence]
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
    return _section(f"item:{item.id}", item.text, "\n".join(lines), _SECTION_STATUS[item.status])


def _questions_section(plan: ImprovementPlan, ctx: DraftContext) -> Section:
    asked = [i for i in plan.items if i.question]
    if not asked:
        body = ctx.t("確認が必要な項目はありません。", "Nothing needs to be asked.")
        return _section(
            "questions", ctx.t("部長への質問", "Questions for the director"), body, "ok"
        )
    body = "\n".join(f"- **{i.text}** — {i.question.text}" for i in asked if i.question)
    return _section(
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
                    f"基準値：{month_label(action.baseline.month, 'ja')} {shown}",
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
    fact = next((f for f in ctx.book.facts if f.id == point.ref), None)
    return f"{fact.display}[{point.ref}]" if fact else f"[{point.ref}]"


def _actions_section(plan: ImprovementPlan, ctx: DraftContext) -> Section:
    title = ctx.t("優先アクション", "Prioritised actions")
    if not plan.actions:
        return _section(
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
    return _section("actions", title, body, "proposal")


def _progress_section(plan: ImprovementPlan, ctx: DraftContext) -> Section:
    title = ctx.t("KPIの進捗", "KPI progress")
    if plan.previous_as_of is None and not plan.progress:
        body = ctx.t(
            "前の版がないため、進捗はまだ比べられません。次のKPIが入ったら再生成してください。",
            "No earlier version to compare with yet; regenerate after the next KPI month.",
        )
        return _section("progress", title, body, "ok")
    if not plan.progress:
        body = ctx.t(
            "前の版の基準月より新しいKPIの月がまだありません。",
            "No KPI month newer than the earlier version's baselines yet.",
        )
        return _section("progress", title, body, "ok")
    lines = [_tolerance_line(ctx), *(_progress_line(e, plan, ctx) for e in plan.progress)]
    return _section("progress", title, "\n".join(lines), "ok")


def _tolerance_line(ctx: DraftContext) -> str:
    def fact(key: str, label: str, value: Decimal) -> str:
        ref = ctx.book.fact(
            key, label, float(value), "ratio", f"{float(value) * 100:.1f}%", source="axis:plan"
        )
        return f"{float(value) * 100:.1f}%[{ref}]"

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
    ja, en = _VERDICT_WORDS[entry.verdict]
    label = kpi_label(entry.kpi, ctx.lang)
    before, after = _shown(entry.baseline, ctx), _shown(entry.current, ctx)
    return ctx.t(
        f"- **{ja}**　{label}：{month_label(entry.baseline.month, 'ja')} {before} → "
        f"{month_label(entry.current.month, 'ja')} {after}（{item}）",
        f"- **{en}** — {label}: {entry.baseline.month} {before} → {entry.current.month} {after} "
        f"({item})",
    )
