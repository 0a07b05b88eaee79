"""The checklist-based improvement plan: where the marketing function stands, and what to do.

Each of the twenty checklist items (``checklist.yaml``) is assessed from evidence by
``assistant.drafts.improvement_plan.checklist``; the director can override any assessment with a comment
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

KPI progress against an earlier version (and its tolerances) is in
``improvement_plan.progress``; the payload in ``improvement_plan.models``; the sections and
their statuses in ``improvement_plan.render``.
"""

from __future__ import annotations

import datetime as dt

from assistant.domain.grounding import Claim
from assistant.drafts.context import DraftContext
from assistant.drafts.improvement_plan.checklist import ChecklistItem, assess_all, load_checklist
from assistant.drafts.improvement_plan.evidence import STATUSES, Evidence, RuleResult
from assistant.drafts.improvement_plan.models import (
    ImprovementPlan,
    ItemResult,
    Override,
    PlanAction,
    status_word,
)
from assistant.drafts.improvement_plan.progress import (
    RATE_TOLERANCE,
    RELATIVE_TOLERANCE,
    kpi_point,
    previous_plan,
    progress,
    verdict,
)
from assistant.drafts.improvement_plan.render import render
from assistant.drafts.kpi import kpi_label, month_end

__all__ = [
    "PAYLOAD",
    "RATE_TOLERANCE",
    "RELATIVE_TOLERANCE",
    "ImprovementPlan",
    "compose",
    "priority",
    "render",
    "verdict",
]

PAYLOAD = ImprovementPlan


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
    previous = previous_plan(ctx)
    return ImprovementPlan(
        as_of=latest,
        anchor=anchor.isoformat(),
        anchor_basis=basis,  # type: ignore[arg-type]
        bottleneck=bottleneck,
        items=items,
        actions=actions,
        progress=progress(previous, ev) if previous else [],
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
            baseline = kpi_point(ev, spec.kpi, ev.kpi.latest)
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


def _reason(item: ItemResult, kpi: str, bottleneck: str | None, ev: Evidence) -> Claim:
    severity = status_word(item.status, ev.lang)
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
            ev.t(f"評価「{status_word(status, 'ja')}」の項目数", f"items {status}"),
            n,
        )
        parts.append(f"{status_word(status, ev.lang)} {ev.shown(ref)}")
    total = ev.shown(ev.count_fact("checklist:items", ev.t("チェック項目数", "items"), len(items)))
    n_actions = ev.shown(
        ev.count_fact("checklist:actions", ev.t("改善アクション数", "actions"), len(actions))
    )
    joined = "、".join(parts) if ev.lang == "ja" else ", ".join(parts)
    return ev.say(
        f"チェック項目{total}の評価：{joined}。改善アクションは{n_actions}です。",
        f"{total} checklist items: {joined}. {n_actions} actions proposed.",
    )
