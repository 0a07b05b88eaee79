"""Axis in the browser: `streamlit run ui/app.py`.  Pages stay thin over `assistant`.

Pages live in ``ui/views/``, not ``ui/pages/``: Streamlit treats a ``pages/`` folder beside
the main script as old-style pages and, on a direct URL such as ``/knowledge``, runs the page
file alone — without this script's settings, sidebar or error handling.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.errors import AxisError
from assistant.workspace import status
from ui import state
from ui.i18n import t

st.set_page_config(page_title="Axis", page_icon="🧭", layout="wide")

try:
    settings = state.settings()
except AxisError as exc:  # e.g. an invalid AXIS_* variable: say which, never a trace
    st.error(str(exc))
    st.stop()

st.session_state.setdefault("lang", settings.language)
with st.sidebar:
    st.selectbox(
        t("language"),
        options=["ja", "en"],
        format_func=lambda code: {"ja": "日本語", "en": "English"}[code],
        key="lang",
    )

try:
    store = state.store(settings.workspace)
except AxisError as exc:
    st.error(str(exc))
    st.stop()

pages = [
    st.Page("views/chat.py", title=t("nav_chat"), icon=":material/chat:", default=True),
    st.Page("views/knowledge.py", title=t("nav_knowledge"), icon=":material/library_books:"),
    st.Page("views/dashboard.py", title=t("nav_dashboard"), icon=":material/monitoring:"),
    st.Page("views/feedback.py", title=t("nav_feedback"), icon=":material/forum:"),
    st.Page("views/drafts.py", title=t("nav_drafts"), icon=":material/edit_document:"),
    st.Page("views/review.py", title=t("nav_review"), icon=":material/rate_review:"),
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
