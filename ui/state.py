"""Process-wide resources for the app (settings, the store), created once per workspace."""

from __future__ import annotations

import streamlit as st

from assistant.config import Settings, load_settings
from assistant.retrieval import KnowledgeStore
from assistant.workspace import open_store


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    return load_settings()


@st.cache_resource(show_spinner=False)
def store(workspace: str) -> KnowledgeStore:
    return open_store(settings().model_copy(update={"workspace": workspace}))
