"""The gate between a draft and an approval: numbers traced, citations real, refs known.

The same verifier as chat answers (``assistant.grounding.verify``), applied per section so a
reviewer sees *where* a number came from nowhere.  A number passes when a cited quote, a
computed fact or a value the user gave (``options``, e.g. the revenue target) holds it at the
precision shown.  Edited sections are checked again on every new version.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.domain.grounding import Citation, SourceQuote
from assistant.drafts.evidence import Corpus
from assistant.drafts.models import Draft, DraftWarning, Section
from assistant.grounding.injection import looks_like_instruction
from assistant.grounding.verify import check_citations, check_numbers

ChunkLookup = Callable[[str], str | None]
_REF = re.compile(r"\[([SF]\d+)\]")


def refs_in(text: str) -> list[str]:
    """The ``[S1]`` / ``[F2]`` refs a text cites, in order of first use."""
    return list(dict.fromkeys(_REF.findall(text)))


def _section_numbers(section: Section, draft: Draft, given: Sequence[str]) -> list[DraftWarning]:
    quotes = [c.quote for c in draft.citations]
    warnings = check_numbers(
        f"{section.title}\n{section.body}", evidence_texts=[*quotes, *given], facts=draft.facts
    )
    return [
        DraftWarning(
            code="unverified_number",
            message=(
                f"{section.title}：「{w.detail}」は引用した資料にも計算値にもない数値です"
                if draft.lang == "ja"
                else f"{section.title}: 「{w.detail}」 is not in the cited sources or computed facts"
            ),
            section=section.key,
            detail=w.detail,
        )
        for w in warnings
    ]


def _unknown_refs(section: Section, known: set[str], lang: str) -> list[DraftWarning]:
    return [
        DraftWarning(
            code="unknown_ref",
            message=(
                f"{section.title}：[{ref}] はこの下書きの出典・計算値にありません"
                if lang == "ja"
                else f"{section.title}: [{ref}] names no source or fact of this draft"
            ),
            section=section.key,
            detail=ref,
        )
        for ref in refs_in(section.body)
        if ref not in known
    ]


def _citations(citations: Sequence[SourceQuote], lookup: ChunkLookup) -> list[DraftWarning]:
    out: list[DraftWarning] = []
    for number, quote in enumerate(citations, start=1):
        as_chat = Citation(
            ref=number, chunk_id=quote.chunk_id, source=quote.source, quote=quote.quote
        )
        out += [
            DraftWarning(
                code="bad_citation",
                message=w.message.replace(f"[{number}]", f"[{quote.ref}]"),
                detail=quote.chunk_id,
            )
            for w in check_citations([as_chat], lookup)
        ]
    return out


def _injections(citations: Sequence[SourceQuote]) -> list[DraftWarning]:
    return [
        DraftWarning(
            code="injection",
            message=f"[{c.ref}] {c.source} contains text that gives instructions; it was "
            "quoted as data only",
            detail=c.chunk_id,
        )
        for c in citations
        if looks_like_instruction(c.quote)
    ]


def verify(draft: Draft, lookup: ChunkLookup) -> list[DraftWarning]:
    """Every check on ``draft``; the draft's own composition warnings are not repeated."""
    given = [value for value in draft.options.values() if value]
    known = {c.ref for c in draft.citations} | {f.id for f in draft.facts}
    warnings: list[DraftWarning] = []
    for section in draft.sections:
        warnings += _section_numbers(section, draft, given)
        warnings += _unknown_refs(section, known, draft.lang)
    warnings += _citations(draft.citations, lookup)
    warnings += _injections(draft.citations)
    return warnings


def with_checks(draft: Draft, corpus: Corpus) -> Draft:
    """``draft`` with its check warnings replaced by a fresh run (composition notes kept).

    Checks: numbers, citations, refs and injections (``verify``) and the company's own
    brand-voice rules (``brand.brand_warnings``; advisory, they do not block approval).
    """
    from assistant.drafts.brand import brand_warnings

    kept = [w for w in draft.warnings if w.code in ("gap", "assumption", "no_evidence")]
    brand = brand_warnings(
        draft.sections, corpus, quotes=[c.quote for c in draft.citations], lang=draft.lang
    )
    return draft.model_copy(update={"warnings": [*kept, *verify(draft, corpus.text_of), *brand]})
