"""One conversation turn, end to end: persist, route, gather evidence, answer, verify, persist.

    service = ChatService(settings, store)
    turn = service.start("2026年9月のMQL→SQL転換率は？", conversation_id=None, lang="ja")
    for text in turn:            # streamed pieces (the whole text at once without an LLM)
        ...
    turn.answer                  # Answer: text, citations, facts, warnings, mode

The user's message is committed in ``start`` — before retrieval and before the model — so it
survives any failure after it.  Evidence is quoted to the model inside ``<source>``
delimiters (with delimiter look-alikes defused) and the system prompt says it is data; the
router and the tools read only the user's question, so retrieved text cannot change what
Axis does.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import Literal

from assistant.analytics.facts import KpiFacts
from assistant.analytics.options import KpiOptions
from assistant.analytics.query import KpiData, KpiQuery, ask
from assistant.chat import offline
from assistant.chat.context import KpiTurn, Plan, gather, history_messages
from assistant.chat.drafting import start_draft
from assistant.chat.models import Answer
from assistant.chat.phrases import phrase
from assistant.chat.router import route
from assistant.config import Settings
from assistant.db.conversations import ConversationStore, StoredMessage, default_title
from assistant.db.records import load_kpi_months
from assistant.domain.grounding import Citation, Evidence
from assistant.errors import AxisError, InputError
from assistant.grounding.injection import defuse
from assistant.grounding.verify import (
    check_citations,
    check_injection,
    check_numbers,
    check_refs,
    cited_refs,
)
from assistant.llm import ChatMessage, LLMClient, default_registry, get_client
from assistant.llm.prompts import PromptRegistry
from assistant.llm.types import estimate_tokens
from assistant.retrieval import KnowledgeStore

log = logging.getLogger(__name__)
OFFLINE = "offline"
# The inputs this module renders each prompt with (tests hold the files to these).
PROMPT_INPUTS: dict[str, frozenset[str]] = {
    "chat_system": frozenset(),
    "chat_answer": frozenset({"question", "sources", "facts"}),
}


class ChatService:
    """Answers questions for one workspace; cheap to keep for the life of a process."""

    def __init__(
        self,
        settings: Settings,
        store: KnowledgeStore,
        *,
        client: LLMClient | None | Literal["auto"] = "auto",
        kpi: KpiFacts | None = None,
        prompts: PromptRegistry | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.client = get_client(settings) if client == "auto" else client
        self._kpi = kpi
        self.prompts = prompts or default_registry()
        self.conversations = ConversationStore(settings.database_url, settings.workspace)

    @property
    def mode(self) -> str:
        return self.client.label if self.client else OFFLINE

    def kpi(self) -> KpiFacts:
        """KPI facts, re-read each turn so a fresh ingest shows up without a restart."""
        if self._kpi is not None:
            return self._kpi
        return KpiFacts.of(self.settings)

    def kpi_data(self) -> KpiData:
        """The workspace's consolidated KPI months, re-read each turn (a fresh ingest shows)."""
        settings = self.settings
        settings.ensure_dirs()
        stored = load_kpi_months(settings.database_url, settings.workspace)
        return KpiData.of(stored, KpiOptions.of(settings))

    def _kpi_turn(
        self,
        question: str,
        history: Sequence[StoredMessage],
        lang: str,
        *,
        client: LLMClient | None = None,
    ) -> KpiTurn:
        """The question read as a KPI query (a follow-up of the last one when it is one)."""
        data = self.kpi_data()
        previous = None
        for message in reversed(history):
            stored = (message.meta.get("kpi") or {}).get("query")
            if stored:
                previous = KpiQuery.model_validate(stored)
                break
        asked = ask(question, data, client=client, previous=previous, lang=lang)
        return KpiTurn(asked=asked, data=data)

    def start(
        self, question: str, *, conversation_id: str | None = None, lang: str | None = None
    ) -> Turn:
        question = question.strip()
        if not question:
            raise InputError("The question is empty — type a question")
        lang = lang or self.settings.language
        if conversation_id is None:
            conversation_id = self.conversations.create(default_title(question)).id
        history = self.conversations.messages(conversation_id)
        self.conversations.add_message(conversation_id, "user", question)  # before anything
        kpi = self._kpi_turn(question, history, lang)
        previous_month = next(
            (m.meta.get("month") for m in reversed(history) if m.meta.get("month")), None
        )
        routed = route(
            question,
            months=list(kpi.data.calendar.data_months),
            previous_month=previous_month,
            kpi_query=kpi.asked.query is not None,
        )
        if routed.intent == "kpi" and kpi.asked.query is None and self.client is not None:
            kpi = self._kpi_turn(question, history, lang, client=self.client)
        plan = gather(question, routed, store=self.store, kpi=kpi, lang=lang)
        return Turn(self, question, plan, history, conversation_id=conversation_id, lang=lang)

    def ask(
        self, question: str, *, conversation_id: str | None = None, lang: str | None = None
    ) -> Answer:
        turn = self.start(question, conversation_id=conversation_id, lang=lang)
        for _ in turn:
            pass
        assert turn.answer is not None
        return turn.answer

    def chunk_text(self, chunk_id: str) -> str | None:
        return self.store.snapshot().text_of(chunk_id)


class Turn:
    """An answer being produced; iterate for text, then read ``answer``."""

    def __init__(
        self,
        service: ChatService,
        question: str,
        plan: Plan,
        history: Sequence[StoredMessage],
        *,
        conversation_id: str,
        lang: str,
    ) -> None:
        self.service = service
        self.question = question
        self.plan = plan
        self.history = history
        self.conversation_id = conversation_id
        self.lang = lang
        self.answer: Answer | None = None
        self.mode = service.mode
        self.draft_id: int | None = None

    def __iter__(self) -> Iterator[str]:
        client, plan = self.service.client, self.plan
        fixed = plan.fixed_text and not plan.commentary
        if client is None or plan.route.intent == "draft" or fixed:
            text, citations = self._offline()
            yield text
            self._finish(text, citations)
            return
        head = f"{plan.fixed_text}\n\n" if plan.fixed_text else ""
        if head:
            yield head
        parts: list[str] = [head]
        try:
            for piece in client.stream(self.messages()):
                parts.append(piece)
                yield piece
        except AxisError as exc:
            self.service.conversations.add_message(
                self.conversation_id, "error", str(exc), {"mode": self.mode}
            )
            raise
        text = "".join(parts).strip()
        cited = self._llm_citations(text[len(head) :])
        known = {c.ref for c in cited}
        self._finish(text, [*cited, *(c for c in plan.citations if c.ref not in known)])

    # -- building -------------------------------------------------------------------------
    def messages(self) -> list[ChatMessage]:
        """What the model is sent: system rules, history within budget, evidence + question.

        Evidence that does not fit the context window (``AXIS_CONTEXT_TOKENS`` minus the
        answer's share) is dropped from the lowest-ranked end, and dropped from the plan too,
        so the answer cannot cite a source the model never saw.
        """
        prompts, lang = self.service.prompts, self.lang
        system = prompts.render("chat_system", lang=lang)
        settings = self.service.settings
        budget = settings.context_tokens - settings.max_answer_tokens
        evidence = list(self.plan.evidence)
        user = self._user_prompt(evidence)
        while len(evidence) > 1 and estimate_tokens(system) + estimate_tokens(user) > budget:
            evidence.pop()
            user = self._user_prompt(evidence)
        if len(evidence) < len(self.plan.evidence):
            log.info(
                "kept %d of %d sources to fit %d tokens",
                len(evidence),
                len(self.plan.evidence),
                budget,
            )
            self.plan.evidence = evidence
        past = history_messages(self.history, budget=budget, used=[system, user])
        return [
            ChatMessage(role="system", content=system),
            *past,
            ChatMessage(role="user", content=user),
        ]

    def _user_prompt(self, evidence: Sequence[Evidence]) -> str:
        return self.service.prompts.render(
            "chat_answer",
            lang=self.lang,
            question=self.question,
            sources=[{"id": e.ref, "file": e.source, "text": defuse(e.text)} for e in evidence],
            facts=[{"id": f.id, "label": f.label, "display": f.display} for f in self.plan.facts],
        )

    def _offline(self) -> tuple[str, list[Citation]]:
        plan, lang = self.plan, self.lang
        if plan.route.intent == "draft":
            started = start_draft(
                self.question,
                settings=self.service.settings,
                store=self.service.store,
                client=self.service.client,
                lang=lang,
            )
            if started is None:
                return phrase("draft_pointer", lang), []
            self.draft_id = started.draft_id
            return started.text, []
        if plan.fixed_text:
            return plan.fixed_text, plan.citations
        if plan.route.intent == "feedback":
            return offline.feedback_answer(plan.evidence, lang=lang)
        return offline.knowledge_answer(
            self.question, plan.evidence, lang=lang, prefer=plan.route.kinds
        )

    def _llm_citations(self, text: str) -> list[Citation]:
        by_ref = {e.ref: e for e in self.plan.evidence}
        citations = []
        for ref in cited_refs(text):
            ev = by_ref.get(ref)
            if ev is not None:
                citations.append(_best_quote(ev, text))
        return citations

    def _finish(self, text: str, citations: list[Citation]) -> None:
        plan = self.plan
        cited = {c.ref for c in citations}
        evidence_texts = [e.text for e in plan.evidence if e.ref in cited]
        warnings = [
            *check_refs(text, plan.evidence),
            *check_citations(citations, self.service.chunk_text),
            *check_numbers(
                text, evidence_texts=evidence_texts, facts=plan.facts, question=self.question
            ),
            *check_injection(plan.evidence),
        ]
        offline_mode = self.service.client is None
        answer = Answer(
            text=text,
            citations=citations,
            facts=plan.facts,
            warnings=warnings,
            mode=self.mode,
            intent=plan.route.intent,
            notice=phrase("offline_notice", self.lang)
            if offline_mode and plan.route.intent != "draft"
            else None,
            month=plan.month if plan.route.intent == "kpi" else plan.route.month,
            kpi=plan.kpi,
            chart=plan.chart,
            conversation_id=self.conversation_id,
            draft_id=self.draft_id,
        )
        meta = answer.model_dump(mode="json", exclude={"text", "conversation_id"})
        self.service.conversations.add_message(self.conversation_id, "assistant", text, meta)
        self.answer = answer


def _best_quote(ev: Evidence, answer: str) -> Citation:
    picked = offline.extract(answer, [ev], max_sentences=1)
    quote = picked[0].statement.text if picked else ev.text.strip()[:120]
    return Citation(
        ref=ev.ref, chunk_id=ev.chunk_id, source=ev.source, quote=quote, location=ev.location
    )
