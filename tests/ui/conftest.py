"""The one way page tests open the app: a fresh ``AppTest`` of ``ui/app.py`` on a page."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "ui" / "app.py")


def open_page(
    page: str | None = None,
    *,
    lang: str | None = "ja",
    query: dict[str, str] | None = None,
    timeout: float = 120,
) -> AppTest:
    """The app run once (home page), then switched to ``views/<page>.py`` when given."""
    import streamlit as st

    st.cache_resource.clear()  # each test has its own AXIS_HOME
    at = AppTest.from_file(APP, default_timeout=timeout)
    if lang is not None:  # None: the app picks it (AXIS_LANGUAGE)
        at.session_state["lang"] = lang
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at = at.switch_page(f"views/{page}.py").run()
    return at
