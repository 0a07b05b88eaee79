"""Knowledge page: upload files (with a preview of how tables will be read), see every file
accounted for, correct a document's kind, delete, and search with the page or slide named.

Every action is one call into ``assistant`` (``workspace.ingest_upload``,
``ingest.tables.preview_tables``, ``workspace.set_document_kind``, ``workspace.delete_document``,
``store.search``), so the page and ``axis ingest`` / ``axis docs`` follow the same rules.
"""

from __future__ import annotations

from pathlib import PurePath

import pandas as pd
import streamlit as st

from assistant.analytics.crm.reader import CrmExportReader
from assistant.domain.grounding import cite_label, place_of
from assistant.errors import AxisError
from assistant.ingest.columns import ALL_FIELDS, ColumnMap
from assistant.ingest.loaders import SUPPORTED_SUFFIXES, TABLE_SUFFIXES
from assistant.ingest.tables import preview_tables
from assistant.workspace import (
    DOCUMENT_KINDS_SETTABLE,
    delete_document,
    ingest_upload,
    set_document_kind,
)
from ui import state
from ui.i18n import kind_label, lang, t

settings = state.settings()
store = state.store(settings.workspace)
REPORTS = "knowledge_reports"


def _reason(entry: dict) -> str:
    return entry.get("reason_ja", entry["reason"]) if lang() == "ja" else entry["reason"]


def _mapping_editor(name: str, data: bytes) -> list[ColumnMap]:
    """The preview of a table file: each sheet's kind and columns, a field editable per
    column; the changes become this file's --map entries."""
    suffix = PurePath(name).suffix.lower()
    try:
        previews = preview_tables(data, suffix=suffix, source=name, exports=CrmExportReader())
    except AxisError as exc:
        st.error(exc.localized(lang()))
        return []
    maps: list[ColumnMap] = []
    for sheet in previews:
        title = f"{name} — {sheet.sheet}" if sheet.sheet else name
        st.markdown(f"**{title}**: {t('kind_' + sheet.kind)}")
        if not sheet.columns:
            continue
        frame = pd.DataFrame(
            {
                t("preview_col_header"): [c.header for c in sheet.columns],
                t("preview_col_field"): [c.field or "" for c in sheet.columns],
                t("preview_col_status"): [t("status_col_" + c.status) for c in sheet.columns],
                t("preview_col_sample"): [c.sample for c in sheet.columns],
            }
        )
        edited = st.data_editor(
            frame,
            hide_index=True,
            disabled=[t("preview_col_header"), t("preview_col_status"), t("preview_col_sample")],
            column_config={
                t("preview_col_field"): st.column_config.SelectboxColumn(options=["", *ALL_FIELDS])
            },
            key=f"preview-{name}-{sheet.sheet}",
        )
        target = f"{name}#{sheet.sheet}" if sheet.sheet else name
        for column, before, after in zip(
            frame[t("preview_col_header")],
            frame[t("preview_col_field")],
            edited[t("preview_col_field")],
            strict=True,
        ):
            if after and after != before:
                maps.append(ColumnMap(column, after, target))
    return maps


def _show_report(name: str, report: dict) -> None:
    for entry in report["ingested"]:
        where = entry["source"].split("#", 1)[-1] if "#" in entry["source"] else name
        st.success(
            t("ingested_doc", source=where, kind=kind_label(entry["kind"]), n=entry["chunks"]),
            icon=":material/check_circle:",
        )
    for part in report["parts_skipped"]:
        st.caption(t("part_skipped", part=part["part"], reason=part["reason"]))
    for entry in report["skipped"]:
        st.info(t("skipped_file", path=entry["path"], reason=_reason(entry)))
    for rejection in report["rejected"]:
        st.error(t("rejected", error=rejection["error"]))
    warnings = report["warnings"]
    if warnings:
        with st.expander(t("warnings_n", n=len(warnings))):
            for w in warnings:
                key = "warning_row" if w.get("row") is not None else "warning"
                st.warning(t(key, path=w["path"], row=w.get("row"), message=w["message"]))


st.title(t("knowledge_title"))
st.caption(t("knowledge_intro"))

# -- upload ---------------------------------------------------------------------------
st.subheader(t("upload_header"))
files = st.file_uploader(
    t("upload_label"),
    type=sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES),
    accept_multiple_files=True,
    # A new key after each ingest empties the widget (and its preview) for the next files.
    key=f"knowledge_upload_{st.session_state.get('knowledge_round', 0)}",
)
maps: dict[str, list[ColumnMap]] = {}
tables = [f for f in files or [] if PurePath(f.name).suffix.lower() in TABLE_SUFFIXES]
if tables:
    with st.expander(t("preview_header"), expanded=True):
        st.caption(t("preview_intro"))
        for upload in tables:
            maps[upload.name] = _mapping_editor(upload.name, upload.getvalue())
if files and st.button(t("upload_button"), type="primary", key="knowledge_ingest"):
    bar = st.progress(0.0)
    reports = []
    for i, upload in enumerate(files):
        bar.progress(i / len(files), text=t("ingesting", name=upload.name))
        try:
            report = ingest_upload(
                store, upload.getvalue(), filename=upload.name, mapping=maps.get(upload.name)
            )
        except AxisError as exc:
            reports.append((upload.name, {"ingested": [], "parts_skipped": [], "skipped": [],
                                          "rejected": [{"error": exc.localized(lang())}],
                                          "warnings": []}))  # fmt: skip
            continue
        reports.append((upload.name, report.as_json()))
    bar.progress(1.0)
    st.session_state[REPORTS] = reports
    st.session_state["knowledge_round"] = st.session_state.get("knowledge_round", 0) + 1
    st.rerun()
done = st.session_state.get(REPORTS, [])
if done:
    files = sum(1 for _name, r in done if r["ingested"])
    added = sum(r.get("chunks_added", 0) for _name, r in done)
    unchanged = sum(r.get("chunks_skipped", 0) for _name, r in done)
    if files:
        st.success(t("ingested", files=files, added=added, skipped=unchanged))
for name, report in done:
    _show_report(name, report)

# -- documents ------------------------------------------------------------------------
st.subheader(t("docs_header"))
documents = store.documents()
if not documents:
    st.info(t("docs_empty"))
else:
    by_kind: dict[str, int] = {}
    for d in documents:
        by_kind[d.kind] = by_kind.get(d.kind, 0) + 1
    cols = st.columns(min(len(by_kind), 6))
    for i, (kind, count) in enumerate(sorted(by_kind.items(), key=lambda kv: -kv[1])):
        cols[i % len(cols)].metric(kind_label(kind), count)
    table = pd.DataFrame(
        {
            t("col_kind"): [kind_label(d.kind) for d in documents],
            t("col_source"): [d.source for d in documents],
            t("col_title"): [d.title for d in documents],
            t("col_chunks"): [d.chunks for d in documents],
            t("col_ingested"): [d.ingested_at for d in documents],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")

    with st.expander(t("kind_change_header")):
        movable = [d.source for d in documents if d.kind in DOCUMENT_KINDS_SETTABLE]
        c1, c2, c3 = st.columns([4, 2, 1])
        chosen = c1.selectbox(t("kind_change_doc"), movable, index=None, key="kind_doc")
        new_kind = c2.selectbox(
            t("col_kind"), DOCUMENT_KINDS_SETTABLE, format_func=kind_label, key="kind_new"
        )
        if chosen and c3.button(t("kind_change_button"), key="kind_apply"):
            try:
                set_document_kind(settings, store, chosen, new_kind)
            except AxisError as exc:
                st.error(exc.localized(lang()))
            else:
                st.toast(t("kind_changed", source=chosen, kind=kind_label(new_kind)))
                st.rerun()

    with st.expander(t("delete_button")):
        target = st.selectbox(t("delete_label"), [d.source for d in documents], index=None)
        if target:
            st.warning(t("delete_confirm", source=target))
            if st.button(t("delete_button"), type="secondary"):
                try:
                    removed = delete_document(store, target)
                except AxisError as exc:
                    st.error(exc.localized(lang()))
                else:
                    st.toast(t("deleted", source=target, n=removed))
                    st.rerun()

# -- search ---------------------------------------------------------------------------
st.subheader(t("search_header"))
kinds = sorted({d.kind for d in documents})
c1, c2, c3 = st.columns([4, 2, 1])
query = c1.text_input(t("search_label"), placeholder=t("search_placeholder"))
kind = c2.selectbox(
    t("search_kind"),
    [None, *kinds],
    format_func=lambda k: t("search_all") if k is None else kind_label(k),
)
k = c3.number_input(t("search_k"), min_value=1, max_value=50, value=5)

if query.strip():
    try:
        results = store.search(query, k=int(k), kind=kind)
    except AxisError as exc:
        st.error(exc.localized(lang()))
        results = []
    if not results:
        st.info(t("search_none"))
    snapshot = store.snapshot() if results else None
    for i, r in enumerate(results, start=1):
        with st.container(border=True):
            where = cite_label(r.source, place_of(r.metadata), lang())
            st.markdown(f"**{t('search_result', i=i, source=where, kind=kind_label(r.kind))}**")
            details = [f"{t('score')} {r.score:.4f}", f"`{r.chunk_id[:12]}`"]
            details += [
                f"{key}: {r.metadata[key]}"
                for key in ("row", "date", "rep", "account", "stage", "month", "persona")
                if key in r.metadata
            ]
            st.caption(" · ".join(details))
            st.text(r.text)
            place = place_of(r.metadata)
            if place and snapshot is not None:
                # The whole page or slide the passage is on: the place the citation opens.
                page = [
                    c.text
                    for c in snapshot.chunks()
                    if c.source == r.source and place_of(c.metadata) == place
                ]
                with st.expander(t("open_place", place=cite_label(r.source, place, lang()))):
                    st.markdown("\n\n".join(page))
