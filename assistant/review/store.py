"""The review store: drafts, their versions, comments, status and an audit trail, in SQL.

Statuses move draft → in_review → changes_requested → (new version, submit) → in_review →
approved; any draft can be archived.  An approved draft that is edited or regenerated goes back
to ``draft``: the approval was for the version the approver read.  Every status change is a
conditional UPDATE (``WHERE status = <the status it was read in>``), so two reviewers acting at
once cannot both win.  Comments are committed before anything acts on them.

A version whose checks found unverified numbers, broken citations or unknown refs can only be
approved with an override comment, which is kept with the approval.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, func, insert, select, update

from assistant.db import get_engine
from assistant.db.schema import draft_comments, draft_events, draft_versions, drafts
from assistant.drafts.models import Draft
from assistant.errors import NotFoundError, ReviewError
from assistant.review.models import (
    Comment,
    CommentKind,
    DraftRecord,
    Event,
    ReviewStatus,
    ReviewView,
    Snapshot,
    Version,
    VersionReason,
)

# status -> the statuses it may move to, and by which action
TRANSITIONS: dict[str, dict[str, tuple[ReviewStatus, ...]]] = {
    "submit": {"to": ("in_review",), "from": ("draft", "changes_requested")},
    "request_changes": {"to": ("changes_requested",), "from": ("in_review",)},
    "approve": {"to": ("approved",), "from": ("draft", "in_review")},
    "archive": {
        "to": ("archived",),
        "from": ("draft", "in_review", "changes_requested", "approved"),
    },
}
# What to do instead, by action and the status that refused it.
_HINTS: dict[tuple[str, str], str] = {
    ("submit", "in_review"): "it is already in review",
    ("submit", "approved"): "it is already approved",
    ("request_changes", "draft"): "changes can only be requested on a draft in review "
    "(submit it first: axis review submit ID)",
    ("request_changes", "changes_requested"): "changes are already requested",
    ("request_changes", "approved"): "it is approved; edit or regenerate it to reopen it",
    ("approve", "changes_requested"): "changes were requested: make a new version (axis "
    "review edit / regenerate ID), then submit it (axis review submit ID)",
    ("approve", "approved"): "it is already approved",
}
_DEFAULT_HINT = "archived drafts can no longer change"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ReviewStore:
    def __init__(self, db_url: str, workspace: str) -> None:
        self.engine = get_engine(db_url)
        self.workspace = workspace

    # -- reads ------------------------------------------------------------------------
    def get(self, draft_id: int) -> DraftRecord:
        with self.engine.connect() as conn:
            row = (
                conn.execute(
                    select(drafts).where(
                        drafts.c.id == draft_id, drafts.c.workspace == self.workspace
                    )
                )
                .mappings()
                .first()
            )
        if row is None:
            raise NotFoundError(
                f"No draft {draft_id} in workspace '{self.workspace}' — list them with "
                "axis review list"
            )
        return DraftRecord(**row)

    def list(self, *, status: str | None = None, kind: str | None = None) -> list[DraftRecord]:
        query = select(drafts).where(drafts.c.workspace == self.workspace)
        if status:
            query = query.where(drafts.c.status == status)
        if kind:
            query = query.where(drafts.c.kind == kind)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(drafts.c.updated_at.desc(), drafts.c.id.desc()))
            return [DraftRecord(**r) for r in rows.mappings()]

    def version(self, draft_id: int, number: int | None = None) -> Version:
        record = self.get(draft_id)
        number = record.current_version if number is None else number
        with self.engine.connect() as conn:
            row = (
                conn.execute(
                    select(draft_versions).where(
                        draft_versions.c.draft_id == draft_id, draft_versions.c.number == number
                    )
                )
                .mappings()
                .first()
            )
        if row is None:
            raise NotFoundError(
                f"Draft {draft_id} has no version {number} — it has versions 1 to "
                f"{record.current_version}"
            )
        return _version(row)

    def version_numbers(self, draft_id: int) -> list[int]:
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    select(draft_versions.c.number)
                    .where(draft_versions.c.draft_id == draft_id)
                    .order_by(draft_versions.c.number)
                ).scalars()
            )

    def comments(self, draft_id: int) -> list[Comment]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(draft_comments)
                .where(draft_comments.c.draft_id == draft_id)
                .order_by(draft_comments.c.id)
            ).mappings()
            return [Comment(**r) for r in rows]

    def events(self, draft_id: int) -> list[Event]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(draft_events)
                .where(draft_events.c.draft_id == draft_id)
                .order_by(draft_events.c.id)
            ).mappings()
            return [Event(**{k: v for k, v in r.items() if k != "id"}) for r in rows]

    def view(self, draft_id: int, version: int | None = None) -> ReviewView:
        return ReviewView(
            record=self.get(draft_id),
            version=self.version(draft_id, version),
            versions=self.version_numbers(draft_id),
            comments=self.comments(draft_id),
            events=self.events(draft_id),
        )

    # -- writes -----------------------------------------------------------------------
    def create(self, draft: Draft, *, actor: str, snapshot: Snapshot) -> DraftRecord:
        now = _now()
        with self.engine.begin() as conn:
            draft_id = conn.execute(
                insert(drafts).values(
                    workspace=self.workspace,
                    kind=draft.kind,
                    title=draft.title,
                    status="draft",
                    persona=draft.persona,
                    axis=draft.axis,
                    lang=draft.lang,
                    current_version=1,
                    created_by=actor,
                    created_at=now,
                    updated_at=now,
                )
            ).inserted_primary_key[0]
            self._insert_version(conn, draft_id, 1, draft, "generated", "", snapshot, actor, now)
            _event(conn, draft_id, actor, "create", f"{draft.kind} ({draft.mode})", 1, now)
        return self.get(int(draft_id))

    def add_version(
        self,
        draft_id: int,
        draft: Draft,
        *,
        actor: str,
        reason: VersionReason,
        note: str = "",
        snapshot: Snapshot,
        resolves: Sequence[int] = (),
        based_on: int | None = None,
    ) -> Version:
        """A new current version; an approved draft goes back to ``draft``.

        ``based_on`` is the version the change was made from: if another version landed in
        between, the change is refused rather than silently dropping the other one.
        """
        record = self.get(draft_id)
        if record.status == "archived":
            raise ReviewError(f"Draft {draft_id} is archived — it can no longer change")
        based_on = record.current_version if based_on is None else based_on
        now = _now()
        with self.engine.begin() as conn:
            number = (
                conn.execute(
                    select(func.max(draft_versions.c.number)).where(
                        draft_versions.c.draft_id == draft_id
                    )
                ).scalar()
                or 0
            ) + 1
            self._insert_version(conn, draft_id, number, draft, reason, note, snapshot, actor, now)
            status = "draft" if record.status == "approved" else record.status
            moved = conn.execute(
                update(drafts)
                .where(
                    drafts.c.id == draft_id,
                    drafts.c.status == record.status,
                    drafts.c.current_version == based_on,
                )
                .values(current_version=number, title=draft.title, status=status, updated_at=now)
            ).rowcount
            if moved != 1:  # rolls the new version back with the transaction
                raise ReviewError(
                    f"Draft {draft_id} changed while you were working on it (it is now "
                    f"'{self.get(draft_id).status}', version {self.get(draft_id).current_version}"
                    f", your change was made from version {based_on}) — show it again and redo "
                    "the change on the current version"
                )
            if resolves:
                conn.execute(
                    update(draft_comments)
                    .where(
                        draft_comments.c.draft_id == draft_id,
                        draft_comments.c.id.in_(list(resolves)),
                    )
                    .values(resolved_in=number)
                )
            _event(conn, draft_id, actor, reason, note, number, now)
            if status != record.status:
                _event(
                    conn,
                    draft_id,
                    actor,
                    "reopen",
                    "approval was for an earlier version",
                    number,
                    now,
                )
        return self.version(draft_id, number)

    def comment(
        self,
        draft_id: int,
        text: str,
        *,
        actor: str,
        section: str | None = None,
        kind: CommentKind = "comment",
        assessment: str | None = None,
    ) -> Comment:
        text = text.strip()
        if not text:
            raise ReviewError("A comment needs some text — say what should change and why")
        record = self.get(draft_id)
        if record.status == "archived":
            raise ReviewError(f"Draft {draft_id} is archived — it no longer takes comments")
        if section is not None:
            known = [s.key for s in self.version(draft_id).draft.sections]
            if section not in known:
                raise NotFoundError(
                    f"Draft {draft_id} has no section '{section}' — its sections are: "
                    f"{', '.join(known)}"
                )
        now = _now()
        with self.engine.begin() as conn:
            comment_id = conn.execute(
                insert(draft_comments).values(
                    draft_id=draft_id,
                    version=record.current_version,
                    section=section,
                    author=actor,
                    text=text,
                    kind=kind,
                    assessment=assessment,
                    created_at=now,
                )
            ).inserted_primary_key[0]
            _event(conn, draft_id, actor, kind, section or "", record.current_version, now)
        return next(c for c in self.comments(draft_id) if c.id == comment_id)

    def resolve(self, draft_id: int, comment_id: int, *, actor: str) -> Comment:
        record = self.get(draft_id)
        comment = next((c for c in self.comments(draft_id) if c.id == comment_id), None)
        if comment is None:
            raise NotFoundError(
                f"Draft {draft_id} has no comment {comment_id} — axis review show {draft_id} "
                "lists them"
            )
        if not comment.open:
            raise ReviewError(f"Comment {comment_id} is not open — nothing to resolve")
        now = _now()
        with self.engine.begin() as conn:
            conn.execute(
                update(draft_comments)
                .where(draft_comments.c.id == comment_id)
                .values(resolved_in=record.current_version)
            )
            _event(conn, draft_id, actor, "resolve", f"comment {comment_id}", None, now)
        return next(c for c in self.comments(draft_id) if c.id == comment_id)

    @staticmethod
    def check(action: str, record: DraftRecord) -> None:
        """Raise ``ReviewError`` saying what would work when ``action`` is not allowed now."""
        if record.status not in TRANSITIONS[action]["from"]:
            raise ReviewError(
                f"Draft {record.id} is '{record.status}': cannot {action.replace('_', ' ')} — "
                f"{_HINTS.get((action, record.status), _DEFAULT_HINT)}"
            )

    def transition(
        self, draft_id: int, action: str, *, actor: str, detail: str = ""
    ) -> DraftRecord:
        record = self.get(draft_id)
        rule = TRANSITIONS[action]
        self.check(action, record)
        now = _now()
        with self.engine.begin() as conn:
            changed = conn.execute(
                update(drafts)
                .where(drafts.c.id == draft_id, drafts.c.status == record.status)
                .values(status=rule["to"][0], updated_at=now)
            ).rowcount
            if changed != 1:
                raise ReviewError(
                    f"Draft {draft_id} changed while you were acting on it — show it again "
                    "and retry"
                )
            _event(conn, draft_id, actor, action, detail, record.current_version, now)
        return self.get(draft_id)

    def _insert_version(
        self,
        conn: Connection,
        draft_id: int,
        number: int,
        draft: Draft,
        reason: str,
        note: str,
        snapshot: Snapshot,
        actor: str,
        now: dt.datetime,
    ) -> None:
        conn.execute(
            insert(draft_versions).values(
                draft_id=draft_id,
                number=number,
                payload=draft.model_dump(mode="json"),
                reason=reason,
                note=note,
                snapshot=snapshot.model_dump(mode="json"),
                author=actor,
                created_at=now,
            )
        )


def _event(
    conn: Connection,
    draft_id: int,
    actor: str,
    action: str,
    detail: str,
    version: int | None,
    now: dt.datetime,
) -> None:
    conn.execute(
        insert(draft_events).values(
            draft_id=draft_id, actor=actor, action=action, detail=detail, version=version, at=now
        )
    )


def _version(row) -> Version:  # type: ignore[no-untyped-def]
    return Version(
        draft_id=row["draft_id"],
        number=row["number"],
        draft=Draft.model_validate(row["payload"]),
        reason=row["reason"],
        note=row["note"] or "",
        snapshot=Snapshot.model_validate(row["snapshot"] or {}),
        author=row["author"],
        created_at=row["created_at"],
    )
