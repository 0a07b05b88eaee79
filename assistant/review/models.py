"""The review record of a draft: its versions, comments, status and who did what when."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from assistant.drafts.models import Draft

ReviewStatus = Literal["draft", "in_review", "changes_requested", "approved", "archived"]
REVIEW_STATUSES: tuple[ReviewStatus, ...] = (
    "draft",
    "in_review",
    "changes_requested",
    "approved",
    "archived",
)
# How statuses, version reasons and history events read (ja, en): the Review page, the CLI and
# exports all take these, so a status never has two names.
STATUS_NAMES: dict[str, tuple[str, str]] = {
    "draft": ("下書き", "draft"),
    "in_review": ("レビュー中", "in review"),
    "changes_requested": ("差し戻し", "changes requested"),
    "approved": ("承認済み", "approved"),
    "archived": ("アーカイブ済み", "archived"),
}
REASON_NAMES: dict[str, tuple[str, str]] = {
    "generated": ("生成", "generated"),
    "edited": ("編集", "edited"),
    "regenerated": ("再生成", "regenerated"),
}
EVENT_NAMES: dict[str, tuple[str, str]] = {
    "create": ("作成", "created"),
    "generated": ("生成", "generated"),
    "edited": ("編集", "edited"),
    "regenerated": ("再生成", "regenerated"),
    "reopen": ("再オープン", "reopened"),
    "comment": ("コメント", "commented"),
    "assessment": ("評価", "assessed"),
    "override": ("警告のオーバーライド", "overrode warnings"),
    "approval": ("承認コメント", "approval comment"),
    "submit": ("レビュー依頼", "submitted"),
    "request_changes": ("差し戻し", "requested changes"),
    "approve": ("承認", "approved"),
    "archive": ("アーカイブ", "archived"),
}


def named(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """``key``'s name from one of the tables above (the key itself when it has none)."""
    ja, en = table.get(key, (key, key))
    return ja if lang == "ja" else en


CommentKind = Literal["comment", "request_changes", "approval", "override", "assessment"]
VersionReason = Literal["generated", "edited", "regenerated"]
Assessment = Literal["met", "partly", "not_met", "unknown"]


class SnapshotDocument(BaseModel):
    source: str
    kind: str
    file_hash: str
    ingested_at: str


class Snapshot(BaseModel):
    """The data a version was built from, so a reviewer can tell what it did not know."""

    generation: int = 0
    documents: list[SnapshotDocument] = Field(default_factory=list)
    kpi_months: list[str] = Field(default_factory=list)
    feedback_notes: int = 0


class DraftRecord(BaseModel):
    id: int
    workspace: str
    kind: str
    title: str
    status: ReviewStatus
    persona: str | None = None
    axis: str | None = None
    lang: str = "ja"
    current_version: int
    created_by: str
    created_at: dt.datetime
    updated_at: dt.datetime


class Version(BaseModel):
    draft_id: int
    number: int
    draft: Draft
    reason: VersionReason
    note: str = ""
    snapshot: Snapshot = Field(default_factory=Snapshot)
    author: str
    created_at: dt.datetime


class Comment(BaseModel):
    id: int
    draft_id: int
    version: int
    section: str | None = None
    author: str
    text: str
    kind: CommentKind = "comment"
    assessment: Assessment | None = None
    resolved_in: int | None = None
    created_at: dt.datetime

    @property
    def open(self) -> bool:
        return self.resolved_in is None and self.kind in ("comment", "request_changes")


class Event(BaseModel):
    draft_id: int
    actor: str
    action: str
    detail: str = ""
    version: int | None = None
    at: dt.datetime


class ReviewView(BaseModel):
    """Everything ``axis review show`` prints and an export needs."""

    record: DraftRecord
    version: Version
    versions: list[int]
    comments: list[Comment]
    events: list[Event]

    @property
    def approval(self) -> Event | None:
        approvals = [e for e in self.events if e.action == "approve"]
        return approvals[-1] if approvals and self.record.status == "approved" else None

    @property
    def overrides(self) -> list[Comment]:
        return [c for c in self.comments if c.kind == "override"]


class Actions(BaseModel):
    """What a reviewer can do to a draft now (``ReviewService.allowed_actions``)."""

    submit: bool
    request_changes: bool
    approve: bool
    archive: bool
    regenerate: bool
    edit: bool
    comment: bool
    override_needed: int = Field(
        description="Blocking checks on the current version: approving needs an override comment."
    )
    llm: bool = Field(description="Regeneration can use an LLM (else open comments stay open).")
