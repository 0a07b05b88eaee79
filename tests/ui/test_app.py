"""Page logic through Streamlit's AppTest (no browser): language switch, search, delete."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.retrieval.helpers import add, loaded
from tests.ui.conftest import open_page


@pytest.fixture
def seeded(settings):  # type: ignore[no-untyped-def]
    from assistant.retrieval import KnowledgeStore

    store = KnowledgeStore(settings)
    add(
        store,
        loaded("fb.csv", "セキュリティ審査でSSO対応を確認された。", kind="feedback", rep="田中"),
    )
    add(
        store, loaded("product.md", "ケイリクラウドの料金はスタンダード月額8万円。", kind="product")
    )
    return store


def _run(lang: str = "ja") -> AppTest:
    return open_page("knowledge", lang=lang)


def test_knowledge_page_lists_documents_by_kind(seeded) -> None:  # type: ignore[no-untyped-def]
    at = _run()
    assert not at.exception
    assert at.title[0].value == "ナレッジ管理"
    labels = {m.label: m.value for m in at.main.metric}
    assert labels["営業フィードバック"] == "1" and labels["製品"] == "1"


def test_sidebar_shows_workspace_counts(seeded) -> None:  # type: ignore[no-untyped-def]
    # The sidebar is the same on every page; check it on the home page.
    at = open_page()
    assert not at.exception
    labels = {m.label: m.value for m in at.sidebar.metric}
    assert labels == {"ドキュメント": "2", "チャンク": "2"}


def test_english_switch_translates_the_page(seeded) -> None:  # type: ignore[no-untyped-def]
    at = _run("en")
    assert at.title[0].value == "Knowledge"
    assert "Sales feedback" in {m.label for m in at.main.metric}


def test_search_shows_ranked_passages_with_sources(seeded) -> None:  # type: ignore[no-untyped-def]
    at = _run()
    at.text_input[0].input("セキュリティ審査").run()
    assert not at.exception
    headers = [m.value for m in at.markdown if m.value.startswith("**1.")]
    assert headers and "fb.csv" in headers[0]
    assert any("SSO対応" in t.value for t in at.text)
    assert any("rep: 田中" in c.value for c in at.caption)


def test_search_filtered_by_kind(seeded) -> None:  # type: ignore[no-untyped-def]
    at = _run()
    kind_box = next(s for s in at.selectbox if s.label == "種類で絞り込み")
    kind_box.select("product").run()
    at.text_input[0].input("セキュリティ審査").run()
    sources = [m.value for m in at.markdown if m.value.startswith("**")]
    assert sources and all("product.md" in s for s in sources)


def test_empty_workspace_invites_an_upload() -> None:
    at = _run()
    assert any("まだドキュメントがありません" in i.value for i in at.info)


def test_unreachable_chroma_server_shows_an_error_not_a_trace(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import free_port

    monkeypatch.setenv("AXIS_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("AXIS_CHROMA_PORT", str(free_port()))
    at = open_page(lang=None)
    assert not at.exception
    assert "Cannot reach the Chroma server" in at.error[0].value


def test_delete_removes_the_document(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    at = _run()
    target = next(s for s in at.selectbox if s.label == "削除するドキュメント")
    target.select("product.md").run()
    delete = next(b for b in at.button if b.label == "削除")
    delete.click().run()
    assert not at.exception
    assert [d.source for d in seeded.documents()] == ["fb.csv"]


def test_language_defaults_to_the_setting(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AXIS_LANGUAGE", "en")
    at = open_page(lang=None)
    assert at.session_state["lang"] == "en"


def test_invalid_setting_is_shown_as_an_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AXIS_WORKSPACE", "no spaces allowed")
    at = open_page(lang=None)
    assert not at.exception
    assert "AXIS_WORKSPACE" in at.error[0].value


def test_a_document_kind_is_corrected_on_the_page(seeded) -> None:  # type: ignore[no-untyped-def]
    at = _run()
    doc = next(s for s in at.selectbox if s.label == "文書")
    doc.select("product.md").run()
    next(s for s in at.selectbox if s.label == "種類").select("competitor").run()
    next(b for b in at.button if b.label == "変更").click().run()
    assert not at.exception
    assert [d.kind for d in seeded.documents() if d.source == "product.md"] == ["competitor"]
