"""Content briefs: one persona, one 訴求軸, one funnel stage and format — cited throughout.

Parts: ``choices`` (persona, axis, stage and format, each requested or defaulted and why),
``outline`` (titles, outline, key messages, call to action), ``brief`` (the payload, its KPI
section and rendering), ``batch`` (one brief per persona × axis for the team).  This package
offers what every draft kind offers: ``PAYLOAD``, ``compose`` and ``render``.
"""

from __future__ import annotations

from assistant.drafts.content_brief.brief import PAYLOAD, ContentBrief, compose, render

__all__ = ["PAYLOAD", "ContentBrief", "compose", "render"]
