"""The Drafts and Review pages through AppTest, on the ingested demo company, without an LLM.

Expected values come from the inputs (the revenue target typed in, the text written into an
edit, the comment typed) or from the review store the pages write to, never from the pages'
own output.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import open_page

STATUS_JA = {"ok": "根拠あり", "gap": "情報不足", "proposal": "提案", "unknown": "不明"}
INVENTED = "受注率は99.9%です。"  # in no demo file: the number check must flag it


@pytest.fixture
def service(demo_home: Path):  # type: ignore[no-untyped-def]
    """The service the pages use, over this test's copy of the demo (offline)."""
    from assistant.config import load_settings
    from assistant.review.service import ReviewService
    from assistant.workspace import open_store

    settings = load_settings(llm="offline")
    return ReviewService(settings, open_store(settings), client=None)


def _sla(service, target: str | None = "30000000") -> int:  # type: ignore[no-untyped-def]
    from assistant.drafts.context import DraftRequest

    options = {"revenue_target": target} if target else {}
    record, _ = service.create(DraftRequest(kind="sla", lang="ja", options=options))
    return record.id


def _page(page: str, *, lang: str = "ja", draft_id: int | None = None) -> AppTest:
    at = open_page(page, lang=lang, query={"id": str(draft_id)} if draft_id else None)
    assert not at.exception, at.exception
    return at


def _button(at: AppTest, label: str, form: str | None = None):  # type: ignore[no-untyped-def]
    matches = [
        b for b in at.button if b.label == label and (form is None or b.proto.form_id == form)
    ]
    assert len(matches) == 1, [(b.label, b.proto.form_id) for b in at.button]
    return matches[0]


def _texts(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


# -- Drafts page --------------------------------------------------------------------------
def test_empty_workspace_points_to_the_knowledge_page() -> None:
    at = _page("drafts")
    assert any("まだ資料がありません" in i.value for i in at.info)
    links = at.get("page_link")
    assert links and links[0].proto.page == "knowledge"
    assert not [b for b in at.button if b.label == "ドラフトを作成"]


def test_generate_sla_shows_sections_notice_and_joins_the_queue(service) -> None:  # type: ignore[no-untyped-def]
    at = _page("drafts")
    kind = next(s for s in at.selectbox if s.label == "ドラフトの種類")
    kind.select("sla").run()
    # SLA takes no persona or axis; it takes a revenue target in yen, written the Japanese way.
    assert not [s for s in at.selectbox if s.label in ("ペルソナ", "訴求軸")]
    at.text_input(key="drafts_revenue").input("3,000万円")
    _button(at, "ドラフトを作成").click().run()
    assert not at.exception, at.exception

    records = service.list()
    assert [r.kind for r in records] == ["sla"]
    draft = service.view(records[0].id).version.draft
    assert draft.options["revenue_target"] == "30000000"  # 3,000 × 10,000 yen
    assert any(f"#{records[0].id}" in s.value for s in at.success)
    # Offline: the page says the draft was composed without an LLM.
    assert draft.notice and any(i.value == draft.notice for i in at.info)
    headings = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert len(headings) == len(draft.sections)
    for heading, section in zip(headings, draft.sections, strict=True):
        assert heading.startswith(f"#### {section.title} ")
        assert STATUS_JA[section.status] in heading  # the badge says gap / proposal / ...
    assert "30,000,000円" in _texts(at)  # the target typed in, as the plan states it
    assert any(b.label.startswith("レビューページで開く") for b in at.button)

    at = at.switch_page("views/review.py").run()
    assert not at.exception, at.exception
    queue = at.get("button_group")[0]
    assert "下書き (1)" in queue.options and "承認済み (0)" in queue.options
    assert at.selectbox(key="review_pick").value == records[0].id


def test_bad_revenue_target_is_explained(service) -> None:  # type: ignore[no-untyped-def]
    at = _page("drafts")
    next(s for s in at.selectbox if s.label == "ドラフトの種類").select("sla").run()
    at.text_input(key="drafts_revenue").input("たくさん")
    _button(at, "ドラフトを作成").click().run()
    assert not at.exception
    assert any("たくさん" in e.value and "5,000万円" in e.value for e in at.error)
    assert service.list() == []


def test_content_brief_needs_a_persona_or_a_batch(service) -> None:  # type: ignore[no-untyped-def]
    from assistant.drafts.evidence import Corpus

    personas = Corpus(service.settings, service.store).personas
    at = _page("drafts")
    next(s for s in at.selectbox if s.label == "ドラフトの種類").select("content-brief").run()
    persona = next(s for s in at.selectbox if s.label == "ペルソナ")
    assert list(persona.options) == [p.name for p in personas]  # no "none" for a brief
    at.checkbox(key="drafts_batch").check().run()
    assert not [s for s in at.selectbox if s.label == "ペルソナ"]
    at.multiselect(key="drafts_axes").set_value(["problem", "roi"]).run()
    assert any(f"{len(personas) * 2}件のブリーフ" in c.value for c in at.caption)


def test_edit_section_saves_a_new_version(service) -> None:  # type: ignore[no-untyped-def]
    at = _page("drafts")
    next(s for s in at.selectbox if s.label == "ドラフトの種類").select("sla").run()
    _button(at, "ドラフトを作成").click().run()
    draft_id = service.list()[0].id
    section = service.view(draft_id).version.draft.sections[-1]
    widget = f"edit-{draft_id}-1-{section.key}"
    at.text_area(key=widget).input("責任者はマーケティング部長と営業部長の二人とする。")
    _button(at, "保存（新しいバージョン）", form=f"form-{widget}").click().run()
    assert not at.exception, at.exception

    view = service.view(draft_id)
    assert view.versions == [1, 2]
    assert view.version.draft.section(section.key).body == (
        "責任者はマーケティング部長と営業部長の二人とする。"
    )
    assert any("バージョン 2" in s.value for s in at.success)
    assert "バージョン 2" in _texts(at)  # the page now shows the new version


# -- Review page --------------------------------------------------------------------------
def test_review_page_without_drafts_points_to_the_drafts_page(demo_home: Path) -> None:
    at = _page("review")
    assert any("まだドラフトがありません" in i.value for i in at.info)
    assert at.get("page_link")[0].proto.page == "drafts"


def test_link_with_id_opens_that_draft(service) -> None:  # type: ignore[no-untyped-def]
    first, second = _sla(service), _sla(service, None)
    at = _page("review", draft_id=first)
    assert at.selectbox(key="review_pick").value == first
    at.selectbox(key="review_pick").select(second).run()
    assert at.query_params["id"] == [str(second)] or at.query_params["id"] == str(second)
    title = service.view(second).version.draft.title
    assert any(h.value == f"#{second} {title}" for h in at.subheader)


def test_unknown_id_is_reported(service) -> None:  # type: ignore[no-untyped-def]
    _sla(service)
    at = _page("review", draft_id=999)
    assert any("#999" in w.value for w in at.warning)


def test_comment_submit_approve(service) -> None:  # type: ignore[no-untyped-def]
    draft_id = _sla(service)
    key = service.view(draft_id).version.draft.sections[0].key
    at = _page("review", draft_id=draft_id)
    form = f"comment-{draft_id}-{key}"
    at.text_area(key=f"{form}-text").input("前提の数字の出典をもう一度確認してください。")
    _button(at, "コメントする", form=form).click().run()
    comments = service.view(draft_id).comments
    assert [(c.section, c.text, c.kind) for c in comments] == [
        (key, "前提の数字の出典をもう一度確認してください。", "comment")
    ]
    assert "前提の数字の出典をもう一度確認してください" in _texts(at)

    _button(at, "レビューに提出").click().run()
    assert service.view(draft_id).record.status == "in_review"
    assert "レビュー中 (1)" in at.get("button_group")[0].options

    _button(at, "承認する").click().run()
    assert not at.exception, at.exception
    view = service.view(draft_id)
    assert view.record.status == "approved"
    assert any(s.value == "承認しました。" for s in at.success)
    assert [e.action for e in view.events][-2:] == ["submit", "approve"]


def test_request_changes_keeps_the_comment(service) -> None:  # type: ignore[no-untyped-def]
    draft_id = _sla(service)
    service.submit(draft_id)
    at = _page("review", draft_id=draft_id)
    at.text_area(key=f"request-{draft_id}-t").input("コミットメントの根拠を追記してください。")
    _button(at, "差し戻す").click().run()
    view = service.view(draft_id)
    assert view.record.status == "changes_requested"
    assert [(c.kind, c.text) for c in view.comments] == [
        ("request_changes", "コミットメントの根拠を追記してください。")
    ]


def test_refused_action_is_an_error_not_a_trace(service) -> None:  # type: ignore[no-untyped-def]
    at = _page("drafts")
    next(s for s in at.selectbox if s.label == "ドラフトの種類").select("sla").run()
    _button(at, "ドラフトを作成").click().run()
    draft_id = service.list()[0].id
    key = service.view(draft_id).version.draft.sections[0].key
    form = f"form-edit-{draft_id}-1-{key}"
    _button(at, "保存（新しいバージョン）", form=form).click().run()  # text left as it was
    assert not at.exception
    assert any("unchanged" in e.value for e in at.error)  # the service's own words
    assert service.view(draft_id).versions == [1]


def test_unverified_number_needs_an_override_comment(service) -> None:  # type: ignore[no-untyped-def]
    draft_id = _sla(service)
    key = service.view(draft_id).version.draft.sections[0].key
    service.edit_section(draft_id, key, INVENTED)
    assert service.view(draft_id).version.draft.blocking_warnings  # the premise of this test

    at = _page("review", draft_id=draft_id)
    assert any(e.value.startswith("承認を止める") and "99.9%" in e.value for e in at.error)
    assert any("理由を書いて承認" in w.value for w in at.warning)
    _button(at, "承認する").click().run()
    assert any("理由の記入が必要" in e.value for e in at.error)
    assert service.view(draft_id).record.status == "draft"
    assert service.view(draft_id).comments == []

    at.text_area(key=f"approve-note-{draft_id}").input("社内目標として合意済みの値のため許容。")
    _button(at, "承認する").click().run()
    view = service.view(draft_id)
    assert view.record.status == "approved"
    assert [(c.kind, c.text) for c in view.overrides] == [
        ("override", "社内目標として合意済みの値のため許容。")
    ]


def test_diff_shows_both_versions_side_by_side(service) -> None:  # type: ignore[no-untyped-def]
    draft_id = _sla(service)
    section = service.view(draft_id).version.draft.sections[-1]
    old_line = section.body.splitlines()[0]
    service.edit_section(draft_id, section.key, "責任者は週次で見直す。")
    at = _page("review", draft_id=draft_id)
    html = [m.value for m in at.markdown if "axis-diff" in m.value]
    old = next(h for h in html if "axis-diff-old" in h)
    new = next(h for h in html if "axis-diff-new" in h)
    import html as html_lib

    assert "<b>v1</b>" in old and "<b>v2</b>" in new
    assert html_lib.escape(old_line) in old and "line-through" in old
    assert "責任者は週次で見直す。" in new and "#d9f5dd" in new
    # Only the changed section is compared unless unchanged ones are asked for.
    assert len(html) == 2
    assert any(f"**{section.title}** · 変更" == m.value for m in at.markdown)


def test_history_and_english(service) -> None:  # type: ignore[no-untyped-def]
    draft_id = _sla(service)
    service.submit(draft_id)
    at = _page("review", lang="en", draft_id=draft_id)
    assert at.title[0].value == "Review"
    assert "In review (1)" in at.get("button_group")[0].options
    history = next(d.value for d in at.dataframe if "What" in d.value.columns)
    # history actions read as words, never as codes (「作成」 in ja, "created" in en)
    assert list(history["What"]) == ["created", "submitted"]
    ja = next(
        d.value for d in _page("review", draft_id=draft_id).dataframe if "操作" in d.value.columns
    )
    assert list(ja["操作"]) == ["作成", "レビュー依頼"]


def test_export_offers_markdown_and_word_once_approved(service) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("assistant.review.export.files")
    draft_id = _sla(service)
    at = _page("review", draft_id=draft_id)
    assert not at.get("download_button")  # not approved: asks first
    at.checkbox(key=f"unapproved-{draft_id}").check().run()
    assert not at.exception, at.exception
    assert len(at.get("download_button")) == 2
