"""Sales notes as positioning evidence: counting them as facts and quoting the telling one.

Every count a positioning shows (notes echoing a challenge, naming a rival, recording a won
deal) is registered as a fact with the note files as its source, so the number is checked;
a quoted note is cited like any other chunk.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.db.records import StoredFeedbackNote
from assistant.drafts.claims import quoted
from assistant.drafts.context import DraftContext
from assistant.drafts.evidence import Passage
from assistant.drafts.positioning.matching import overlap
from assistant.text.statements import statements

_SHORT_NOTE = 120  # a note this short is quoted whole: its second sentence is the reason


def count_fact(ctx: DraftContext, key: str, label: str, value: int, notes: Sequence) -> str:
    """Register a count of sales notes; the files they come from are its source."""
    sources = sorted({n.source for n in notes}) or ["feedback"]
    return ctx.book.fact(
        f"positioning:{key}",
        label,
        float(value),
        "count",
        ctx.t(f"{value}件", f"{value} notes"),
        source=", ".join(sources),
    )


def best_sentence(passage: Passage, about: str) -> str:
    """The statement of ``passage`` sharing most words with ``about`` (verbatim)."""
    found = [s.text for s in statements(passage.text)] or [passage.text.strip()]
    return max(found, key=lambda s: overlap(s, about))


def example(ctx: DraftContext, note: StoredFeedbackNote, about: str) -> str | None:
    """The note quoted and cited: whole when short, else its sentence closest to ``about``."""
    passage = ctx.corpus.feedback_passage(note.source, note.note.row)
    if passage is None:
        return None
    whole = passage.text.strip()
    sentence = whole if len(whole) <= _SHORT_NOTE else best_sentence(passage, about)
    return quoted(sentence, ctx.book.cite(passage, sentence))


def is_won(note: StoredFeedbackNote) -> bool:
    """A won deal: the stage column says 受注, or (free text) the note does."""
    stage = note.note.stage
    return stage == "受注" if stage else "受注" in note.note.text
