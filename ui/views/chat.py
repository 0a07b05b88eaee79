"""Chat page (the app's home): grounded answers with sources, warnings and a mode badge."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from assistant.chat import Answer, ChatService, StoredMessage
from assistant.chat.starters import starter_questions
from assistant.domain.grounding import cite_label
from assistant.errors import AxisError
from ui import state
from ui.i18n import lang, t

CONV_KEY = "chat_conversation_id"
PENDING_KEY = "chat_pending_question"


@st.cache_resource(show_spinner=False)
def _service(workspace: str) -> ChatService:
    settings = state.settings().model_copy(update={"workspace": workspace})
    return ChatService(settings, state.store(workspace))


def _chart(answer: Answer) -> None:
    """A line over the months of a trend, its axis in % or yen as the metric is."""
    points = pd.DataFrame(answer.chart)
    kind = str(points["kind"].iloc[0])
    axis = {"ratio": ".1%", "yen": ",.0f"}.get(kind, ",.0f")
    title = str((answer.kpi or {}).get("statement", ""))
    chart = (
        alt.Chart(points, title=title)
        .mark_line(point=True)
        .encode(
            x=alt.X("month:O", title=t("chat_chart_month"), sort=None),
            y=alt.Y("value:Q", title=t(f"chat_chart_{kind}"), axis=alt.Axis(format=axis)),
            tooltip=[
                alt.Tooltip("month:O", title=t("chat_chart_month")),
                alt.Tooltip("value:Q", title=t(f"chat_chart_{kind}"), format=axis),
            ],
        )
    )
    st.altair_chart(chart, use_container_width=True)


def _render_answer(answer: Answer) -> None:
    if answer.chart:
        _chart(answer)
    if answer.notice:
        st.caption(f"ℹ️ {answer.notice}")
    if (draft_id := answer.draft_id) is not None:  # the chat made a draft: open it
        st.page_link(
            "views/review.py",
            label=t("chat_open_draft", id=draft_id),
            icon=":material/rate_review:",
            query_params={"id": str(draft_id)},
        )
    for w in answer.warnings:
        st.warning(t(f"warn_{w.code}", detail=w.detail[:12]))
    if answer.citations:
        with st.expander(t("chat_sources", n=len(answer.citations))):
            for c in answer.citations:
                st.markdown(f"**[{c.ref}] {cite_label(c.source, c.location, lang())}**")
                st.caption(c.quote)


def _render_stored(message: StoredMessage) -> None:
    if message.role == "error":
        with st.chat_message("assistant", avatar="⚠️"):
            st.error(t("chat_error_saved", error=message.content))
        return
    with st.chat_message(message.role):
        st.markdown(message.content)
        if message.role == "assistant" and message.meta:
            _render_answer(Answer(text=message.content, **message.meta))


def _select(conversation_id: str | None) -> None:
    st.session_state[CONV_KEY] = conversation_id


def _rename(service: ChatService, conversation_id: str) -> None:
    service.conversations.rename(conversation_id, st.session_state.get("chat_rename_input", ""))


def _delete(service: ChatService, conversation_id: str) -> None:
    service.conversations.delete(conversation_id)
    st.session_state[CONV_KEY] = None
    st.toast(t("chat_deleted"))


def _sidebar(service: ChatService) -> None:
    """Drawn after the page so a new conversation is listed; buttons act in callbacks."""
    with st.sidebar:
        st.subheader(t("chat_conversations"))
        st.button(t("chat_new"), use_container_width=True, on_click=_select, args=(None,))
        conversations = service.conversations.list()
        if not conversations:
            st.caption(t("chat_empty"))
        current_id = st.session_state.get(CONV_KEY)
        for conv in conversations[:30]:
            label = ("▶ " if conv.id == current_id else "") + conv.title
            st.button(
                label,
                key=f"conv-{conv.id}",
                use_container_width=True,
                on_click=_select,
                args=(conv.id,),
            )
        current = next((c for c in conversations if c.id == current_id), None)
        if current is not None:
            with st.expander(t("chat_rename")):
                st.text_input(t("chat_rename_label"), value=current.title, key="chat_rename_input")
                st.button(
                    t("chat_rename"),
                    key="chat_rename_button",
                    on_click=_rename,
                    args=(service, current.id),
                )
            st.button(
                t("chat_delete"),
                key="chat_delete_button",
                on_click=_delete,
                args=(service, current.id),
            )


def _ask(service: ChatService, question: str) -> None:
    with st.chat_message("user"):
        st.markdown(question)
    with st.chat_message("assistant"):
        try:
            turn = service.start(
                question, conversation_id=st.session_state.get(CONV_KEY), lang=lang()
            )
            st.session_state[CONV_KEY] = turn.conversation_id
            st.write_stream(turn)
        except AxisError as exc:
            st.error(t("chat_error_saved", error=str(exc)))
            return
        assert turn.answer is not None
        _render_answer(turn.answer)


try:
    service = _service(state.settings().workspace)
    known = {c.id for c in service.conversations.list()}
    if st.session_state.get(CONV_KEY) not in known:
        st.session_state[CONV_KEY] = None  # deleted elsewhere, or another workspace
    st.title(t("chat_title"))
    mode = (
        t("chat_mode_offline")
        if service.client is None
        else t("chat_mode_llm", model=service.client.model_name)
    )
    st.markdown(f"{t('chat_intro')} :violet-badge[{mode}]")

    conversation_id = st.session_state.get(CONV_KEY)
    history = service.conversations.messages(conversation_id) if conversation_id else []
    for message in history:
        _render_stored(message)

    if not history:
        starters = starter_questions(service.store, service.kpi(), lang=lang())
        if starters:
            st.caption(t("chat_starters"))
            columns = st.columns(len(starters))
            for i, (column, text) in enumerate(zip(columns, starters, strict=True)):
                if column.button(text, key=f"starter-{i}", use_container_width=True):
                    st.session_state[PENDING_KEY] = text

    question = st.chat_input(t("chat_placeholder")) or st.session_state.pop(PENDING_KEY, None)
    if question:
        _ask(service, question)
    _sidebar(service)
except AxisError as exc:
    st.error(str(exc))
