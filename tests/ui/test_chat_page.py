"""The chat page through Streamlit's AppTest: home page, answers with sources, warnings, errors,
and the conversation list (new / rename / delete)."""

from __future__ import annotations

import pytest
from langchain_core.messages import AIMessage
from streamlit.testing.v1 import AppTest

from tests.fakes import DownFake, RecordingFake
from tests.ui.conftest import open_page


def _run(lang: str = "ja") -> AppTest:
    return open_page(lang=lang)


def _ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question)
    return at.run()


def _texts(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_chat_is_home_with_offline_badge_and_starters_from_the_data(seeded_store) -> None:  # type: ignore[no-untyped-def]
    at = _run()
    assert not at.exception
    assert at.title[0].value == "Axis に質問する"
    assert "LLMなし" in _texts(at)
    labels = [b.label for b in at.button]
    assert "2026年9月のKPIは？" in labels  # the workspace's latest month


def test_question_gets_an_answer_with_sources_and_is_listed(seeded_store) -> None:  # type: ignore[no-untyped-def]
    at = _ask(_run(), "2026年9月のSQL数は?")
    assert not at.exception and not at.error
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    assert "50件" in _texts(at)
    assert "出典（1件）" in [e.label for e in at.main.expander]
    assert "kpi.csv" in _texts(at)
    # The conversation is in the sidebar and survives a rerun (read back from SQL).
    assert any(b.label.startswith("▶ 2026年9月のSQL数は") for b in at.sidebar.button)
    at = at.run()
    assert [m.name for m in at.chat_message] == ["user", "assistant"]


def test_starter_button_asks_its_question(seeded_store) -> None:  # type: ignore[no-untyped-def]
    at = _run()
    next(b for b in at.button if b.label == "2026年9月のKPIは？").click()
    at = at.run()
    assert "28.6%" in _texts(at)  # 200/700 MQL rate, computed


@pytest.fixture
def fake_llm(monkeypatch):  # type: ignore[no-untyped-def]
    from assistant.llm import providers

    def install(model) -> None:  # type: ignore[no-untyped-def]
        monkeypatch.setitem(providers.PROVIDERS, "openai", lambda settings: model)
        monkeypatch.setenv("AXIS_LLM", "openai")
        monkeypatch.setenv("AXIS_MODEL", "fake-model")

    return install


def test_unverified_number_is_marked_and_mode_shows_the_model(seeded_store, fake_llm) -> None:  # type: ignore[no-untyped-def]
    fake_llm(RecordingFake(messages=iter([AIMessage(content="月額は12万円です [1]。")])))
    at = _ask(_run(), "スタンダードプランの料金は?")
    assert not at.exception
    assert "LLM: fake-model" in _texts(at)
    assert any("12万円" in w.value for w in at.warning)


def test_llm_down_shows_an_error_not_a_trace(seeded_store, fake_llm) -> None:  # type: ignore[no-untyped-def]
    fake_llm(DownFake(messages=iter([])))
    at = _ask(_run(), "初期費用は?")
    assert not at.exception
    assert "Cannot reach the LLM" in at.error[0].value
    assert "質問は保存されています" in at.error[0].value


def test_rename_and_delete_a_conversation(seeded_store) -> None:  # type: ignore[no-untyped-def]
    at = _ask(_run(), "初期費用は?")
    at.sidebar.text_input(key="chat_rename_input").set_value("料金の相談")
    at.sidebar.button(key="chat_rename_button").click()
    at = at.run()
    assert any(b.label == "▶ 料金の相談" for b in at.sidebar.button)
    at.sidebar.button(key="chat_delete_button").click()
    at = at.run()
    assert not any("料金の相談" in b.label for b in at.sidebar.button)
    assert at.chat_message == [] or len(at.chat_message) == 0


def test_english_page(seeded_store) -> None:  # type: ignore[no-untyped-def]
    at = _run("en")
    assert at.title[0].value == "Ask Axis"
    assert "What were the KPIs for 2026-09?" in [b.label for b in at.button]


def test_asking_for_an_sla_draft_links_to_it_on_the_review_page(seeded_store, settings) -> None:  # type: ignore[no-untyped-def]
    from assistant.review.store import ReviewStore

    at = _ask(_run(), "SLA案を作って")
    assert not at.exception and not at.error
    (record,) = ReviewStore(settings.database_url, settings.workspace).list()
    assert record.kind == "sla"
    links = at.get("page_link")
    assert [link.proto.page for link in links] == ["review"]
    assert f"#{record.id}" in links[0].proto.label
    assert f"id={record.id}" in links[0].proto.query_string


def test_a_trend_answer_draws_a_chart_and_keeps_it_on_rerun(seeded_store) -> None:  # type: ignore[no-untyped-def]
    at = _ask(_run(), "2026年7月〜9月のMQL→SQL転換率の推移は？")
    assert not at.exception and not at.error
    assert "2026年7月〜9月のMQL→SQL転換率（月次推移）" in _texts(at)
    assert len(at.get("vega_lite_chart")) == 1
    at = at.run()  # read back from the stored conversation
    assert len(at.get("vega_lite_chart")) == 1
