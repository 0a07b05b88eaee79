"""Claims as a draft shows them: cited quotes, facts with their markers, bullet lists.

Every kind renders the same few shapes — 「a verbatim quote」[S1], a computed figure followed
by its [F1] marker, a bullet list of claims, a section whose refs are the markers in its
body.  They are written once here so a marker is always produced by the ``EvidenceBook`` call
that registered it, and never typed by hand next to text it does not belong to.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.domain.grounding import Claim
from assistant.drafts.checks import refs_in
from assistant.drafts.evidence import EvidenceBook, Line, Passage, refs_text
from assistant.drafts.models import Section, SectionStatus


def quoted(text: str, ref: str) -> str:
    """「text」[ref]: a verbatim quote and the marker of the chunk it comes from."""
    return f"「{text}」[{ref}]"


def with_refs(text: str, refs: Iterable[str]) -> str:
    """``text`` followed by the markers of ``refs`` it does not already show."""
    missing = [r for r in dict.fromkeys(refs) if f"[{r}]" not in text]
    return f"{text} {refs_text(missing)}" if missing else text


def claim_refs(claims: Iterable[Claim]) -> list[str]:
    """Every ref of ``claims``, first occurrence first."""
    return list(dict.fromkeys(r for c in claims for r in c.refs))


def cited(book: EvidenceBook, passage: Passage, text: str, *, label: str = "") -> Claim:
    """「text」[S1] (after ``label: `` when given); the book rejects text not in the chunk."""
    ref = book.cite(passage, text)
    quote = quoted(text, ref)
    return Claim(text=f"{label}: {quote}" if label else quote, refs=[ref])


def cited_line(book: EvidenceBook, line: Line, *, label: str = "") -> Claim:
    """A persona or document line as a cited quote (see ``cited``)."""
    return cited(book, line.passage, line.text, label=label)


def shown(book: EvidenceBook, ref: str | None) -> str | None:
    """A fact as the reader sees it — its display text, then its marker — or None when the
    book holds no fact ``ref`` (the caller decides what a missing figure looks like)."""
    fact = next((f for f in book.facts if f.id == ref), None)
    return f"{fact.display}[{ref}]" if fact else None


def bullets(claims: Iterable[Claim]) -> str:
    """A markdown bullet list of the claims (their markers are already in their text)."""
    return "\n".join(f"- {c.text}" for c in claims)


def section(key: str, title: str, body: str, status: SectionStatus = "ok") -> Section:
    """A section whose refs are exactly the markers its body cites."""
    return Section(key=key, title=title, body=body, refs=refs_in(body), status=status)
