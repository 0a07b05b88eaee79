"""Drafts page: choose a kind, persona and message axis, generate, then edit by section.

Everything a draft says is decided in ``assistant.drafts``; every action here is one call
into ``ReviewService`` (create, create_many, view, edit_section), so the page and
``axis draft`` / ``axis review edit`` enforce the same checks.  A generated draft goes
straight into the review queue; the Review page takes it from there.
"""

from __future__ import annotations

import streamlit as st

from assistant.drafts.axes import MessageAxis, offered_axes
from assistant.drafts.context import DraftRequest
from assistant.drafts.evidence import Corpus
from assistant.drafts.kinds import FORMATS, KINDS, STAGES, format_name
from assistant.drafts.models import Section
from assistant.drafts.sla.commitments import parse_target
from assistant.errors import AxisError, InputError
from assistant.review.models import ReviewView
from assistant.review.service import ReviewService
from ui import state
from ui.components.draft_parts import evidence, section_badge, warnings
from ui.i18n import draft_kind_label, lang, stage_label, t

SHOWN = "drafts_shown_id"
CREATED = "drafts_created_ids"
FLASH = "drafts_flash"
REVIEW_TARGET = "review_draft_id"  # read by the Review page


def _choose_persona(kind: str, names: list[str], batch: bool) -> str | None:
    if KINDS[kind].persona == "none" or batch:
        return None
    if not names:
        st.caption(t("drafts_no_personas"))
        return None
    options: list[str | None] = list(names)
    if KINDS[kind].persona != "required":
        options = [None, *names]
    return st.selectbox(
        t("drafts_persona"),
        options,
        format_func=lambda n: t("drafts_persona_none") if n is None else n,
        key="drafts_persona",
    )


def _choose_axes(kind: str, axes: list[MessageAxis], batch: bool) -> list[str]:
    if KINDS[kind].axes == "none":
        return []
    ids = [a.id for a in axes]
    names = {a.id: a.name(lang()) for a in axes}
    if batch:
        return st.multiselect(
            t("drafts_axes"), ids, default=ids[:1], format_func=names.get, key="drafts_axes"
        )
    options: list[str | None] = [*ids] if KINDS[kind].persona == "required" else [None, *ids]
    chosen = st.selectbox(
        t("drafts_axis"),
        options,
        format_func=lambda a: t("drafts_axis_none") if a is None else names[a],
        key="drafts_axis",
    )
    return [chosen] if chosen else []


def _kind_options(kind: str) -> dict[str, str]:
    """The kind-specific options, as the strings ``DraftRequest.options`` carries."""
    options: dict[str, str] = {}
    takes = KINDS[kind].options
    if "revenue_target" in takes:
        given = st.text_input(
            t("drafts_revenue_target"), help=t("drafts_revenue_help"), key="drafts_revenue"
        )
        if given.strip():
            try:
                options["revenue_target"] = str(parse_target(given))
            except InputError as exc:  # the service's refusal, in the page's language
                raise InputError(t("drafts_bad_yen", value=given)) from exc
    if "segment" in takes:
        segment = st.text_input(t("drafts_segment"), key="drafts_segment")
        if segment.strip():
            options["segment"] = segment.strip()
    if "format" in takes:
        c1, c2 = st.columns(2)
        fmt = c1.selectbox(
            t("drafts_format"),
            [None, *FORMATS],
            format_func=lambda f: t("drafts_default") if f is None else format_name(f, lang()),
        )
        stage = c2.selectbox(
            t("drafts_stage"),
            [None, *STAGES],
            format_func=lambda s: t("drafts_default") if s is None else stage_label(s),
        )
        options.update({k: v for k, v in {"format": fmt, "stage": stage}.items() if v})
    return options


def _generate(service: ReviewService, requests: list[DraftRequest]) -> None:
    """One draft with a spinner, or a batch with a progress bar; remembers what was made."""
    if len(requests) == 1:
        with st.spinner(t("drafts_generating")):
            record, _ = service.create(requests[0])
        created = [record.id]
        st.session_state[FLASH] = t("drafts_created", id=record.id)
    else:
        bar = st.progress(0.0, text=t("drafts_batch_progress", done=0, total=len(requests)))
        made = service.create_many(
            requests,
            progress=lambda done, total: bar.progress(
                done / total, text=t("drafts_batch_progress", done=done, total=total)
            ),
        )
        created = [record.id for record, _ in made]
        st.session_state[FLASH] = t("drafts_batch_created", n=len(created))
    st.session_state[CREATED] = created
    st.session_state[SHOWN] = created[0]


def _form(service: ReviewService, corpus: Corpus) -> None:
    kind = st.selectbox(t("drafts_kind"), list(KINDS), format_func=draft_kind_label)
    batch = KINDS[kind].batch and st.checkbox(t("drafts_batch"), key="drafts_batch")
    personas = [p.name for p in corpus.personas]
    c1, c2 = st.columns(2)
    with c1:
        persona = _choose_persona(kind, personas, batch)
    with c2:
        axes = _choose_axes(kind, offered_axes(corpus.feedback_notes, corpus.personas), batch)
    options = _kind_options(kind)
    if batch:
        st.caption(t("drafts_batch_count", n=len(personas) * len(axes)))
    if not st.button(t("drafts_generate"), type="primary", key="drafts_generate"):
        return
    if batch and not axes:
        st.error(t("drafts_need_axis"))
        return
    if KINDS[kind].persona == "required" and not batch and not persona:
        st.error(t("drafts_need_persona"))
        return
    names = personas if batch else [persona]
    requests = [
        DraftRequest(kind=kind, persona=name, axis=axis, lang=lang(), options=options)
        for name in names
        for axis in (axes or [None])
    ]
    _generate(service, requests)
    st.rerun()


def _save_edit(service: ReviewService, draft_id: int, section: Section, widget: str) -> None:
    body = st.session_state.get(widget, "")
    try:
        version = service.edit_section(draft_id, section.key, body)
    except AxisError as exc:
        st.session_state[FLASH] = ("error", str(exc))
        return
    st.session_state[FLASH] = t("drafts_saved", section=section.title, n=version.number)


def _section(service: ReviewService, view: ReviewView, section: Section) -> None:
    with st.container(border=True):
        st.markdown(f"#### {section.title} {section_badge(section)}")
        st.markdown(section.body)
        with st.expander(t("drafts_edit")):
            widget = f"edit-{view.record.id}-{view.version.number}-{section.key}"
            with st.form(f"form-{widget}"):
                st.text_area(t("drafts_edit_label"), value=section.body, height=220, key=widget)
                st.form_submit_button(
                    t("drafts_save"),
                    on_click=_save_edit,
                    args=(service, view.record.id, section, widget),
                )


def _show(service: ReviewService, draft_id: int) -> None:
    view = service.view(draft_id)
    draft = view.version.draft
    st.divider()
    mode = t("drafts_mode_offline") if draft.mode == "offline" else draft.mode
    st.subheader(f"#{view.record.id} {draft.title}")
    st.markdown(
        f":violet-badge[{draft_kind_label(draft.kind)}] :gray-badge[{mode}] "
        f":gray-badge[{t('drafts_version', n=view.version.number)}]"
    )
    if st.button(t("drafts_open_review", id=draft_id), icon=":material/rate_review:"):
        st.session_state[REVIEW_TARGET] = draft_id
        st.switch_page("views/review.py", query_params={"id": str(draft_id)})
    if draft.notice:
        st.info(draft.notice, icon=":material/info:")
    warnings(draft)
    for section in draft.sections:
        _section(service, view, section)
    evidence(draft)


def _flash() -> None:
    message = st.session_state.pop(FLASH, None)
    if isinstance(message, tuple):
        st.error(message[1])
    elif message:
        st.success(message)


def _pick_created() -> int | None:
    created: list[int] = st.session_state.get(CREATED, [])
    if len(created) > 1:
        return st.selectbox(
            t("drafts_batch_pick"), created, format_func=lambda i: f"#{i}", key=SHOWN
        )
    return st.session_state.get(SHOWN)


try:
    settings = state.settings()
    store = state.store(settings.workspace)
    st.title(t("drafts_title"))
    st.caption(t("drafts_intro"))
    if not store.documents():
        st.info(t("drafts_empty"))
        st.page_link("views/knowledge.py", label=t("drafts_go_knowledge"), icon="📚")
        st.stop()
    service = ReviewService(settings, store)
    _flash()
    try:
        _form(service, Corpus(settings, store))
    except AxisError as exc:
        st.error(str(exc))
    shown = _pick_created()
    if shown is None:
        st.caption(t("drafts_none_yet"))
    else:
        _show(service, shown)
except AxisError as exc:
    st.error(str(exc))
