"""Gathering what a turn needs (passages, computed facts) and fitting history into the budget."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.analytics.query import Asked, KpiData
from assistant.analytics.query.followup import period_month
from assistant.analytics.query.render import render, render_understood
from assistant.chat.phrases import phrase
from assistant.chat.router import Route
from assistant.chat.scope import document_names_of, document_search
from assistant.db.conversations import StoredMessage
from assistant.domain import SearchResult
from assistant.domain.grounding import Citation, Evidence, Fact, Location, place_of
from assistant.llm import ChatMessage
from assistant.llm.types import estimate_tokens
from assistant.retrieval import KnowledgeStore

KNOWLEDGE_K = 5
FEEDBACK_K = 6
_QUOTE_CHARS = 240
_MAX_KPI_CITATIONS = 12


@dataclass
class Plan:
    route: Route
    evidence: list[Evidence] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    fixed_text: str | None = None
    citations: list[Citation] = field(default_factory=list)  # of a fixed (code-written) text
    kpi: dict[str, object] | None = None  # the query run, for the next turn and the page
    chart: list[dict[str, object]] = field(default_factory=list)
    month: str | None = None
    # With an LLM, a KPI answer that ran is the code's text followed by the model's comment
    # on the same facts; without one (or with nothing to comment on) the code's text alone.
    commentary: bool = False


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
    kpi: KpiTurn | None = None,
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
    if route.intent == "kpi" and kpi is not None:
        return _kpi_plan(plan, store=store, kpi=kpi, lang=lang)
    results = document_search(question, store, k=KNOWLEDGE_K, kinds=route.kinds)
    plan.evidence = _evidence(results)
    return plan


@dataclass
class KpiTurn:
    """A KPI question as the analytics engine read and ran it, with the data it ran on."""

    asked: Asked
    data: KpiData


def _kpi_plan(plan: Plan, *, store: KnowledgeStore, kpi: KpiTurn, lang: str) -> Plan:
    """The answer is the engine's: the query stated, its values, notes and the rows cited."""
    data, asked = kpi.data, kpi.asked
    cal = data.calendar
    if not cal.data_months:
        plan.fixed_text = phrase("no_kpi_at_all", lang)
        return plan
    if asked.result is None:
        assert asked.understood is not None
        plan.fixed_text = render_understood(
            asked.understood, cal=cal, metrics=data.metrics(), segments=data.segments, lang=lang
        )
        plan.kpi = {"status": "not_understood", "understood": asked.understood.model_dump()}
        return plan
    rendered = render(asked.result, cal, lang)
    plan.fixed_text = rendered.text
    plan.facts = rendered.facts
    plan.chart = rendered.chart
    plan.month = period_month(asked.result.query, cal)
    plan.kpi = {
        "status": asked.result.status,
        "statement": rendered.statement,
        "parsed_by": asked.parsed_by,
        "query": asked.result.query.model_dump(mode="json"),
        "months": asked.result.months,
    }
    plan.evidence = _kpi_rows(store, asked.result.locations())
    plan.citations = [
        Citation(
            ref=e.ref,
            chunk_id=e.chunk_id,
            source=e.source,
            quote=e.text.strip()[:_QUOTE_CHARS],
            location=e.location,
        )
        for e in plan.evidence
    ]
    plan.commentary = asked.result.status == "ok"
    return plan


def _kpi_rows(store: KnowledgeStore, locations: Sequence[Location]) -> list[Evidence]:
    """The stored KPI rows the values came from (a CRM aggregate has no chunk to cite)."""
    wanted = {(loc.source, loc.row) for loc in locations}
    rows: list[Evidence] = []
    for chunk in store.snapshot().chunks(kind="kpi"):
        if (chunk.source, chunk.metadata.get("row")) in wanted:
            rows.append(
                Evidence(
                    ref=len(rows) + 1,
                    chunk_id=chunk.chunk_id,
                    source=chunk.source,
                    kind="kpi",
                    text=chunk.text,
                )
            )
            if len(rows) >= _MAX_KPI_CITATIONS:
                break
    return rows
