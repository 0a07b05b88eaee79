"""Starter questions drawn from the workspace's own data (its latest KPI month, its personas)."""

from __future__ import annotations

from assistant.analytics.facts import KpiFacts
from assistant.retrieval import KnowledgeStore
from assistant.text.months import format_month

_TEXT = {
    "kpi": {"ja": "{month}のKPIは？", "en": "What were the KPIs for {month}?"},
    "trend": {
        "ja": "MQLからSQLへの転換率の推移は？",
        "en": "How has MQL to SQL conversion trended?",
    },
    "persona": {"ja": "{name}の課題は？", "en": "What are {name}'s challenges?"},
    "feedback": {
        "ja": "営業フィードバックで価格について言われたことは？",
        "en": "What did sales feedback say about pricing?",
    },
}


def starter_questions(
    store: KnowledgeStore, kpi: KpiFacts, *, lang: str, limit: int = 4
) -> list[str]:
    lang = "en" if lang == "en" else "ja"
    questions: list[str] = []
    months = kpi.months()
    if months:
        questions.append(_TEXT["kpi"][lang].format(month=format_month(months[-1], lang)))
        questions.append(_TEXT["trend"][lang])
    snapshot = store.snapshot()
    personas = sorted(snapshot.metadata_values("persona", kind="persona"))
    questions.extend(_TEXT["persona"][lang].format(name=name) for name in personas[:1])
    if snapshot.chunks(kind="feedback"):
        questions.append(_TEXT["feedback"][lang])
    return questions[:limit]
