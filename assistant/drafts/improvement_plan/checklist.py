"""The marketing director's role checklist, and the registry of the rules that assess it.

The twenty items live in ``checklist.yaml`` (text, question, default action); this module
loads them and maps each item's ``rule`` to its *evidence rule*: a deterministic function of
the workspace (documents, personas, feedback notes, KPI months) that returns a status —
``met`` / ``partly`` / ``not_met`` / ``unknown`` — and the cited statements and computed facts
it rests on.  A rule says ``unknown`` whenever the data cannot decide: absence of a document in
Axis is not proof that the practice is absent, so it becomes a question for the director.

Where the parts live:
  ``evidence``                  what a rule sees (``Evidence``) and returns (``RuleResult``)
  ``rules_documents``           rules that read what the documents say about a practice
  ``rules_data``                rules that count and measure (personas, KPIs, notes)
  ``assistant.drafts.kpi``      the KPI view, labels and KPI facts
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, Field, field_validator

from assistant.drafts.improvement_plan import rules_data as data
from assistant.drafts.improvement_plan import rules_documents as docs
from assistant.drafts.improvement_plan.evidence import STATUSES, Evidence, Rule, RuleResult, Status
from assistant.drafts.kpi import KpiName
from assistant.errors import ChecklistError

__all__ = [
    "RULES",
    "STATUSES",
    "ActionSpec",
    "ChecklistError",
    "ChecklistItem",
    "Evidence",
    "Localized",
    "RuleResult",
    "Status",
    "assess",
    "assess_all",
    "load_checklist",
]

RULES: dict[str, Rule] = {
    "strategy_document": docs.strategy_document,
    "personas": data.personas,
    "kpi_freshness": data.kpi_freshness,
    "lead_scoring": docs.lead_scoring,
    "handoff_agreement": docs.handoff,
    "nurturing": docs.nurturing,
    "win_rate": data.win_rate,
    "feedback_loop": data.feedback_loop,
    "roi": data.roi,
    "content_strategy": docs.content_strategy,
    "crm_integration": docs.crm_integration,
    "cpl": data.cpl,
    "campaign_breakdown": data.campaign_breakdown,
    "competitor_freshness": data.competitor_freshness,
    "sla": docs.sla,
    "lead_quality_review": docs.lead_quality_review,
    "budget_mix": docs.budget_mix,
}


class Localized(BaseModel):
    ja: str
    en: str

    def text(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


class ActionSpec(BaseModel):
    ja: str
    en: str
    owner: Localized
    weeks: int = Field(gt=0)
    kpi: KpiName
    direction: Literal["up", "down"]


class ChecklistItem(BaseModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]+$")
    area: str
    rule: str
    text: Localized
    question: Localized
    action: ActionSpec

    @field_validator("rule")
    @classmethod
    def _known_rule(cls, value: str) -> str:
        if value != "none" and value not in RULES:
            raise ValueError(f"unknown evidence rule {value!r} — use one of: {sorted(RULES)}")
        return value


@cache
def load_checklist() -> tuple[ChecklistItem, ...]:
    """The checklist shipped with Axis, validated once (ids unique, rules implemented)."""
    raw = (
        resources.files("assistant.drafts.improvement_plan")
        .joinpath("checklist.yaml")
        .read_text("utf-8")
    )
    items = tuple(ChecklistItem.model_validate(i) for i in yaml.safe_load(raw)["items"])
    ids = [i.id for i in items]
    if len(set(ids)) != len(ids):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise ChecklistError(f"checklist.yaml: duplicate item ids {dupes} — make each unique")
    return items


def assess(item: ChecklistItem, ev: Evidence) -> RuleResult:
    """The item's status from evidence; an item with no rule is ``unknown``."""
    rule = RULES.get(item.rule)
    return rule(ev) if rule else RuleResult("unknown")


def assess_all(ev: Evidence) -> list[tuple[ChecklistItem, RuleResult]]:
    return [(item, assess(item, ev)) for item in load_checklist()]
