"""What a composer works with: the request, the evidence and the notes it leaves for review."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.config import Settings
from assistant.drafts.evidence import Corpus, EvidenceBook
from assistant.drafts.models import DraftKind, DraftWarning, WarningCode


@dataclass(frozen=True)
class Assessment:
    status: str  # met | partly | not_met | unknown
    comment: str
    author: str


@dataclass
class DraftRequest:
    """What the user asked for.  ``options`` are kind-specific (``revenue_target``,
    ``format``, ``stage``, ``axes``...) and count as evidence for the number check, since the
    user gave them; ``instructions`` are open review comments for a regeneration."""

    kind: DraftKind
    persona: str | None = None
    axis: str | None = None
    lang: str = "ja"
    options: dict[str, str] = field(default_factory=dict)
    instructions: list[str] = field(default_factory=list)
    # The previous version's typed content: a regeneration compares against it (e.g. an
    # improvement plan shows whether each action's KPI moved since the plan was made).
    previous: dict | None = None
    # The director's own assessments from review comments: item id -> status and comment.
    assessments: dict[str, Assessment] = field(default_factory=dict)


@dataclass
class DraftContext:
    settings: Settings
    corpus: Corpus
    request: DraftRequest
    book: EvidenceBook = field(default_factory=EvidenceBook)
    warnings: list[DraftWarning] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return self.request.lang

    def ja(self) -> bool:
        return self.request.lang == "ja"

    def t(self, ja: str, en: str) -> str:
        """The product's own words in the request's language."""
        return ja if self.ja() else en

    def warn(self, code: WarningCode, message: str, *, section: str | None = None) -> None:
        self.warnings.append(DraftWarning(code=code, message=message, section=section))
