"""The shapes of a conversation turn: evidence in, answer with citations and warnings out."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Intent = Literal["knowledge", "kpi", "feedback", "draft"]
FactUnit = Literal["count", "yen", "ratio"]


class Evidence(BaseModel):
    """A retrieved passage as shown to the model: ``ref`` is the number it is cited by."""

    ref: int
    chunk_id: str
    source: str
    kind: str
    text: str
    names: list[str] = Field(
        default_factory=list,
        description="What the document is called (title, persona, competitor): words in a "
        "question that pick this document rather than a statement in it.",
    )


class Fact(BaseModel):
    """A number computed by code, never by the model.  ``value`` is exact (ratios as 0–1)."""

    id: str = Field(description="Stable id the answer cites, e.g. F1.")
    key: str = Field(description="What it is, machine-readable, e.g. 2026-09:rate:sql/mql.")
    label: str
    value: float
    unit: FactUnit
    display: str
    source: str
    month: str | None = None


class Citation(BaseModel):
    """Where a claim comes from: a chunk that exists and the exact text quoted from it."""

    ref: int
    chunk_id: str
    source: str
    quote: str


class AnswerWarning(BaseModel):
    """Something the verifier could not trace: shown beside the answer, never hidden."""

    code: Literal["unverified_number", "bad_citation", "unknown_ref", "injection", "no_evidence"]
    message: str
    detail: str = ""


class Answer(BaseModel):
    text: str
    citations: list[Citation] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    warnings: list[AnswerWarning] = Field(default_factory=list)
    mode: str
    intent: Intent
    notice: str | None = Field(default=None, description="e.g. 'no LLM configured' and how.")
    month: str | None = Field(default=None, description="The KPI month the answer is about.")
    conversation_id: str | None = None
    draft_id: int | None = Field(default=None, description="The draft a drafting request made.")

    def contract(self) -> dict[str, object]:
        """The ``axis ask --json`` document."""
        return {
            "answer": self.text,
            "citations": [
                {"chunk_id": c.chunk_id, "source": c.source, "quote": c.quote}
                for c in self.citations
            ],
            "mode": self.mode,
            "warnings": [w.message for w in self.warnings],
            "notice": self.notice,
            "conversation_id": self.conversation_id,
            "draft_id": self.draft_id,
        }
