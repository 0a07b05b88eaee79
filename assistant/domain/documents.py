"""Documents as they cross module boundaries: loaded files, chunks, search results.

These are the shapes that cross module boundaries: loaders produce ``LoadedFile``; the
ingest pipeline turns it into ``Chunk``s; retrieval returns ``SearchResult``s.  Keeping them
here (and free of any library types) lets LangChain, Chroma and SQLAlchemy stay behind their
own seams.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.domain.kpi import KpiMonth

DocumentKind = Literal[
    "company",
    "product",
    "persona",
    "competitor",
    "brand-voice",
    "playbook",
    "note",
    "feedback",
    "kpi",
    "feedback-synthesis",
]
DOCUMENT_KINDS: tuple[str, ...] = DocumentKind.__args__  # type: ignore[attr-defined]
# Kinds a Markdown file may declare in its front matter (the rest are produced by loaders).
MARKDOWN_KINDS: tuple[str, ...] = (
    "company",
    "product",
    "persona",
    "competitor",
    "brand-voice",
    "playbook",
    "note",
)

KIND_NAMES: dict[str, tuple[str, str]] = {
    "company": ("会社情報", "Company"),
    "product": ("製品", "Product"),
    "persona": ("ペルソナ", "Persona"),
    "competitor": ("競合", "Competitor"),
    "brand-voice": ("ブランドボイス", "Brand voice"),
    "playbook": ("プレイブック", "Playbook"),
    "note": ("メモ", "Note"),
    "feedback": ("営業フィードバック", "Sales feedback"),
    "kpi": ("KPI", "KPI"),
    "feedback-synthesis": ("フィードバック分析", "Feedback synthesis"),
}
"""How each kind is named to a reader (ja, en): the pages, the CLI and exports use these."""


def kind_name(kind: str, lang: str) -> str:
    ja, en = KIND_NAMES.get(kind, (kind, kind))
    return ja if lang == "ja" else en


MetaValue = str | int | float | bool


class IngestWarning(BaseModel):
    """Something in an accepted file the user should know about (e.g. a skipped blank row)."""

    path: str
    row: int | None = None
    message: str
    column: str | None = None


class TextUnit(BaseModel):
    """A piece of a file's text that is chunked on its own, with metadata for its chunks.

    A Markdown file is one unit; a feedback file has one unit per note (so each note can be
    found and cited by its row); a KPI file has one unit per month.
    """

    text: str
    metadata: dict[str, MetaValue] = Field(default_factory=dict)


class FeedbackNote(BaseModel):
    """One sales note as written by a rep, with the row it came from (1-based data row)."""

    row: int
    text: str
    date: dt.date | None = None
    rep: str | None = None
    account: str | None = None
    industry: str | None = None
    stage: str | None = None
    extra: dict[str, str] = Field(default_factory=dict)


class LoadedFile(BaseModel):
    """Everything a loader read from one file, validated and normalised."""

    source: str
    kind: DocumentKind
    title: str
    units: list[TextUnit]
    metadata: dict[str, MetaValue] = Field(default_factory=dict)
    feedback_notes: list[FeedbackNote] = Field(default_factory=list)
    kpi_months: list[KpiMonth] = Field(default_factory=list)
    warnings: list[IngestWarning] = Field(default_factory=list)
    kind_basis: str = Field(
        default="", description="How the kind was decided: front matter, --kind, or the cues."
    )


class SkippedPart(BaseModel):
    """A sheet (or other part) of an accepted file that Axis did not use, and why."""

    path: str
    part: str
    reason: str


class FileLoad(BaseModel):
    """What one file gave: its documents (a workbook gives one per sheet it uses) and the
    parts it did not use, each with the reason."""

    documents: list[LoadedFile]
    skipped: list[SkippedPart] = Field(default_factory=list)


class Chunk(BaseModel):
    """A retrievable passage. ``chunk_id`` is a content hash, so re-ingesting is a no-op."""

    model_config = ConfigDict(frozen=True)

    chunk_id: str
    source: str
    kind: DocumentKind
    text: str
    position: int = 0
    metadata: dict[str, MetaValue] = Field(default_factory=dict)


class SearchResult(BaseModel):
    """A chunk with its fused relevance score (higher is better)."""

    chunk_id: str
    source: str
    kind: str
    text: str
    score: float
    metadata: dict[str, MetaValue] = Field(default_factory=dict)
