"""The no-LLM answer: quoted statements for document questions, quoted sales notes, and
computed KPI facts.

Nothing here writes new prose about the data: statements are quoted as they are in the store
(so every quote is a substring of its chunk), and numbers come from ``Fact``s.  Passages that
try to give instructions (prompt injection) are never quoted.  Which statements answer a
document question is decided in ``assistant.chat.extract``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from assistant.chat.extract import Pick, extract
from assistant.chat.phrases import phrase
from assistant.domain.grounding import Citation, Evidence
from assistant.grounding.injection import looks_like_instruction

__all__ = ["Pick", "extract", "feedback_answer", "knowledge_answer"]


def knowledge_answer(
    question: str,
    evidence: Sequence[Evidence],
    *,
    lang: str,
    prefer: Collection[str] = (),
) -> tuple[str, list[Citation]]:
    """Quoted statements answering a document question (``prefer``: document kinds the
    question points to), each with its section and passage number."""
    picked = extract(question, evidence, prefer=prefer)
    if not picked:
        return phrase("no_evidence", lang), []
    lines = [phrase("extract_intro", lang)]
    for p in picked:
        label = f"【{p.statement.heading}】" if p.statement.heading else ""
        lines.append(f"- {label}{p.statement.text} [{p.evidence.ref}]")
    return "\n".join(lines), _unique([_cite(p.evidence, p.statement.text) for p in picked])


def feedback_answer(
    evidence: Sequence[Evidence], *, lang: str, limit: int = 5
) -> tuple[str, list[Citation]]:
    """Sales notes quoted whole, with who/when, most relevant first."""
    notes = [ev for ev in evidence if not looks_like_instruction(ev.text)][:limit]
    if not notes:
        return phrase("no_evidence", lang), []
    lines = [phrase("feedback_intro", lang)]
    citations = []
    for ev in notes:
        lines.append(f"- 「{ev.text.strip()}」 [{ev.ref}]")
        citations.append(_cite(ev, ev.text.strip()))
    return "\n".join(lines), citations


def _cite(ev: Evidence, quote: str) -> Citation:
    return Citation(
        ref=ev.ref, chunk_id=ev.chunk_id, source=ev.source, quote=quote, location=ev.location
    )


def _unique(citations: list[Citation]) -> list[Citation]:
    """Each (passage, quote) once, in order of reference."""
    seen: dict[tuple[int, str], Citation] = {}
    for c in citations:
        seen.setdefault((c.ref, c.quote), c)
    return list(seen.values())
