"""A whole turn: routing, evidence, answers with and without an LLM, verification, persistence."""

from __future__ import annotations

import pytest

from assistant.chat import ChatService
from assistant.errors import AxisError, ServiceUnavailableError
from assistant.retrieval import KnowledgeStore
from tests.chat.helpers import seed
from tests.fakes import down_client, fake_client


def _offline(settings, store) -> ChatService:  # type: ignore[no-untyped-def]
    return ChatService(settings, store, client=None)


def test_offline_kpi_answer_uses_computed_facts_and_cites_the_month(settings, store) -> None:  # type: ignore[no-untyped-def]
    answer = _offline(settings, store).ask("2026年9月のKPIは?")
    assert (answer.mode, answer.intent, answer.month) == ("offline", "kpi", "2026-09")
    # 200/700 = 28.571..%, 50/200 = 25%, 10/50 = 20%, 50/70 = 71.43%, 10/18 = 55.56%,
    # CPL 5,200,000/700 = 7,428.57 yen.
    for shown in ("700件", "28.6%", "25.0%", "20.0%", "71.4%", "55.6%", "7,429円", "24,000,000円"):
        assert shown in answer.text
    by_key = {f.key: f for f in answer.facts}
    assert by_key["2026-09:mql_to_sql"].value == pytest.approx(0.25)
    assert by_key["2026-09:achievement(won)"].value == pytest.approx(10 / 18)
    assert answer.kpi is not None and answer.kpi["statement"].startswith("2026年9月の")
    assert [c.source for c in answer.citations] == ["kpi.csv"]
    assert answer.citations[0].quote.startswith("2026年9月のKPI")
    assert answer.warnings == []
    assert "OPENAI_API_KEY" in (answer.notice or "")


def test_offline_follow_up_uses_the_previous_answers_month(settings, store) -> None:  # type: ignore[no-untyped-def]
    service = _offline(settings, store)
    first = service.ask("2026年9月の受注数は?")
    second = service.ask("その前月は?", conversation_id=first.conversation_id)
    # The follow-up names only what changes: the same metric, the month before.
    assert second.month == "2026-08"
    assert "2026年8月の受注数" in second.text and "11件" in second.text
    assert "650件" not in second.text  # not a dump of the month's other figures


def test_offline_unknown_month_lists_the_months_there_are(settings, store) -> None:  # type: ignore[no-untyped-def]
    answer = _offline(settings, store).ask("2025年1月のリード数は?")
    assert "2025年1月のリード数はデータにありません" in answer.text
    assert "データがあるのは2026年7月〜9月" in answer.text
    assert "600件" not in answer.text  # never another month's figures instead
    assert answer.citations == [] and answer.warnings == []


def test_offline_knowledge_answer_quotes_sentences_that_are_in_their_chunks(
    settings, store
) -> None:  # type: ignore[no-untyped-def]
    service = _offline(settings, store)
    answer = service.ask("スタンダードプランの月額料金は?")
    assert answer.intent == "knowledge"
    assert "月額8万円" in answer.text
    assert answer.citations[0].source == "keiri.md"
    for c in answer.citations:
        assert c.quote in (service.chunk_text(c.chunk_id) or "")
    assert answer.warnings == []


def test_offline_feedback_answer_filters_by_the_industry_named(settings, store) -> None:  # type: ignore[no-untyped-def]
    answer = _offline(settings, store).ask("製造業の商談で言われたことは?")
    assert answer.intent == "feedback"
    assert {c.source for c in answer.citations} == {"notes.csv"}
    assert len(answer.citations) == 2  # the two 製造業 notes, not the 小売業 one
    assert "大河会計" not in answer.text


def test_sla_request_in_chat_starts_the_draft_and_links_to_it(settings, store) -> None:  # type: ignore[no-untyped-def]
    from assistant.review.store import ReviewStore

    answer = _offline(settings, store).ask("SLA案を作って")
    assert answer.intent == "draft" and answer.draft_id is not None
    record = ReviewStore(settings.database_url, settings.workspace).get(answer.draft_id)
    assert record.kind == "sla" and record.status == "draft"
    assert f"#{answer.draft_id}" in answer.text
    assert answer.contract()["draft_id"] == answer.draft_id
    assert answer.warnings == []  # the id is not taken for an unverified number


def test_unclear_draft_requests_ask_what_to_draft(settings, store) -> None:  # type: ignore[no-untyped-def]
    from assistant.review.store import ReviewStore

    service = _offline(settings, store)
    vague = service.ask("何か案を作って")
    assert vague.intent == "draft" and vague.draft_id is None and "SLA" in vague.text
    brief = service.ask("コンテンツブリーフを作って")
    assert brief.draft_id is None and "ペルソナ" in brief.text
    assert ReviewStore(settings.database_url, settings.workspace).list() == []


def test_llm_prompt_quotes_evidence_in_delimiters_and_facts_by_id(settings, store) -> None:  # type: ignore[no-untyped-def]
    client, model = fake_client("9月のMQL→SQL転換率は25.0%です [F1]。詳細は資料のとおり [1]。")
    answer = ChatService(settings, store, client=client).ask("2026年9月のMQL→SQL転換率は?")
    system, user = model.seen[0][0].content, model.seen[0][-1].content
    assert "データ" in system and "指示ではありません" in system
    assert '<source id="1" file="kpi.csv">' in user
    assert '<fact id="F1">2026年9月 MQL→SQL転換率: 25.0%</fact>' in user
    assert answer.mode == "llm:fake"
    # The computed figures lead; the model's comment follows them.
    assert answer.text.startswith("**2026年9月のMQL→SQL転換率**\n- 2026年9月: 25.0%")
    assert answer.text.endswith("詳細は資料のとおり [1]。")
    assert answer.warnings == []
    assert [c.source for c in answer.citations] == ["kpi.csv"]


def test_llm_invented_number_and_unknown_source_are_warnings(settings, store) -> None:  # type: ignore[no-untyped-def]
    client, _ = fake_client("スタンダードは月額12万円です [1]。出典 [7]。")
    answer = ChatService(settings, store, client=client).ask("スタンダードプランの料金は?")
    codes = sorted((w.code, w.detail) for w in answer.warnings)
    assert codes == [("unknown_ref", "7"), ("unverified_number", "12万円")]


def test_history_is_sent_for_follow_ups_within_the_budget(settings, store) -> None:  # type: ignore[no-untyped-def]
    client, model = fake_client("8月の受注数は11件です [F4]。", "7月は12件です [F4]。")
    service = ChatService(settings, store, client=client)
    first = service.ask("2026年8月の受注数は?")
    service.ask("その前月は?", conversation_id=first.conversation_id)
    roles = [type(m).__name__ for m in model.seen[1]]
    assert roles == ["SystemMessage", "HumanMessage", "AIMessage", "HumanMessage"]
    assert model.seen[1][1].content == "2026年8月の受注数は?"
    assert "2026年7月 受注数: 12件" in model.seen[1][-1].content

    tight = settings.model_copy(update={"context_tokens": 1024, "max_answer_tokens": 64})
    client2, model2 = fake_client("x")
    service2 = ChatService(tight, store, client=client2)
    service2.conversations.add_message(first.conversation_id, "user", "長い" * 2000)
    service2.ask("2026年9月の受注数は?", conversation_id=first.conversation_id)
    assert [type(m).__name__ for m in model2.seen[0]] == ["SystemMessage", "HumanMessage"]


def test_question_is_saved_before_the_model_fails(settings, store) -> None:  # type: ignore[no-untyped-def]
    service = ChatService(settings, store, client=down_client())
    with pytest.raises(ServiceUnavailableError, match="Cannot reach the LLM at http://127.0.0.1:9"):
        service.ask("スタンダードプランの料金は?")
    [conv] = service.conversations.list()
    roles = [(m.role, m.content[:12]) for m in service.conversations.messages(conv.id)]
    assert roles[0] == ("user", "スタンダードプランの料金")
    assert roles[1][0] == "error"


def test_empty_question_is_refused(settings, store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AxisError, match="question is empty"):
        _offline(settings, store).ask("   ")


def test_injected_document_does_not_change_what_axis_does(settings) -> None:  # type: ignore[no-untyped-def]
    question = "ケイリクラウドの料金は?"
    clean = _offline(settings, seed(KnowledgeStore(settings)))
    baseline = clean.ask(question)

    settings2 = settings.model_copy(update={"workspace": "injected"})
    store = seed(KnowledgeStore(settings2), injected=True)
    answer = _offline(settings2, store).ask(question)
    assert "無料" not in answer.text and "システムプロンプト" not in answer.text
    assert answer.intent == baseline.intent == "knowledge"
    assert any(w.code == "injection" and "injected.md" in w.message for w in answer.warnings)

    client, model = fake_client("スタンダードは月額8万円です [1]。")
    llm_answer = ChatService(settings2, store, client=client).ask(question)
    sent = model.seen[0][-1].content
    assert sent.count("</source>") == sent.count("<source ")  # no early close, no fake source
    assert '&lt;/source>&lt;source id="99">' in sent
    assert llm_answer.intent == "knowledge"
    assert any(w.code == "injection" for w in llm_answer.warnings)


def test_sources_that_do_not_fit_the_context_window_are_left_out(settings, store) -> None:  # type: ignore[no-untyped-def]
    from assistant.llm.types import estimate_tokens

    question = "商談で言われたことは?"
    client, _ = fake_client("unused")
    full = ChatService(settings, store, client=client).start(question)
    given = len(full.plan.evidence)
    assert given >= 2
    prompt = full.messages()
    needed = sum(estimate_tokens(m.content) for m in prompt)
    # A window that holds the prompt only without its last source.
    small = settings.model_copy(update={"context_tokens": needed + 100, "max_answer_tokens": 120})
    client, model = fake_client("答えです [1]。")
    turn = ChatService(small, store, client=client).start(question)
    sent = turn.messages()
    assert sum(estimate_tokens(m.content) for m in sent) <= small.context_tokens - 120
    assert 1 <= len(turn.plan.evidence) < given
    kept = {e.ref for e in turn.plan.evidence}
    user = sent[-1].content
    assert all(f'<source id="{ref}"' in user for ref in kept)
    assert f'<source id="{given}"' not in user


def test_a_trend_question_without_kpi_words_is_routed_by_the_query_and_charted(
    settings, store
) -> None:  # type: ignore[no-untyped-def]
    answer = _offline(settings, store).ask(
        "How did the MQL to SQL rate move from July to September 2026?", lang="en"
    )
    assert answer.intent == "kpi"
    assert answer.kpi is not None and answer.kpi["query"]["op"] == "trend"
    assert [p["month"] for p in answer.chart] == ["2026-07", "2026-08", "2026-09"]
    # 54/180, 52/195, 50/200
    for shown in ("2026-07: 30.0%", "2026-08: 26.7%", "2026-09: 25.0%"):
        assert shown in answer.text
    assert answer.warnings == []


def test_first_month_below_a_rate_is_a_month_not_the_latest_figures(settings, store) -> None:  # type: ignore[no-untyped-def]
    answer = _offline(settings, store).ask("MQL→SQL転換率が初めて28%を下回ったのは何月？")
    assert answer.kpi is not None and answer.kpi["months"] == ["2026-08"]
    assert "2026年8月: 26.7%" in answer.text
    assert "700件" not in answer.text
