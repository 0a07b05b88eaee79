"""Axis in the browser: `streamlit run ui/app.py`.  Pages stay thin over `assistant`."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.errors import AxisError
from assistant.workspace import status
from ui import state
from ui.strings import t

st.set_page_config(page_title="Axis", page_icon="🧭", layout="wide")

with st.sidebar:
    st.selectbox(
        t("language"),
        options=["ja", "en"],
        format_func=lambda code: {"ja": "日本語", "en": "English"}[code],
        key="lang",
    )

try:
    settings = state.settings()
    store = state.store(settings.workspace)
except AxisError as exc:
    st.error(str(exc))
    st.stop()

pages = [
    st.Page("pages/knowledge.py", title=t("nav_knowledge"), icon="📚", default=True),
]
st.navigation(pages).run()

# After the page ran, so counts include what it just ingested or deleted.
with st.sidebar:
    info = status(settings, store)
    st.caption(f"{t('workspace')}: **{info['workspace']}**")
    c1, c2 = st.columns(2)
    c1.metric(t("status_docs"), info["documents"])
    c2.metric(t("status_chunks"), info["chunks"])
    st.caption(f"{t('status_llm')}: {info['llm']}")
