"""Drafts a marketing director signs off: one module per kind, all built from evidence."""

from assistant.domain.grounding import Claim, SourceQuote
from assistant.drafts.context import DraftContext, DraftRequest
from assistant.drafts.generate import generate
from assistant.drafts.models import DRAFT_KINDS, Draft, DraftKind, Section

__all__ = [
    "DRAFT_KINDS",
    "Claim",
    "Draft",
    "DraftContext",
    "DraftKind",
    "DraftRequest",
    "Section",
    "SourceQuote",
    "generate",
]
