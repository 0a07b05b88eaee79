"""The review workflow's rules, below the CLI: versions, snapshots, reopening, assessments."""

from __future__ import annotations

import pytest

from assistant.drafts import DraftRequest
from assistant.errors import NotFoundError, ReviewError
from assistant.ingest.pipeline import ingest_paths
from assistant.review.diff import diff_drafts
from assistant.review.service import ReviewService
from assistant.review.snapshot import changes
from tests.conftest import KNOWLEDGE


@pytest.fixture
def service(demo):  # type: ignore[no-untyped-def]
    settings, store = demo
    return ReviewService(settings, store, client=None)


def test_snapshot_records_the_documents_and_months_a_version_was_built_from(
    service, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    record, _ = service.create(DraftRequest(kind="sla"))
    first = service.view(record.id).version.snapshot
    sources = {d.source for d in first.documents}
    assert len(sources) == len(list(KNOWLEDGE.rglob("*.*"))) - 1  # every file but README.md
    assert first.kpi_months[0] == "2025-10" and first.kpi_months[-1] == "2026-10"
    assert first.feedback_notes > 0
    # A later KPI month arrives; the regenerated version's snapshot says what changed.
    header = (KNOWLEDGE / "kpi" / "kpi-monthly.csv").read_text("utf-8-sig").splitlines()[0]
    extra = tmp_path / "kpi-2026-11.csv"
    extra.write_text(
        header + "\n2026年11月,700,230,70,16,5600000,38000000,640,192,77,19\n", "utf-8"
    )
    ingest_paths(service.store, [extra])
    version = service.regenerate(record.id)
    diff = changes(first, version.snapshot)
    assert diff["new_months"] == ["2026-11"] and diff["added"] == [extra.name]
    # ... and the commitments were recomputed from the new history.
    before = service.reviews.version(record.id, 1).draft
    changed = {d.key for d in diff_drafts(before, version.draft) if d.change == "changed"}
    assert "commitments" in changed


def test_editing_an_approved_draft_reopens_it(service) -> None:  # type: ignore[no-untyped-def]
    record, _ = service.create(DraftRequest(kind="sla"))
    service.approve(record.id, actor="director")
    version = service.edit_section(record.id, "owners", "- 営業部長：SQLの受け入れ", actor="ops")
    view = service.view(record.id)
    assert view.record.status == "draft" and version.number == 2
    assert [e.action for e in view.events][-2:] == ["edited", "reopen"]
    assert view.approval is None  # the approval was for version 1


def test_offline_regeneration_keeps_comments_open_and_says_why(service) -> None:  # type: ignore[no-untyped-def]
    record, _ = service.create(DraftRequest(kind="sla"))
    service.comment(record.id, "エスカレーション先を明記", section="escalation")
    version = service.regenerate(record.id)
    assert "need an LLM or an edit" in version.note
    assert all(c.resolved_in is None for c in service.view(record.id).comments)


def test_unchanged_edit_and_unknown_section_are_refused_without_a_new_version(service) -> None:  # type: ignore[no-untyped-def]
    record, draft = service.create(DraftRequest(kind="sla"))
    with pytest.raises(ReviewError, match="unchanged"):
        service.edit_section(record.id, "owners", draft.section("owners").body)
    with pytest.raises(NotFoundError, match="no section 'nope'"):
        service.edit_section(record.id, "nope", "x")
    assert service.view(record.id).versions == [1]


def test_director_assessment_overrides_the_plan_on_regeneration(service) -> None:  # type: ignore[no-untyped-def]
    record, draft = service.create(DraftRequest(kind="improvement-plan"))
    item = next(s for s in draft.sections if s.key.startswith("item:") and s.status == "unknown")
    with pytest.raises(ReviewError, match="met, partly"):
        service.assess(record.id, item.key, "great", "すでに運用しています")
    service.assess(record.id, item.key, "met", "戦略は年初に全員へ共有済み", actor="director")
    version = service.regenerate(record.id)
    after = version.draft.section(item.key)
    assert after.status == "ok" and "戦略は年初に全員へ共有済み" in after.body
    assert "director" in after.body


def test_an_edit_addresses_its_sections_comments_and_regeneration_names_replaced_edits(
    service,
) -> None:  # type: ignore[no-untyped-def]
    record, _ = service.create(DraftRequest(kind="sla"))
    on_owners = service.comment(record.id, "氏名を入れて", section="owners")
    general = service.comment(record.id, "全体に短く")
    service.edit_section(record.id, "owners", "- 営業部長 大西：SQLの受け入れ")
    comments = {c.id: c for c in service.view(record.id).comments}
    assert comments[on_owners.id].resolved_in == 2 and comments[general.id].open
    version = service.regenerate(record.id)
    assert "replaced the hand edits of: 責任者" in version.note
    resolved = service.resolve(record.id, general.id)
    assert resolved.resolved_in == 3
    with pytest.raises(ReviewError, match="not open"):
        service.resolve(record.id, general.id)


def test_approval_is_for_the_version_that_was_read(service) -> None:  # type: ignore[no-untyped-def]
    record, _ = service.create(DraftRequest(kind="sla"))
    service.edit_section(record.id, "owners", "- 営業部長：SQLの受け入れ")
    with pytest.raises(ReviewError, match="You read version 1 .* version 2 is current"):
        service.approve(record.id, version=1)
    assert service.approve(record.id, version=2).status == "approved"


def test_an_edit_made_from_an_old_version_is_refused_not_lost(service) -> None:  # type: ignore[no-untyped-def]
    record, draft = service.create(DraftRequest(kind="sla"))
    stale = service.reviews.version(record.id)
    service.edit_section(record.id, "owners", "- A")
    with pytest.raises(ReviewError, match="changed while you were working"):
        service.reviews.add_version(
            record.id, draft, actor="b", reason="edited", snapshot=stale.snapshot, based_on=1
        )
    assert service.view(record.id).versions == [1, 2]


def test_archived_drafts_take_no_comments_edits_or_regenerations(service) -> None:  # type: ignore[no-untyped-def]
    record, _ = service.create(DraftRequest(kind="sla"))
    service.archive(record.id)
    for act in (
        lambda: service.comment(record.id, "x"),
        lambda: service.edit_section(record.id, "owners", "- x"),
        lambda: service.regenerate(record.id),
    ):
        with pytest.raises(ReviewError, match="archived"):
            act()
    with pytest.raises(ReviewError, match="archived drafts can no longer change"):
        service.approve(record.id)


def test_an_empty_edit_is_refused(service) -> None:  # type: ignore[no-untyped-def]
    record, _ = service.create(DraftRequest(kind="sla"))
    with pytest.raises(ReviewError, match="empty"):
        service.edit_section(record.id, "owners", "   ")
