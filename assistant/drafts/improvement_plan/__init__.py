"""The checklist-based improvement plan: where the marketing function stands, and what to do.

Parts: ``checklist`` (the twenty items of ``checklist.yaml`` and the registry of their evidence
rules), ``evidence`` (what a rule sees and returns), ``rules_documents`` (rules that read what
the documents say), ``rules_data`` (rules that count and measure), ``plan`` (assessments,
overrides and prioritised actions), ``progress`` (what each earlier action's KPI did since),
``models`` (the payload) and ``render`` (its sections).  This package offers what every draft
kind offers: ``PAYLOAD``, ``compose`` and ``render``.
"""

from __future__ import annotations

from assistant.drafts.improvement_plan.models import ImprovementPlan
from assistant.drafts.improvement_plan.plan import PAYLOAD, compose
from assistant.drafts.improvement_plan.render import render

__all__ = ["PAYLOAD", "ImprovementPlan", "compose", "render"]
