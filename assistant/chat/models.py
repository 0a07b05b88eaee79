"""The shapes of a conversation turn: evidence in, answer with citations and warnings out."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.domain.grounding import AnswerWarning, Citation, Fact

Intent = Literal["knowledge", "kpi", "feedback", "draft"]


class Answer(BaseModel):
    text: str
    citations: list[Citation] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    warnings: list[AnswerWarning] = Field(default_factory=list)
    mode: str
    intent: Intent
    notice: str | None = Field(default=None, description="e.g. 'no LLM configured' and how.")
    month: str | None = Field(default=None, description="The KPI month the answer is about.")
    kpi: dict[str, object] | None = Field(
        default=None, description="The KPI query run (statement, query, status, months)."
    )
    chart: list[dict[str, object]] = Field(
        default_factory=list, description="Monthly points of a trend: month, value, metric."
    )
    conversation_id: str | None = None
    draft_id: int | None = Field(default=None, description="The draft a drafting request made.")

    def contract(self) -> dict[str, object]:
        """The ``axis ask --json`` document."""
        return {
            "answer": self.text,
            "citations": [
                {
                    "chunk_id": c.chunk_id,
                    "source": c.source,
                    "quote": c.quote,
                    "location": c.location,
                }
                for c in self.citations
            ],
            "mode": self.mode,
            "warnings": [w.message for w in self.warnings],
            "notice": self.notice,
            "kpi": self.kpi,
            "conversation_id": self.conversation_id,
            "draft_id": self.draft_id,
        }
