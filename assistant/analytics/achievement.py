"""Achievement against target: actual / target per stage and month, and what is below.

The usual guideline is that a KPI below 80% of its target needs attention; the threshold is
``AXIS_ACHIEVEMENT_THRESHOLD`` (default 0.8).  A cell is *below* when actual / target is
strictly less than the threshold.  For each stage the table also knows the first month it was
ever below, and the current run of consecutive calendar months below that ends at the last
month with a target (a month without a target, or without actuals, ends a run).

Spend is not a stage here: spending less than budget is not a shortfall to flag.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pydantic import BaseModel, Field

from assistant.analytics.consolidate import MonthFigures, field_label
from assistant.analytics.models import Finding, q, ratio
from assistant.domain.grounding import Location
from assistant.text.months import month_index

ACHIEVEMENT_STAGES: tuple[str, ...] = ("leads", "mql", "sql", "won", "revenue")
DEFAULT_THRESHOLD = Decimal("0.8")


class AchievementCell(BaseModel):
    month: str
    stage: str
    actual: int | None
    target: int
    ratio: Decimal | None
    below: bool


class StageRun(BaseModel):
    """A stage's history below threshold: first month ever, and the run ending last."""

    stage: str
    first_below: str | None = None
    current_run: list[str] = Field(default_factory=list)


class AchievementTable(BaseModel):
    threshold: Decimal
    cells: list[AchievementCell] = Field(default_factory=list)
    runs: dict[str, StageRun] = Field(default_factory=dict)

    def for_month(self, month: str) -> dict[str, Decimal | None]:
        return {c.stage: c.ratio for c in self.cells if c.month == month}

    def flags(self, month: str) -> list[str]:
        """Stages below the threshold in ``month``, in funnel order."""
        below = {c.stage for c in self.cells if c.month == month and c.below}
        return [s for s in ACHIEVEMENT_STAGES if s in below]

    def months(self) -> list[str]:
        return sorted({c.month for c in self.cells}, key=month_index)


def achievement(
    figures: Sequence[MonthFigures], *, threshold: Decimal = DEFAULT_THRESHOLD
) -> tuple[AchievementTable, list[Finding]]:
    """Cells for every (month, stage) that has a target; findings for zero targets."""
    table = AchievementTable(threshold=threshold)
    findings: list[Finding] = []
    for f in sorted(figures, key=lambda f: month_index(f.month)):
        for stage in ACHIEVEMENT_STAGES:
            target = f.targets.get(stage)
            if target is None:
                continue
            actual = f.value(stage)
            value = ratio(actual, target)
            if target == 0 and actual is not None:
                findings.append(
                    Finding(
                        code="zero_target",
                        category="data",
                        severity="info",
                        stage=stage,
                        months=[f.month],
                        numbers={"actual": q(actual, "yen" if stage == "revenue" else "count")},
                        locations=[
                            Location(source=loc.source, row=loc.row, column=field_label(stage))
                            for loc in f.locations
                        ],
                    )
                )
            table.cells.append(
                AchievementCell(
                    month=f.month,
                    stage=stage,
                    actual=actual,
                    target=target,
                    ratio=value,
                    below=value is not None and value < threshold,
                )
            )
    for stage in ACHIEVEMENT_STAGES:
        cells = [c for c in table.cells if c.stage == stage]
        if cells:
            table.runs[stage] = _run(stage, cells)
    return table, findings


def _run(stage: str, cells: list[AchievementCell]) -> StageRun:
    run = StageRun(stage=stage)
    run.first_below = next((c.month for c in cells if c.below), None)
    last = cells[-1]
    if not last.below:
        return run
    streak = [last]
    for cell in reversed(cells[:-1]):
        if not cell.below or month_index(cell.month) != month_index(streak[-1].month) - 1:
            break
        streak.append(cell)
    run.current_run = [c.month for c in reversed(streak)]
    return run
