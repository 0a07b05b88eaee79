"""Review page: the queue by status, one draft's versions side by side, comments, decisions.

A draft opens from the queue, from ``/review?id=N`` (the chat links there when it has made a
draft) or from the Drafts page.  Each action is one ``ReviewService`` call, so the rules are
the CLI's: comments are saved before anything acts on them, a regeneration makes a new
version, and approving a version with unverified numbers needs an override comment — the page
asks for it up front and says why.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
import streamlit as st

from assistant.drafts.models import Section
from assistant.errors import AxisError
from assistant.review.models import (
    EVENT_NAMES,
    REVIEW_STATUSES,
    Actions,
    Comment,
    DraftRecord,
    ReviewView,
    named,
)
from assistant.review.service import ReviewService
from ui import state
from ui.components.draft_parts import evidence, section_badge, warnings
from ui.components.version_diff import version_diff
from ui.i18n import draft_kind_label, lang, review_status_label, t

TARGET = "review_draft_id"  # also set by the Drafts page
FLASH = "review_flash"
PICK = "review_pick"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<])")
_STATUS_BADGE = {
    "draft": "gray",
    "in_review": "blue",
    "changes_requested": "orange",
    "approved": "green",
    "archived": "violet",
}


def _escape(text: str) -> str:
    """User text shown as text, never as Markdown or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _status_badge(status: str) -> str:
    return f":{_STATUS_BADGE.get(status, 'gray')}-badge[{review_status_label(status)}]"


def _act(action: Callable[[], object], done: str) -> bool:
    """Run one service call; a refusal is shown as the service words it, never a trace."""
    try:
        action()
    except AxisError as exc:
        st.session_state[FLASH] = ("error", exc.localized(lang()))
        return False
    st.session_state[FLASH] = ("success", done)
    return True


# -- queue ------------------------------------------------------------------------------
def _requested_id() -> int | None:
    raw = st.query_params.get("id") or st.session_state.get(TARGET)
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def _queue(records: list[DraftRecord]) -> DraftRecord | None:
    counts = {s: sum(1 for r in records if r.status == s) for s in REVIEW_STATUSES}
    wanted = _requested_id()
    if wanted is not None and all(r.id != wanted for r in records):
        st.warning(t("review_not_found", id=wanted))
    status = st.segmented_control(
        t("review_filter"),
        ["all", *REVIEW_STATUSES],
        default="all",
        format_func=lambda s: (
            f"{t('review_all')} ({len(records)})"
            if s == "all"
            else f"{review_status_label(s)} ({counts[s]})"
        ),
        key="review_status_filter",
    )
    shown = [r for r in records if status in (None, "all") or r.status == status]
    if not shown:
        st.info(t("review_none_in_status"))
        return None
    by_id = {r.id: r for r in shown}
    if st.session_state.get(PICK) not in by_id:  # first visit, a link, or filtered away
        st.session_state[PICK] = wanted if wanted in by_id else shown[0].id
    chosen = st.selectbox(
        t("review_pick"),
        list(by_id),
        # Only what never changes: the browser keeps an option's label once drawn.
        format_func=lambda i: f"#{i} {by_id[i].title} ({draft_kind_label(by_id[i].kind)})",
        key=PICK,
    )
    st.session_state[TARGET] = chosen
    if st.query_params.get("id") != str(chosen):
        st.query_params["id"] = str(chosen)  # the address can be shared
    return by_id[chosen]


# -- one version, with comments -----------------------------------------------------------
def _comment_line(c: Comment) -> str:
    kind = t(f"review_comment_kind_{c.kind}")
    resolved = f" · {t('review_resolved', n=c.resolved_in)}" if c.resolved_in else ""
    when = f"{c.created_at:%Y-%m-%d %H:%M}"
    text = _escape(c.text).replace("\n", "  \n")
    return f"**{_escape(c.author)}** · {kind} · v{c.version} · {when}{resolved}  \n{text}"


def _comment_form(service: ReviewService, draft_id: int, section: str | None) -> None:
    key = f"comment-{draft_id}-{section or 'all'}"
    with st.form(key, clear_on_submit=True):
        text = st.text_area(t("review_comment_label"), key=f"{key}-text", height=80)
        if st.form_submit_button(t("review_comment_add")):
            if not text.strip():
                st.session_state[FLASH] = ("error", t("review_comment_empty"))
            else:
                _act(
                    lambda: service.comment(draft_id, text, section=section),
                    t("review_comment_saved"),
                )
            st.rerun()


def _comments(service: ReviewService, view: ReviewView, section: str | None) -> None:
    mine = [c for c in view.comments if c.section == section]
    with st.expander(t("review_comments", n=len(mine)), expanded=bool(mine)):
        for c in mine:
            st.markdown(_comment_line(c))
        _comment_form(service, view.record.id, section)


def _section(service: ReviewService, view: ReviewView, section: Section) -> None:
    with st.container(border=True):
        st.markdown(f"#### {section.title} {section_badge(section)}")
        st.markdown(section.body)
        _comments(service, view, section.key)


def _body(service: ReviewService, view: ReviewView) -> None:
    draft = view.version.draft
    if view.version.number != view.record.current_version:
        st.warning(t("review_old_version", n=view.record.current_version))
    if draft.notice:
        st.info(draft.notice, icon=":material/info:")
    warnings(draft)
    st.markdown(f"**{t('review_general')}**")
    _comments(service, view, None)
    for section in draft.sections:
        _section(service, view, section)
    evidence(draft)
    snap = view.version.snapshot
    st.caption(
        t(
            "review_snapshot",
            docs=len(snap.documents),
            months=", ".join(snap.kpi_months) or "—",
            notes=snap.feedback_notes,
        )
    )


# -- decisions ----------------------------------------------------------------------------
def _approve(service: ReviewService, view: ReviewView, can: Actions) -> None:
    record = view.record
    if can.override_needed:
        st.warning(t("review_blocking_explain", n=can.override_needed))
    label = t("review_override_label") if can.override_needed else t("review_approve_label")
    with st.form(f"approve-{record.id}"):
        note = st.text_area(label, height=80, key=f"approve-note-{record.id}")
        pressed = st.form_submit_button(
            t("review_approve"),
            type="primary",
            icon=":material/check_circle:",
            disabled=not can.approve,
            use_container_width=True,
        )
    if not pressed:
        return
    # An approval is for the version on screen: an older one is refused by the service.
    _act(
        lambda: service.approve(record.id, comment=note or None, version=view.version.number),
        t("review_approved"),
    )
    st.rerun()


def _request_changes(service: ReviewService, record: DraftRecord, can: Actions) -> None:
    with st.form(f"request-{record.id}", clear_on_submit=True):
        note = st.text_area(t("review_request_label"), height=80, key=f"request-{record.id}-t")
        pressed = st.form_submit_button(
            t("review_request"),
            icon=":material/undo:",
            disabled=not can.request_changes,
            use_container_width=True,
        )
    if pressed:
        _act(
            lambda: service.request_changes(record.id, comment=note or None),
            t("review_requested"),
        )
        st.rerun()


def _regenerate(service: ReviewService, record: DraftRecord, can: Actions) -> None:
    if not can.llm:
        st.caption(t("review_regenerate_offline"))
    if st.button(
        t("review_regenerate"),
        icon=":material/autorenew:",
        disabled=not can.regenerate,
        use_container_width=True,
    ):
        with st.spinner(t("review_regenerating")):
            try:
                version = service.regenerate(record.id)
            except AxisError as exc:
                st.session_state[FLASH] = ("error", str(exc))
            else:
                st.session_state[FLASH] = (
                    "success",
                    t("review_regenerated", n=version.number, note=version.note),
                )
        st.rerun()


def _actions(service: ReviewService, view: ReviewView) -> None:
    record = view.record
    can = service.allowed_actions(record)
    if st.button(
        t("review_submit"),
        icon=":material/send:",
        disabled=not can.submit,
        use_container_width=True,
    ):
        _act(lambda: service.submit(record.id), t("review_submitted"))
        st.rerun()
    _approve(service, view, can)
    _request_changes(service, record, can)
    _regenerate(service, record, can)
    if st.button(
        t("review_archive"),
        icon=":material/archive:",
        disabled=not can.archive,
        use_container_width=True,
    ):
        _act(lambda: service.archive(record.id), t("review_archived"))
        st.rerun()


# -- export and history ---------------------------------------------------------------------
def _export(service: ReviewService, view: ReviewView) -> None:
    st.markdown(f"**{t('review_export')}**")
    record = view.record
    unapproved = False
    if record.status != "approved":
        unapproved = st.checkbox(t("review_export_unapproved"), key=f"unapproved-{record.id}")
        if not unapproved:
            return
    for fmt, label in (("md", t("review_export_md")), ("docx", t("review_export_docx"))):
        try:
            content, name, media = service.export_bytes(record.id, fmt, allow_unapproved=unapproved)
        except AxisError as exc:
            st.error(str(exc))
            return
        st.download_button(
            label, content, name, media, icon=":material/download:", use_container_width=True
        )


def _history(view: ReviewView) -> None:
    with st.expander(t("review_history", n=len(view.events))):
        st.dataframe(
            pd.DataFrame(
                {
                    t("review_col_at"): [f"{e.at:%Y-%m-%d %H:%M}" for e in view.events],
                    t("review_col_actor"): [e.actor for e in view.events],
                    t("review_col_action"): [
                        named(EVENT_NAMES, e.action, lang()) for e in view.events
                    ],
                    t("review_col_version"): [e.version for e in view.events],
                    t("review_col_detail"): [e.detail for e in view.events],
                }
            ),
            hide_index=True,
            width="stretch",
        )


# -- page -----------------------------------------------------------------------------------
def _flash() -> None:
    kind, message = st.session_state.pop(FLASH, (None, None))
    if kind == "error":
        st.error(message)
    elif kind == "success":
        st.success(message)


def _draft(service: ReviewService, record: DraftRecord) -> None:
    versions = service.view(record.id).versions
    c1, c2 = st.columns([3, 1])
    number = c2.selectbox(
        t("review_version"), versions[::-1], key=f"version-{record.id}", format_func=str
    )
    view = service.view(record.id, number)
    draft = view.version.draft
    with c1:
        st.subheader(f"#{record.id} {draft.title}")
        st.markdown(
            f"{_status_badge(record.status)} :violet-badge[{draft_kind_label(record.kind)}]"
            + "".join(f" :gray-badge[{x}]" for x in (record.persona, record.axis) if x)
        )
        st.caption(
            t(
                "review_meta",
                mode=draft.mode,
                version=view.version.number,
                versions=len(view.versions),
                author=record.created_by,
                updated=f"{record.updated_at:%Y-%m-%d %H:%M}",
            )
        )
    main, side = st.columns([5, 2], gap="large")
    with side:
        _actions(service, view)
        st.divider()
        _export(service, view)
        _history(view)
    with main:
        body, compare = st.tabs([t("review_tab_draft"), t("review_tab_diff")])
        with compare:
            version_diff(service, view)
        with body:
            _body(service, view)


try:
    settings = state.settings()
    store = state.store(settings.workspace)
    st.title(t("review_title"))
    st.caption(t("review_intro"))
    service = ReviewService(settings, store)
    _flash()
    records = service.list()
    if not records:
        st.info(t("review_empty"))
        st.page_link("views/drafts.py", label=t("review_go_drafts"), icon="📝")
        st.stop()
    chosen = _queue(records)
    if chosen is not None:
        st.divider()
        _draft(service, chosen)
except AxisError as exc:
    st.error(str(exc))
