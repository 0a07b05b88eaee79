"""Gathering what a turn needs (passages, computed facts) and fitting history into the budget."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.analytics.facts import KpiFacts
from assistant.chat.phrases import phrase
from assistant.chat.router import Route
from assistant.chat.scope import document_names_of, document_search
from assistant.db.conversations import StoredMessage
from assistant.domain import SearchResult
from assistant.domain.grounding import Evidence, Fact, place_of
from assistant.llm import ChatMessage
from assistant.llm.types import estimate_tokens
from assistant.retrieval import KnowledgeStore
from assistant.text.months import format_month

KNOWLEDGE_K = 5
FEEDBACK_K = 6
TREND_MONTHS = 6


@dataclass
class Plan:
    route: Route
    evidence: list[Evidence] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    month_facts: list[Fact] = field(default_factory=list)
    trend: list[tuple[str, list[Fact]]] = field(default_factory=list)
    kpi_evidence: Evidence | None = None
    fixed_text: str | None = None


def history_messages(
    history: Sequence[StoredMessage], *, budget: int, used: Sequence[str]
) -> list[ChatMessage]:
    """The most recent exchanges that fit in ``budget`` tokens after ``used`` text."""
    left = budget - sum(estimate_tokens(t) for t in used)
    kept: list[ChatMessage] = []
    for message in reversed(history):
        if message.role == "error":
            continue
        cost = estimate_tokens(message.content)
        if cost > left:
            break
        left -= cost
        kept.append(ChatMessage(role=message.role, content=message.content))
    return list(reversed(kept))


def _evidence(results: Sequence[SearchResult], *, start: int = 1) -> list[Evidence]:
    return [
        Evidence(
            ref=i,
            chunk_id=r.chunk_id,
            source=r.source,
            kind=r.kind,
            text=r.text,
            location=place_of(r.metadata),
            names=document_names_of(r.metadata, r.kind),
        )
        for i, r in enumerate(results, start=start)
    ]


def _industry_filter(store: KnowledgeStore, question: str) -> dict[str, str] | None:
    """``{"industry": X}`` when the question names an industry the feedback notes use."""
    industries = store.snapshot().metadata_values("industry", kind="feedback")
    named = [name for name in industries if name in question]
    return {"industry": max(named, key=len)} if named else None


def gather(
    question: str,
    route: Route,
    *,
    store: KnowledgeStore,
    kpi: KpiFacts,
    months: list[str],
    lang: str,
) -> Plan:
    plan = Plan(route=route)
    if route.intent == "draft":
        return plan
    if route.intent == "feedback":
        where = _industry_filter(store, question)
        results = store.search(question, k=FEEDBACK_K, kind="feedback", where=where)
        if not results and where:
            results = store.search(question, k=FEEDBACK_K, kind="feedback")
        plan.evidence = _evidence(results)
        return plan
    if route.intent == "kpi":
        return _kpi_plan(question, plan, store=store, kpi=kpi, months=months, lang=lang)
    results = document_search(question, store, k=KNOWLEDGE_K, kinds=route.kinds)
    plan.evidence = _evidence(results)
    return plan


def _kpi_plan(
    question: str,
    plan: Plan,
    *,
    store: KnowledgeStore,
    kpi: KpiFacts,
    months: list[str],
    lang: str,
) -> Plan:
    month = plan.route.month
    if not months:
        plan.fixed_text = phrase("no_kpi_at_all", lang)
        return plan
    if month is None or month not in months:
        shown = format_month(month, lang) if month else question
        listed = "、".join(format_month(m, lang) for m in months)
        plan.fixed_text = phrase("no_kpi", lang, month=shown, months=listed)
        return plan
    plan.month_facts = kpi.month_facts(month, lang=lang)
    if plan.route.trend:
        index = months.index(month)
        for other in months[max(0, index - TREND_MONTHS + 1) : index]:
            rates = [f for f in kpi.month_facts(other, lang=lang) if ":rate:" in f.key]
            plan.trend.append((other, rates))
    facts = [*plan.month_facts, *(f for _, fs in plan.trend for f in fs)]
    for number, fact in enumerate(facts, start=1):
        fact.id = f"F{number}"
    plan.facts = facts
    kpi_hits = store.search(format_month(month, "ja"), k=1, kind="kpi", where={"month": month})
    context = [r for r in store.search(question, k=KNOWLEDGE_K) if r.kind != "kpi"][:3]
    plan.evidence = _evidence([*kpi_hits, *context])
    plan.kpi_evidence = plan.evidence[0] if kpi_hits else None
    return plan
