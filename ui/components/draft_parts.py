"""The parts of a draft every page shows the same way: section badges, warnings, evidence."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assistant.domain.grounding import cite_label
from assistant.drafts.models import Draft, Section
from ui.i18n import lang, t

_SECTION_BADGE = {"ok": "green", "gap": "red", "proposal": "blue", "unknown": "gray"}


def section_badge(section: Section) -> str:
    """「根拠あり」/「情報不足」/「提案」/「不明」 as a coloured badge."""
    colour = _SECTION_BADGE.get(section.status, "gray")
    return f":{colour}-badge[{t(f'status_{section.status}')}]"


def warnings(draft: Draft) -> None:
    """Blocking checks as errors (an approval needs an override), the rest folded away."""
    for w in draft.blocking_warnings:
        st.error(t("drafts_blocking", message=w.message), icon=":material/block:")
    others = [w for w in draft.warnings if not w.blocking]
    if others:
        with st.expander(t("drafts_warnings", n=len(others))):
            for w in others:
                st.warning(w.message)


def evidence(draft: Draft) -> None:
    """The quoted sources and the computed facts a draft cites, as tables."""
    if draft.citations:
        with st.expander(t("drafts_sources", n=len(draft.citations))):
            st.dataframe(
                pd.DataFrame(
                    {
                        t("drafts_col_ref"): [c.ref for c in draft.citations],
                        t("drafts_col_source"): [
                            cite_label(c.source, c.location, lang()) for c in draft.citations
                        ],
                        t("drafts_col_quote"): [c.quote for c in draft.citations],
                    }
                ),
                hide_index=True,
                width="stretch",
            )
    if draft.facts:
        with st.expander(t("drafts_facts", n=len(draft.facts))):
            st.dataframe(
                pd.DataFrame(
                    {
                        t("drafts_col_ref"): [f.id for f in draft.facts],
                        t("drafts_col_label"): [f.label for f in draft.facts],
                        t("drafts_col_value"): [f.display for f in draft.facts],
                    }
                ),
                hide_index=True,
                width="stretch",
            )
