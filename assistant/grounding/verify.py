"""Checking an answer against its evidence before anyone reads it.

Three checks, each producing warnings (never silently fixing the answer):
  * every number in the answer matches a number in the cited evidence, a computed fact or
    the question itself, at the precision the answer shows it (rounding and 万/億/割/%
    conversions allowed, invented numbers flagged);
  * every citation points to a chunk that exists in the store and contains the quoted text;
  * every ``[n]`` marker in the answer refers to evidence that was given.
Also here: reporting retrieved text that tries to give instructions (prompt injection, found
by ``assistant.grounding.injection``), so it is shown and kept out of extractive answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from assistant.domain.grounding import AnswerWarning, Citation, Evidence, Fact
from assistant.grounding.injection import looks_like_instruction
from assistant.text.normalize import nfkc
from assistant.text.numbers import Number, find_numbers

ChunkLookup = Callable[[str], str | None]

_REF = re.compile(r"\[(\d+(?:\s*[,、]\s*\d+)*)\]")


def cited_refs(text: str) -> list[int]:
    """The ``[n]`` numbers an answer cites, in order of first use."""
    seen: list[int] = []
    for m in _REF.finditer(nfkc(text)):
        for part in re.split(r"[,、]", m.group(1)):
            ref = int(part.strip())
            if ref not in seen:
                seen.append(ref)
    return seen


def _fact_values(facts: Iterable[Fact]) -> tuple[set[float], set[float]]:
    percents: set[float] = set()
    amounts: set[float] = set()
    for fact in facts:
        if fact.unit == "ratio":
            percents.add(fact.value * 100)
        else:
            amounts.add(fact.value)
    return percents, amounts


def _allowed(number: Number, percents: set[float], amounts: set[float]) -> bool:
    pool = percents if number.kind == "percent" else amounts
    return any(number.matches(value) for value in pool)


def check_numbers(
    answer: str, *, evidence_texts: Sequence[str], facts: Sequence[Fact], question: str = ""
) -> list[AnswerWarning]:
    """A warning for each number in ``answer`` that no evidence, fact or the question holds."""
    percents, amounts = _fact_values(facts)
    for text in [*evidence_texts, question]:
        for n in find_numbers(text):
            (percents if n.kind == "percent" else amounts).add(n.value)
    warnings: list[AnswerWarning] = []
    for number in find_numbers(answer):
        if not _allowed(number, percents, amounts):
            warnings.append(
                AnswerWarning(
                    code="unverified_number",
                    message=f"「{number.text}」 is not in the cited sources or computed facts",
                    detail=number.text,
                )
            )
    return warnings


def check_citations(citations: Sequence[Citation], lookup: ChunkLookup) -> list[AnswerWarning]:
    """A warning for each citation whose chunk is gone or does not contain its quote."""
    warnings: list[AnswerWarning] = []
    for citation in citations:
        text = lookup(citation.chunk_id)
        if text is None:
            warnings.append(
                AnswerWarning(
                    code="bad_citation",
                    message=f"[{citation.ref}] cites chunk {citation.chunk_id[:12]} of "
                    f"{citation.source}, which is not in the store",
                    detail=citation.chunk_id,
                )
            )
        elif _squash(citation.quote) not in _squash(text):
            warnings.append(
                AnswerWarning(
                    code="bad_citation",
                    message=f"[{citation.ref}] quotes text that is not in {citation.source}",
                    detail=citation.chunk_id,
                )
            )
    return warnings


def check_refs(answer: str, evidence: Sequence[Evidence]) -> list[AnswerWarning]:
    """A warning for each ``[n]`` that names no evidence given to the model."""
    known = {e.ref for e in evidence}
    return [
        AnswerWarning(
            code="unknown_ref",
            message=f"[{ref}] does not name any source that was given",
            detail=str(ref),
        )
        for ref in cited_refs(answer)
        if ref not in known
    ]


def check_injection(evidence: Sequence[Evidence]) -> list[AnswerWarning]:
    return [
        AnswerWarning(
            code="injection",
            message=f"{e.source} contains text that gives instructions; it was treated as data",
            detail=e.chunk_id,
        )
        for e in evidence
        if looks_like_instruction(e.text)
    ]


def _squash(text: str) -> str:
    return "".join(nfkc(text).split())
