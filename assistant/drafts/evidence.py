"""What a draft may say and cite: the committed knowledge, personas, feedback and KPI facts.

``Corpus`` is a read-only view of one workspace, loaded once per draft: every committed chunk
(so a citation can only point at text that exists), personas parsed back into their fields,
the stored feedback notes and the KPI report.  ``EvidenceBook`` hands out the refs a draft
cites — ``S1`` for a quoted chunk, ``F1`` for a number computed by code — and keeps exactly
what was given, so the checks can tell a traced number from an invented one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath

from assistant.config import Settings
from assistant.db.records import StoredFeedbackNote, load_feedback_notes
from assistant.domain.grounding import Fact, FactUnit, SourceQuote, place_of
from assistant.errors import NotFoundError
from assistant.retrieval import KnowledgeStore
from assistant.text.normalize import fold
from assistant.text.statements import statements

_HEADING = re.compile(r"^\s*#{1,6}\s+(.+?)\s*$")
_ITEM = re.compile(r"^\s*[-*+・]\s+(.+?)\s*$")
_PROFILE = re.compile(r"^\s*[-*]\s+(役割|業種|企業規模)\s*[:：]\s*(.+?)\s*$")
# Rendered persona headings (assistant.ingest.personas) back to field names.
PERSONA_HEADINGS = {
    "目標": "goals",
    "課題": "challenges",
    "購買プロセス": "buying_process",
    "意思決定者": "decision_makers",
    "よくある反論": "objections",
    "情報源": "info_sources",
}
_PROFILE_FIELDS = {"役割": "role", "業種": "industry", "企業規模": "company_size"}


@dataclass(frozen=True)
class Passage:
    """A committed chunk."""

    chunk_id: str
    source: str
    kind: str
    text: str
    meta: dict

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or PurePath(self.source).stem)


@dataclass(frozen=True)
class Line:
    """A quotable line of a document: verbatim text and the chunk it is in."""

    text: str
    passage: Passage


@dataclass
class PersonaProfile:
    name: str
    source: str
    fields: dict[str, list[Line]] = field(default_factory=dict)
    profile: dict[str, Line] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return PurePath(self.source).stem

    def lines(self, name: str) -> list[Line]:
        return self.fields.get(name, [])

    @property
    def short_name(self) -> str:
        """「経理部長 佐藤さん」 -> 「経理部長」: the role a message addresses."""
        return self.name.split()[0] if self.name.split() else self.name


class Corpus:
    """One workspace's committed evidence, read once (drafts are built from one snapshot)."""

    def __init__(self, settings: Settings, store: KnowledgeStore) -> None:
        self.settings = settings
        self.store = store
        # The store's in-memory snapshot already holds every committed chunk of the current
        # generation (search needs it anyway); reading the catalog again would double the I/O.
        snapshot = store.snapshot()
        self.generation = snapshot.generation
        self.passages = [
            Passage(c.chunk_id, c.source, c.kind, c.text, dict(c.metadata))
            for c in snapshot.chunks()
        ]
        self._by_id = {p.chunk_id: p for p in self.passages}

    def text_of(self, chunk_id: str) -> str | None:
        passage = self._by_id.get(chunk_id)
        return passage.text if passage else None

    def of_kind(self, *kinds: str) -> list[Passage]:
        return [p for p in self.passages if p.kind in kinds]

    def statements(self, passage: Passage) -> list[str]:
        return [s.text for s in statements(passage.text)]

    # -- personas ------------------------------------------------------------------
    @cached_property
    def personas(self) -> list[PersonaProfile]:
        """Every persona document, its bullet lines grouped back into fields."""
        found: dict[str, PersonaProfile] = {}
        for passage in self.of_kind("persona"):
            name = str(passage.meta.get("persona") or passage.title)
            profile = found.setdefault(passage.source, PersonaProfile(name, passage.source))
            heading = ""
            for raw in passage.text.splitlines():
                if m := _HEADING.match(raw):
                    heading = m.group(1).strip()
                    continue
                if m := _PROFILE.match(raw):
                    profile.profile.setdefault(
                        _PROFILE_FIELDS[m.group(1)], Line(m.group(2), passage)
                    )
                    continue
                item = _ITEM.match(raw)
                field_name = PERSONA_HEADINGS.get(heading)
                if item and field_name and item.group(1) in passage.text:
                    lines = profile.fields.setdefault(field_name, [])
                    if all(line.text != item.group(1) for line in lines):
                        lines.append(Line(item.group(1), passage))
        return sorted(found.values(), key=lambda p: p.source)

    def persona(self, name: str) -> PersonaProfile:
        """The persona ``name`` names: its full name, file name or a unique part of either."""
        wanted = fold(name).replace(" ", "")
        personas = self.personas
        for persona in personas:
            if wanted in (fold(persona.name).replace(" ", ""), fold(persona.slug)):
                return persona
        matches = [
            p for p in personas if wanted in fold(p.name).replace(" ", "") or wanted in fold(p.slug)
        ]
        if len(matches) == 1:
            return matches[0]
        known = ", ".join(f"{p.name} ({p.slug})" for p in personas) or "none — ingest personas"
        if matches:
            raise NotFoundError(f"'{name}' matches more than one persona — use one of: {known}")
        raise NotFoundError(f"No persona '{name}' in this workspace — known personas: {known}")

    # -- feedback and documents --------------------------------------------------------
    @cached_property
    def feedback_notes(self) -> list[StoredFeedbackNote]:
        return load_feedback_notes(self.settings.database_url, self.settings.workspace)

    def feedback_passage(self, source: str, row: int) -> Passage | None:
        """The chunk holding note ``row`` of ``source`` (feedback rows are one chunk each)."""
        return self._feedback_index.get((source, row))

    @cached_property
    def _feedback_index(self) -> dict[tuple[str, int], Passage]:
        index: dict[tuple[str, int], Passage] = {}
        for p in self.of_kind("feedback"):
            row = p.meta.get("row")
            if isinstance(row, int):
                index.setdefault((p.source, row), p)
        return index

    def sources(self, kind: str) -> list[str]:
        return sorted({p.source for p in self.of_kind(kind)})


class EvidenceBook:
    """The refs a draft cites; a quote is kept only when it is verbatim in its chunk."""

    def __init__(self) -> None:
        self._quotes: dict[tuple[str, str], SourceQuote] = {}
        self._facts: dict[str, Fact] = {}

    def cite(self, passage: Passage, quote: str | None = None) -> str:
        """The ref for ``quote`` from ``passage`` (the whole chunk when no quote is given)."""
        text = (quote if quote is not None else passage.text).strip()
        if text not in passage.text:
            raise ValueError(f"quote is not verbatim in {passage.source}: {text[:40]!r}")
        key = (passage.chunk_id, text)
        if key not in self._quotes:
            ref = f"S{len(self._quotes) + 1}"
            self._quotes[key] = SourceQuote(
                ref=ref,
                chunk_id=passage.chunk_id,
                source=passage.source,
                kind=passage.kind,
                quote=text,
                location=place_of(passage.meta),
            )
        return self._quotes[key].ref

    def cite_line(self, line: Line) -> str:
        return self.cite(line.passage, line.text)

    def fact(
        self,
        key: str,
        label: str,
        value: float,
        unit: FactUnit,
        display: str,
        *,
        source: str,
        month: str | None = None,
    ) -> str:
        """The ref for a number computed by code (same key, same ref)."""
        if key not in self._facts:
            fact_id = f"F{len(self._facts) + 1}"
            self._facts[key] = Fact(
                id=fact_id,
                key=key,
                label=label,
                value=value,
                unit=unit,
                display=display,
                source=source,
                month=month,
            )
        return self._facts[key].id

    def add_fact(self, fact: Fact) -> str:
        return self.fact(
            fact.key,
            fact.label,
            fact.value,
            fact.unit,
            fact.display,
            source=fact.source,
            month=fact.month,
        )

    @property
    def citations(self) -> list[SourceQuote]:
        return list(self._quotes.values())

    @property
    def facts(self) -> list[Fact]:
        return list(self._facts.values())

    def known_refs(self) -> set[str]:
        return {q.ref for q in self._quotes.values()} | {f.id for f in self._facts.values()}


def refs_text(refs: Iterable[str]) -> str:
    """``[S1][F2]`` markers for a section body (empty when there are none)."""
    return "".join(f"[{r}]" for r in dict.fromkeys(refs))
