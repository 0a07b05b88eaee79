"""The shape of a draft: typed sections that cite their evidence, plus what the checks found.

A draft is reviewed, commented on, diffed and exported *by section*, so every kind renders
its typed payload (``Positioning``, ``SlaDraft``, ...) into ``Section``s with stable keys.
The payload stays in ``content`` so a regeneration or an LLM rewrite starts from the same
structure, not from prose.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.domain.grounding import Fact, SourceQuote

DraftKind = Literal["positioning", "messaging", "sla", "improvement-plan", "content-brief"]
DRAFT_KINDS: tuple[DraftKind, ...] = (
    "positioning",
    "messaging",
    "sla",
    "improvement-plan",
    "content-brief",
)
SectionStatus = Literal["ok", "gap", "proposal", "unknown"]
WarningCode = Literal[
    "unverified_number",
    "bad_citation",
    "unknown_ref",
    "injection",
    "no_evidence",
    "gap",
    "assumption",
    "brand_voice",
]
# Warnings that stop an approval unless the approver writes an override comment: a number or
# citation that does not trace, or a draft with nothing from the company's own documents.
BLOCKING_CODES: frozenset[str] = frozenset(
    {"unverified_number", "bad_citation", "unknown_ref", "no_evidence"}
)


class Section(BaseModel):
    """The unit of review: comments, diffs and edits address a section by its ``key``."""

    key: str
    title: str
    body: str
    refs: list[str] = Field(default_factory=list)
    status: SectionStatus = "ok"


class DraftWarning(BaseModel):
    code: WarningCode
    message: str
    section: str | None = None
    detail: str = ""

    @property
    def blocking(self) -> bool:
        return self.code in BLOCKING_CODES


class Draft(BaseModel):
    kind: DraftKind
    title: str
    lang: str = "ja"
    mode: str = Field(description="'offline' (template-composed) or the LLM's label.")
    persona: str | None = None
    axis: str | None = None
    sections: list[Section]
    citations: list[SourceQuote] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    warnings: list[DraftWarning] = Field(default_factory=list)
    content: dict = Field(default_factory=dict, description="The kind's typed payload.")
    notice: str | None = None
    options: dict[str, str] = Field(
        default_factory=dict, description="What it was asked for (revenue target, format...)."
    )

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def blocking_warnings(self) -> list[DraftWarning]:
        return [w for w in self.warnings if w.blocking]

    def contract(self, draft_id: str | None) -> dict[str, object]:
        """The ``axis draft --json`` document."""
        return {
            "id": draft_id,
            "kind": self.kind,
            "title": self.title,
            "mode": self.mode,
            "notice": self.notice,
            "persona": self.persona,
            "axis": self.axis,
            "sections": [s.model_dump() for s in self.sections],
            "citations": [c.model_dump() for c in self.citations],
            "facts": [
                {"id": f.id, "label": f.label, "value": f.value, "display": f.display}
                for f in self.facts
            ],
            "warnings": [w.model_dump() for w in self.warnings],
        }
