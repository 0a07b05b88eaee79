"""The improvement plan's payload: item assessments, ranked actions and KPI progress.

This is the schema an LLM rewrite must return (``PAYLOAD`` of ``improvement_plan``), so the
field descriptions are written for it as much as for a reader.  The status and verdict words
live here too, because the composer writes them into claims and the renderer into headings.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.domain.grounding import Claim
from assistant.drafts.improvement_plan.evidence import Status
from assistant.drafts.kpi import KpiName

Verdict = Literal["moved", "stayed", "worse"]

STATUS_WORDS = {
    "met": ("達成", "met"),
    "partly": ("一部達成", "partly met"),
    "not_met": ("未達", "not met"),
    "unknown": ("不明", "unknown"),
}
VERDICT_WORDS = {
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


def status_word(status: str, lang: str) -> str:
    ja, en = STATUS_WORDS.get(status, (status, status))
    return ja if lang == "ja" else en
