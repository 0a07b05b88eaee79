"""The shapes feedback synthesis produces: notes in, themes with code-computed counts out.

Everything a user sees as a number (``count``, ``share``, breakdowns, trends, funnel rates)
is a field here filled by code; a theme namer (offline or an LLM) only fills ``label`` and
``summary``.  Every text field that can reach a screen, a file or a model is redacted.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

PiiType = Literal["phone", "email", "address", "name"]
PII_TYPES: tuple[str, ...] = PiiType.__args__  # type: ignore[attr-defined]
OTHER_THEME = "other"


class Redaction(BaseModel):
    """A PII span replaced by a placeholder; ``original`` never leaves the local store."""

    note_id: str
    type: PiiType
    placeholder: str
    original: str


class DuplicatePair(BaseModel):
    """``duplicate_id`` re-enters ``note_id`` (the same meeting logged again); counted once.

    The fields say why: the accounts (``None`` when one of the two rows has none), the rep,
    how many days apart, the embeddings' cosine and the share of the shorter note's wording
    (character pairs) that the other note contains.
    """

    note_id: str
    duplicate_id: str
    kind: Literal["exact", "near"]
    similarity: float = Field(description="Cosine of the two notes' embeddings (1.0 if exact).")
    overlap: float = Field(default=1.0, description="Shared wording, as a share of the shorter.")
    same_account: bool | None = Field(default=None, description="None: an account is missing.")
    account: str | None = None
    same_rep: bool | None = None
    days_apart: int | None = Field(default=None, description="None: a date is missing.")

    def why(self, language: str = "ja") -> str:
        """One line a person can check: 「同じ取引先（A社）・7日後・類似度0.97・…」."""
        ja = language != "en"
        parts: list[str] = []
        if self.same_account:
            account = self.account
            parts.append(f"同じ取引先（{account}）" if ja else f"same account ({account})")
        else:
            parts.append("取引先の記載なし" if ja else "no account given")
        if self.same_rep:
            parts.append("同じ担当者" if ja else "same rep")
        if self.days_apart is None:
            parts.append("日付の記載なし" if ja else "no date")
        elif self.days_apart == 0:
            parts.append("同じ日" if ja else "same day")
        else:
            parts.append(f"{self.days_apart}日後" if ja else f"{self.days_apart} days apart")
        if self.kind == "exact":
            parts.append("同じ文面" if ja else "same text")
        else:
            share = round(self.overlap * 100)
            parts.append(
                f"類似度{self.similarity:.2f}・表現の{share}%が共通"
                if ja
                else f"similarity {self.similarity:.2f}, {share}% of the wording shared"
            )
        return ("・" if ja else ", ").join(parts)


class Flag(BaseModel):
    note_id: str
    reason: str


class Skipped(BaseModel):
    """A note that has no words to group (only emoji, URLs or symbols)."""

    note_id: str
    row: int
    reason: str


class Quote(BaseModel):
    note_id: str
    row: int
    text: str = Field(description="Redacted, possibly shortened with an ellipsis.")


class Count(BaseModel):
    key: str
    count: int


class FunnelLink(BaseModel):
    """The funnel conversion a theme most affects, and what the KPI data says about it.

    ``stage`` is the stage the conversion leads *into* (``mql`` for leads→MQL, ``sql`` for
    MQL→SQL, ``won`` for SQL→won).  Rates and note counts are compared between the first
    and the last months of the window; ``None`` when the data has no such months.
    """

    stage: Literal["mql", "sql", "won"]
    conversion: str
    basis: str = Field(description="Why this stage: deal stages and/or words in the notes.")
    window: tuple[str, str] | None = None
    notes_before: int | None = None
    notes_after: int | None = None
    rate_before: float | None = None
    rate_after: float | None = None
    change_pt: float | None = None
    kpi_source: str | None = None


class Theme(BaseModel):
    id: str = Field(description="t1, t2, ... by count; 'other' for the insufficient-signal group.")
    label: str
    summary: str
    terms: list[str] = Field(description="Distinctive terms (c-TF-IDF), best first.")
    count: int = Field(description="Distinct notes (duplicates counted once).")
    share: float = Field(description="count / distinct notes that could be grouped.")
    note_ids: list[str] = Field(description="The distinct notes counted in this theme.")
    duplicate_ids: list[str] = Field(default_factory=list, description="Repeats, not counted.")
    quotes: list[Quote] = Field(default_factory=list)
    by_rep: list[Count] = Field(default_factory=list)
    by_industry: list[Count] = Field(default_factory=list)
    by_stage: list[Count] = Field(default_factory=list)
    monthly: list[Count] = Field(default_factory=list, description="YYYY-MM → notes.")
    funnel: FunnelLink | None = None
    insufficient: bool = Field(default=False, description="True for the その他/other group.")
    centroid: list[float] = Field(default_factory=list, exclude=True)


class NoteItem(BaseModel):
    """One input note as the synthesis saw it: redacted text, metadata, where it went."""

    id: str = Field(description="Stable id inside the run: n1, n2, ... in input order.")
    row: int = Field(description="1-based position in the input (data row, paragraph, item).")
    source: str | None = Field(default=None, description="The file the row is in.")
    text: str = Field(description="Redacted text.")
    date: dt.date | None = None
    rep: str | None = None
    account: str | None = None
    industry: str | None = None
    stage: str | None = None
    theme: str | None = Field(default=None, description="Theme id; None for a skipped note.")
    duplicate_of: str | None = None
    flag: str | None = None


class ThemeChange(BaseModel):
    status: Literal["new", "growing", "shrinking", "steady", "gone"]
    label: str
    theme_id: str | None
    previous_label: str | None = None
    count_before: int | None = None
    count_after: int | None = None
    share_before: float | None = None
    share_after: float | None = None


class SynthesisDiff(BaseModel):
    """What changed since the last saved synthesis (matched by theme centroids)."""

    previous_run: int
    previous_date: dt.date
    changes: list[ThemeChange]


class Synthesis(BaseModel):
    run_id: int
    created: dt.datetime
    source: str
    language: Literal["ja", "en"] = "ja"
    note_count: int = Field(description="Notes received (every row that had text).")
    distinct: int = Field(description="Notes after duplicates were merged, minus skipped ones.")
    min_theme: int
    method: str = Field(description="How themes were found, for the record.")
    namer: str
    themes: list[Theme]
    items: list[NoteItem]
    duplicates: list[DuplicatePair]
    entities: list[str] = Field(
        default_factory=list, description="The workspace's names found (kept whole in labels)."
    )
    redactions: dict[str, int]
    flagged: list[Flag]
    skipped: list[Skipped]
    warnings: list[str]
    diff: SynthesisDiff | None = None

    def theme(self, theme_id: str) -> Theme:
        return next(t for t in self.themes if t.id == theme_id)
