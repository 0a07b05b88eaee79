"""The review workflow over the store: create, edit, regenerate, comment, approve, export.

The CLI and the UI call these functions and nothing else, so both enforce the same rules:
comments are committed before they are acted on; every edit or regeneration is a new version
whose checks run again; a regeneration takes open comments as instructions (only an LLM can
act on prose instructions, so without one they stay open and the version says so); the data
snapshot of every version is recorded; and approval of a version with unverified numbers needs
an override comment.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from assistant.config import Settings
from assistant.drafts.checks import refs_in, with_checks
from assistant.drafts.context import Assessment, DraftRequest
from assistant.drafts.evidence import Corpus
from assistant.drafts.generate import draft_client, generate
from assistant.drafts.models import Draft
from assistant.errors import NotFoundError, ReviewError
from assistant.llm import LLMClient
from assistant.retrieval import KnowledgeStore
from assistant.review.diff import SectionDiff, diff_drafts
from assistant.review.models import Actions, Comment, DraftRecord, ReviewView, Version
from assistant.review.snapshot import take_snapshot
from assistant.review.store import TRANSITIONS, ReviewStore

ASSESSMENTS = ("met", "partly", "not_met", "unknown")


class ReviewService:
    """Drafts of one workspace and their review; cheap to build per request."""

    def __init__(
        self,
        settings: Settings,
        store: KnowledgeStore,
        *,
        client: LLMClient | None | Literal["auto"] = "auto",
    ) -> None:
        self.settings = settings
        self.store = store
        self.client = draft_client(settings) if client == "auto" else client
        self.reviews = ReviewStore(settings.database_url, settings.workspace)

    def _actor(self, actor: str | None) -> str:
        return (actor or self.settings.user or "unknown").strip() or "unknown"

    def _corpus(self) -> Corpus:
        return Corpus(self.settings, self.store)

    def _snapshot(self, corpus: Corpus):  # type: ignore[no-untyped-def]
        return take_snapshot(
            self.settings.database_url, self.settings.workspace, generation=corpus.generation
        )

    # -- creating -----------------------------------------------------------------------
    def create(
        self, request: DraftRequest, *, actor: str | None = None
    ) -> tuple[DraftRecord, Draft]:
        corpus = self._corpus()
        draft = generate(self.settings, self.store, request, client=self.client, corpus=corpus)
        record = self.reviews.create(
            draft, actor=self._actor(actor), snapshot=self._snapshot(corpus)
        )
        return record, draft

    def create_many(
        self,
        requests: list[DraftRequest],
        *,
        actor: str | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[tuple[DraftRecord, Draft]]:
        """Several drafts from one snapshot of the evidence (a team's batch of briefs)."""
        corpus = self._corpus()
        snapshot = self._snapshot(corpus)
        out: list[tuple[DraftRecord, Draft]] = []
        for done, request in enumerate(requests, start=1):
            draft = generate(self.settings, self.store, request, client=self.client, corpus=corpus)
            out.append(
                (self.reviews.create(draft, actor=self._actor(actor), snapshot=snapshot), draft)
            )
            if progress:
                progress(done, len(requests))
        return out

    # -- reading ------------------------------------------------------------------------
    def view(self, draft_id: int, version: int | None = None) -> ReviewView:
        return self.reviews.view(draft_id, version)

    def list(self, *, status: str | None = None, kind: str | None = None) -> list[DraftRecord]:
        return self.reviews.list(status=status, kind=kind)

    def diff(self, draft_id: int, old: int, new: int | None = None) -> list[SectionDiff]:
        before = self.reviews.version(draft_id, old).draft
        after = self.reviews.version(draft_id, new).draft
        return diff_drafts(before, after)

    # -- changing -----------------------------------------------------------------------
    def edit_section(
        self, draft_id: int, key: str, body: str, *, actor: str | None = None
    ) -> Version:
        """A new version with one section's text replaced and every check run again; the open
        comments on that section count as addressed by it."""
        record = self.reviews.get(draft_id)
        if record.status == "archived":
            raise ReviewError(f"Draft {draft_id} is archived — it can no longer change")
        base = self.reviews.version(draft_id, record.current_version)
        current = base.draft
        section = current.section(key)
        if section is None:
            keys = ", ".join(s.key for s in current.sections)
            raise NotFoundError(f"Draft {draft_id} has no section '{key}' — its sections: {keys}")
        if not body.strip():
            raise ReviewError(
                f"The new text of '{key}' is empty — write the section, or comment on it instead"
            )
        if body.strip() == section.body.strip():
            raise ReviewError(f"Section '{key}' is unchanged — nothing to save")
        edited = section.model_copy(update={"body": body.strip(), "refs": refs_in(body)})
        sections = [edited if s.key == key else s for s in current.sections]
        corpus = self._corpus()
        draft = with_checks(current.model_copy(update={"sections": sections}), corpus)
        addressed = [c.id for c in self.reviews.comments(draft_id) if c.open and c.section == key]
        return self.reviews.add_version(
            draft_id,
            draft,
            actor=self._actor(actor),
            reason="edited",
            note=f"edited {section.title}",
            snapshot=base.snapshot,
            resolves=addressed,
            based_on=base.number,
        )

    def regenerate(
        self, draft_id: int, *, actor: str | None = None, use_comments: bool = True
    ) -> Version:
        """A new version from today's evidence; open comments become instructions.

        Sections edited by hand since the last generation are rebuilt too (the evidence may
        have changed under them); the version note names them so nobody loses an edit unaware.
        """
        record = self.reviews.get(draft_id)
        if record.status == "archived":  # before spending a generation on it
            raise ReviewError(f"Draft {draft_id} is archived — it can no longer change")
        current = self.reviews.version(draft_id)
        comments = self.reviews.comments(draft_id)
        open_comments = [c for c in comments if c.open] if use_comments else []
        request = DraftRequest(
            kind=current.draft.kind,
            persona=record.persona,
            axis=record.axis,
            lang=record.lang,
            options=dict(current.draft.options),
            instructions=[_instruction(c, current.draft) for c in open_comments],
            previous=current.draft.content,
            assessments=_assessments(comments),
        )
        corpus = self._corpus()
        draft = generate(self.settings, self.store, request, client=self.client, corpus=corpus)
        applied = self.client is not None and bool(open_comments)
        replaced = self._hand_edited(draft_id, current)
        note = (
            f"regenerated with {len(open_comments)} comment(s) as instructions"
            if applied
            else "regenerated from the current evidence"
            + (
                f"; {len(open_comments)} open comment(s) need an LLM or an edit"
                if open_comments
                else ""
            )
        )
        if replaced:
            note += f"; replaced the hand edits of: {', '.join(replaced)}"
        return self.reviews.add_version(
            draft_id,
            draft,
            actor=self._actor(actor),
            reason="regenerated",
            note=note,
            snapshot=self._snapshot(corpus),
            resolves=[c.id for c in open_comments] if applied else (),
            based_on=current.number,
        )

    def _hand_edited(self, draft_id: int, current: Version) -> list[str]:
        """Titles of sections edited by hand since the last generated version."""
        numbers = self.reviews.version_numbers(draft_id)
        for number in reversed(numbers):
            version = self.reviews.version(draft_id, number)
            if version.reason != "edited":
                return [
                    d.title for d in diff_drafts(version.draft, current.draft) if d.change != "same"
                ]
        return []

    def comment(
        self, draft_id: int, text: str, *, actor: str | None = None, section: str | None = None
    ) -> Comment:
        return self.reviews.comment(draft_id, text, actor=self._actor(actor), section=section)

    def assess(
        self, draft_id: int, section: str, status: str, text: str, *, actor: str | None = None
    ) -> Comment:
        """The director's own status for a checklist item (used by the next regeneration)."""
        if status not in ASSESSMENTS:
            raise ReviewError(
                f"Unknown assessment '{status}' — use one of {', '.join(ASSESSMENTS)}"
            )
        record = self.reviews.get(draft_id)
        if record.kind != "improvement-plan":
            raise ReviewError("Assessments apply to improvement plans only — comment instead")
        return self.reviews.comment(
            draft_id,
            text,
            actor=self._actor(actor),
            section=section,
            kind="assessment",
            assessment=status,
        )

    def resolve(self, draft_id: int, comment_id: int, *, actor: str | None = None) -> Comment:
        """Mark an open comment as addressed by the current version."""
        return self.reviews.resolve(draft_id, comment_id, actor=self._actor(actor))

    # -- status -------------------------------------------------------------------------
    def submit(self, draft_id: int, *, actor: str | None = None) -> DraftRecord:
        return self.reviews.transition(draft_id, "submit", actor=self._actor(actor))

    def request_changes(
        self, draft_id: int, *, actor: str | None = None, comment: str | None = None
    ) -> DraftRecord:
        who = self._actor(actor)
        self.reviews.check("request_changes", self.reviews.get(draft_id))  # refuse before writing
        if comment and comment.strip():
            self.reviews.comment(draft_id, comment, actor=who, kind="request_changes")
        return self.reviews.transition(draft_id, "request_changes", actor=who)

    def approve(
        self,
        draft_id: int,
        *,
        actor: str | None = None,
        comment: str | None = None,
        version: int | None = None,
    ) -> DraftRecord:
        """Approve the current version; unverified numbers need an override ``comment``.

        ``version`` is the version the approver read: if it is not the current one, nothing
        is approved (an approval is for text somebody read).
        """
        who = self._actor(actor)
        record = self.reviews.get(draft_id)
        if version is not None and version != record.current_version:
            raise ReviewError(
                f"You read version {version} of draft {draft_id}, but version "
                f"{record.current_version} is current — read it, then approve it"
            )
        blocking = self.reviews.version(draft_id).draft.blocking_warnings
        text = (comment or "").strip()
        if blocking and not text:
            listed = "; ".join(w.message for w in blocking[:5])
            raise ReviewError(
                f"Draft {draft_id} v{record.current_version} has {len(blocking)} unresolved "
                f"check(s): {listed} — fix them (edit or regenerate), or approve with a comment "
                "that explains why they are acceptable (axis review approve ID --comment TEXT)",
                ja=f"下書き #{draft_id} 第{record.current_version}版には未解決のチェックが"
                f"{len(blocking)}件あります（{listed}）。修正するか、許容する理由を書いて承認して"
                "ください（承認には理由の記入が必要です）。",
            )
        self.reviews.check("approve", record)  # refuse before writing the comment
        if text:
            kind = "override" if blocking else "approval"
            self.reviews.comment(draft_id, text, actor=who, kind=kind)
        detail = f"override of {len(blocking)} check(s)" if blocking else ""
        return self.reviews.transition(draft_id, "approve", actor=who, detail=detail)

    def archive(self, draft_id: int, *, actor: str | None = None) -> DraftRecord:
        return self.reviews.transition(draft_id, "archive", actor=self._actor(actor))

    def allowed_actions(self, record: DraftRecord) -> Actions:
        """What can be done to ``record`` now, as the service would decide it (pages show
        this; the service still refuses anything else when it is asked)."""
        can = {action: record.status in rule["from"] for action, rule in TRANSITIONS.items()}
        current = self.reviews.version(record.id).draft
        return Actions(
            submit=can["submit"],
            request_changes=can["request_changes"],
            approve=can["approve"],
            archive=can["archive"],
            regenerate=record.status not in ("approved", "archived"),
            edit=record.status != "archived",
            comment=record.status != "archived",
            override_needed=len(current.blocking_warnings),
            llm=self.client is not None,
        )

    def export_bytes(
        self, draft_id: int, fmt: str, *, allow_unapproved: bool = False
    ) -> tuple[bytes, str, str]:
        """(content, file name, media type) of an export, for a download button."""
        from assistant.review.export.files import export_bytes

        return export_bytes(self.view(draft_id), fmt, allow_unapproved=allow_unapproved)  # type: ignore[arg-type]

    def export(
        self,
        draft_id: int,
        fmt: str,
        path: Path,
        *,
        allow_unapproved: bool = False,
    ) -> Path:
        from assistant.review.export.files import export

        return export(self.view(draft_id), fmt, path, allow_unapproved=allow_unapproved)  # type: ignore[arg-type]


def _instruction(comment: Comment, draft: Draft) -> str:
    section = draft.section(comment.section) if comment.section else None
    where = f"[{section.title}] " if section else ""
    return f"{where}{comment.text}"


def _assessments(comments: list[Comment]) -> dict[str, Assessment]:
    """The latest assessment per checklist item (section ``item:<id>``)."""
    out: dict[str, Assessment] = {}
    for c in comments:
        if c.kind == "assessment" and c.section and c.assessment:
            item = c.section.removeprefix("item:")
            out[item] = Assessment(status=c.assessment, comment=c.text, author=c.author)
    return out
