"""KPI progress of an improvement plan: what each earlier action's KPI did since.

When ``DraftRequest.previous`` holds an earlier plan and the KPI data now has a later month
than that plan's baselines, each earlier action's KPI is compared, baseline month against the
latest month.  It *moved* when it changed in the expected direction by more than the
tolerance, got *worse* when it changed the other way by more than the tolerance, and
*stayed* otherwise.  Tolerance: one percentage point for rates and ROI, 2% of the baseline
for counts and yen — a month's noise is not progress.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import ValidationError

from assistant.drafts.context import DraftContext
from assistant.drafts.improvement_plan.evidence import Evidence
from assistant.drafts.improvement_plan.models import (
    ImprovementPlan,
    KpiPoint,
    ProgressEntry,
    Verdict,
)
from assistant.drafts.kpi import RATE_KPIS, register_kpi
from assistant.text.months import month_index

RATE_TOLERANCE = Decimal("0.01")  # one percentage point
RELATIVE_TOLERANCE = Decimal("0.02")  # 2% of the baseline


def kpi_point(ev: Evidence, kpi: str, month: str) -> KpiPoint | None:
    """KPI ``kpi`` in ``month`` as a cited point (None when the data lacks it)."""
    value = ev.kpi.value(kpi, month)
    if value is None:
        return None
    ref = register_kpi(ev.book, kpi, month, value, ev.lang, ev.kpi.source(month))
    return KpiPoint(month=month, value=float(value), ref=ref)


def previous_plan(ctx: DraftContext) -> ImprovementPlan | None:
    """The earlier version's plan, or None (with a warning when it is not a plan at all)."""
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


def progress(previous: ImprovementPlan, ev: Evidence) -> list[ProgressEntry]:
    """One entry per earlier action whose KPI has a month newer than its baseline."""
    latest = ev.kpi.latest
    entries: list[ProgressEntry] = []
    for action in previous.actions:
        base = action.baseline
        if base is None or latest is None or month_index(latest) <= month_index(base.month):
            continue
        current = kpi_point(ev, action.kpi, latest)
        baseline = kpi_point(ev, action.kpi, base.month) or _carried(ev, action.kpi, base)
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
