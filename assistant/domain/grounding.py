"""Grounding: the evidence Axis shows, the numbers it computes and how a claim cites them.

Chat answers and drafts share these: an ``Evidence`` passage is what a model is shown, a
``Fact`` is a number computed by code, a ``Citation``/``SourceQuote`` points at text that
exists in the store, a ``Claim`` is a statement with the refs it rests on, and a ``Location``
names the file, row and column a figure came from.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

FactUnit = Literal["count", "yen", "ratio"]


def place_of(metadata: dict) -> str | None:
    """Where in its file a chunk sits: ``p.3`` (a PDF page) or ``slide 4``; ``None`` else."""
    if metadata.get("page") is not None:
        return f"p.{metadata['page']}"
    if metadata.get("slide") is not None:
        return f"slide {metadata['slide']}"
    if metadata.get("sheet"):
        return f"sheet {metadata['sheet']}"
    return None


def cite_label(source: str, location: str | None, lang: str = "ja") -> str:
    """How a citation names its place: 「ペルソナ/資料.pdf p.3」, 「提案書.pptx スライド4」."""
    name = source.split("#", 1)[0]
    if not location:
        return name
    if location.startswith("slide ") and lang == "ja":
        location = "スライド" + location.removeprefix("slide ")
    if location.startswith("sheet ") and lang == "ja":
        location = "シート「" + location.removeprefix("sheet ") + "」"
    return f"{name} {location}"


class Evidence(BaseModel):
    """A retrieved passage as shown to the model: ``ref`` is the number it is cited by."""

    ref: int
    chunk_id: str
    source: str
    kind: str
    text: str
    location: str | None = Field(default=None, description="p.3 / slide 4 within the file.")
    names: list[str] = Field(
        default_factory=list,
        description="What the document is called (title, persona, competitor): words in a "
        "question that pick this document rather than a statement in it.",
    )


class Fact(BaseModel):
    """A number computed by code, never by the model.  ``value`` is exact (ratios as 0–1)."""

    id: str = Field(description="Stable id the answer cites, e.g. F1.")
    key: str = Field(description="What it is, machine-readable, e.g. 2026-09:rate:sql/mql.")
    label: str
    value: float
    unit: FactUnit
    display: str
    source: str
    month: str | None = None


class Citation(BaseModel):
    """Where a claim comes from: a chunk that exists and the exact text quoted from it."""

    ref: int
    chunk_id: str
    source: str
    quote: str
    location: str | None = None


class Claim(BaseModel):
    """One statement of a draft and the evidence refs (``S3``, ``F1``) it rests on."""

    text: str
    refs: list[str] = Field(default_factory=list)


class SourceQuote(BaseModel):
    """A citation: a chunk that exists in the store and the exact text quoted from it."""

    ref: str = Field(description="S1, S2, ... as cited in section bodies.")
    chunk_id: str
    source: str
    kind: str
    quote: str
    location: str | None = Field(default=None, description="p.3 / slide 4 within the file.")


class Location(BaseModel):
    """Where a figure came from: the file (source), its data row and the column/field."""

    source: str
    row: int | None = None
    column: str | None = None


class AnswerWarning(BaseModel):
    """Something the verifier could not trace: shown beside the answer, never hidden."""

    code: Literal["unverified_number", "bad_citation", "unknown_ref", "injection", "no_evidence"]
    message: str
    detail: str = ""
