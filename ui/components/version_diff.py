"""The Review page's side-by-side comparison of two versions of a draft.

Which lines changed is decided in ``assistant.review.diff``; this module only lays them out:
two columns per section, removed lines struck out in red, added lines in green.
"""

from __future__ import annotations

import html

import streamlit as st

from assistant.review.diff import SectionDiff, line_blocks
from assistant.review.models import ReviewView
from assistant.review.service import ReviewService
from ui.i18n import t

_OLD_STYLE = "background:#fde2e1;text-decoration:line-through;"
_NEW_STYLE = "background:#d9f5dd;"
_BOX = (
    "border:1px solid #ddd;border-radius:6px;padding:8px;white-space:pre-wrap;"
    "font-size:0.9rem;min-height:2.5rem"
)


def _marked(lines: list[str], style: str) -> str:
    return "".join(f'<div style="{style}">{html.escape(line) or "&nbsp;"}</div>' for line in lines)


def _side_by_side(before: str, after: str) -> tuple[str, str]:
    """Both texts as HTML, lines that differ highlighted (struck out on the old side)."""
    left: list[str] = []
    right: list[str] = []
    for changed, old, new in line_blocks(before, after):
        left.append(_marked(old, _OLD_STYLE if changed else ""))
        right.append(_marked(new, _NEW_STYLE if changed else ""))
    return "".join(left), "".join(right)


def _diff_section(d: SectionDiff, old: int, new: int) -> None:
    change = t(f"review_change_{d.change}")
    st.markdown(f"**{d.title}** · {change}")
    left_html, right_html = _side_by_side(d.before, d.after)
    c1, c2 = st.columns(2)
    c1.markdown(
        f'<div class="axis-diff-old" style="{_BOX}"><b>v{old}</b>{left_html}</div>',
        unsafe_allow_html=True,
    )
    c2.markdown(
        f'<div class="axis-diff-new" style="{_BOX}"><b>v{new}</b>{right_html}</div>',
        unsafe_allow_html=True,
    )


def version_diff(service: ReviewService, view: ReviewView) -> None:
    """Two versions picked by the reviewer, each changed section side by side."""
    versions = view.versions
    if len(versions) < 2:
        st.info(t("review_only_one_version"))
        return
    c1, c2, c3 = st.columns([1, 1, 2])
    new = c2.selectbox(t("review_diff_to"), versions[::-1], key=f"diff-to-{view.record.id}")
    older = [v for v in versions if v < new] or versions[:1]
    old = c1.selectbox(t("review_diff_from"), older[::-1], key=f"diff-from-{view.record.id}")
    unchanged = c3.checkbox(t("review_diff_unchanged"), key=f"diff-same-{view.record.id}")
    diffs = service.diff(view.record.id, old, new)
    if all(d.change == "same" for d in diffs):
        st.info(t("review_diff_same", old=old, new=new))
    for d in diffs:
        if d.change != "same" or unchanged:
            _diff_section(d, old, new)
