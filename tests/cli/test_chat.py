"""`axis ask` (the JSON contract, exit codes) and `axis chat` (an interactive session)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from assistant.cli.app import app
from tests.conftest import free_port

runner = CliRunner()


def test_ask_json_contract(seeded_store) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["ask", "2026年9月のSQL数は?", "--json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert {"answer", "citations", "mode", "warnings"} <= set(doc)
    assert doc["mode"] == "offline"
    assert "50件" in doc["answer"]
    assert doc["citations"][0]["source"] == "kpi.csv"
    assert set(doc["citations"][0]) == {"chunk_id", "source", "quote", "location"}
    assert doc["citations"][0]["location"] is None  # a CSV has no pages
    assert doc["warnings"] == []


def test_ask_human_output_shows_sources_and_notice(seeded_store) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["ask", "スタンダードプランの月額料金は?"])
    assert result.exit_code == 0
    assert "月額8万円" in result.stdout and "keiri.md" in result.stdout
    assert "OPENAI_API_KEY" in result.stderr


def test_ask_with_llm_down_exits_3_and_keeps_the_question(seeded_store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{free_port()}/v1")
    monkeypatch.setenv("AXIS_LLM_MAX_RETRIES", "0")
    result = runner.invoke(app, ["ask", "初期費用は?", "--json"])
    assert result.exit_code == 3
    assert "Cannot reach the LLM" in result.stderr and result.stdout == ""
    from assistant.chat import ConversationStore
    from assistant.config import load_settings

    settings = load_settings()
    conversations = ConversationStore(settings.database_url, settings.workspace)
    [conv] = conversations.list()
    assert conversations.messages(conv.id)[0].content == "初期費用は?"


def test_chat_session_keeps_one_conversation(seeded_store) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["chat"], input="2026年9月の受注数は?\nその前月は?\nexit\n")
    assert result.exit_code == 0, result.stderr
    assert "(offline)" in result.stdout
    assert "10件" in result.stdout and "11件" in result.stdout  # Sep, then Aug
    from assistant.chat import ConversationStore
    from assistant.config import load_settings

    settings = load_settings()
    [conv] = ConversationStore(settings.database_url, settings.workspace).list()
    assert conv.messages == 4 and conv.id in result.stderr
